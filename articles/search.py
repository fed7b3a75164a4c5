"""Search over published articles.

On PostgreSQL: Danish full-text search over a stored, GIN-indexed vector (title weighted over
lead over body), ranked, with highlighted snippets. Stemming finds "boliger" for "bolig", but
not the parts of compounds, so each word of the query is also widened to the stems of the
indexed words that contain it ("organisation" → "boligorganisationer"), found with trigrams;
when nothing is found, the closest spelling is offered ("Mente du …?"). The indexed words
come from published articles only, and leave when the last published article holding them
does (``update_words``), so neither path reveals a draft's words. Only the newest
MAX_CANDIDATES matches are ranked, and a search's ranking and pages of hits are remembered
per content version.

On SQLite: every word must occur in the title, lead or body (case-insensitive), newest first.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import unicodedata
from dataclasses import dataclass

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    TrigramWordSimilarity,
)
from django.db import connection
from django.db.models import BooleanField, F, Func, Q, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Concat
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .caching.remembered import published_count, remembered
from .models import Article, SearchWord

MAX_QUERY_LENGTH = 200
# Ranking is done among the newest matches only, so a word found in nearly every article
# costs the same at 3,000 articles as at 100,000; older matches are still reachable by
# narrowing the search (a filter for year, section, tag or goal).
MAX_CANDIDATES = 1000
MAX_TERMS = 8
EXPANSIONS_PER_TERM = 25
# Taking a match from the GIN index and sorting it costs about half as much as testing one
# article's stored vector in publication order (measured at 3,000 and 100,000 articles).
INDEX_VISIT_COST = 0.5
# A search's ranking and pages are kept this long, or until the content changes.
RESULTS_SECONDS = 15 * 60
# Markers for the highlighted words: characters no article contains, swapped for <mark>
# after the snippet has been escaped.
MARK_START, MARK_END = "\x02", "\x03"
WORD = re.compile(r"\w+", re.UNICODE)
# The search-engine syntax websearch_to_tsquery reads: a phrase in quotes, "or", "-word".
OPERATORS = re.compile(r'"|(?:^|\s)-\w|\bor\b', re.IGNORECASE)


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
    most MAX_CANDIDATES), whether more articles matched, the lexemes each word was widened to
    (so a page of hits can be highlighted without working them out again) and, when nothing
    matched, a better spelling of the query."""

    ids: tuple[int, ...] = ()
    more: bool = False
    lexemes: tuple[tuple[str, ...], ...] = ()
    suggestion: str = ""


class SearchResults:
    """The hits of one search as the paginator sees them: a length, and pages of articles
    (with highlighted snippets on PostgreSQL) fetched only for the slice that is shown.

    The ranking and each page are remembered per content version, so paging through the
    hits, or a second reader asking the same, costs no search in the database."""

    def __init__(self, text: str, articles, scope: str):
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
    def limit(self) -> int:
        return MAX_CANDIDATES

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
        # Named by the ids it shows, so a page can never disagree with the ranking it came from.
        shown = hashlib.sha256(",".join(map(str, ids)).encode()).hexdigest()[:24]
        return remembered(f"{self.key}:{shown}", lambda: self.fetch(ids), timeout=RESULTS_SECONDS)

    def rank(self) -> Ranking:
        if connection.vendor == "postgresql":
            return postgres_ranking(self.text, self.terms, self.articles)
        return simple_ranking(self.terms, self.articles)

    def fetch(self, ids: tuple[int, ...]) -> list[Article]:
        """The articles with these ids, published, in this order."""
        articles = Article.objects.published().with_sections().defer("body")
        if connection.vendor == "postgresql":
            articles = articles.annotate(
                snippet=SearchHeadline(
                    Concat(F("lead"), Value(" "), StripTags(F("body")), output_field=TextField()),
                    tsquery(self.text, self.ranking.lexemes),
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


def search(text: str, articles, scope: str) -> SearchResults:
    """``articles`` (published, maybe filtered) that match ``text``, best first. ``scope``
    names the filters: searches are remembered by text and scope, so two differently
    filtered searches must never share one."""
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


def tsquery(text: str, lexemes: tuple[tuple[str, ...], ...]) -> SearchQuery:
    """The query as PostgreSQL reads it. Plain words: each word, or a compound containing it,
    must occur (``lexemes``). A query in the search-engine syntax readers know (quotes, "or",
    "-") is read as such, without compounds, so that "-leje" really leaves "leje" out."""
    if not lexemes or OPERATORS.search(text):
        return SearchQuery(text, config="danish", search_type="websearch")
    raw = " & ".join(
        "(" + " | ".join("'" + lexeme.replace("'", "''") + "'" for lexeme in group) + ")"
        for group in lexemes
    )
    # The lexemes are stemmed already: the "simple" configuration takes them as they are.
    return SearchQuery(raw, config="simple", search_type="raw")


def postgres_ranking(text: str, terms: list[str], articles) -> Ranking:
    lexemes = () if OPERATORS.search(text) else word_lexemes(terms)
    query = tsquery(text, lexemes)
    newest = ranked_newest_matches(articles.filter(search_vector=query), query)
    # Best rank first; the sort is stable, so equal ranks stay newest first.
    ranked = sorted(newest[:MAX_CANDIDATES], key=lambda row: -row[1])
    return Ranking(
        ids=tuple(pk for pk, _ in ranked),
        more=len(newest) > MAX_CANDIDATES,
        lexemes=lexemes,
        suggestion="" if newest else spelling_suggestion(terms),
    )


def ranked_newest_matches(matches, query) -> list[tuple[int, float]]:
    """(id, rank) of the newest MAX_CANDIDATES + 1 matches, newest first. Ranking reads an
    article's whole stored vector, so only these are ranked, however many thousands match.

    There are two ways to find them, and PostgreSQL's planner does not price the difference
    (it counts testing an article's stored vector as nearly free):
    - Read the articles in publication order and test each one's vector until enough
      match. Cheap for a common word: the newest few thousand articles hold enough.
    - Take every match from the GIN index and sort them by date. Cheap for a rarer word:
      a few hundred or thousand rows, where reading in order could test most of the archive.
    The planner's estimate of the number of matches decides which."""
    limit = MAX_CANDIDATES + 1
    rank = SearchRank(F("search_vector"), query)
    unordered = matches.order_by()
    estimate = json.loads(unordered.explain(format="json"))[0]["Plan"]["Plan Rows"]
    read_in_order = limit * published_count() / max(estimate, 1)
    if read_in_order <= INDEX_VISIT_COST * estimate:
        # The scan stops at the limit, so only the rows returned are ranked.
        newest = matches.annotate(rank=rank).order_by("-published_at", "-pk")
        return list(newest.values_list("pk", "rank")[:limit])
    sql, params = unordered.values_list("pk", "published_at").query.sql_with_params()
    # OFFSET 0 keeps the planner from taking the order into the subquery, where it would
    # choose reading in publication order again.
    newest_ids = RawSQL(
        f"SELECT pk FROM ({sql} OFFSET 0) AS matches ORDER BY published_at DESC, pk DESC LIMIT %s",
        [*params, limit],
    )
    found = Article.objects.filter(pk__in=newest_ids).annotate(rank=rank)
    rows = found.values_list("pk", "published_at", "rank")
    newest = sorted(rows, key=lambda row: (row[1], row[0]), reverse=True)
    return [(pk, row_rank) for pk, _, row_rank in newest]


def word_lexemes(terms: list[str]) -> tuple[tuple[str, ...], ...]:
    """For each word of the query, the lexemes an article must hold one of: the word's own
    stem and the stems of the indexed words that contain it, its compounds ("organisation":
    "boligorganisation", ...). Stemming folds the forms of a compound into one lexeme, so
    the query stays short and PostgreSQL's estimate of its matches stays true. Words the
    Danish dictionary drops (stop words) drop out. One query for all the words."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT CASE
                WHEN length(to_tsvector('danish', term)) > 0  -- not a stop word
                THEN tsvector_to_array(to_tsvector('danish', term || ' ' || coalesce(found, '')))
            END
            FROM unnest(%s::text[], %s::boolean[]) WITH ORDINALITY AS terms(term, widen, n)
            LEFT JOIN LATERAL (
                SELECT string_agg(word, ' ') AS found
                FROM (
                    SELECT word FROM articles_searchword
                    WHERE widen AND word LIKE '%%' || term || '%%' AND word <> term
                    ORDER BY word
                    LIMIT %s
                ) AS compounds
            ) AS widened ON true
            ORDER BY n
            """,
            [terms, [len(term) >= 4 and term.isalpha() for term in terms], EXPANSIONS_PER_TERM],
        )
        return tuple(tuple(row[0]) for row in cursor.fetchall() if row[0])


SUGGESTION_CANDIDATES = 5


def spelling_suggestion(terms: list[str]) -> str:
    """The query with each unknown word replaced by the most similar indexed word that a
    reader can already find on the site. The words come from published articles, scheduled
    ones included (they will be public without anyone saving them again), so each candidate
    is checked against what is public now."""
    suggested, changed = [], False
    for term in terms:
        if len(term) < 4 or not term.isalpha() or SearchWord.objects.filter(word=term).exists():
            suggested.append(term)
            continue
        candidates = (
            SearchWord.objects.annotate(similarity=TrigramWordSimilarity(term, "word"))
            .filter(similarity__gte=0.45)
            .order_by("-similarity", "word")
            .values_list("word", flat=True)[:SUGGESTION_CANDIDATES]
        )
        best = next((word for word in candidates if is_public_word(word)), None)
        suggested.append(best or term)
        changed |= bool(best)
    return " ".join(suggested) if changed else ""


def article_words_sql(article: str) -> str:
    """SQL for the words of the article row ``article`` as the search words are made of
    them: the text without tags, in lower case, split at everything that is not a letter."""
    text = f"{article}.title || ' ' || {article}.lead || ' ' || {article}.body"
    lowered = f"lower(regexp_replace({text}, '<[^>]+>', ' ', 'g'))"
    return f"regexp_split_to_table({lowered}, '[^[:alpha:]]+')"


def holds_word_sql(article: str, word: str) -> str:
    """SQL for whether the article row ``article`` holds the word ``word`` (an SQL
    expression, used three times). The stored vector (GIN-indexed) narrows the articles to
    those with the word's stem; the text then decides. A stop word has no stem in the
    vector, so for one only the text can tell."""
    return f"""
        (numnode(plainto_tsquery('danish', {word})) = 0
         OR {article}.search_vector @@ plainto_tsquery('danish', {word}))
        AND {word} IN (SELECT {article_words_sql(article)})
    """


def is_public_word(word: str) -> bool:
    """Whether an article the public can see now holds ``word``."""
    holds = RawSQL(
        holds_word_sql(Article._meta.db_table, "%s"), [word] * 3, output_field=BooleanField()
    )
    return Article.objects.published().filter(holds).exists()


def highlighted(snippet: str) -> str:
    """A snippet from SearchHeadline as safe HTML: escaped, with <mark> around the hits."""
    text = escape(html.unescape(snippet))
    return mark_safe(text.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


def index_words(article_ids: list[int] | None = None) -> None:
    """Add the words of published articles (all, or those given) to the search words, on
    PostgreSQL. Scheduled articles count: their words are wanted as compounds the moment
    they appear, and spelling suggestions check what is public (``is_public_word``)."""
    if connection.vendor != "postgresql":
        return
    conditions, params = ["length(w) BETWEEN 4 AND 60", "a.status = %s"], [Article.Status.PUBLISHED]
    if article_ids is not None:
        conditions.append("a.id = ANY(%s)")
        params.append(list(article_ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO articles_searchword (word)
            SELECT DISTINCT w FROM articles_article a, {article_words_sql("a")} AS w
            WHERE {" AND ".join(conditions)}
            ON CONFLICT (word) DO NOTHING
            """,
            params,
        )


def published_words_of(article_id: int | None) -> list[str]:
    """The search words an article gives while it is published, as stored now: noted before
    it is changed or deleted, so the words only it held can leave afterwards."""
    if connection.vendor != "postgresql" or article_id is None:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT DISTINCT w FROM articles_article a, {article_words_sql("a")} AS w
            WHERE a.id = %s AND a.status = %s AND length(w) BETWEEN 4 AND 60
            """,
            [article_id, Article.Status.PUBLISHED],
        )
        return [row[0] for row in cursor.fetchall()]


def prune_words(words: list[str]) -> None:
    """Remove those of ``words`` that no published article holds any longer."""
    if connection.vendor != "postgresql" or not words:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            DELETE FROM articles_searchword sw
            WHERE sw.word = ANY(%s) AND NOT EXISTS (
                SELECT 1 FROM articles_article a
                WHERE a.status = %s AND {holds_word_sql("a", "sw.word")}
            )
            """,
            [list(words), Article.Status.PUBLISHED],
        )


def update_words(article_id: int | None, words_before: list[str]) -> None:
    """After an article was saved or deleted: its words join the search words if it is
    published, and the words it held before leave if no published article holds them."""
    if article_id is not None:
        index_words([article_id])
    prune_words(words_before)
