from django.db.models import Max

from articles.sitemaps import NamedPagesSitemap

from .models import Correction


class CorrectionsSitemap(NamedPagesSitemap):
    """The list of every correction (/rettelser/), changed whenever one is published."""

    changefreq = "daily"
    priority = 0.4
    names = ("corrections:list",)

    def lastmod(self, name):
        return Correction.objects.public().aggregate(newest=Max("published_at"))["newest"]
