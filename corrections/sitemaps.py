from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from .models import Correction


class CorrectionsSitemap(Sitemap):
    """The list of every correction (/rettelser/), changed whenever one is published."""

    changefreq = "daily"
    priority = 0.4

    def items(self):
        return ["corrections:list"]

    def location(self, name):
        return reverse(name)

    def lastmod(self, name):
        return Correction.objects.public().aggregate(newest=Max("published_at"))["newest"]
