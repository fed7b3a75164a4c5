"""Which published article a reader means, from what they typed in the genmæle form: the
article's address on this site (pasted whole, or its path), an earlier address of it, or its
title.

Only published articles are found (``Article.objects.published()``, the one definition of
public): a draft's title never shows whether it exists. When nothing, or more than one
article, fits, the answer says so and the form keeps what the reader typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.urls import Resolver404, resolve

from articles.models import Article, ArticleSlugRedirect

# A part of a title this long or longer may find the one article whose title holds it.
MIN_PART_OF_TITLE = 10
QUOTES = "»«“”„\"'‘’"


@dataclass(frozen=True)
class Found:
    article: Article | None
    # Why none was found: "not_found", "other_site" or "ambiguous".
    problem: str = ""


def find_article(typed: str, hosts: set[str] = frozenset()) -> Found:
    """The published article ``typed`` names. ``hosts``: the host names this site answers
    on (besides SITE_URL's), so that an address pasted whole can be told from another
    site's."""
    text = " ".join(typed.split())
    if not text:
        return Found(None, "not_found")
    if looks_like_address(text):
        return by_address(text, hosts)
    return by_title(text.strip(QUOTES).strip())


def looks_like_address(text: str) -> bool:
    return " " not in text and ("/" in text or text.lower().startswith(("http:", "https:", "www.")))


def by_address(text: str, hosts: set[str]) -> Found:
    if text.lower().startswith("www."):
        text = "https://" + text
    elif "://" not in text and not text.startswith("/"):
        # "almenenyheder.dk/artikler/…" or "artikler/…"
        first = text.split("/", 1)[0]
        text = ("https://" if "." in first else "/") + text
    parts = urlsplit(text)
    ours = {h.lower() for h in hosts} | {urlsplit(settings.SITE_URL).hostname or ""}
    if parts.hostname and parts.hostname.lower().removeprefix("www.") not in {
        h.removeprefix("www.") for h in ours if h
    }:
        return Found(None, "other_site")
    path = unquote(parts.path or "/")
    if not path.endswith("/"):
        path += "/"
    try:
        match = resolve(path)
    except Resolver404:
        return Found(None, "not_found")
    if match.view_name != "articles:detail":
        return Found(None, "not_found")
    slug = match.kwargs.get("slug", "")
    published = Article.objects.published()
    article = published.filter(slug=slug).first()
    if article is None:
        redirect = (
            ArticleSlugRedirect.objects.filter(old_slug=slug, article__in=published)
            .select_related("article")
            .first()
        )
        article = redirect.article if redirect else None
    return Found(article, "" if article else "not_found")


def by_title(title: str) -> Found:
    published = Article.objects.published().only("pk", "title", "slug", "published_at")
    # Without regard to case (on SQLite, of the ASCII letters only: "Ø" is not "ø" there).
    matches = list(published.filter(title__iexact=title)[:2])
    if not matches and len(title) >= MIN_PART_OF_TITLE:
        matches = list(published.filter(title__icontains=title)[:2])
    if len(matches) == 1:
        return Found(matches[0])
    return Found(None, "ambiguous" if matches else "not_found")
