"""Redis stopped, stalled or pausing: the newsroom keeps working from the database, and a
session ended while Redis was away stays ended when Redis comes back (issue 19, finding 8).

Every fault is real: a redis-server of the test's own (tests/faults.py) stopped (the port
refuses), stalled (SIGSTOP: connections open, nothing answers) or paused (CLIENT PAUSE), with
the site's production socket timeouts. Stalling and pausing keep Redis's data, so what it
held before the fault is there again afterwards, as in production.
"""

import time

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.test import Client

from articles.caching import sessions, store
from articles.models import Article
from newsletter import ratelimit

from .factories import ArticleFactory
from .test_admin import article_post, change_url, form_errors

pytestmark = pytest.mark.django_db

PASSWORD = "en-lang-og-god-adgangskode"
LOGIN = "/admin/login/"
SAME_ORIGIN = {"HTTP_ORIGIN": "http://testserver"}


@pytest.fixture(params=["stopped", "stalled"])
def redis_away(request, private_redis):
    """Makes the private Redis unreachable when called: killed, or stopped in its tracks."""

    def away():
        if request.param == "stopped":
            private_redis.stop()
        else:
            private_redis.stall()

    return away


def log_in(client, user) -> None:
    """Through the login form, as an editor does (django-axes and all)."""
    response = client.post(
        LOGIN, {"username": user.username, "password": PASSWORD, "next": "/admin/"}
    )
    assert response.status_code == 302 and response["Location"] == "/admin/", response


def logged_in(client) -> bool:
    response = client.get("/admin/")
    assert response.status_code in (200, 302)
    return response.status_code == 200


# --- The newsroom keeps working -------------------------------------------------------------


def test_the_login_page_and_logging_in_work_while_redis_is_away(redis_away, editor):
    redis_away()
    client = Client()
    assert client.get(LOGIN).status_code == 200
    log_in(client, editor)
    assert client.get("/admin/").status_code == 200  # the desk
    session_key = client.cookies["sessionid"].value
    assert Session.objects.filter(session_key=session_key).exists()
    editor.refresh_from_db()
    assert editor.last_login is not None


def test_an_editor_opens_and_unpublishes_while_redis_is_away(redis_away, editor):
    article = ArticleFactory(with_image=True)
    client = Client()
    log_in(client, editor)
    assert client.get("/admin/").status_code == 200  # the session is in Redis too now
    redis_away()

    assert client.get("/admin/").status_code == 200
    assert client.get(change_url(article)).status_code == 200
    assert client.get("/admin/jsi18n/").status_code == 200  # the editor's Danish
    assert client.get("/admin/articles/article/").status_code == 200
    response = client.post(change_url(article), article_post(article, button="_unpublish"))
    assert response.status_code == 302, form_errors(response)
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert logged_in(client)


def test_a_journalist_saves_a_draft_while_redis_is_away(redis_away, journalist):
    article = ArticleFactory(
        created_by=journalist, authors=[journalist.author_profile], with_image=True, draft=True
    )
    client = Client()
    redis_away()
    log_in(client, journalist)
    assert client.get(change_url(article)).status_code == 200
    data = article_post(article, title="Skrevet mens Redis var væk")
    data["_save"] = "Gem"
    response = client.post(change_url(article), data)
    assert response.status_code == 302, form_errors(response)
    article.refresh_from_db()
    assert article.title == "Skrevet mens Redis var væk"


def test_a_redis_pause_during_an_editors_unpublish(private_redis, editor):
    article = ArticleFactory(with_image=True)
    client = Client()
    log_in(client, editor)
    assert client.get(change_url(article)).status_code == 200
    private_redis.pause(2500)
    started = time.monotonic()
    response = client.post(change_url(article), article_post(article, button="_unpublish"))
    took = time.monotonic() - started
    assert response.status_code == 302, form_errors(response)
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    # One timeout, then the cache is left alone: the editor never waits for Redis.
    assert took < 2.5, took


def test_anonymous_readers_and_the_newsletters_limit_while_redis_is_away(
    redis_away, settings, client
):
    settings.PAGE_CACHE_SECONDS = 600
    article = ArticleFactory()
    pages = ["/", "/artikler/", article.get_absolute_url()]
    for url in pages:
        assert client.get(url).status_code == 200  # stored in Redis
    redis_away()
    for url in pages:
        assert client.get(url).status_code == 200
    response = client.post("/laeseliste/tilfoej/", {"artikel": article.pk}, **SAME_ORIGIN)
    assert response.status_code == 302
    assert "data-reading-list-count>1<" in client.get("/artikler/").content.decode()
    started = time.monotonic()
    assert ratelimit.allow_mail("beboer@example.org", "192.0.2.1")
    assert time.monotonic() - started < 1.5


# --- A session ended while Redis was away stays ended ---------------------------------------


def stored_copy(session_key: str):
    """What the private Redis holds of a session, asked directly."""
    return cache.get(sessions.cache_key(session_key))


@pytest.mark.parametrize(
    "ending, fault",
    [("logout", "stall"), ("logout", "pause"), ("password", "stall")],
)
def test_a_session_ended_while_redis_was_away_does_not_come_back(
    private_redis, settings, committed, editor, ending, fault
):
    settings.PAGE_CACHE_SECONDS = 600
    article = ArticleFactory()
    client = Client()
    log_in(client, editor)
    response = client.post("/laeseliste/tilfoej/", {"artikel": article.pk}, **SAME_ORIGIN)
    assert response.status_code == 302
    page = client.get("/artikler/").content.decode()  # stored; the session is in Redis
    assert "data-reading-list-count>1<" in page
    old_key = client.cookies["sessionid"].value
    assert stored_copy(old_key) is not None

    if fault == "stall":
        private_redis.stall()
    else:
        private_redis.pause(3000)
        paused_until = time.monotonic() + 3.0
    started = time.monotonic()
    with committed():  # as the request's own commit would
        if ending == "logout":
            response = client.post("/admin/logout/")
        else:
            new_password = "et-helt-nyt-og-langt-kodeord"
            response = client.post(
                "/admin/password_change/",
                {
                    "old_password": PASSWORD,
                    "new_password1": new_password,
                    "new_password2": new_password,
                },
            )
    assert response.status_code == (200 if ending == "logout" else 302)
    # The request that ended it answers only once every other process can know.
    assert time.monotonic() - started >= sessions.GENERATION_MEMO_SECONDS
    assert not Session.objects.filter(session_key=old_key).exists()
    if fault == "stall":
        private_redis.resume()
    else:
        time.sleep(max(0.0, paused_until - time.monotonic()) + 0.1)

    # Redis answers again, with the ended session still in it. A process that marked it
    # down asks it again after a few seconds; one that never noticed the fault at once.
    store.forget()
    assert stored_copy(old_key) is not None, "the fault should have kept the old copy"
    for fresh_process in (False, True):
        if fresh_process:
            sessions.forget()
        old = Client()
        old.cookies["sessionid"] = old_key
        assert not logged_in(old)
        # Nor does the page cache fill a page from the ended session: the list is not shown.
        page = old.get("/artikler/").content.decode()
        assert "data-reading-list-count>0<" in page or "data-reading-list-count" not in page
    if ending == "password":
        assert logged_in(client)  # the session the change gave the editor holds


def test_a_session_copy_is_trusted_only_under_the_current_generation(editor):
    client = Client()
    client.force_login(editor)
    key = client.cookies["sessionid"].value
    entry = cache.get(sessions.cache_key(key))
    assert sessions.trusted(entry) is not None
    sessions._cache_missed()
    assert sessions.trusted(entry) is None
    assert logged_in(client)  # read from the database again, and copied under the new one
    assert sessions.trusted(cache.get(sessions.cache_key(key))) is not None


def test_the_generations_row_is_no_session(client, editor):
    sessions._cache_missed()
    client.cookies["sessionid"] = sessions.GENERATION_ROW
    assert not logged_in(client)
    client.force_login(editor)
    assert client.cookies["sessionid"].value != sessions.GENERATION_ROW
    Session.get_session_store_class().clear_expired()
    assert Session.objects.filter(session_key=sessions.GENERATION_ROW).exists()


def test_a_requests_writes_reach_redis_each_with_its_lifetime(private_redis):
    """What a request saves for its end (``store.set_later``, ``store.delete_later``) goes to
    Redis together when it ends: each value for its own lifetime, the deletions after them."""
    cache.set("claim", 1, 60)
    cache.set("left alone", 1, 60)
    with store.writes_at_end():
        store.set_later("page", {"html": "<p>Side</p>"}, 300)
        store.set_later("fragment", "<li>Kort</li>", 30)
        store.set_later("for good", 1, None)
        store.delete_later(["claim"])
        assert cache.get("page") is None  # nothing sent before the request ends
    redis = cache._cache.get_client(write=True)
    assert cache.get("page") == {"html": "<p>Side</p>"} and cache.get("fragment") == "<li>Kort</li>"
    assert 290 < redis.ttl(cache.make_key("page")) <= 300
    assert 20 < redis.ttl(cache.make_key("fragment")) <= 30
    assert redis.ttl(cache.make_key("for good")) == -1  # no expiry
    assert cache.get("claim") is None and cache.get("left alone") == 1


def test_a_requests_writes_are_dropped_quietly_while_redis_is_away(redis_away):
    redis_away()
    with store.writes_at_end():
        store.set_later("page", "<p>Side</p>", 300)
        store.delete_later(["claim"])
    assert not store.cache_available()  # marked away: the next requests do not wait for it
