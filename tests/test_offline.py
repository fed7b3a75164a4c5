"""The site as an installable web app (issue 15, "Offline"), from the server's side: the
service worker, the manifest and its icons, the offline page, and what the worker's requests
do to the reader's list. The worker itself runs in Chromium:
tests/browser/test_offline_browser.py."""

import html
import io
import json

import pytest
from django.templatetags.static import static
from PIL import Image

from articles.models import ReadingListItem

from .factories import ArticleFactory, UserFactory
from .test_reading_list import JSON, add

pytestmark = pytest.mark.django_db


def test_the_worker_is_served_from_the_root_and_never_kept(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    # The browser asks for the worker again on every visit: nothing may keep this copy.
    assert response["Cache-Control"] == "no-cache"
    script = response.content.decode()
    # Its scope is the whole site: served from the root, it needs no Service-Worker-Allowed.
    assert "Service-Worker-Allowed" not in response
    # What an offline page needs is fetched at install, by the addresses the pages use.
    for asset in ("css/site.css", "js/reading-list.js", "js/offline.js"):
        assert json.dumps(static(asset)) in script
    assert '"/offline/"' in script and '"/laeseliste/"' in script
    assert "__VERSION__" not in script and "{%" not in script


def test_a_new_worker_comes_with_new_assets(client, settings):
    """The worker's version is made from its text, so a deploy with new static files (new
    hashed names) brings a new worker, which drops the old copies of the assets."""
    before = client.get("/sw.js").content.decode()
    settings.STATIC_URL = "/static/v2/"
    after = client.get("/sw.js").content.decode()
    version = 'const VERSION = "'
    assert before.split(version)[1][:12] != after.split(version)[1][:12]


def test_the_worker_is_only_fetched(client):
    assert client.post("/sw.js").status_code == 405


def test_the_manifest(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/manifest.webmanifest")
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == "Almene Nyheder"
    assert manifest["lang"] == "da"
    assert manifest["start_url"] == "/" and manifest["scope"] == "/"
    assert manifest["display"] == "standalone"
    assert manifest["theme_color"] == "#0b5a46"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes


@pytest.mark.parametrize("size", [192, 512])
def test_the_icons_are_the_sites_mark(client, size):
    response = client.get(f"/ikoner/{size}.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    assert image.format == "PNG" and image.size == (size, size)
    # Full-bleed green (a maskable icon), the white house in the middle.
    assert image.getpixel((2, 2)) == (11, 90, 70)
    assert image.getpixel((size // 2, size // 2)) == (255, 255, 255)


@pytest.mark.parametrize("path", ["/ikoner/64.png", "/ikoner/0.png", "/ikoner/99999999999.png"])
def test_an_icon_of_another_size_is_not_found(client, path):
    assert client.get(path).status_code == 404


def test_every_page_links_the_manifest(client):
    page = client.get("/").content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest">' in page
    assert '<meta name="theme-color" content="#0b5a46">' in page
    assert "js/offline.js" in page


def test_the_offline_page_links_to_the_saved_articles(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/offline/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-cache"
    page = response.content.decode()
    assert '<html lang="da">' in page
    assert "<h1>Du er offline</h1>" in page
    assert 'href="/laeseliste/"' in page and "Gå til dine gemte artikler" in page
    assert '<meta name="robots" content="noindex">' in page


def test_keeping_a_copy_is_not_reading_it(client):
    """The worker fetches a saved article with X-Offline-Copy: 1; opening it is reading it."""
    article = ArticleFactory(with_image=True)
    add(client, article)
    item = ReadingListItem.objects.get(article=article)

    copy = client.get(article.get_absolute_url(), HTTP_X_OFFLINE_COPY="1")
    assert copy.status_code == 200
    item.refresh_from_db()
    assert item.read_at is None
    # The copy names the hero's phone rendition, which the worker keeps with the page.
    picture = article.hero_picture
    assert f'data-offline-image="{picture.phone_webp}"' in copy.content.decode()

    client.get(article.get_absolute_url())
    item.refresh_from_db()
    assert item.read_at is not None


def test_a_change_to_the_list_names_the_articles_address(client):
    """The worker keeps a copy of an added article, and drops a removed one's, by the
    address in the answer."""
    article = ArticleFactory()
    added = client.post("/laeseliste/tilfoej/", {"artikel": article.pk}, **JSON).json()
    assert added["adresse"] == article.get_absolute_url() and added["paa_listen"] is True
    removed = client.post("/laeseliste/fjern/", {"artikel": article.pk}, **JSON).json()
    assert removed["adresse"] == article.get_absolute_url() and removed["paa_listen"] is False


def test_the_list_page_tells_the_worker_what_to_keep(client):
    first, second = ArticleFactory(), ArticleFactory()
    add(client, first)
    add(client, second)
    page = client.get("/laeseliste/").content.decode()
    start = page.index('data-offline-list="') + len('data-offline-list="')
    kept = json.loads(html.unescape(page[start : page.index('"', start)]))
    assert [item["adresse"] for item in kept] == [
        second.get_absolute_url(),
        first.get_absolute_url(),
    ]
    assert all(item["gemt"] for item in kept)


def test_an_empty_list_tells_the_worker_to_keep_nothing(client):
    page = client.get("/laeseliste/").content.decode()
    assert 'data-offline-list="[]"' in page


def test_logging_out_clears_the_offline_copies(client):
    """A logged-in reader's list lives on their account; logged out, the browser must not
    keep copies of it (a shared computer in a common room)."""
    user = UserFactory(is_staff=True)
    client.force_login(user)
    response = client.post("/admin/logout/")
    assert response.status_code == 200
    assert response["Clear-Site-Data"] == '"cache", "storage"'
