"""Danish-aware slugs and the HTML sanitizer for rich text."""

import nh3
from django.utils.text import slugify

# Django's slugify drops æ, ø and å; Danish URLs spell them out instead (Læseliste → laeseliste).
DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def danish_slugify(value: str, max_length: int = 200) -> str:
    slug = slugify(str(value).translate(DANISH_LETTERS))[:max_length].strip("-")
    return slug


def unique_slug(queryset, value: str, max_length: int = 200, exclude_pk=None) -> str:
    """A slug from ``value`` that no row of ``queryset`` has yet: ``title``, ``title-2``, …"""
    base = danish_slugify(value, max_length) or "artikel"
    taken_queryset = queryset.filter(slug__startswith=base)
    if exclude_pk is not None:
        taken_queryset = taken_queryset.exclude(pk=exclude_pk)
    taken = set(taken_queryset.values_list("slug", flat=True))
    if base not in taken:
        return base
    number = 2
    while True:
        suffix = f"-{number}"
        candidate = f"{base[: max_length - len(suffix)]}{suffix}"
        if candidate not in taken:
            return candidate
        number += 1


# What the site renders in an article body: paragraphs, sub-headings, emphasis, links, lists,
# quotes and a pull quote (a figure holding a blockquote and its attribution).
RICH_TEXT_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "strong",
    "em",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "figure",
    "figcaption",
    "cite",
}
RICH_TEXT_ATTRIBUTES = {"a": {"href", "title"}}
RICH_TEXT_CLASSES = {"figure": {"pull-quote"}}
RICH_TEXT_URL_SCHEMES = {"http", "https", "mailto", "tel"}


def sanitize_html(html: str) -> str:
    """Keep only the markup the site renders; scripts, styles, event handlers and
    ``javascript:`` links never survive."""
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=RICH_TEXT_TAGS,
        clean_content_tags={"script", "style"},
        attributes=RICH_TEXT_ATTRIBUTES,
        allowed_classes=RICH_TEXT_CLASSES,
        url_schemes=RICH_TEXT_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()
