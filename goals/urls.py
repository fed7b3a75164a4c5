from django.urls import path

from articles.caching.pages import public_page
from articles.feeds import ObjectArticlesFeed
from articles.views import ObjectArticlesView

from . import views
from .listings import GOAL

app_name = "goals"

urlpatterns = [
    path("", public_page(views.ProgrammeView.as_view()), name="overview"),
    path("program/<slug:slug>/", public_page(views.ProgrammeView.as_view()), name="programme"),
    path("<slug:slug>/", public_page(ObjectArticlesView.as_view(listing=GOAL)), name="goal"),
    path("<slug:slug>/feed/", public_page(ObjectArticlesFeed(GOAL)), name="goal_feed"),
]
