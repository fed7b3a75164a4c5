"""The reading list in a real browser: instant with JavaScript, private to each browser."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import ArticleFactory

from .conftest import DESKTOP

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_save_read_later_without_reload_and_remove(live_server, page_at):
    article = ArticleFactory(title="Artiklen til senere", with_image=True)
    ArticleFactory(title="En anden artikel")
    page = page_at(DESKTOP)
    page.goto(live_server.url + article.get_absolute_url())
    counter = page.locator("[data-reading-list-count]")
    assert counter.inner_text() == "0"

    # A marker on the window survives only if the page is not reloaded.
    page.evaluate("window.__samme_side = true")
    button = page.locator(".article__header .reading-button__button")
    button.click()
    expect(page.locator("[data-reading-list-count]")).to_have_text("1")
    assert button.get_attribute("aria-pressed") == "true"
    assert "Tilføjet til læselisten" in button.inner_text()
    assert page.evaluate("window.__samme_side") is True
    assert page.locator("[data-reading-list-status]").inner_text() == "Tilføjet til læselisten"

    page.goto(live_server.url + "/laeseliste/")
    assert page.get_by_role("link", name="Artiklen til senere", exact=True).count() == 1
    assert counter.inner_text() == "1"

    # Removing from the list page works as a plain form and the counter goes back.
    page.get_by_role("button", name=re.compile(r"^Fjern\b.*Artiklen til senere")).click()
    page.wait_for_url("**/laeseliste/")
    assert "Din læseliste er tom." in page.content()
    assert counter.inner_text() == "0"

    # Add again, then a second browser (no cookies shared) sees an empty list.
    page.goto(live_server.url + article.get_absolute_url())
    page.locator(".article__header .reading-button__button").click()
    expect(page.locator("[data-reading-list-count]")).to_have_text("1")
    stranger = page_at(DESKTOP)
    stranger.goto(live_server.url + "/laeseliste/")
    assert "Din læseliste er tom." in stranger.content()
    assert stranger.locator("[data-reading-list-count]").inner_text() == "0"


def test_buttons_work_without_javascript(live_server, browser):
    article = ArticleFactory(title="Uden script")
    context = browser.new_context(java_script_enabled=False, viewport=DESKTOP)
    try:
        page = context.new_page()
        page.goto(live_server.url + article.get_absolute_url())
        page.locator(".article__header .reading-button__button").click()
        page.wait_for_load_state()
        assert page.url == live_server.url + article.get_absolute_url()
        assert page.locator("[data-reading-list-count]").inner_text() == "1"
        assert (
            page.locator(".article__header .reading-button__button").get_attribute("aria-pressed")
            == "true"
        )
    finally:
        context.close()
