"""The site as an installable web app (issue 15, "Offline"), from the server's side: the
service worker, the manifest and its icons, the offline page, and what the worker's requests
do to the reader's list. Issue 19: the mark every page carries and the question it leads to
(which copies are still public), and the owner cookie that says whose copies they are. The
worker itself runs in Chromium: tests/browser/test_offline_browser.py."""

import html
import io
import json
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.templatetags.static import static
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from PIL import Image

from articles.models import Article, Reader, ReadingListItem
from articles.offline import MAX_ADDRESSES, copies_mark
from articles.reading_list import COOKIE_MAX_AGE, COOKIE_NAME, OWNER_COOKIE, owner_id
from newsroom import workflow

from .factories import ArticleFactory, UserFactory
from .test_reading_list import JSON, SAME_ORIGIN, add, reader_of, signed_cookie

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


# --- Which copies may stay (issue 19, finding 9) ------------------------------------------------

COPIES = "/laeseliste/kopier/"


def ask(client, addresses, **extra):
    return client.post(
        COPIES,
        json.dumps({"adresser": addresses}),
        content_type="application/json",
        **(extra or SAME_ORIGIN),
    )


def mark_of(response) -> str:
    found = re.search(r'<meta name="offline-kopier" content="([^"]*)">', response.content.decode())
    assert found, "the page carries no mark"
    return found.group(1)


def test_the_worker_knows_the_question_and_the_owner_cookie(client):
    script = client.get("/sw.js").content.decode()
    assert json.dumps(COPIES) in script
    assert json.dumps(OWNER_COOKIE) in script
    assert '"offline-kopier"' in script
    # The page script reads the same cookie, for workers without the Cookie Store API.
    page_script = (Path(django_settings.BASE_DIR) / "static/js/offline.js").read_text()
    assert f'"{OWNER_COOKIE}"' in page_script


def test_only_public_articles_are_named_in_the_answer(client):
    public = ArticleFactory()
    draft = ArticleFactory(status=Article.Status.DRAFT)
    scheduled = ArticleFactory(published_at=timezone.now() + timedelta(days=1))
    asked = [
        public.get_absolute_url(),
        draft.get_absolute_url(),
        scheduled.get_absolute_url(),
        "/artikler/findes-ikke/",
        "/",
        "/laeseliste/",
        public.section.get_absolute_url(),
        "artikler/uden-skraastreg/",
        12,
        {"adresse": public.get_absolute_url()},
        None,
        "/" + "a" * 5000,
    ]
    response = ask(client, asked)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "no-store"
    assert response.json() == {"offentlige": [public.get_absolute_url()], "maerke": copies_mark()}
    assert not response.cookies


def test_a_draft_is_only_not_public(client):
    """A draft's address is answered exactly as an address that never was an article."""
    draft = ArticleFactory(status=Article.Status.DRAFT, slug="hemmelig-kladde")
    for_draft = ask(client, [draft.get_absolute_url()])
    for_nothing = ask(client, ["/artikler/aldrig-skrevet/"])
    assert for_draft.status_code == for_nothing.status_code == 200
    assert for_draft.content == for_nothing.content
    assert dict(for_draft.items()) == dict(for_nothing.items())


def test_an_unpublished_article_is_no_longer_named(client):
    editor = UserFactory(groups=["Redaktør"])
    article = ArticleFactory()
    assert ask(client, [article.get_absolute_url()]).json()["offentlige"] == [
        article.get_absolute_url()
    ]
    workflow.unpublish(article, editor)
    assert ask(client, [article.get_absolute_url()]).json()["offentlige"] == []


def test_one_query_however_many_addresses(client):
    articles = ArticleFactory.create_batch(30)
    ask(client, ["/artikler/opvarmning/"])  # the content version read once in this second
    counts = []
    for asked in ([articles[0]], articles):
        with CaptureQueriesContext(connection) as queries:
            response = ask(client, [article.get_absolute_url() for article in asked])
        assert len(response.json()["offentlige"]) == len(asked)
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 1


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_REFERER": "https://evil.example/side"},
        {},
    ],
    ids=["other-origin", "cross-site-fetch", "other-referer", "no-origin"],
)
def test_the_question_is_only_answered_to_the_site_itself(client, headers):
    article = ArticleFactory()
    response = client.post(
        COPIES,
        json.dumps({"adresser": [article.get_absolute_url()]}),
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 403


def test_the_question_is_posted(client):
    assert client.get(COPIES).status_code == 405


@pytest.mark.parametrize(
    "body",
    [
        "ikke json",
        json.dumps(["/artikler/a/"]),
        json.dumps({"adresser": "/artikler/a/"}),
        json.dumps({"andet": []}),
        json.dumps({"adresser": ["/artikler/a/"] * (MAX_ADDRESSES + 1)}),
    ],
    ids=["not-json", "a-list", "a-string", "no-addresses", "too-many"],
)
def test_a_question_that_cannot_be_read_is_refused(client, body):
    response = client.post(COPIES, body, content_type="application/json", **SAME_ORIGIN)
    assert response.status_code == 400
    assert response.json() == {"fejl": "Forespørgslen kunne ikke læses."}


def test_every_page_carries_the_mark(client):
    article = ArticleFactory()
    for url in ("/", article.get_absolute_url(), "/laeseliste/", "/artikler/findes-ikke/"):
        assert mark_of(client.get(url)) == copies_mark(), url


def test_a_stored_page_carries_the_mark_it_is_answered_with(client, settings, committed):
    """Stored pages are shared by every visitor: their mark must be current whenever they are
    answered. An unpublish retires every stored page, so the next page has a new mark."""
    settings.PAGE_CACHE_SECONDS = 600
    editor = UserFactory(groups=["Redaktør"])
    taken_down = ArticleFactory()
    client.get("/")
    hit = client.get("/")
    assert hit["X-Page-Cache"] == "hit" and mark_of(hit) == copies_mark()
    reader = Client()
    add(reader, ArticleFactory())
    assert reader.get("/")["X-Page-Cache"] == "hit"
    before = mark_of(reader.get("/"))

    with committed():
        workflow.unpublish(taken_down, editor)
    after = client.get("/")
    assert mark_of(after) == copies_mark() != before
    assert mark_of(client.get("/")) == mark_of(reader.get("/")) == copies_mark()


# --- Whose copies they are (issue 19, finding 10) -----------------------------------------------


def owner_of(response) -> tuple[str, int]:
    owner, _, expires = response.cookies[OWNER_COOKIE].value.partition(".")
    return owner, int(expires)


def test_the_first_add_sets_the_owner_cookie_with_the_reader_cookie(client):
    article = ArticleFactory()
    response = add(client, article)
    reader_cookie, owner_cookie = response.cookies[COOKIE_NAME], response.cookies[OWNER_COOKIE]
    # Readable by scripts (the service worker), otherwise just like the reader's cookie.
    assert not owner_cookie["httponly"] and reader_cookie["httponly"]
    assert owner_cookie["samesite"] == reader_cookie["samesite"] == "Lax"
    assert owner_cookie["path"] == reader_cookie["path"] == "/"
    assert int(owner_cookie["max-age"]) == int(reader_cookie["max-age"]) == COOKIE_MAX_AGE
    assert owner_cookie["expires"] == reader_cookie["expires"]
    assert not owner_cookie["secure"]  # the test server is http://

    reader = reader_of(client)
    owner, expires = owner_of(response)
    assert owner == owner_id(reader.pk)
    assert abs(expires - (timezone.now().timestamp() + COOKIE_MAX_AGE)) < 5
    # It names the reader and tells nothing else: not their id, nor their cookie.
    assert str(reader.pk) not in owner_cookie.value and str(reader.pk.hex) not in owner_cookie.value
    assert reader_cookie.value.split(":")[-1] not in owner_cookie.value

    # The reader's cookie changes with their list; the owner stays the same.
    again = client.post("/laeseliste/fjern/", {"artikel": article.pk}, **SAME_ORIGIN)
    assert again.cookies[COOKIE_NAME].value != reader_cookie.value
    assert owner_of(again)[0] == owner
    assert owner_id(Reader.objects.create().pk) != owner


def test_the_owner_cookie_is_secure_where_the_readers_is(client, settings):
    settings.SESSION_COOKIE_SECURE = True
    response = add(client, ArticleFactory())
    assert response.cookies[OWNER_COOKIE]["secure"] and response.cookies[COOKIE_NAME]["secure"]


def test_a_cookie_that_names_no_list_takes_the_owner_cookie_with_it(client):
    client.cookies[COOKIE_NAME] = "forfalsket"
    client.cookies[OWNER_COOKIE] = "0123456789abcdef.9999999999"
    response = client.get("/")
    assert response.cookies[COOKIE_NAME].value == ""
    assert response.cookies[OWNER_COOKIE].value == ""


def test_an_owner_cookie_without_its_reader_is_dropped(client):
    """Their reading-list cookie cleared, or logged out: the owner cookie goes too."""
    client.cookies[OWNER_COOKIE] = "0123456789abcdef.9999999999"
    response = client.get("/")
    assert response.cookies[OWNER_COOKIE].value == ""
    assert COOKIE_NAME not in response.cookies


def test_a_list_from_before_the_owner_cookie_gets_both_cookies_again(client):
    """A reader whose cookie was set before there was an owner cookie: both are set again in
    one answer, so that they end together."""
    reader = Reader.objects.create()
    ReadingListItem.objects.create(reader=reader, article=ArticleFactory())
    client.cookies[COOKIE_NAME] = signed_cookie(f"{reader.pk}.abcd1234")
    response = client.get("/laeseliste/")
    assert response.status_code == 200
    assert owner_of(response)[0] == owner_id(reader.pk)
    assert int(response.cookies[COOKIE_NAME]["max-age"]) == COOKIE_MAX_AGE
    assert response.cookies[OWNER_COOKIE]["expires"] == response.cookies[COOKIE_NAME]["expires"]
    assert reader_of(client) == reader
    # Set once: the next answer leaves both alone.
    assert not client.get("/laeseliste/").cookies


def test_a_visitor_without_a_list_still_gets_the_shared_page(client, settings):
    """The page cache knows visitors by the cookies it reads (quick_state): the owner cookie is
    not one of them, so it makes no page personal and none uncacheable."""
    settings.PAGE_CACHE_SECONDS = 600
    article = ArticleFactory()
    first = client.get(article.get_absolute_url())
    assert first["X-Page-Cache"] == "miss" and not first.cookies

    reader = Client()
    add(reader, article)  # a reader with a list, and both cookies, elsewhere
    assert OWNER_COOKIE in reader.cookies
    hit = Client().get(article.get_absolute_url())
    assert hit["X-Page-Cache"] == "hit" and hit["Cache-Control"] == "public, max-age=60"
    assert hit.content == first.content and not hit.cookies

    # Even a browser holding only an owner cookie is a visitor without a list.
    stray = Client()
    stray.cookies[OWNER_COOKIE] = "0123456789abcdef.9999999999"
    shared = stray.get(article.get_absolute_url())
    assert shared["X-Page-Cache"] == "hit" and shared["Cache-Control"] == "public, max-age=60"
    assert shared.content == first.content


def test_a_logged_in_readers_copies_are_theirs_for_their_session(client):
    user = UserFactory(is_staff=False)
    client.force_login(user)
    response = add(client, ArticleFactory(), **JSON)
    assert COOKIE_NAME not in response.cookies  # the list is the account's
    account = Reader.objects.get(user=user)
    owner, expires = owner_of(response)
    assert owner == owner_id(account.pk)
    # It ends no later than the session (and so its cookie).
    session = Session.objects.get(session_key=client.session.session_key)
    assert expires <= session.expire_date.timestamp()
    max_age = int(response.cookies[OWNER_COOKIE]["max-age"])
    assert 0 < max_age <= (session.expire_date - timezone.now()).total_seconds() + 1
    # Set once; another account's copies are another owner's.
    assert OWNER_COOKIE not in client.get("/laeseliste/").cookies
    other = Client()
    other.force_login(UserFactory(is_staff=False))
    other_owner, _ = owner_of(add(other, ArticleFactory(), **JSON))
    assert other_owner != owner


def test_logging_in_and_out_ends_the_owner_cookie(client):
    """At login the anonymous list joins the account and its cookie goes, the owner cookie
    with it; at logout the account's goes."""
    UserFactory(username="laeser")
    add(client, ArticleFactory())
    assert client.cookies[OWNER_COOKIE].value
    login = client.post(
        "/admin/login/", {"username": "laeser", "password": "en-lang-og-god-adgangskode"}
    )
    assert login.status_code == 302
    assert login.cookies[COOKIE_NAME].value == login.cookies[OWNER_COOKIE].value == ""

    assert client.get("/laeseliste/").cookies[OWNER_COOKIE].value  # the account's now
    logout = client.post("/admin/logout/")
    assert logout.cookies[OWNER_COOKIE].value == ""
