"""RSS 2.0 feeds of published articles: the latest, and per section, tag and author.

Each item carries the lead as its description and the hero image as its enclosure.
"""

import copy

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Rss201rev2Feed

from .models import Article, ArticleAuthor, Author, Section, Tag


class ArticleFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "da"
    limit = 30
    item_enclosure_mime_type = "image/jpeg"
    item_enclosure_length = 0  # unknown; readers take the image without it

    def get_feed(self, obj, request):
        # The feed object is shared by all requests; a copy holds this request's host for
        # the absolute enclosure URLs.
        feed = copy.copy(self)
        feed.request = request
        return super(ArticleFeed, feed).get_feed(obj, request)

    def articles(self, obj):
        return Article.objects.published()

    def items(self, obj):
        return (
            self.articles(obj)
            .select_related("section")
            .defer("body")
            .prefetch_related(
                Prefetch("bylines", queryset=ArticleAuthor.objects.select_related("author"))
            )
            .order_by("-published_at", "-pk")[: self.limit]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return ", ".join(byline.author.name for byline in item.bylines.all()) or None

    def item_categories(self, item):
        return [item.section.name]

    def item_enclosure_url(self, item):
        picture = item.hero_picture
        if picture is None:
            return None
        return self.request.build_absolute_uri(picture.src)


class LatestArticlesFeed(ArticleFeed):
    title = "Almene Nyheder"
    link = "/artikler/"
    description = (
        "De nyeste artikler fra Almene Nyheder: nyheder og baggrund fra den almene sektor."
    )


class SectionFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Section, slug=slug)

    def articles(self, section):
        return super().articles(section).filter(section=section)

    def title(self, section):
        return f"{section.name} – Almene Nyheder"

    def link(self, section):
        return section.get_absolute_url()

    def description(self, section):
        return section.description or f"Artikler i {section.name}."


class TagFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Tag.objects.public(), slug=slug)

    def articles(self, tag):
        return super().articles(tag).filter(tagged_items__tag=tag)

    def title(self, tag):
        return f"Emne: {tag.name} – Almene Nyheder"

    def link(self, tag):
        return tag.get_absolute_url()

    def description(self, tag):
        return f"Artikler om {tag.name.lower()}."


class AuthorFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Author, slug=slug)

    def articles(self, author):
        return super().articles(author).filter(bylines__author=author)

    def title(self, author):
        return f"{author.name} – Almene Nyheder"

    def link(self, author):
        return author.get_absolute_url()

    def description(self, author):
        return f"Artikler af {author.name}."
