"""The kolofon, the complaints guide and the genmæle form in a real browser: a request sent
with JavaScript switched off (an error on the way, nothing typed lost), and axe-core on every
page and state (empty, with errors, after sending) at a desktop and a phone width: no WCAG
2.2 A/AA violations, and nothing wider than the phone's screen."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from accountability.models import GenmaeleRequest, Kolofon
from tests.factories import ArticleFactory

from .conftest import DESKTOP
from .test_accessibility import WCAG_TAGS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE_390 = {"width": 390, "height": 844}


@pytest.fixture
def site():
    Kolofon.objects.create(
        medium="Almene Nyheder",
        about="Nyheder om den almene boligsektor.",
        publisher="Foreningen Almene Medier",
        address="Eksempelvej 12\n2400 København NV",
        editor="Jonas Brøndum Lauridsen",
        email="redaktion@almene-nyheder.example",
        phone="+45 12 34 56 78",
    )
    return ArticleFactory(title="Beboerne fik ikke budgettet", slug="beboerne-fik-ikke-budgettet")


def fill_request(page, article: str):
    page.get_by_label("Artiklens adresse eller titel").fill(article)
    page.get_by_label("Dit genmæle", exact=True).fill("Bestyrelsen fik budgettet og stemte om det.")
    page.get_by_label("Dit navn").fill("Birthe Kjærgaard")
    page.get_by_label("Din e-mailadresse").fill("birthe@example.org")


def test_a_request_without_javascript(live_server, browser, smtp_server, site):
    context = browser.new_context(java_script_enabled=False, locale="da-DK", viewport=DESKTOP)
    try:
        page = context.new_page()
        page.goto(live_server.url + "/artikler/")
        page.get_by_role("link", name="Klagevejledning").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Sådan klager du")
        page.get_by_role("link", name="Bed om genmæle").first.click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Bed om genmæle")

        fill_request(page, "Et helt andet emne")
        page.get_by_role("button", name="Send anmodning").click()
        expect(page.get_by_role("alert")).to_contain_text("Vi kan ikke finde en udgivet artikel")
        # Nothing typed is lost.
        assert page.get_by_label("Dit navn").input_value() == "Birthe Kjærgaard"
        assert page.get_by_label("Dit genmæle", exact=True).input_value().startswith("Bestyrelsen")
        assert not GenmaeleRequest.objects.exists()

        page.get_by_label("Artiklens adresse eller titel").fill(
            live_server.url + "/artikler/beboerne-fik-ikke-budgettet/"
        )
        page.get_by_role("button", name="Send anmodning").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Tak, vi har modtaget din anmodning"
        )
        request = GenmaeleRequest.objects.get()
        assert request.article == site and request.in_time
        [(recipients, _)] = smtp_server.messages
        assert recipients == ["birthe@example.org"]
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE_390], ids=["1280", "390"])
def test_no_wcag_violations(live_server, page_at, site, smtp_server, viewport):
    axe = Axe()
    page = page_at(viewport)
    failures = []

    def check(name):
        assert page.evaluate("document.documentElement.lang") == "da"
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        if results.violations_count:
            failures.append(f"{name}:\n{results.generate_report()}")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > viewport["width"]:
            failures.append(f"{name}: {width}px wide on a {viewport['width']}px screen")

    for url in ["/om/", "/klagevejledning/", "/genmaele/"]:
        page.goto(live_server.url + url)
        check(url)
    # Sent empty: every error listed and beside its field.
    page.get_by_role("button", name="Send anmodning").click()
    expect(page.get_by_role("alert")).to_be_visible()
    check("/genmaele/ tom")
    # An article that is not found: the offer to send it all the same.
    fill_request(page, "Et helt andet emne")
    page.get_by_role("button", name="Send anmodning").click()
    expect(
        page.get_by_label("Send anmodningen alligevel, selv om artiklen ikke blev fundet")
    ).to_be_visible()
    check("/genmaele/ artikel ikke fundet")
    page.get_by_label("Artiklens adresse eller titel").fill(
        "/artikler/beboerne-fik-ikke-budgettet/"
    )
    page.get_by_role("button", name="Send anmodning").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tak, vi har modtaget din anmodning")
    check("/genmaele/sendt/")
    assert not failures, "\n\n".join(failures)
