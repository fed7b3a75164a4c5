"""The newsletter's archive on the site: ``/nyhedsbrev/arkiv/`` lists every digest that was
sent, and ``/nyhedsbrev/arkiv/<number>/`` shows one, so a mail can say "Læs i browseren".

A digest is public from the moment its first mail has gone out (a delivery marked sent): the
"Læs i browseren" link of the first mail works at once, while a digest that is made but not
yet sent, or that nobody got (no news on anyone's topics), stays out of sight. Its articles are
those the public may see now (``Article.objects.published()``): an article taken down after
the digest went out leaves its page too.

Each page says what a digest held: the period its articles were published in, the sections
they are in, and how many there are in all. That is the digest as a whole, on every topic; a
subscriber's mail held those on their topics, and a new subscriber's first mail reached further
back (sending.REACH). The mail's "Læs i browseren" link therefore opens that mail's own page
(browser.py), not these, and the pages say so.

Both pages are public pages (wrapped in ``public_page`` in urls.py): the same for every
reader, kept in the page cache, with the cards' reading-list buttons as holes. Each costs a
fixed number of queries, however many digests or articles there are.
"""

from __future__ import annotations

import re

from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q
from django.http import Http404
from django.views.generic import ListView, TemplateView

from articles.models import Article
from articles.views import DanishPaginationMixin

from .models import Delivery, Digest

# A digest's number is a PositiveIntegerField: anything larger cannot be one (and PostgreSQL
# would refuse to compare an integer column with it).
LARGEST_NUMBER = 2**31 - 1
# The period a digest is due for, as the sending engine names it: "2026-U49".
ISO_WEEK = re.compile(r"^(\d{4})-U(\d{1,2})$")


def public_digests():
    """The digests the public may read: those sent to at least one subscriber."""
    sent = Delivery.objects.filter(digest=OuterRef("pk"), state=Delivery.State.SENT)
    return Digest.objects.filter(Exists(sent))


def with_article_counts(digests):
    """``digests`` with ``article_count``: their articles the public may see, counted in the
    same query."""
    return digests.annotate(
        article_count=Count("articles", filter=Q(articles__in=Article.objects.published()))
    )


def sections_of(digest_ids) -> dict[int, list[str]]:
    """The sections of each digest's public articles, by name in the site's order: one query
    for any number of digests."""
    through = Digest.articles.through
    rows = (
        through.objects.filter(
            digest_id__in=digest_ids, article__in=Article.objects.published().values("pk")
        )
        .order_by("digest_id", "article__section__position", "article__section__name")
        .values_list("digest_id", "article__section__name")
        .distinct()
    )
    sections: dict[int, list[str]] = {}
    for digest_id, name in rows:
        sections.setdefault(digest_id, []).append(name)
    return sections


def names_in_order(articles) -> list[str]:
    """The sections of ``articles`` (loaded with them), in the site's order."""
    sections = {article.section.pk: article.section for article in articles}
    return [
        section.name
        for section in sorted(
            sections.values(), key=lambda section: (section.position, section.name)
        )
    ]


def week_of(digest) -> str:
    """'uge 49, 2026' for a digest of the period "2026-U49"; "" for a period named otherwise."""
    match = ISO_WEEK.match(digest.period)
    return f"uge {int(match[2])}, {match[1]}" if match else ""


class ArchiveView(DanishPaginationMixin, ListView):
    """Every digest that was sent, newest first, 20 a page (``?side=N``)."""

    template_name = "newsletter/archive.html"
    context_object_name = "digests"
    # A few dozen digests a year, each a small row: Django's paginator (count, one page)
    # suffices; the articles' ids-first paginator is for deep pages of a large table.
    paginator_class = Paginator

    def get_queryset(self):
        return with_article_counts(public_digests()).order_by("-number")

    def get_paginator(self, queryset, per_page, **kwargs):
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        # Counted without the article counts' join and grouping.
        paginator.count = public_digests().count()
        return paginator

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        digests = list(context["object_list"])
        sections = sections_of([digest.pk for digest in digests]) if digests else {}
        for digest in digests:
            digest.week = week_of(digest)
            digest.sections = sections.get(digest.pk, [])
        context["object_list"] = context["digests"] = digests
        return context


class DigestView(TemplateView):
    """One digest as a page of the site: its number, period and all its articles as cards,
    newest first."""

    template_name = "newsletter/archive_digest.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        number = kwargs["number"]
        if not 0 < number <= LARGEST_NUMBER:
            raise Http404("Nyhedsbrevet findes ikke.")
        digest = public_digests().annotate(held=Count("articles")).filter(number=number).first()
        if digest is None:
            raise Http404("Nyhedsbrevet findes ikke.")
        digest.week = week_of(digest)
        articles = list(
            Article.objects.published()
            .for_cards()
            .filter(digest=digest)
            .order_by("-published_at", "-pk")
        )
        context["digest"] = digest
        context["page_title"] = f"Nyhedsbrev nr. {digest.number}"
        context["articles"] = articles
        context["sections"] = names_in_order(articles)
        # Those taken down since (deleted ones are gone from the digest itself).
        context["gone_count"] = max(digest.held - len(articles), 0)
        return context
