"""Search over published articles.

On PostgreSQL: Danish full-text search over a stored, GIN-indexed vector (title weighted over
lead over body), ranked, with highlighted snippets. Stemming finds "boliger" for "bolig", but
not the parts of compounds, so each word of the query is also expanded to the indexed words
that contain it ("organisation" → "boligorganisationer"), found with trigrams; when nothing is
found, the closest spelling is offered ("Mente du …?").

On SQLite: every word must occur in the title, lead or body (case-insensitive), newest first.
"""

from __future__ import annotations

import hashlib
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

from .caching import remembered
from .models import Article, SearchWord

MAX_QUERY_LENGTH = 200
# Ranking is done among the newest matches only, so a word found in nearly every article
# costs the same at 3,000 articles as at 100,000; older matches are still reachable by
# narrowing the search (a filter for year, section, tag or goal).
MAX_CANDIDATES = 1000
MAX_TERMS = 8
EXPANSIONS_PER_TERM = 25
# A search's ranking and pages are kept this long, or until the content changes.
RESULTS_SECONDS = 15 * 60
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


@dataclass(frozen=True)
class Ranking:
    """What a search found, kept per content version: the ids of the hits, best first (at
    most MAX_CANDIDATES), whether more articles matched, the indexed compounds each term was
    widened to (so a page of hits can be highlighted without looking them up again) and,
    when nothing matched, a better spelling of the query."""

    ids: tuple[int, ...] = ()
    more: bool = False
    compounds: dict[str, list[str]] = field(default_factory=dict)
    suggestion: str = ""


class SearchResults:
    """The hits of one search as the paginator sees them: a length, and pages of articles
    (with highlighted snippets on PostgreSQL) fetched only for the slice that is shown.

    The ranking and each page are remembered per content version, so paging through the
    hits, or a second reader asking the same, costs no search in the database."""

    def __init__(self, text: str, articles, scope: str = ""):
        self.text = text
        self.terms = query_terms(text)
        self.articles = articles
        # Case makes no difference to the search, so none to the key either.
        digest = hashlib.sha256(f"{text.lower()}\n{scope}".encode()).hexdigest()[:40]
        self.key = f"search:{connection.vendor}:{digest}"
        self.ranking = (
            remembered(self.key, self.rank, timeout=RESULTS_SECONDS) if self.terms else Ranking()
        )

    @property
    def more(self) -> bool:
        """Whether more articles matched than were ranked (the newest MAX_CANDIDATES)."""
        return self.ranking.more

    @property
    def suggestion(self) -> str:
        return self.ranking.suggestion

    def __len__(self) -> int:
        return len(self.ranking.ids)

    def __getitem__(self, index: slice) -> list[Article]:
        if not isinstance(index, slice):
            raise TypeError("Search results are read a page (a slice) at a time.")
        ids = self.ranking.ids[index]
        if not ids:
            return []
        return remembered(
            f"{self.key}:{index.start}:{index.stop}",
            lambda: self.fetch(ids),
            timeout=RESULTS_SECONDS,
        )

    def rank(self) -> Ranking:
        if connection.vendor == "postgresql":
            return postgres_ranking(self.text, self.terms, self.articles)
        return simple_ranking(self.terms, self.articles)

    def fetch(self, ids: tuple[int, ...]) -> list[Article]:
        """The articles with these ids, published, in this order."""
        articles = Article.objects.published().select_related("section").defer("body")
        if connection.vendor == "postgresql":
            articles = articles.annotate(
                snippet=SearchHeadline(
                    Concat(F("lead"), Value(" "), StripTags(F("body")), output_field=TextField()),
                    tsquery(self.text, self.terms, self.ranking.compounds),
                    config="danish",
                    start_sel=MARK_START,
                    stop_sel=MARK_END,
                    max_words=30,
                    min_words=15,
                    max_fragments=2,
                    fragment_delimiter=" … ",
                )
            )
        found = articles.in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]


def search(text: str, articles=None, scope: str = "") -> SearchResults:
    """``articles`` (published, maybe filtered; ``scope`` names the filters) that match
    ``text``, best first."""
    articles = articles if articles is not None else Article.objects.published()
    return SearchResults(text, articles, scope)


def simple_ranking(terms: list[str], articles) -> Ranking:
    """SQLite: every word must occur in the title, lead or body; newest first."""
    for term in terms:
        articles = articles.filter(
            Q(title__icontains=term) | Q(lead__icontains=term) | Q(body__icontains=term)
        )
    newest = articles.order_by("-published_at", "-pk").values_list("pk", flat=True)
    ids = list(newest[: MAX_CANDIDATES + 1])
    return Ranking(ids=tuple(ids[:MAX_CANDIDATES]), more=len(ids) > MAX_CANDIDATES)


class StripTags(Func):
    """The body as text for snippets: tags replaced by spaces."""

    function = "regexp_replace"
    template = "%(function)s(%(expressions)s, '<[^>]+>', ' ', 'g')"
    output_field = TextField()


def tsquery(text: str, terms: list[str], compounds: dict[str, list[str]]) -> SearchQuery:
    """The query as PostgreSQL reads it: the words as typed (stemmed, in the search-engine
    syntax readers know: quotes, "or", "-"), or every word or a compound containing it."""
    query = SearchQuery(text, config="danish", search_type="websearch")
    if compounds:
        raw = " & ".join("(" + " | ".join([term, *compounds.get(term, [])]) + ")" for term in terms)
        query = query | SearchQuery(raw, config="danish", search_type="raw")
    return query


def postgres_ranking(text: str, terms: list[str], articles) -> Ranking:
    """One query finds the newest matches and ranks them together: the match and the rank
    read the same stored vectors, and the ranking only ever looks at MAX_CANDIDATES rows."""
    compounds = compound_words(terms)
    query = tsquery(text, terms, compounds)
    rows = list(
        articles.filter(search_vector=query)
        .annotate(rank=SearchRank(F("search_vector"), query))
        .order_by("-published_at", "-pk")
        .values_list("pk", "rank")[: MAX_CANDIDATES + 1]
    )
    more = len(rows) > MAX_CANDIDATES
    # Best rank first; the sort is stable, so equal ranks stay newest first.
    ranked = sorted(rows[:MAX_CANDIDATES], key=lambda row: -row[1])
    return Ranking(
        ids=tuple(pk for pk, _ in ranked),
        more=more,
        compounds=compounds,
        suggestion="" if rows else spelling_suggestion(terms),
    )


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
