"""What make audit showed a phone on slow 4G needs (issue 15, "Fast on a real phone").

Pages are sent gzipped to browsers that accept it: a stored public page is compressed once,
when it is stored; a page filled for one reader, and every other text answer, by
TextCompressionMiddleware. What is compressed already (fonts, images) is left alone. A list's
first picture is fetched first."""

import gzip

import pytest
from django.http import HttpResponse

from almene.middleware import TextCompressionMiddleware
from articles.views import ArchiveView

from .factories import ArticleFactory
from .test_reading_list import add

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600


def vary(response) -> set[str]:
    return {value.strip().lower() for value in response.get("Vary", "").split(",")}


def test_a_public_page_is_sent_gzipped_stored_or_not(client):
    article = ArticleFactory(title="Solceller på taget i Gellerup", with_image=True)
    url = article.get_absolute_url()
    plain = client.get(url)
    assert "Content-Encoding" not in plain
    html = plain.content

    for expected in ("hit", "hit"):
        response = client.get(url, **GZIP)
        assert response["X-Page-Cache"] == expected
        assert response["Content-Encoding"] == "gzip"
        assert gzip.decompress(response.content) == html
        assert len(response.content) < len(html) / 3
        assert {"cookie", "accept-encoding"} <= vary(response)
        assert "public" in response["Cache-Control"]


def test_a_page_built_now_is_gzipped_too(client):
    response = client.get(ArticleFactory().get_absolute_url(), **GZIP)
    assert response["X-Page-Cache"] == "miss"
    assert response["Content-Encoding"] == "gzip"
    assert b"<!doctype html>" in gzip.decompress(response.content)


def test_a_browser_without_gzip_gets_the_page_as_it_is(client):
    url = ArticleFactory().get_absolute_url()
    client.get(url, **GZIP)
    response = client.get(url)
    assert response["X-Page-Cache"] == "hit"
    assert "Content-Encoding" not in response
    assert response.content.startswith(b"<!doctype html>")
    # A shared cache keeps the two answers apart.
    assert "accept-encoding" in vary(response)


def test_a_page_stored_without_varying_on_the_encoding_is_built_again(client):
    """A hit's headers are worked out when the page is stored: one stored by an earlier
    release, whose Vary lacks Accept-Encoding, is never given out as it is."""
    from django.core.cache import cache

    from articles.caching import pages

    url = ArticleFactory().get_absolute_url()
    client.get(url)
    (key,) = list(pages._local_pages)
    content, gzipped, page, headers, *rest = cache.get(key)
    older = tuple(
        (name, "Cookie") if name.lower() == "vary" else (name, value) for name, value in headers
    )
    cache.set(key, (content, gzipped, page, older, *rest), 600)
    pages.forget()

    response = client.get(url, **GZIP)
    assert response["X-Page-Cache"] == "miss"
    assert {"cookie", "accept-encoding"} <= vary(response)
    assert client.get(url)["X-Page-Cache"] == "hit"


def test_a_readers_own_page_is_gzipped_with_their_list_in_it(client):
    saved, other = ArticleFactory(), ArticleFactory()
    add(client, saved)
    client.get(other.get_absolute_url())
    response = client.get(other.get_absolute_url(), **GZIP)
    assert response["Content-Encoding"] == "gzip"
    assert "private" in response["Cache-Control"]
    page = gzip.decompress(response.content).decode()
    assert "data-reading-list-count>1</span>" in page


@pytest.mark.parametrize(
    ("content_type", "compressed"),
    [
        ("text/html; charset=utf-8", True),
        ("application/json", True),
        ("application/rss+xml; charset=utf-8", True),
        ("image/png", False),
        ("font/woff2", False),
        ("application/pdf", False),
    ],
)
def test_only_text_is_compressed(rf, content_type, compressed):
    """Text only: fonts, pictures and PDFs are compressed already, and gzipping them again
    costs every request CPU for nothing (however well this body would shrink)."""
    middleware = TextCompressionMiddleware(
        lambda request: HttpResponse(b"a" * 10_000, content_type=content_type)
    )
    response = middleware(rf.get("/", HTTP_ACCEPT_ENCODING="gzip"))
    assert response.has_header("Content-Encoding") is compressed
    assert len(response.content) < 1_000 if compressed else len(response.content) == 10_000


def test_an_icon_is_sent_as_it_is(client):
    response = client.get("/ikoner/512.png", **GZIP)
    assert response["Content-Type"] == "image/png"
    assert "Content-Encoding" not in response


def test_feeds_and_the_worker_are_gzipped(client):
    ArticleFactory()
    for url in ("/feeds/artikler/", "/sw.js"):
        response = client.get(url, **GZIP)
        assert response.status_code == 200, url
        assert response["Content-Encoding"] == "gzip", url


@pytest.mark.parametrize("page", [1, 2])
def test_a_lists_first_picture_is_fetched_first_and_the_rest_when_scrolled_to(client, page):
    """On a phone the first card's picture is the largest thing on the screen (the page's
    LCP): fetched at once and first. Every other card's waits until it is scrolled near."""
    for _ in range(ArchiveView.paginate_by + 2):
        ArticleFactory(with_image=True)
    html = client.get(f"/artikler/?side={page}").content.decode()
    cards = html.split('<article class="card">')[1:]
    assert len(cards) >= 2
    assert 'fetchpriority="high"' in cards[0] and 'loading="lazy"' not in cards[0]
    for card in cards[1:]:
        assert 'loading="lazy"' in card and "fetchpriority" not in card
