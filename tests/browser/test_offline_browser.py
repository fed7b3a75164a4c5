"""The reading list offline (issue 15), in Chromium with its service worker: saved articles
and the list open from their copies with a notice, marking read offline is sent when the
connection returns, the admin is never served from the worker, and an article removed from
the list is gone offline."""

import time

import pytest
from playwright.sync_api import Page, expect

from articles.models import ReadingListItem
from tests.factories import ArticleFactory, UserFactory

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
