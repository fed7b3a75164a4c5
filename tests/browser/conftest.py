"""Headless Chromium through Playwright for Python, using the system's Chromium.

Playwright's own browser download is never used: the tests drive ``/usr/bin/chromium``
(Debian's ``chromium`` package; ``.ci/run`` installs it). Where no Chromium exists the tests
skip with the reason, unless ``REQUIRE_BROWSER=1`` (set by CI), where they fail instead.
"""

import contextlib
import os
import shutil

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.concurrency import until_the_database_is_quiet

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        message = f"no Chromium at {CHROMIUM}: install Debian's chromium package"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread, which makes Django refuse ORM
    # calls here; the test's own calls (factories) are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS
        )
        yield browser
        browser.close()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def page_at(browser, request):
    """``page_at(viewport)`` opens a fresh browser context (no cookies) at that size."""
    contexts = []

    def open_page(viewport=DESKTOP):
        context = browser.new_context(viewport=viewport, locale="da-DK")
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        # Before the test's database is emptied: let what the pages still send arrive (an
        # autosave under way), then let nothing more leave (the autosave a closing form sends
        # with keepalive), or the live server would write while the tables are truncated.
        for page in context.pages:
            # A page still busy after 5 s is closed all the same.
            with contextlib.suppress(PlaywrightError):
                page.wait_for_load_state("networkidle", timeout=5000)
        context.route("**/*", lambda route: route.abort())
        context.close()
    if contexts and "live_server" in request.fixturenames:
        # The browser's word is not enough: a request it sent just before (a debounced
        # autosave leaves after the page reached "networkidle") may still be writing.
        until_the_database_is_quiet()
