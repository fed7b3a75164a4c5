"""/citattjek/<token>/, and nothing else: every other address under /citattjek/ is a 404
that counts as a wrong link (views.py). Never ``public_page``: nothing here is cached."""

from django.urls import path, re_path

from . import views

app_name = "quotecheck"

urlpatterns = [
    path("<str:token>/", views.check_page, name="check"),
    re_path(r"^(?P<rest>.*)$", views.not_found),
]
