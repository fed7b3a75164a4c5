from django.views.generic import TemplateView

from articles.models import Article


class HomeView(TemplateView):
    """The front page: the top story, the latest articles and the way to the archive."""

    template_name = "home.html"
    latest_count = 12

    def get_context_data(self, **kwargs):
        newest = list(
            Article.objects.published()
            .for_cards()
            .order_by("-published_at", "-pk")[: self.latest_count + 1]
        )
        return super().get_context_data(
            top_story=newest[0] if newest else None,
            latest_articles=newest[1:],
            published_count=Article.objects.published().count(),
            **kwargs,
        )
