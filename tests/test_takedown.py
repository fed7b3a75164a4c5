"""What is taken down is gone from every copy at once, under faults too (issue 19, promise 2):
a Redis that stalls as an editor unpublishes, and a database that goes away after it, never
bring the article back. The faults are real: a Redis server of the test's own, paused or
stopped (tests/faults.py), and PostgreSQL unreachable."""

import time

import pytest
from django.db import connection
from django.test import Client, RequestFactory

from almene import outage
from articles import caching
from articles.caching import pages, store
from newsroom import workflow

from .factories import ArticleFactory, UserFactory
from .test_outage import postgresql_only, postgresql_unreachable

pytestmark = pytest.mark.django_db(transaction=True)  # each step commits, as in production


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def editor():
    return UserFactory(groups=["Redaktør"])


@pytest.fixture(autouse=True)
def no_outage_remembered():
    outage.forget_outage()
    yield
    outage.forget_outage()


def another_process() -> Client:
    """A worker that remembers nothing of this one's (no pages, no content version, Redis
    not marked down): what it serves comes from the shared cache and the database."""
    caching.forget_local_state()
    return Client()


@pytest.mark.parametrize("fault", ["pause", "stall"])
def test_an_unpublish_during_a_redis_stall_is_never_undone(
    private_redis, page_cache, editor, fault, monkeypatch
):
    # Marked down for a second rather than five, so the test need not wait as long.
    monkeypatch.setattr(store, "CACHE_PAUSE_SECONDS", 1.0)
    article = ArticleFactory(title="Trækkes tilbage")
    url = article.get_absolute_url()
    client = Client()
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert another_process().get(url)["X-Page-Cache"] == "hit"  # in Redis, for every worker

    if fault == "pause":
        private_redis.pause(700)
    else:
        private_redis.stall()
    # A worker that has not served the page yet asks Redis, times out and marks it down.
    client = another_process()
    assert client.get(url).status_code == 200
    assert not store.cache_available()
    workflow.unpublish(article, editor)  # committed while this worker skips the cache
    assert client.get(url).status_code == 404
    if fault == "stall":
        private_redis.resume()
    time.sleep(1.1)  # Redis answers again, the old page still in it; the mark has lapsed

    assert store.cache_available()
    for reader in (client, another_process(), Client()):
        assert reader.get(url).status_code == 404
        assert reader.get("/artikler/").content.decode().count("Trækkes tilbage") == 0


def test_an_unpublish_that_came_before_the_cache_is_filled_again(private_redis, page_cache, editor):
    """Redis stopped while the editor unpublishes, and back (empty) afterwards."""
    article = ArticleFactory(title="Trækkes tilbage")
    url = article.get_absolute_url()
    assert Client().get(url)["X-Page-Cache"] == "miss"
    private_redis.stop()
    workflow.unpublish(article, editor)
    private_redis.start()
    assert another_process().get(url).status_code == 404


@postgresql_only
def test_an_unpublished_article_never_comes_back_from_the_last_good_copies(page_cache, editor):
    """The last good copies kept for database outages outlive content versions; a takedown
    retires them too. Pages viewed again after it keep new copies, without the article."""
    gone = ArticleFactory(title="Trækkes tilbage")
    stays = ArticleFactory(title="Bliver stående")
    client = Client()
    for url in (gone.get_absolute_url(), stays.get_absolute_url(), "/artikler/"):
        assert client.get(url)["X-Page-Cache"] == "miss"

    workflow.unpublish(gone, editor)
    assert client.get(gone.get_absolute_url()).status_code == 404
    assert "Trækkes tilbage" not in client.get("/artikler/").content.decode()  # a new copy

    with postgresql_unreachable():
        article = client.get(gone.get_absolute_url())
        archive = client.get("/artikler/")
        other = client.get(stays.get_absolute_url())
        front = client.get("/")
    assert article.status_code == 503 and "Trækkes tilbage" not in article.content.decode()
    assert archive.status_code == 200 and archive["X-Page-Cache"] in ("hit", "stale")
    assert "Trækkes tilbage" not in archive.content.decode()
    assert "Bliver stående" in archive.content.decode()
    # A copy made before the takedown is not served, whatever it shows.
    assert other.status_code == 503
    assert front.status_code == 503


@postgresql_only
def test_a_process_that_never_read_the_takedowns_serves_no_copy(page_cache):
    article = ArticleFactory(title="Gemt side")
    assert Client().get(article.get_absolute_url())["X-Page-Cache"] == "miss"
    caching.forget_local_state()  # a worker started during the outage
    with postgresql_unreachable():
        assert Client().get(article.get_absolute_url()).status_code == 503


def test_a_takedown_committed_while_a_page_is_built_leaves_no_copy_under_its_mark(
    page_cache, editor
):
    """The page read its articles before the takedown committed and is stored after it: it is
    kept under the content version and takedown mark it read before, which the takedown
    retired, so neither the page nor its last good copy is ever answered after it."""
    gone = ArticleFactory(title="Trækkes tilbage")
    list_read = taken_down = False

    def take_down_once_the_list_is_read(execute, sql, params, many, context):
        nonlocal list_read, taken_down
        if list_read and not taken_down:
            taken_down = True
            workflow.unpublish(gone, editor)
        result = execute(sql, params, many, context)
        list_read = list_read or '"articles_article"."title"' in sql  # the rows shown
        return result

    with connection.execute_wrapper(take_down_once_the_list_is_read):
        built = Client().get("/artikler/")
    assert taken_down
    assert "Trækkes tilbage" in built.content.decode()  # read before the takedown

    assert pages.last_good_copy(RequestFactory().get("/artikler/")) is None
    again = Client().get("/artikler/")
    assert again["X-Page-Cache"] == "miss"
    assert "Trækkes tilbage" not in again.content.decode()
