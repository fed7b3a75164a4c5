"""A database outage answers like a newsroom, not like a crash: the last good copy of a page,
or a Danish 503 with Retry-After; a POST saves nothing and can be sent again; no 500 and no
traceback in the log; and the site works again with the next request once the database is
back (almene/outage.py, articles/caching/pages.py)."""

import gzip
import html
import logging
import re
import socket
import time
from contextlib import contextmanager
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import OperationalError, connection
from django.test import Client, RequestFactory
from django.utils import timezone

from almene import outage
from almene.views import HomeView
from articles import caching
from articles.caching import store
from articles.caching.pages import stale_response
from articles.models import Article, Reader, ReadingListItem

from .factories import ArticleFactory, UserFactory
from .test_admin import article_post, change_url

pytestmark = pytest.mark.django_db

ADD = "/laeseliste/tilfoej/"
SAME_ORIGIN = {"HTTP_ORIGIN": "http://testserver"}
JSON = {"HTTP_ACCEPT": "application/json", **SAME_ORIGIN}
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="only PostgreSQL can be made unreachable"
)


@pytest.fixture(autouse=True)
def no_outage_remembered():
    outage.forget_outage()
    yield
    outage.forget_outage()


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600


def refuse(execute, sql, params, many, context):
    raise OperationalError(
        'connection failed: connection to server at "127.0.0.1", port 5432 failed: '
        "FATAL:  the database system is starting up"
    )


@contextmanager
def database_down():
    """Every query fails the way psycopg's do while PostgreSQL restarts (on any backend)."""
    with connection.execute_wrapper(refuse):
        yield


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # free once the socket closes: nothing listens there


@contextmanager
def postgresql_unreachable():
    """The default connection pointed at a port where nothing listens: the next query fails
    to connect, as when PostgreSQL is down."""
    settings_dict = connection.settings_dict
    port = settings_dict["PORT"]
    connection.close()
    settings_dict["PORT"] = closed_port()
    try:
        yield
    finally:
        connection.close()
        settings_dict["PORT"] = port


def request_errors(caplog) -> list[logging.LogRecord]:
    """What Django logs for an unhandled error or a 5xx: nothing, during an outage."""
    return [
        record
        for record in caplog.records
        if record.name == "django.request" and record.levelno >= logging.ERROR
    ]


def assert_quiet(caplog):
    assert not request_errors(caplog)
    assert not [record for record in caplog.records if record.exc_info], "a traceback"


def assert_503_page(response, heading: str):
    assert response.status_code == 503
    assert response["Retry-After"] == "30" and response["Cache-Control"] == "no-store"
    page = response.content.decode()
    assert '<html lang="da">' in page and f"<h1>{heading}</h1>" in page
    assert "Traceback" not in page
    # Through the other middleware on its way out: the site's security headers.
    assert response["X-Frame-Options"] == "DENY" and "Content-Security-Policy" in response


def hidden_fields(response) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for name, value in re.findall(
        r'<input type="hidden" name="([^"]*)" value="([^"]*)">', response.content.decode()
    ):
        fields.setdefault(html.unescape(name), []).append(html.unescape(value))
    return fields


# --- Reading ----------------------------------------------------------------------------------


def a_change_retires_the_stored_pages():
    """A change that takes nothing away (a new article, say) retires every stored page, and
    this process forgets its own copies of them. It then reads the new content version, as a
    running process does every second: the outage begins after that."""
    store.bump_content_version()
    caching.forget_local_state()
    store.content_version()


def test_a_page_once_stored_is_served_stale_after_a_content_change(client, page_cache, caplog):
    article = ArticleFactory(title="Læst før nedbruddet")
    url = article.get_absolute_url()
    stored = client.get(url)
    assert stored["X-Page-Cache"] == "miss"
    a_change_retires_the_stored_pages()  # the page's last good copy remains

    with database_down():
        response = client.get(url)
    assert response.status_code == 200 and response["X-Page-Cache"] == "stale"
    assert response["Cache-Control"] == "no-store"  # no browser or proxy keeps it
    assert response.content == stored.content
    for header in ("Content-Security-Policy", "X-Frame-Options", "Vary", "Content-Type"):
        assert response[header] == stored[header], header
    assert_quiet(caplog)

    # The next request after the outage builds the page afresh.
    again = client.get(url)
    assert again.status_code == 200 and again["X-Page-Cache"] == "miss"


def test_a_page_that_ended_at_a_publication_is_served_stale(client, page_cache):
    ArticleFactory()
    soon = ArticleFactory(scheduled=True, published_at=timezone.now() + timedelta(seconds=1.5))
    stored = client.get("/")
    assert stored["X-Page-Cache"] == "miss" and stored["Cache-Control"] == "public, max-age=1"
    # A scheduled article came out since the front page was stored: the page ended then,
    # and building it again, with the article, needs the database.
    time.sleep(max(0.0, (soon.published_at - timezone.now()).total_seconds()) + 0.1)
    with database_down():
        response = client.get("/")
    assert response.status_code == 200 and response["X-Page-Cache"] == "stale"
    assert response.content == stored.content


def test_a_page_never_stored_gets_a_danish_503(client, page_cache, caplog):
    article = ArticleFactory()
    with database_down():
        response = client.get(article.get_absolute_url())
        front = client.head("/")
    assert_503_page(response, "Siden kan ikke vises lige nu")
    assert "Prøv igen om lidt" in response.content.decode()
    assert front.status_code == 503
    assert_quiet(caplog)


def test_with_the_page_cache_off_no_copies_are_kept(client):
    article = ArticleFactory()
    assert client.get(article.get_absolute_url())["X-Page-Cache"] == "off"
    assert stale_response(RequestFactory().get(article.get_absolute_url())) is None
    caching.forget_local_state()
    cache.clear()  # nothing remembered either: the page needs the database
    with database_down():
        response = client.get(article.get_absolute_url())
    assert_503_page(response, "Siden kan ikke vises lige nu")


def test_a_page_built_from_remembered_parts_needs_no_database(client):
    """With the page cache off, an article page asked for before is built again from what is
    remembered for the content version: it answers while the database is away."""
    article = ArticleFactory(title="Husket")
    client.get(article.get_absolute_url())
    with database_down():
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200 and "Husket" in response.content.decode()


def test_a_copy_kept_by_the_earlier_release_is_still_given(client, page_cache):
    """Copies are kept gzipped now (as the page cache compressed them already); one kept the
    day before, compressed with zlib, is given all the same."""
    import zlib

    from articles.caching.pages import stale_page_key

    article = ArticleFactory(title="Kopi fra i går")
    request = RequestFactory().get(article.get_absolute_url())
    client.get(article.get_absolute_url())
    key = stale_page_key(request)
    gzipped, headers = cache.get(key)
    page = stale_response(request).content
    assert gzip.decompress(gzipped) == page
    assert b"Kopi fra i g" in page
    cache.set(key, (zlib.compress(page), headers), 60)
    assert stale_response(request).content == page
    cache.set(key, (b"neither", headers), 60)
    assert stale_response(request) is None


def test_only_pages_shared_by_everyone_become_stale_copies(client, page_cache):
    article = ArticleFactory(title="Personlig side")
    other = ArticleFactory()
    client.post(ADD, {"artikel": other.pk}, **SAME_ORIGIN)
    personal = client.get(article.get_absolute_url())  # filled for this reader …
    assert "data-reading-list-count>1<" in personal.content.decode()
    # … but stored, and kept as the last good copy, as everyone sees it.
    copy = stale_response(RequestFactory().get(article.get_absolute_url()))
    assert copy is not None and "data-reading-list-count>0<" in copy.content.decode()
    assert 'aria-pressed="true"' not in copy.content.decode()
    a_change_retires_the_stored_pages()  # the copy stays

    with database_down():
        anonymous = Client().get(article.get_absolute_url())
        # The reader with a list gets the shared copy too: no list in it, nobody else's.
        response = client.get(article.get_absolute_url())
    for answer in (anonymous, response):
        assert answer["X-Page-Cache"] == "stale"
        assert "data-reading-list-count>0<" in answer.content.decode()
        assert 'aria-pressed="true"' not in answer.content.decode()


def test_a_database_error_outside_any_view_is_an_outage_too(page_cache, caplog):
    """An unknown address: Django renders the 404 page itself, and its header asks the
    database for the sections. That error reaches the handler500, not a view."""
    client = Client(raise_request_exception=False)
    with database_down():
        response = client.get("/findes-ikke/")
    assert_503_page(response, "Siden kan ikke vises lige nu")
    assert_quiet(caplog)


def test_other_errors_still_get_the_500_page(monkeypatch):
    def broken(self, **kwargs):
        raise RuntimeError("en fejl i koden")

    monkeypatch.setattr(HomeView, "get_context_data", broken)
    response = Client(raise_request_exception=False).get("/")
    assert response.status_code == 500 and "Der opstod en fejl" in response.content.decode()


# --- Sending --------------------------------------------------------------------------------


def test_reading_list_script_gets_json_503_and_nothing_is_saved(client, caplog):
    article = ArticleFactory()
    with database_down():
        response = client.post(ADD, {"artikel": article.pk}, **JSON)
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert response["Content-Type"] == "application/json"
    assert "Prøv igen om lidt" in response.json()["fejl"]
    assert "laeseliste" not in response.cookies
    assert not Reader.objects.exists() and not ReadingListItem.objects.exists()
    assert_quiet(caplog)

    again = client.post(ADD, {"artikel": article.pk}, **JSON)
    assert again.status_code == 200 and again.json()["paa_listen"] is True


def test_reading_list_form_gets_a_page_that_sends_it_again(client):
    article = ArticleFactory()
    with database_down():
        response = client.post(ADD, {"artikel": article.pk, "naeste": "/"}, **SAME_ORIGIN)
    assert_503_page(response, "Det blev ikke gemt")
    assert f'<form method="post" action="{ADD}">' in response.content.decode()
    fields = hidden_fields(response)
    assert fields == {"artikel": [str(article.pk)], "naeste": ["/"]}
    assert not ReadingListItem.objects.exists()

    # "Send igen", once the database is back.
    again = client.post(ADD, fields, **SAME_ORIGIN)
    assert again.status_code == 302 and ReadingListItem.objects.count() == 1


def test_no_sending_again_for_another_sites_form_or_a_password(client):
    """The page must not lend this site's origin to another site's form, and a password is
    never written into a page: those get the plain advice to go back and send again."""
    client.force_login(UserFactory(groups=["Redaktør"]))
    article = ArticleFactory()
    data = article_post(article)
    with database_down():
        foreign = client.post(change_url(article), data, HTTP_ORIGIN="https://andet.example")
        login = client.post(
            "/admin/login/", {"username": "a", "password": "hemmelig-kode"}, **SAME_ORIGIN
        )
    for response in (foreign, login):
        assert_503_page(response, "Det blev ikke gemt")
        assert not hidden_fields(response) and "tilbage-knap" in response.content.decode()
    assert "hemmelig-kode" not in login.content.decode()


def test_an_editors_admin_post_gets_the_page_and_is_not_lost(client, caplog):
    editor = UserFactory(groups=["Redaktør"])
    article = ArticleFactory(title="Den gamle titel", with_image=True)
    client.force_login(editor)
    data = article_post(article, title="Den nye titel")
    with database_down():
        response = client.post(change_url(article), data, **SAME_ORIGIN)
    assert_503_page(response, "Det blev ikke gemt")
    assert "Send igen" in response.content.decode()
    assert Article.objects.get(pk=article.pk).title == "Den gamle titel"
    assert_quiet(caplog)

    # What the editor sent is on the page; sent again after the outage, it is saved.
    again = client.post(change_url(article), hidden_fields(response), **SAME_ORIGIN)
    assert again.status_code == 302
    assert Article.objects.get(pk=article.pk).title == "Den nye titel"


# --- Logging --------------------------------------------------------------------------------


def test_one_warning_per_outage_and_a_line_when_it_is_over(client, caplog):
    caplog.set_level(logging.INFO, logger="almene.outage")
    article = ArticleFactory()

    def outage_lines():
        return [
            (record.levelname, record.getMessage())
            for record in caplog.records
            if record.name == "almene.outage"
        ]

    with database_down():
        for _ in range(3):
            assert client.get(article.get_absolute_url()).status_code == 503
        client.post(ADD, {"artikel": article.pk}, **JSON)
    lines = outage_lines()
    assert len(lines) == 1 and lines[0][0] == "WARNING"
    assert "Database unavailable" in lines[0][1] and "starting up" in lines[0][1]
    assert "\n" not in lines[0][1]

    assert client.get(article.get_absolute_url()).status_code == 200
    level, message = outage_lines()[-1]
    assert level == "INFO" and "4 requests" in message

    caching.forget_local_state()
    cache.clear()  # the page is remembered now, and would be built without the database
    with database_down():  # a new outage is told again
        client.get(article.get_absolute_url())
    assert [level for level, _ in outage_lines()] == ["WARNING", "INFO", "WARNING"]
    assert_quiet(caplog)


def test_an_outage_another_process_has_told_is_not_told_again(client, caplog):
    """Every gunicorn worker meets the outage; the first to note it in the shared cache
    logs it, the others keep quiet."""
    article = ArticleFactory()
    cache.set(outage.OUTAGE_KEY, 12345, 60)  # another worker's note
    with database_down():
        assert client.get(article.get_absolute_url()).status_code == 503
    assert not [record for record in caplog.records if record.name == "almene.outage"]


# --- PostgreSQL really away -------------------------------------------------------------------


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_postgresql_unreachable(client, page_cache, caplog):
    stored = ArticleFactory(title="Gemt side")
    never_stored = ArticleFactory()
    editor_client = Client()
    editor_client.force_login(UserFactory(groups=["Redaktør"]))
    assert client.get(stored.get_absolute_url()).status_code == 200
    a_change_retires_the_stored_pages()
    data = article_post(stored, title="Ny titel")

    with postgresql_unreachable():
        with pytest.raises(OperationalError):  # really unreachable
            connection.ensure_connection()
        stale = client.get(stored.get_absolute_url())
        missing = client.get(never_stored.get_absolute_url())
        script = client.post(ADD, {"artikel": stored.pk}, **JSON)
        admin = editor_client.post(change_url(stored), data, **SAME_ORIGIN)

    assert stale.status_code == 200 and stale["X-Page-Cache"] == "stale"
    assert "Gemt side" in stale.content.decode()
    assert_503_page(missing, "Siden kan ikke vises lige nu")
    assert script.status_code == 503 and "Prøv igen om lidt" in script.json()["fejl"]
    assert_503_page(admin, "Det blev ikke gemt")
    assert_quiet(caplog)
    warnings = [record for record in caplog.records if record.name == "almene.outage"]
    assert len(warnings) == 1 and "connection failed" in warnings[0].getMessage()

    # Back at once, with nothing saved while it was away.
    assert not ReadingListItem.objects.exists()
    assert Article.objects.get(pk=stored.pk).title == "Gemt side"
    assert client.get(never_stored.get_absolute_url()).status_code == 200
    assert client.post(ADD, {"artikel": stored.pk}, **JSON).status_code == 200
    assert editor_client.get(change_url(stored)).status_code == 200
