from django.urls import path

from articles.caching.pages import public_page

from . import views

app_name = "corrections"

urlpatterns = [
    path("", public_page(views.CorrectionListView.as_view()), name="list"),
    path("feed/", public_page(views.CorrectionFeed()), name="feed"),
]
