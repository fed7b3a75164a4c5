"""Query budgets: no public page may grow its number of queries with its content."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.caching import forget_local_state

from .factories import ArticleFactory, AuthorFactory, GoalFactory, SectionFactory, relate

pytestmark = pytest.mark.django_db

ARTICLE_PAGE_BUDGET = 10
LISTING_BUDGET = 5


def count_queries(client, url) -> int:
    client.get(url)  # the first request may fill caches (the header's sections)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


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


def test_article_page_constant(client, django_assert_max_num_queries):
    section = SectionFactory()
    small = article_with(1, section)
    large = article_with(10, section)

    # Ten curated articles fill "Læs også" on their own, which saves the query for articles
    # sharing tags: more content may cost fewer queries, never more.
    assert count_queries(client, large.get_absolute_url()) <= count_queries(
        client, small.get_absolute_url()
    )
    with django_assert_max_num_queries(ARTICLE_PAGE_BUDGET):
        client.get(large.get_absolute_url())


@pytest.mark.parametrize(
    "url_of",
    [
        lambda section, author: "/",
        lambda section, author: "/artikler/",
        lambda section, author: "/artikler/?side=2",
        lambda section, author: section.get_absolute_url(),
        lambda section, author: "/emner/faelles/",
        lambda section, author: author.get_absolute_url(),
    ],
    ids=["front", "archive", "archive-2", "section", "tag", "author"],
)
def test_listing_pages_constant(client, django_assert_max_num_queries, url_of):
    section, author = SectionFactory(), AuthorFactory()

    def add(count):
        for _ in range(count):
            ArticleFactory(
                section=section,
                authors=[author, AuthorFactory()],
                tags=["Fælles", "Andet"],
                with_image=True,
            )

    add(25)
    few = count_queries(client, url_of(section, author))
    add(25)
    many = count_queries(client, url_of(section, author))
    assert few == many
    with django_assert_max_num_queries(LISTING_BUDGET):
        client.get(url_of(section, author))


def test_front_page_constant_with_more_sections(client):
    """The front page lists every section with its description."""
    for _ in range(2):
        ArticleFactory(section=SectionFactory())
    few = count_queries(client, "/")
    for _ in range(6):
        ArticleFactory(section=SectionFactory())
    assert count_queries(client, "/") == few


@pytest.mark.parametrize(
    "url_of, budget",
    [
        pytest.param(lambda s, a, g: "/feeds/artikler/", 3, id="feed"),
        pytest.param(lambda s, a, g: f"/sektioner/{s.slug}/feed/", 3, id="section-feed"),
        pytest.param(lambda s, a, g: "/emner/faelles/feed/", 3, id="tag-feed"),
        pytest.param(lambda s, a, g: f"/skribenter/{a.slug}/feed/", 3, id="author-feed"),
        pytest.param(lambda s, a, g: f"/almene-maal/{g.slug}/feed/", 3, id="goal-feed"),
        # The index asks each of the seven sitemaps for its size and date: fixed, not per item.
        # Sitemaps are public pages: one more query, remembered per content version, for the
        # next scheduled publication, which bounds how long they may be kept.
        pytest.param(lambda s, a, g: "/sitemap.xml", 13, id="sitemap-index"),
        pytest.param(lambda s, a, g: "/sitemap-artikler.xml", 3, id="sitemap-articles"),
        pytest.param(lambda s, a, g: "/sitemap-sektioner.xml", 3, id="sitemap-sections"),
        pytest.param(lambda s, a, g: "/sitemap-emner.xml", 3, id="sitemap-tags"),
        pytest.param(lambda s, a, g: "/sitemap-skribenter.xml", 3, id="sitemap-authors"),
        pytest.param(lambda s, a, g: "/sitemap-almene-maal.xml", 3, id="sitemap-goals"),
    ],
)
def test_feeds_and_sitemaps_constant(client, django_assert_max_num_queries, url_of, budget):
    """Feeds carry every item's authors, section and picture; sitemaps every article's date."""
    section, author, goal = SectionFactory(), AuthorFactory(), GoalFactory()

    def add(count):
        for _ in range(count):
            article = ArticleFactory(
                section=section,
                authors=[author, AuthorFactory()],
                tags=["Fælles", "Andet"],
                with_image=True,
            )
            article.goals.add(goal)

    def fresh_count() -> int:
        # Sitemaps are kept whole in the cache: empty it, or the count would always be 0.
        cache.clear()
        forget_local_state()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url_of(section, author, goal))
        assert response.status_code == 200
        return len(queries)

    add(3)
    few = fresh_count()
    add(20)
    assert fresh_count() == few
    cache.clear()
    forget_local_state()
    with django_assert_max_num_queries(budget):
        client.get(url_of(section, author, goal))
