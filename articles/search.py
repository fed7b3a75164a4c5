"""Search over published articles.

On PostgreSQL: Danish full-text search over a stored, GIN-indexed vector (title weighted over
lead over body), ranked, with highlighted snippets. Stemming finds "boliger" for "bolig", but
not the parts of compounds, so each word of the query is also expanded to the indexed words
that contain it ("organisation" → "boligorganisationer"), found with trigrams; when nothing is
found, the closest spelling is offered ("Mente du …?").

On SQLite: every word must occur in the title, lead or body (case-insensitive), newest first.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    TrigramWordSimilarity,
)
from django.db import connection
from django.db.models import F, Func, Q, TextField, Value
from django.db.models.functions import Concat
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .models import Article, SearchWord

MAX_QUERY_LENGTH = 200
# Ranking is done among the newest matches only, so a word found in nearly every article
# costs the same at 3,000 articles as at 100,000; older matches are still reachable by
# narrowing the search (a filter for year, section, tag or goal).
MAX_CANDIDATES = 1000
MAX_TERMS = 8
EXPANSIONS_PER_TERM = 25
# Markers for the highlighted words: characters no article contains, swapped for <mark>
# after the snippet has been escaped.
MARK_START, MARK_END = "\x02", "\x03"
WORD = re.compile(r"\w+", re.UNICODE)


def clean_query(raw: str | None) -> str:
    """What a search box may send, made harmless: normalized Unicode, no control characters
    (PostgreSQL refuses NUL), bounded length."""
    text = unicodedata.normalize("NFKC", raw or "")
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def query_terms(text: str) -> list[str]:
    return [term.lower() for term in WORD.findall(text)][:MAX_TERMS]


@dataclass
class SearchResults:
    articles: object  # a queryset of published articles, best first
    terms: list[str] = field(default_factory=list)

    def suggestion(self) -> str:
        """A better spelling of the query, for when it finds nothing (PostgreSQL only)."""
        if connection.vendor != "postgresql":
            return ""
        return spelling_suggestion(self.terms)


def search(text: str, articles=None) -> SearchResults:
    """``articles`` (published, maybe filtered) that match ``text``."""
    articles = articles if articles is not None else Article.objects.published()
    if connection.vendor == "postgresql":
        return postgres_search(text, articles)
    return simple_search(text, articles)


def simple_search(text: str, articles) -> SearchResults:
    terms = query_terms(text)
    for term in terms:
        articles = articles.filter(
            Q(title__icontains=term) | Q(lead__icontains=term) | Q(body__icontains=term)
        )
    if not terms:
        articles = articles.none()
    return SearchResults(articles.order_by("-published_at", "-pk"), terms=terms)


class StripTags(Func):
    """The body as text for snippets: tags replaced by spaces."""

    function = "regexp_replace"
    template = "%(function)s(%(expressions)s, '<[^>]+>', ' ', 'g')"
    output_field = TextField()


def postgres_search(text: str, articles) -> SearchResults:
    terms = query_terms(text)
    if not terms:
        return SearchResults(articles.none())
    query = SearchQuery(text, config="danish", search_type="websearch")
    compounds = compound_words(terms)
    if compounds:
        # Every word of the query, or a longer word containing it, must occur.
        raw = " & ".join("(" + " | ".join([term, *compounds.get(term, [])]) + ")" for term in terms)
        query = query | SearchQuery(raw, config="danish", search_type="raw")
    matches = articles.filter(search_vector=query)
    newest = matches.order_by("-published_at", "-pk").values("pk")[:MAX_CANDIDATES]
    snippet_source = Concat(F("lead"), Value(" "), StripTags(F("body")), output_field=TextField())
    ranked = (
        Article.objects.filter(pk__in=newest)
        .select_related("section")
        .defer("body")
        .annotate(
            rank=SearchRank(F("search_vector"), query),
            snippet=SearchHeadline(
                snippet_source,
                query,
                config="danish",
                start_sel=MARK_START,
                stop_sel=MARK_END,
                max_words=30,
                min_words=15,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
        )
        .order_by("-rank", "-published_at", "-pk")
    )
    return SearchResults(ranked, terms=terms)


def compound_words(terms: list[str]) -> dict[str, list[str]]:
    """For each term, indexed words that contain it (the compounds it is part of)."""
    expansions = {}
    for term in terms:
        if len(term) < 4 or not term.isalpha():
            continue
        words = (
            SearchWord.objects.filter(word__contains=term)
            .exclude(word=term)
            .order_by("word")
            .values_list("word", flat=True)[:EXPANSIONS_PER_TERM]
        )
        expansions[term] = [word for word in words if WORD.fullmatch(word)]
    return {term: words for term, words in expansions.items() if words}


def spelling_suggestion(terms: list[str]) -> str:
    """The query with each unknown word replaced by the most similar indexed word."""
    suggested, changed = [], False
    for term in terms:
        if len(term) < 4 or not term.isalpha() or SearchWord.objects.filter(word=term).exists():
            suggested.append(term)
            continue
        best = (
            SearchWord.objects.annotate(similarity=TrigramWordSimilarity(term, "word"))
            .filter(similarity__gte=0.45)
            .order_by("-similarity", "word")
            .values_list("word", flat=True)
            .first()
        )
        suggested.append(best or term)
        changed |= bool(best)
    return " ".join(suggested) if changed else ""


def highlighted(snippet: str) -> str:
    """A snippet from SearchHeadline as safe HTML: escaped, with <mark> around the hits."""
    text = escape(html.unescape(snippet))
    return mark_safe(text.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


def index_words(article_ids: list[int] | None = None) -> None:
    """Add the words of articles (all, or those given) to the search words, on PostgreSQL."""
    if connection.vendor != "postgresql":
        return
    conditions, params = ["length(w) BETWEEN 4 AND 60"], []
    if article_ids is not None:
        conditions.append("a.id = ANY(%s)")
        params.append(list(article_ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO articles_searchword (word)
            SELECT DISTINCT lower(w)
            FROM articles_article a,
                 regexp_split_to_table(
                     regexp_replace(a.title || ' ' || a.lead || ' ' || a.body, '<[^>]+>', ' ', 'g'),
                     '[^[:alpha:]]+'
                 ) AS w
            WHERE {" AND ".join(conditions)}
            ON CONFLICT (word) DO NOTHING
            """,
            params,
        )
