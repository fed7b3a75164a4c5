from django.views.generic import TemplateView

from articles.models import Article
from goals.models import Goal


class HomeView(TemplateView):
    """The front page: the top story, the pinned and latest articles, the archive link."""

    template_name = "home.html"
    card_count = 12

    def get_context_data(self, **kwargs):
        published = Article.objects.published().for_cards()
        # Editors choose the top story and pin a few articles; the newest fill the rest.
        featured = list(
            published.exclude(front_page=Article.FrontPage.NONE).order_by(
                "front_page_order", "-published_at", "-pk"
            )
        )
        top_story = next((a for a in featured if a.front_page == Article.FrontPage.TOP), None)
        pinned = [article for article in featured if article.front_page == Article.FrontPage.PINNED]
        newest = list(
            published.exclude(pk__in=[article.pk for article in featured]).order_by(
                "-published_at", "-pk"
            )[: self.card_count + 1]
        )
        if top_story is None and newest:
            top_story = newest.pop(0)
        return super().get_context_data(
            top_story=top_story,
            latest_articles=(pinned + newest)[: self.card_count],
            published_count=Article.objects.published().count(),
            current_goals=list(
                Goal.objects.filter(programme__is_current=True).select_related("programme")
            ),
            **kwargs,
        )
