"""Sitemaps of the public pages, built from Article.objects.published() like every page."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from .models import Article, Author, Section, Tag


class ArticleSitemap(Sitemap):
    changefreq = "weekly"
    limit = 10_000

    def items(self):
        return Article.objects.published().only("slug", "updated_at").order_by("-published_at")

    def lastmod(self, article):
        return article.updated_at


class ListingSitemap(Sitemap):
    """Sections, tags and authors that have published articles, each with the time of
    their newest article as lastmod."""

    changefreq = "daily"
    model = None
    relation = ""

    def items(self):
        published = Article.objects.published()
        return (
            self.model.objects.filter(**{f"{self.relation}__in": published})
            .annotate(newest=Max(f"{self.relation}__updated_at"))
            .order_by("pk")
        )

    def lastmod(self, item):
        return item.newest


class SectionSitemap(ListingSitemap):
    model = Section
    relation = "articles"


class TagSitemap(ListingSitemap):
    model = Tag
    relation = "tagged_articles__content_object"


class AuthorSitemap(ListingSitemap):
    model = Author
    relation = "bylines__article"


class NamedPagesSitemap(Sitemap):
    """Pages with no object of their own, by their URL names."""

    names: tuple[str, ...] = ()

    def items(self):
        return list(self.names)

    def location(self, name):
        return reverse(name)


class PageSitemap(NamedPagesSitemap):
    changefreq = "hourly"
    priority = 1.0
    names = ("home", "articles:archive")

    def lastmod(self, name):
        return Article.objects.published().aggregate(newest=Max("updated_at"))["newest"]
