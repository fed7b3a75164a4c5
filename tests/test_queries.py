"""Query budgets: no public page may grow its number of queries with its content.

Each page is measured twice, each time against its own budget and with little and with more
content:

- cold: from empty caches, so every fragment and remembered value is made during the request.
  An N+1 inside a cached fragment shows here, and nowhere else;
- warm: after one request, so fragments and remembered values are taken from the cache:
  what a page costs while it is not in the page cache (which the test settings switch off).
"""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.core.cache import cache, caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.caching import forget_local_state, store
from articles.models import Article
from goals.models import Effort

from .factories import (
    ArticleFactory,
    AuthorFactory,
    GoalFactory,
    GoalProgrammeFactory,
    IndicatorFactory,
    MeasurementFactory,
    SectionFactory,
    relate,
)

pytestmark = pytest.mark.django_db

FEW, MORE = 1, 10


def empty_caches():
    for each in (cache, caches["fragments"]):
        each.clear()
    forget_local_state()


def queries_of(client, url: str, temperature: str) -> list[str]:
    """The SQL of one request for ``url``: "cold" from empty caches, "warm" after a request
    that filled them."""
    if temperature == "cold":
        empty_caches()
        return captured_queries(client, url)
    return warm_queries(client, url)


def warm_queries(client, url: str) -> list[str]:
    """The SQL of a request after one that filled the caches: the fewer of two requests, as
    what is read once a second (the content version) or kept for seconds in the process is
    read again when a slow, busy machine lets that time pass."""
    # What was made before is read at once, as its commit would make this process do (the
    # test's transaction never commits).
    store.forget_versions()
    assert client.get(url).status_code == 200, url
    return min(captured_queries(client, url), captured_queries(client, url), key=len)


def captured_queries(client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return [query["sql"] for query in captured.captured_queries]


# --- Content that grows -------------------------------------------------------------------


@dataclass
class Site:
    """Objects the pages are about, and ``grow(n)``: n more of what the page lists."""

    section: object
    author: object
    goal: object
    grow: Callable[[int], None]


def listed_articles() -> Site:
    """Articles in one section, by one author and another each, with two tags, about one
    current goal, with pictures."""
    section, author = SectionFactory(), AuthorFactory()
    goal = GoalFactory(programme=GoalProgrammeFactory(is_current=True))

    def grow(count):
        for _ in range(count):
            article = ArticleFactory(
                section=section,
                authors=[author, AuthorFactory()],
                tags=["Fælles", "Andet"],
                with_image=True,
            )
            article.goals.add(goal)

    return Site(section, author, goal, grow)


def more_sections() -> Site:
    """The front page lists every section with its description."""
    site = listed_articles()

    def grow(count):
        for _ in range(count):
            ArticleFactory(section=SectionFactory())

    site.grow = grow
    return site


def goal_with_more() -> Site:
    """A goal with more articles, efforts and indicators, each with measurements."""
    site = listed_articles()
    more_articles = site.grow

    def grow(count):
        more_articles(count)
        for _ in range(count):
            indicator = IndicatorFactory(goal=site.goal)
            for _ in range(2):
                MeasurementFactory(indicator=indicator)
            Effort.objects.create(goal=site.goal, text="En indsats")

    site.grow = grow
    return site


def more_goals() -> Site:
    """More goals in the current programme, each with an effort and articles."""
    site = listed_articles()
    programme = site.goal.programme

    def grow(count):
        for _ in range(count):
            goal = GoalFactory(programme=programme)
            Effort.objects.create(goal=goal, text="En indsats")
            for _ in range(2):
                ArticleFactory(with_image=True).goals.add(goal)

    site.grow = grow
    return site


def corrected_articles() -> Site:
    """Published articles, each with a published correction (and a withdrawn one)."""
    from corrections.models import Correction

    site = listed_articles()
    more_articles = site.grow

    def grow(count):
        before = set(Article.objects.values_list("pk", flat=True))
        more_articles(count)
        for article in Article.objects.exclude(pk__in=before):
            now = timezone.now()
            Correction.objects.create(
                article=article, text="Rettet.", state="published", published_at=now
            )
            Correction.objects.create(
                article=article,
                text="Forkert.",
                state="withdrawn",
                published_at=now,
                withdrawn_at=now,
                withdrawal_note="Rettelsen var selv forkert.",
            )

    site.grow = grow
    return site


def with_kolofon() -> Site:
    """The pages of accountable journalism show the kolofon, whatever else there is."""
    from accountability.models import Kolofon

    Kolofon.objects.create(
        publisher="Udgiveren", address="Vejen 1", editor="Redaktøren", email="r@e.dk", phone="1"
    )
    return listed_articles()


@dataclass
class Page:
    """A public page, the most queries it may ask cold and warm, and what it lists."""

    id: str
    url: Callable[[Site], str]
    cold: int
    warm: int
    content: Callable[[], Site] = listed_articles
    # How many of what the page lists there are, at first and then.
    sizes: tuple[int, int] = (FEW, MORE)


# Cold, most pages ask: the content version with the clock of the next scheduled publication
# (how long remembered values may be kept), and the articles changed since the structure did
# (two queries, once a second per process in production), the page's object, its article count,
# its page of ids, those cards, and the header's sections; warm, only the page of ids and its
# cards. Feeds and sitemaps are kept whole by the page cache, which the test settings switch
# off: warm, they are built again.
PAGES = [
    # The top story, the latest and the current goals, each remembered; warm, read again.
    # Cold, also the newest corrections (remembered).
    Page("front", lambda s: "/", cold=7, warm=3),
    Page("front-sections", lambda s: "/", cold=7, warm=3, content=more_sections),
    Page("archive", lambda s: "/artikler/", cold=6, warm=2),
    # Page 2 of the archive: one card, then ten.
    Page("archive-2", lambda s: "/artikler/?side=2", cold=6, warm=2, sizes=(21, 30)),
    Page("section", lambda s: s.section.get_absolute_url(), cold=7, warm=2),
    Page("tag", lambda s: "/emner/faelles/", cold=7, warm=2),
    Page("author", lambda s: s.author.get_absolute_url(), cold=7, warm=2),
    # The programme, the goals with their efforts, the goals' article counts and latest three
    # (two queries however many goals, remembered), those cards, earlier programmes.
    Page("goals", lambda s: "/almene-maal/", cold=10, warm=5, content=more_goals),
    # A goal's fragment: its efforts, its indicators and their measurements.
    Page("goal", lambda s: s.goal.get_absolute_url(), cold=9, warm=2, content=goal_with_more),
    # On SQLite the matches; on PostgreSQL the word's lexemes, the article count, the planner's
    # estimate, the newest matches and their ranks (test_search.py). Warm, remembered.
    Page("search", lambda s: "/soeg/?q=almene", cold=12, warm=0),
    Page("feed", lambda s: "/feeds/artikler/", cold=4, warm=2),
    # Corrections, newest first (corrections/): their count (remembered), the page's ids, those
    # with their articles; the feed, the newest with their articles.
    Page("corrections", lambda s: "/rettelser/", cold=6, warm=2, content=corrected_articles),
    Page(
        "corrections-feed", lambda s: "/rettelser/feed/", cold=3, warm=1, content=corrected_articles
    ),
    # The feed's object is remembered like the page's.
    Page("section-feed", lambda s: f"/sektioner/{s.section.slug}/feed/", cold=5, warm=2),
    Page("tag-feed", lambda s: "/emner/faelles/feed/", cold=5, warm=2),
    Page("author-feed", lambda s: f"/skribenter/{s.author.slug}/feed/", cold=5, warm=2),
    Page("goal-feed", lambda s: f"/almene-maal/{s.goal.slug}/feed/", cold=5, warm=2),
    # The index asks each of the nine sitemaps for its size and date: fixed, not per item.
    Page("sitemap-index", lambda s: "/sitemap.xml", cold=16, warm=13),
    Page("sitemap-articles", lambda s: "/sitemap-artikler.xml", cold=4, warm=2),
    Page("sitemap-sections", lambda s: "/sitemap-sektioner.xml", cold=4, warm=2),
    Page("sitemap-tags", lambda s: "/sitemap-emner.xml", cold=4, warm=2),
    Page("sitemap-authors", lambda s: "/sitemap-skribenter.xml", cold=4, warm=2),
    Page("sitemap-goals", lambda s: "/sitemap-almene-maal.xml", cold=4, warm=2),
    Page("sitemap-corrections", lambda s: "/sitemap-rettelser.xml", cold=3, warm=1),
    # The kolofon is remembered, as for its pages.
    Page("sitemap-about", lambda s: "/sitemap-om-mediet.xml", cold=3, warm=0, content=with_kolofon),
    # The kolofon, the complaints guide and the genmæle form: cold, the versions with the
    # clock (two), the kolofon and the header's sections; warm, the kolofon is remembered.
    # The form is never cached whole (it holds a CSRF token), so warm is what every reader
    # costs.
    Page("kolofon", lambda s: "/om/", cold=4, warm=0, content=with_kolofon),
    Page("klagevejledning", lambda s: "/klagevejledning/", cold=4, warm=0, content=with_kolofon),
    Page("genmaele", lambda s: "/genmaele/", cold=4, warm=0, content=with_kolofon),
]


@pytest.mark.parametrize("temperature", ["cold", "warm"])
@pytest.mark.parametrize("page", PAGES, ids=[page.id for page in PAGES])
def test_page_queries_constant(client, page, temperature):
    site = page.content()
    few, more = page.sizes
    site.grow(few)
    url = page.url(site)
    before = queries_of(client, url, temperature)
    site.grow(more - few)
    after = queries_of(client, url, temperature)
    assert len(after) == len(before), "\n\n".join(after)
    assert len(after) <= getattr(page, temperature), "\n\n".join(after)


# --- The article page -----------------------------------------------------------------------


def article_with(n: int, section):
    """An article with n authors (each with other articles), n tags and n curated related
    articles, among 3n other published articles with images."""
    authors = [AuthorFactory() for _ in range(n)]
    tags = [f"Emne {n}-{i}" for i in range(n)]
    others = [
        ArticleFactory(section=section, authors=authors, tags=tags, with_image=True)
        for _ in range(3 * n)
    ]
    article = ArticleFactory(section=section, authors=authors, tags=tags, with_image=True)
    relate(article, *others[:n])
    return article


# Cold: the versions with the clock (two queries; the next scheduled publication and the
# published count come with the version's row), the article, its tags, its byline (with each
# author's latest other article) and goals for the fragments that show them, the sections,
# its related articles and suggestions (two: the curated ones, and one ranking of the newest
# by shared tags), and one query for every card on the page (related, suggestions, the author
# boxes). Warm: the article is remembered and every fragment kept, so nothing.
ARTICLE_PAGE_BUDGET = {"cold": 10, "warm": 0}


@pytest.mark.parametrize("temperature", ["cold", "warm"])
def test_article_page_constant(client, temperature):
    section = SectionFactory()
    small = article_with(1, section)
    large = article_with(10, section)
    few = queries_of(client, small.get_absolute_url(), temperature)
    many = queries_of(client, large.get_absolute_url(), temperature)
    # Ten curated articles fill "Læs også" on their own, which saves the query for articles
    # sharing tags: more content may cost fewer queries, never more.
    assert len(many) <= len(few), "\n\n".join(many)
    assert len(few) <= ARTICLE_PAGE_BUDGET[temperature], "\n\n".join(few)
