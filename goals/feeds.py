from django.shortcuts import get_object_or_404

from articles.feeds import ArticleFeed

from .models import Goal


class GoalFeed(ArticleFeed):
    """The articles about one goal."""

    def get_object(self, request, slug):
        return get_object_or_404(Goal, slug=slug)

    def articles(self, goal):
        return goal.published_articles()

    def title(self, goal):
        return f"{goal.title} – Almene mål – Almene Nyheder"

    def link(self, goal):
        return goal.get_absolute_url()

    def description(self, goal):
        return goal.summary
