from django.urls import path

from articles.caching.pages import public_page

from . import archive, browser, views

app_name = "newsletter"

urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("tjek-din-indbakke/", views.sent, name="sent"),
    path("bekraeft/<str:token>/", views.confirm, name="confirm"),
    path("nyt-link/", views.resend, name="resend"),
    path("indstillinger/<str:token>/", views.preferences, name="preferences"),
    path("afmeld/<str:token>/", views.unsubscribe, name="unsubscribe"),
    # "Læs i browseren": one subscriber's mail, by a signed link (browser.py). Personal.
    path("mail/<str:token>/", browser.mail_in_browser, name="mail"),
    path("arkiv/", public_page(archive.ArchiveView.as_view()), name="archive"),
    path("arkiv/<int:number>/", public_page(archive.DigestView.as_view()), name="digest"),
]
