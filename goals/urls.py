from django.urls import path

from articles.caching.pages import public_page

from . import feeds, views

app_name = "goals"

urlpatterns = [
    path("", public_page(views.ProgrammeView.as_view()), name="overview"),
    path("program/<slug:slug>/", public_page(views.ProgrammeView.as_view()), name="programme"),
    path("<slug:slug>/", public_page(views.GoalView.as_view()), name="goal"),
    path("<slug:slug>/feed/", feeds.GoalFeed(), name="goal_feed"),
]
