"""RSS 2.0 feeds of published articles: the latest, and those of one section, tag, author or
goal (``ObjectArticlesFeed``, configured by a ``Listing``).

Each item carries the lead as its description and the hero image as its enclosure.
"""

import copy

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.utils.feedgenerator import Rss201rev2Feed

from .listings import Listing
from .models import Article, ArticleAuthor


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


class ObjectArticlesFeed(ArticleFeed):
    """The latest published articles of one object: a section, a tag, an author or a goal, as
    its ``Listing`` (articles/listings.py, goals/listings.py) says, given by the URL conf:
    ``ObjectArticlesFeed(SECTION)``. An object the public may not see is a 404."""

    def __init__(self, listing: Listing):
        self.listing = listing

    def get_object(self, request, slug):
        return self.listing.get(slug)

    def articles(self, obj):
        return self.listing.articles(obj)

    def title(self, obj):
        return self.listing.feed_title(obj)

    def link(self, obj):
        return obj.get_absolute_url()

    def description(self, obj):
        return self.listing.feed_description(obj)
