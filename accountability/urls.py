from django.urls import path

from articles.caching.pages import public_page

from . import views

app_name = "accountability"

urlpatterns = [
    path("om/", public_page(views.kolofon), name="kolofon"),
    path("klagevejledning/", public_page(views.klagevejledning), name="klagevejledning"),
    path("genmaele/", views.genmaele, name="genmaele"),
    path("genmaele/sendt/", views.genmaele_sent, name="genmaele_sent"),
]
