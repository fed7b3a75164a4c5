"""Citattjek in a real browser (issue 23): the source's page and every state it has (fresh, an
answer refused, an answer received, expired) and the newsroom's page, with axe-core at a phone
and a desktop width (no WCAG 2.2 A/AA violations, nothing wider than the screen); the whole
round with JavaScript switched off (the journalist opens the check in the admin and copies the
link, the source answers, the answer is on the desk); and every request the source's page
makes, every answer it gets and what the service worker keeps, none holding another paragraph."""

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from newsroom import quotechecks
from quotecheck.models import QuoteAnswer, QuoteCheck
from tests.factories import ArticleFactory, AuthorFactory, UserFactory
from tests.test_quotecheck import ANNA, ANNAS_WORDS, BODY, LEAD, OTHERS_WORDS, choices

from .conftest import DESKTOP, PHONE
from .test_accessibility import WCAG_TAGS
from .test_newsroom_accessibility import log_in, summary
from .test_offline_browser import controlled

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def draft():
    journalist = UserFactory(
        username="jette", first_name="Jette", last_name="Jensen", groups=["Journalist"]
    )
    return ArticleFactory(
        draft=True,
        title="Beboerne i Gellerup venter på fjernvarmen",
        lead=LEAD,
        body=BODY,
        created_by=journalist,
        authors=[AuthorFactory(name="Jette Jensen", user=journalist)],
        with_image=True,
    )


def open_for_anna(article):
    return quotechecks.open_check(
        article,
        article.created_by,
        source_name="Anna Holm",
        chosen=choices(article, ANNA),
        deadline=quotechecks.default_deadline(),
    )


def violations(page, name: str, viewport: dict) -> list[str]:
    failures = []
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    if results.violations_count:
        failures.append(f"{name}:\n{summary(results)}")
    width = page.evaluate("document.documentElement.scrollWidth")
    if width > viewport["width"]:
        failures.append(f"{name}: {width} px wide on a {viewport['width']} px screen")
    return failures


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_source_and_the_newsroom_pages_have_no_wcag_violations(
    live_server, browser, draft, viewport
):
    check, token = open_for_anna(draft)
    url = live_server.url + f"/citattjek/{token}/"
    context = browser.new_context(viewport=viewport, locale="da-DK")
    failures = []
    try:
        page = context.new_page()
        response = page.goto(url)
        assert response.status == 200
        assert page.evaluate("document.documentElement.lang") == "da"
        expect(page.get_by_role("heading", level=1)).to_have_text(draft.title)
        failures += violations(page, "kildens side", viewport)

        page.get_by_role("button", name="Send rettelser").click()
        expect(page.get_by_role("alert")).to_contain_text("Skriv dine rettelser.")
        failures += violations(page, "svar afvist", viewport)

        page.get_by_label("Rettelser og bemærkninger").fill("Det var to år, ikke tre.")
        page.get_by_role("button", name="Send rettelser").click()
        expect(page.get_by_role("status")).to_contain_text("Tak, vi har modtaget dit svar")
        failures += violations(page, "svar modtaget", viewport)

        # The newsroom's page, with the answer and what changed since.
        admin = context.new_page()
        log_in(admin, live_server.url, "jette")
        admin.goto(live_server.url + f"/admin/articles/article/{draft.pk}/citattjek/")
        expect(admin.get_by_role("heading", name="Nyt citattjek")).to_be_visible()
        failures += violations(admin, "redaktionens side", viewport)
        # A second source's check opened there: the page with its link, shown once.
        admin.get_by_label("Kildens navn").fill("Bent Lund")
        admin.locator(".quote-check-form").get_by_label("Afsnit 4").check()
        admin.get_by_role("button", name="Opret citattjek").click()
        expect(admin.get_by_role("heading", name="Linket til kilden")).to_be_visible()
        failures += violations(admin, "redaktionens side med nyt link", viewport)

        QuoteCheck.objects.filter(pk=check.pk).update(deadline=timezone.now())
        response = page.goto(url)
        assert response.status == 410
        failures += violations(page, "udløbet", viewport)
    finally:
        context.close()
    assert not failures, "\n\n".join(failures)


def test_the_whole_round_without_javascript(live_server, browser, draft):
    """The journalist opens the check in the admin and copies the link; the source reads it
    and answers; the answer is on the journalist's desk. No script runs anywhere."""
    journalist = browser.new_context(java_script_enabled=False, locale="da-DK", viewport=DESKTOP)
    source = browser.new_context(java_script_enabled=False, locale="da-DK", viewport=PHONE)
    try:
        page = journalist.new_page()
        log_in(page, live_server.url, "jette")
        page.goto(live_server.url + f"/admin/articles/article/{draft.pk}/change/")
        page.get_by_role("link", name="Citattjek", exact=True).click()
        page.get_by_label("Kildens navn").fill("Anna Holm")
        for position in ANNA:
            page.get_by_label(f"{'Afsnit' if position == 1 else 'Citat'} {position + 1}").check()
        page.get_by_role("button", name="Opret citattjek").click()
        link = page.get_by_label("Kopiér linket, og send det til kilden:").input_value()
        assert link.startswith("http") and "/citattjek/" in link

        reading = source.new_page()
        reading.goto(live_server.url + urlsplit(link).path)
        text = reading.locator("main").inner_text()
        assert all(words in text for words in ANNAS_WORDS)
        assert not any(words in text for words in OTHERS_WORDS)
        reading.get_by_role("button", name="Godkend").click()
        expect(reading.get_by_role("status")).to_contain_text("Du svarede »Godkendt«")
        assert QuoteAnswer.objects.get().verdict == "approved"

        page.goto(live_server.url + "/admin/")
        desk = page.locator("#citattjek")
        expect(desk).to_contain_text("Anna Holm")
        expect(desk).to_contain_text("Godkendt")
    finally:
        journalist.close()
        source.close()


def test_no_request_the_page_makes_holds_another_paragraph(live_server, browser, draft):
    """Every request the source's page makes and every answer it gets, the answer sent
    included, and everything the site's service worker keeps: none holds a word of the
    paragraphs chosen for nobody, the lead, or another source's."""
    _, token = open_for_anna(draft)
    context = browser.new_context(viewport=DESKTOP, locale="da-DK")
    seen = []

    def on_request(request):
        seen.append((f"request {request.method} {request.url}", request.post_data or ""))

    def on_response(response):
        try:
            content = response.body().decode("utf-8", "replace")
        except Exception:  # a redirect has no body
            content = ""
        seen.append((f"response {response.status} {response.url}", content))

    context.on("request", on_request)
    context.on("response", on_response)
    try:
        page = context.new_page()
        # A reader of the site first: the service worker is installed and watching.
        controlled(page, live_server.url)
        seen.clear()  # from here on: the quote check, with the worker in place
        page.goto(live_server.url + f"/citattjek/{token}/")
        page.wait_for_load_state("networkidle")
        page.get_by_label("Rettelser og bemærkninger").fill("Skriv to år.")
        page.get_by_role("button", name="Send rettelser").click()
        expect(page.get_by_role("status")).to_contain_text("Tak, vi har modtaget dit svar")
        page.wait_for_load_state("networkidle")
        kept = page.evaluate(
            """async () => {
                const urls = [];
                for (const name of await caches.keys()) {
                    const cache = await caches.open(name);
                    for (const request of await cache.keys()) urls.push(request.url);
                }
                return urls;
            }"""
        )
    finally:
        context.close()
    quote_check = [(what, body) for what, body in seen if "/citattjek/" in what]
    assert any(what.startswith("request POST") for what, _ in quote_check)
    # The recording holds the bodies: Anna's own words are there, in the page's answer.
    assert any(all(words in body for words in ANNAS_WORDS) for _, body in quote_check)
    for what, content in seen:
        for words in OTHERS_WORDS:
            assert words not in content, (what, words)
    assert not [url for url in kept if "/citattjek/" in url], kept
