"""The objects whose published articles have a page and a feed of their own: a section, a
tag, an author and (configured in goals/listings.py) a goal.

One ``Listing`` a kind, read by one view (``views.ObjectArticlesView``) and one feed
(``feeds.ObjectArticlesFeed``), each given it in the URL conf.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .caching.remembered import remembered_object
from .models import Article, Author, Section, Tag


def no_more_context(obj) -> dict:
    return {}


@dataclass(frozen=True)
class Listing:
    """What a kind of object needs for its page and its feed of published articles."""

    # The object's name in the page's template, and in the cache's name for its count.
    name: str
    # What the public may see of the kind, looked up by slug. A callable: a queryset made at
    # import time would keep the time of ``Article.objects.published()`` in it.
    objects: Callable[[], Any]
    # The path from an article to the object: ``Article.objects.filter(<lookup>=obj)``.
    lookup: str
    template_name: str
    feed_title: Callable[[Any], str]
    feed_description: Callable[[Any], str]
    # More for the page's template (anything costly as a callable, for its fragment to call).
    context: Callable[[Any], dict] = no_more_context

    def get(self, slug: str):
        """The object of this slug, or Http404; remembered per content version."""
        return remembered_object(self.objects(), slug=slug)

    def articles(self, obj):
        """The object's published articles."""
        return Article.objects.published().filter(**{self.lookup: obj})


SECTION = Listing(
    name="section",
    objects=Section.objects.all,
    lookup="section",
    template_name="articles/section.html",
    feed_title=lambda section: f"{section.name} – Almene Nyheder",
    feed_description=lambda section: section.description or f"Artikler i {section.name}.",
    context=lambda section: {"current_section_slug": section.slug},
)

TAG = Listing(
    name="tag",
    # Only tags of a published article: one on drafts only has not been reviewed.
    objects=Tag.objects.public,
    lookup="tagged_items__tag",
    template_name="articles/tag.html",
    feed_title=lambda tag: f"Emne: {tag.name} – Almene Nyheder",
    feed_description=lambda tag: f"Artikler om {tag.name.lower()}.",
)

AUTHOR = Listing(
    name="author",
    objects=Author.objects.all,
    lookup="bylines__author",
    template_name="articles/author.html",
    feed_title=lambda author: f"{author.name} – Almene Nyheder",
    feed_description=lambda author: f"Artikler af {author.name}.",
)
