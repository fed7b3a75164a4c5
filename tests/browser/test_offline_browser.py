"""The reading list offline (issue 15), in Chromium with its service worker: saved articles
and the list open from their copies with a notice, marking read offline is sent when the
connection returns, the admin is never served from the worker, and an article removed from
the list is gone offline. Issue 19: an article taken down leaves the copies (at a 404, and at
the next page view online), and copies belong to the reader who saved them (cleared or
expired cookies, a session that ended: no copies for the next person)."""

import time

import pytest
from playwright.sync_api import Page, expect

from articles.models import ReadingListItem
from newsroom import workflow
from tests.factories import ArticleFactory, UserFactory
from tests.seaweedfs import public_get

from .conftest import PHONE
from .test_admin_workflow import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def wait_until(condition, seconds: float = 10, what: str = ""):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def kept(page: Page) -> list[str]:
    """The paths the service worker keeps for the reading list."""
    return page.evaluate(
        """async () => {
            const cache = await caches.open("almene-laeseliste");
            return (await cache.keys()).map((request) => new URL(request.url).pathname);
        }"""
    )


def controlled(page: Page, base: str):
    """Open the site until its service worker controls the page. (Polled from here: the
    site's Content-Security-Policy forbids the eval a string predicate would need.)"""
    page.goto(base + "/")
    wait_until(
        lambda: page.evaluate("() => navigator.serviceWorker.ready.then(() => true)"),
        what="the worker to be ready",
    )
    page.reload()
    wait_until(
        lambda: page.evaluate("() => Boolean(navigator.serviceWorker.controller)"),
        what="the worker to control the page",
    )


def test_the_reading_list_offline(live_server, page_at):
    first = ArticleFactory(title="Vaskeriet får solceller", with_image=True)
    second = ArticleFactory(title="Ny helhedsplan i Vollsmose", with_image=True)
    other = ArticleFactory(title="Ikke gemt", with_image=True)
    base = live_server.url
    page = page_at(PHONE)
    controlled(page, base)

    # Two articles saved with "Læs senere": each is kept, with its picture, at once.
    for article in (first, second):
        page.goto(base + article.get_absolute_url())
        page.locator(".article__header").get_by_role("button", name="Læs senere").click()
        expect(page.locator(".article__header").get_by_role("button")).to_have_attribute(
            "aria-pressed", "true"
        )
    wait_until(
        lambda: {first.get_absolute_url(), second.get_absolute_url()} <= set(kept(page)),
        what="the saved articles to be kept",
    )
    assert any(path.endswith(".webp") for path in kept(page))
    page.goto(base + "/laeseliste/")  # the list page is kept too
    expect(page.locator("html[data-offline-synced]")).to_have_count(1)
    assert ReadingListItem.objects.filter(read_at__isnull=False).count() == 0  # kept, not read

    page.context.set_offline(True)
    page.goto(base + "/laeseliste/")
    expect(page.locator(".offline-notice")).to_contain_text(
        "Du er offline – du læser en gemt kopi fra"
    )
    expect(page.get_by_role("link", name="Vaskeriet får solceller", exact=True)).to_be_visible()
    for article in (first, second):
        page.goto(base + article.get_absolute_url())
        expect(page.get_by_role("heading", level=1)).to_have_text(article.title)
        expect(page.locator(".offline-notice")).to_be_visible()
        picture = page.locator(".article__hero img")
        expect(picture).to_be_visible()
        wait_until(
            lambda picture=picture: picture.evaluate("image => image.naturalWidth > 0"),
            what="the kept picture to show",
        )
    page.goto(base + other.get_absolute_url())  # not kept: the offline page
    expect(page.get_by_role("heading", level=1)).to_have_text("Du er offline")
    expect(page.get_by_role("link", name="Gå til dine gemte artikler")).to_be_visible()

    # Marked read offline: queued, and sent when the connection returns.
    page.goto(base + "/laeseliste/")
    saved = page.locator(".reading-list__item", has_text=first.title)
    saved.get_by_role("button", name="Marker som læst").click()
    assert ReadingListItem.objects.get(article=first).read_at is None
    page.context.set_offline(False)
    page.goto(base + "/")
    wait_until(
        lambda: ReadingListItem.objects.get(article=first).read_at is not None,
        what="the queued change to reach the server",
    )
    page.goto(base + "/laeseliste/")
    expect(page.get_by_text("Læst", exact=False).first).to_be_visible()

    # Removed online: the copy goes, and offline the article is gone.
    page.goto(base + second.get_absolute_url())
    page.locator(".article__header").get_by_role("button", name="Tilføjet til læselisten").click()
    expect(page.locator(".article__header").get_by_role("button")).to_have_attribute(
        "aria-pressed", "false"
    )
    wait_until(lambda: second.get_absolute_url() not in kept(page), what="the removed copy to go")
    page.context.set_offline(True)
    page.goto(base + second.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text("Du er offline")
    page.context.set_offline(False)


def known(page: Page) -> list[str]:
    """The saved articles the service worker's record of its copies lists."""
    return page.evaluate(
        """async () => {
            const cache = await caches.open("almene-laeseliste");
            const response = await cache.match("/__almene-offline__/meta.json");
            const meta = response ? await response.json() : { pages: {} };
            return Object.keys(meta.pages).filter((path) => meta.pages[path].article);
        }"""
    )


def test_articles_saved_at_once_are_each_recorded(live_server, page_at):
    """Saves that overlap (quick taps, two tabs) each record their copy: none writes back a
    record it read before another save wrote, so no copy is kept that the worker does not
    know of, and could neither drop when it is taken down nor count in the budget."""
    first, *others = articles = [
        ArticleFactory(title=f"Gemt nummer {number}", with_image=True) for number in range(4)
    ]
    base = live_server.url
    page = page_at(PHONE)
    controlled(page, base)
    save(page, base, first)  # the reader's list exists: the rest are added to it at once
    page.evaluate(
        """async (ids) => {
            const form = document.querySelector("form[data-reading-list-form]");  // its token
            await Promise.all(ids.map((id) => {
                const body = new FormData(form);
                body.set("artikel", id);
                return fetch("/laeseliste/tilfoej/", {
                    method: "POST", body, headers: { Accept: "application/json" },
                });
            }));
        }""",
        [article.pk for article in others],
    )
    paths = {article.get_absolute_url() for article in articles}
    assert ReadingListItem.objects.count() == len(articles)
    wait_until(lambda: paths <= set(kept(page)), what="every article to be kept")
    wait_until(lambda: set(known(page)) == paths, what="every copy to be recorded")


def test_the_admin_is_never_served_by_the_worker(live_server, page_at):
    base = live_server.url
    page = page_at(PHONE)
    controlled(page, base)
    response = page.goto(base + "/admin/login/")
    assert response.status == 200 and not response.from_service_worker
    page.context.set_offline(True)
    with pytest.raises(Exception, match="ERR_INTERNET_DISCONNECTED"):
        page.goto(base + "/admin/login/")
    page.context.set_offline(False)


def test_the_worker_and_the_manifest(live_server, page_at):
    base = live_server.url
    page = page_at(PHONE)
    controlled(page, base)
    worker = page.request.get(base + "/sw.js")
    assert worker.headers["cache-control"] == "no-cache"
    assert page.evaluate("navigator.serviceWorker.controller.scriptURL") == base + "/sw.js"
    manifest = page.request.get(base + "/manifest.webmanifest").json()
    assert manifest["lang"] == "da" and manifest["start_url"] == "/"
    for icon in manifest["icons"]:
        assert page.request.get(base + icon["src"]).ok


def test_logging_out_leaves_no_copies(live_server, page_at):
    """A staff member's list lives on their account: logged out, the browser keeps nothing
    of it (Clear-Site-Data from the admin's logout)."""
    article = ArticleFactory(title="Beboerdemokrati på dagsordenen", with_image=True)
    UserFactory(username="redaktoer", is_staff=True)
    base = live_server.url
    page = page_at(PHONE)
    log_in(page, base, "redaktoer")
    controlled(page, base)
    page.goto(base + article.get_absolute_url())
    page.locator(".article__header").get_by_role("button", name="Læs senere").click()
    wait_until(lambda: article.get_absolute_url() in kept(page), what="the article to be kept")

    page.goto(base + "/admin/")
    page.get_by_role("button", name="Log ud").click()
    expect(page.get_by_role("heading", name="Logget ud")).to_be_visible()
    page.goto(base + "/")
    assert kept(page) == []


def test_the_oldest_saved_leave_first_when_the_budget_is_full(live_server, page_at, settings):
    """Copies are kept within OFFLINE_COPIES_MAX_BYTES: the oldest added leave first, the list
    page says so, and the copy comes back once removing another makes room."""
    # Each article about 80 KB as the worker keeps it: two fit with the list page, three not.
    body = "<p>" + "Beboerne i afdelingen har stemt om den nye helhedsplan. " * 1100 + "</p>"
    settings.OFFLINE_COPIES_MAX_BYTES = 200 * 1024
    oldest, middle, newest = (
        ArticleFactory(title=title, body=body) for title in ("Først gemt", "Så gemt", "Sidst gemt")
    )
    base = live_server.url
    page = page_at(PHONE)
    controlled(page, base)
    for article in (oldest, middle, newest):
        page.goto(base + article.get_absolute_url())
        page.locator(".article__header").get_by_role("button", name="Læs senere").click()
        wait_until(lambda a=article: a.get_absolute_url() in kept(page), what=article.title)

    page.goto(base + "/laeseliste/")
    expect(page.locator("html[data-offline-synced]")).to_have_count(1)
    assert oldest.get_absolute_url() not in kept(page)
    assert {middle.get_absolute_url(), newest.get_absolute_url()} <= set(kept(page))
    expect(page.locator("[data-offline-status]")).to_contain_text(
        "1 af dine gemte artikler kunne ikke gemmes til offline-læsning"
    )

    # Removing one makes room: on the next visit to the list the oldest is kept again.
    page.locator(".reading-list__item", has_text="Sidst gemt").get_by_role(
        "button", name="Fjern"
    ).click()
    wait_until(lambda: newest.get_absolute_url() not in kept(page), what="the removed copy")
    page.goto(base + "/laeseliste/")
    wait_until(lambda: oldest.get_absolute_url() in kept(page), what="the oldest to be kept")
    expect(page.locator("[data-offline-status]")).to_be_hidden()


# --- What is taken down leaves the copies (issue 19, finding 9) --------------------------------


def save(page: Page, base: str, *articles):
    """Save each article with "Læs senere" on its page, and wait until the worker keeps it."""
    for article in articles:
        page.goto(base + article.get_absolute_url())
        page.locator(".article__header").get_by_role("button", name="Læs senere").click()
        expect(page.locator(".article__header").get_by_role("button")).to_have_attribute(
            "aria-pressed", "true"
        )
    wait_until(
        lambda: {article.get_absolute_url() for article in articles} <= set(kept(page)),
        what="the saved articles to be kept",
    )


def offline_page_at(page: Page, url: str):
    """Offline, ``url`` answers with the offline page, not a kept copy."""
    page.goto(url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Du er offline")
    expect(page.locator(".offline-notice")).to_have_count(0)


def test_an_unpublished_article_leaves_the_copies_at_the_next_page_view(
    live_server, page_at, settings
):
    """Any page seen online, a stored page shared by every visitor included, carries the mark;
    a mark the worker has not checked makes it ask once which copies are still public."""
    settings.PAGE_CACHE_SECONDS = 600
    taken_down = ArticleFactory(title="Trækkes tilbage", with_image=True)
    stays = ArticleFactory(title="Bliver stående", with_image=True)
    editor = UserFactory(groups=["Redaktør"])
    base = live_server.url
    page = page_at(PHONE)
    controlled(page, base)
    save(page, base, taken_down, stays)
    page.goto(base + "/")  # seen once with both public: the worker checks this mark

    workflow.unpublish(taken_down, editor)
    page.goto(base + "/")  # any page, online
    wait_until(
        lambda: taken_down.get_absolute_url() not in kept(page),
        what="the unpublished article's copy to go",
    )
    assert stays.get_absolute_url() in kept(page)

    page.context.set_offline(True)
    offline_page_at(page, base + taken_down.get_absolute_url())
    page.goto(base + stays.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text("Bliver stående")
    expect(page.locator(".offline-notice")).to_be_visible()
    page.context.set_offline(False)


def test_a_saved_article_the_network_answers_404_for_is_dropped_at_once(live_server, page_at):
    """Without the check of the mark (its question refused here), the 404 alone drops the copy,
    before the page is shown."""
    article = ArticleFactory(title="Snart væk", with_image=True)
    editor = UserFactory(groups=["Redaktør"])
    base = live_server.url
    page = page_at(PHONE)
    page.context.route("**/laeseliste/kopier/", lambda route: route.abort())
    controlled(page, base)
    save(page, base, article)

    workflow.unpublish(article, editor)
    response = page.goto(base + article.get_absolute_url())
    assert response.status == 404
    assert article.get_absolute_url() not in kept(page)  # at once: no waiting
    page.context.set_offline(True)
    offline_page_at(page, base + article.get_absolute_url())
    page.context.set_offline(False)


# --- Copies belong to the reader who saved them (issue 19, finding 10) -------------------------


def test_cleared_cookies_leave_no_copies_for_the_next_reader(live_server, page_at):
    first = ArticleFactory(title="Forrige læsers første", with_image=True)
    second = ArticleFactory(title="Forrige læsers anden", with_image=True)
    base = live_server.url
    page = page_at(PHONE)
    controlled(page, base)
    save(page, base, first, second)
    page.goto(base + "/laeseliste/")
    expect(page.locator("html[data-offline-synced]")).to_have_count(1)
    owner = {c["name"]: c for c in page.context.cookies()}["laeseliste-ejer"]
    assert not owner["httpOnly"] and owner["sameSite"] == "Lax"

    page.context.clear_cookies()  # the next person at the shared computer
    page.context.set_offline(True)
    offline_page_at(page, base + "/laeseliste/")
    offline_page_at(page, base + first.get_absolute_url())
    assert kept(page) == []
    page.context.set_offline(False)


def test_the_next_reader_at_the_shared_computer_keeps_their_own_copies(live_server, page_at):
    before = ArticleFactory(title="Forrige læsers artikel", with_image=True)
    mine = ArticleFactory(title="Næste læsers artikel", with_image=True)
    base = live_server.url
    page = page_at(PHONE)
    controlled(page, base)
    save(page, base, before)

    page.context.clear_cookies()
    save(page, base, mine)  # waits until it is kept
    assert before.get_absolute_url() not in kept(page)
    page.context.set_offline(True)
    page.goto(base + mine.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text("Næste læsers artikel")
    expect(page.locator(".offline-notice")).to_be_visible()
    offline_page_at(page, base + before.get_absolute_url())
    page.context.set_offline(False)


def test_an_answer_that_comes_after_the_copies_went_brings_nothing_back(live_server, page_at):
    """The worker's question which copies are still public is out when the cookies are cleared
    and the copies go: its answer, coming in after, writes nothing back, not even the record of
    what is kept (a CI run once found that record left behind)."""
    article = ArticleFactory(title="Spurgt om for sent", with_image=True)
    base = live_server.url
    page = page_at(PHONE)
    questions = []
    page.context.route("**/laeseliste/kopier/", lambda route: questions.append(route))  # held
    controlled(page, base)
    save(page, base, article)
    page.goto(base + "/")  # a mark the worker has not checked: it asks
    wait_until(lambda: questions, what="the worker to ask which copies are public")

    page.context.clear_cookies()
    page.context.set_offline(True)
    offline_page_at(page, base + "/laeseliste/")
    assert kept(page) == []
    questions[0].fulfill(
        json={"offentlige": [article.get_absolute_url()], "maerke": "efter-rydningen"}
    )
    deadline = time.monotonic() + 2  # the answer is handled within milliseconds
    while time.monotonic() < deadline:
        assert kept(page) == []
        time.sleep(0.1)
    page.context.set_offline(False)


def test_copies_end_with_the_readers_cookie(live_server, page_at, monkeypatch):
    monkeypatch.setattr("articles.reading_list.COOKIE_MAX_AGE", 6)
    article = ArticleFactory(title="Gemt for en stund", with_image=True)
    base = live_server.url
    page = page_at(PHONE)
    controlled(page, base)
    saved_at = time.monotonic()
    save(page, base, article)
    cookies = {c["name"]: c for c in page.context.cookies()}
    # The two cookies end together.
    assert abs(cookies["laeseliste"]["expires"] - cookies["laeseliste-ejer"]["expires"]) <= 1

    time.sleep(max(0.0, saved_at + 7 - time.monotonic()))
    page.context.set_offline(True)
    offline_page_at(page, base + "/laeseliste/")
    offline_page_at(page, base + article.get_absolute_url())
    assert kept(page) == []
    page.context.set_offline(False)


def test_a_logged_in_readers_copies_end_with_their_session(live_server, page_at, settings):
    """Their list is on their account; in this browser the copies are theirs only as long as
    their session: the owner cookie ends no later than the session cookie."""
    settings.SESSION_COOKIE_AGE = 10
    article = ArticleFactory(title="Kontoens artikel", with_image=True)
    UserFactory(username="beboer")
    base = live_server.url
    page = page_at(PHONE)
    logged_in_at = time.monotonic()
    log_in(page, base, "beboer")
    controlled(page, base)
    save(page, base, article)
    cookies = {c["name"]: c for c in page.context.cookies()}
    assert "laeseliste" not in cookies  # the list is the account's
    assert cookies["laeseliste-ejer"]["expires"] <= cookies["sessionid"]["expires"] + 1

    time.sleep(max(0.0, logged_in_at + 11 - time.monotonic()))
    page.context.set_offline(True)
    offline_page_at(page, base + article.get_absolute_url())
    assert kept(page) == []
    page.context.set_offline(False)


def without_cookie_store(page: Page):
    """The page's worker as in a browser whose workers have no Cookie Store API. (Playwright
    keeps the worker running while it is attached, so it stays this way for the test.)"""
    worker = page.context.service_workers[0]
    worker.evaluate("Object.defineProperty(self, 'cookieStore', { value: undefined })")
    assert worker.evaluate("!self.cookieStore")
    return worker


def test_without_a_cookie_store_a_page_tells_the_worker_whose_copies_they_are(live_server, page_at):
    """Where workers have no Cookie Store API, each page tells the worker the owner cookie;
    a copy shown to someone else gives way to the offline page at once, and is deleted."""
    article = ArticleFactory(title="Uden Cookie Store", with_image=True)
    base = live_server.url
    page = page_at(PHONE)
    controlled(page, base)
    worker = without_cookie_store(page)
    page.goto(base + article.get_absolute_url())
    page.locator(".article__header").get_by_role("button", name="Læs senere").click()
    expect(page.locator(".article__header").get_by_role("button")).to_have_attribute(
        "aria-pressed", "true"
    )
    # The worker could not see who saved it: the next page tells it, and the list keeps it.
    page.goto(base + "/laeseliste/")
    expect(page.locator("html[data-offline-synced]")).to_have_count(1)
    wait_until(lambda: article.get_absolute_url() in kept(page), what="the article to be kept")

    page.context.clear_cookies()
    page.context.set_offline(True)
    page.goto(base + article.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text("Du er offline")
    wait_until(lambda: kept(page) == [], what="the copies to be deleted")
    assert worker.evaluate("!self.cookieStore")
    page.context.set_offline(False)


def test_without_a_cookie_store_copies_end_with_the_cookies_expiry(
    live_server, page_at, monkeypatch
):
    """The expiry the worker was told with the owner cookie is kept with the copies: past it,
    offline, they are neither served nor kept."""
    monkeypatch.setattr("articles.reading_list.COOKIE_MAX_AGE", 6)
    article = ArticleFactory(title="Udløber uden Cookie Store", with_image=True)
    base = live_server.url
    page = page_at(PHONE)
    controlled(page, base)
    worker = without_cookie_store(page)
    saved_at = time.monotonic()
    page.goto(base + article.get_absolute_url())
    page.locator(".article__header").get_by_role("button", name="Læs senere").click()
    expect(page.locator(".article__header").get_by_role("button")).to_have_attribute(
        "aria-pressed", "true"
    )
    page.goto(base + "/laeseliste/")
    wait_until(lambda: article.get_absolute_url() in kept(page), what="the article to be kept")

    time.sleep(max(0.0, saved_at + 7 - time.monotonic()))
    page.context.set_offline(True)
    response = page.goto(base + article.get_absolute_url())
    assert "x-offline-copy" not in response.headers  # not even shown once
    expect(page.get_by_role("heading", level=1)).to_have_text("Du er offline")
    assert kept(page) == []
    assert worker.evaluate("!self.cookieStore")
    page.context.set_offline(False)


def test_a_picture_in_object_storage_is_kept_and_counted(live_server, page_at, object_storage):
    """Media in a bucket (issue 24): the page shows the picture from the bucket's address, the
    worker keeps it (fetched with CORS, so its size counts against the budget) and shows it
    offline, when the bucket cannot be reached either."""
    article = ArticleFactory(title="Gårdmiljø i Aarhus", with_image=True)
    base = live_server.url
    page = page_at(PHONE)
    controlled(page, base)
    page.goto(base + article.get_absolute_url())
    picture = page.locator(".article__hero img")
    wait_until(lambda: picture.evaluate("image => image.naturalWidth > 0"), what="the picture")
    assert picture.evaluate("image => image.currentSrc").startswith(object_storage.media_url)
    page.locator(".article__header").get_by_role("button", name="Læs senere").click()
    path = article.get_absolute_url()
    wait_until(lambda: path in known(page), what="the article to be kept")
    entry = page.evaluate(
        """async (path) => {
            const cache = await caches.open("almene-laeseliste");
            const meta = await (await cache.match("/__almene-offline__/meta.json")).json();
            return meta.pages[path];
        }""",
        path,
    )
    [kept_picture] = entry["images"]
    assert kept_picture.startswith(object_storage.media_url)
    status, _, stored = public_get(kept_picture)
    assert status == 200
    assert entry["imageBytes"] == len(stored) > 0  # the picture's own size, not an opaque 0
    assert entry["bytes"] > entry["imageBytes"]

    page.context.set_offline(True)
    page.goto(base + path)
    expect(page.locator(".offline-notice")).to_be_visible()
    picture = page.locator(".article__hero img")
    wait_until(
        lambda: picture.evaluate("image => image.naturalWidth > 0"),
        what="the kept picture to show offline",
    )
    page.context.set_offline(False)


def test_a_copy_kept_before_a_correction_is_fetched_again(live_server, page_at):
    """Issue 22: a reader who saved an article before it was corrected sees the correction
    offline too, once they have opened their list online since."""
    article = ArticleFactory(title="Huslejen stiger", with_image=True)
    editor = UserFactory(groups=["Redaktør"])
    base = live_server.url
    page = page_at(PHONE)
    controlled(page, base)
    save(page, base, article)
    page.goto(base + "/laeseliste/")
    expect(page.locator("html[data-offline-synced]")).to_have_count(1)

    workflow.propose_correction(
        article, editor, "rettelse", "Stigningen er 3,2 procent, ikke 5.", publish=True
    )
    page.goto(base + "/laeseliste/")  # the list says "Rettet" and the copy is fetched again
    expect(page.locator(".reading-list__state")).to_contain_text("Rettet")
    expect(page.locator("html[data-offline-synced]")).to_have_count(1)

    page.context.set_offline(True)
    page.goto(base + article.get_absolute_url())
    expect(page.locator(".offline-notice")).to_be_visible()
    expect(page.locator(".corrections")).to_contain_text("Stigningen er 3,2 procent, ikke 5.")
    page.context.set_offline(False)
