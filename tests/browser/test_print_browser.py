"""The reading list on paper (issue 15), in Chromium's print rendering: the print view shows
the saved articles in full with no navigation or buttons, each article on pages of its own,
and a single article prints cleanly too. Printed to PDF, as "Gem som PDF" does."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.factories import ArticleFactory, AuthorFactory

from .conftest import DESKTOP

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONG_BODY = "".join(
    f"<h2>Afsnit {number}</h2><p>{'Beboerne i afdelingen drøftede planen grundigt. ' * 40}</p>"
    for number in range(1, 4)
)


def save(page: Page, base: str, article) -> None:
    page.goto(base + article.get_absolute_url())
    page.locator(".article__header").get_by_role("button", name="Læs senere").click()
    expect(page.locator(".article__header").get_by_role("button")).to_have_attribute(
        "aria-pressed", "true"
    )


def shown(page: Page, selector: str) -> int:
    """How many elements matching ``selector`` take up room on the page."""
    return page.evaluate(
        """(selector) => Array.from(document.querySelectorAll(selector))
            .filter((element) => element.getClientRects().length > 0).length""",
        selector,
    )


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_the_print_view_is_a_meeting_pack(live_server, page_at):
    first = ArticleFactory(
        title="Helhedsplanen er vedtaget",
        lead="Afdelingsmødet sagde ja.",
        body=LONG_BODY,
        authors=[AuthorFactory(name="Mette Holm")],
        with_image=True,
    )
    second = ArticleFactory(title="Nye regler for husdyr", body=LONG_BODY, with_image=True)
    base = live_server.url
    page = page_at(DESKTOP)
    save(page, base, first)
    save(page, base, second)

    page.goto(base + "/laeseliste/")
    page.get_by_role("link", name="Udskriv læselisten").click()
    expect(page).to_have_url(base + "/laeseliste/udskriv/")
    # On screen, with JavaScript, a button opens the browser's print dialog.
    expect(page.get_by_role("button", name="Udskriv nu")).to_be_visible()

    page.emulate_media(media="print")
    for title in (first.title, second.title):
        expect(page.get_by_role("heading", name=title)).to_be_visible()
    expect(page.get_by_text("Af Mette Holm")).to_be_visible()
    expect(page.get_by_text("Afdelingsmødet sagde ja.")).to_be_visible()
    expect(page.get_by_text("Foto: Maja Kjærgaard").first).to_be_visible()
    expect(page.get_by_text(base + first.get_absolute_url())).to_be_visible()
    # No navigation, buttons or forms on paper.
    for selector in ("header.site-header", "nav", "footer", "button", "form", ".skip-link"):
        assert shown(page, selector) == 0, selector
    # Each article after the first starts on a new page.
    breaks = page.evaluate(
        """() => Array.from(document.querySelectorAll(".print-article"))
            .map((article) => getComputedStyle(article).breakBefore)"""
    )
    assert breaks[0] != "page" and breaks[1:] == ["page"]
    # Every picture has loaded: nothing lazy waits for a scroll that paper never does.
    assert page.evaluate(
        "() => Array.from(document.images).every((image) => image.complete && image.naturalWidth)"
    )

    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    assert pdf_pages(pdf) >= 2


def test_a_single_article_prints_cleanly(live_server, page_at):
    article = ArticleFactory(title="Vaskeriet får solceller", body=LONG_BODY, with_image=True)
    page = page_at(DESKTOP)
    page.goto(live_server.url + article.get_absolute_url())
    page.emulate_media(media="print")
    expect(page.get_by_role("heading", level=1)).to_have_text(article.title)
    expect(page.get_by_text("Afsnit 3")).to_be_visible()
    for selector in ("header.site-header", "nav", "footer", "button", "form", ".band"):
        assert shown(page, selector) == 0, selector
    # Black on white, whatever the screen's theme.
    assert page.evaluate("() => getComputedStyle(document.body).backgroundColor") in (
        "rgb(255, 255, 255)",
        "rgba(0, 0, 0, 0)",
    )
    assert pdf_pages(page.pdf(format="A4")) >= 1
