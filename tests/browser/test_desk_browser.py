"""The newsroom desk in a real browser: used with JavaScript switched off, and checked by
axe-core for WCAG 2.2 A/AA at a desktop and a phone width."""

from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import ArticleEvent, PendingChange
from tests.factories import ArticleFactory, UserFactory

from .conftest import DESKTOP, PHONE
from .test_accessibility import WCAG_TAGS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "en-lang-og-god-adgangskode"  # UserFactory's


@pytest.fixture
def desk():
    """An editor's desk with a row in every list."""
    editor = UserFactory(username="rikke", first_name="Rikke", groups=["Redaktør"])
    journalist = UserFactory(username="jette", first_name="Jette", groups=["Journalist"])
    draft = ArticleFactory(draft=True, title="Min kladde", created_by=editor)
    ArticleEvent.objects.create(
        article=draft, actor=journalist, action="returned", to_status="draft", note="Se her"
    )
    waiting = ArticleFactory(review=True, title="Venter på redigering", created_by=journalist)
    ArticleEvent.objects.create(
        article=waiting,
        actor=journalist,
        action="submitted",
        to_status="review",
        note="Klar",
        created_at=timezone.now() - timedelta(hours=3),
    )
    scheduled = ArticleFactory(scheduled=True, title="Planlagt til i morgen")
    published = ArticleFactory(title="Udgivet i dag")
    ArticleEvent.objects.create(
        article=published, actor=editor, action="published", to_status="published"
    )
    PendingChange.objects.create(article=published, proposed_by=journalist)
    return {"editor": editor, "scheduled": scheduled}


def log_in(page, base_url, username):
    page.goto(base_url + "/admin/login/")
    page.get_by_label("Brugernavn").fill(username)
    page.get_by_label("Adgangskode").fill(PASSWORD)
    page.get_by_role("button", name="Log ind").click()


def test_the_desk_works_without_javascript(live_server, browser, desk):
    context = browser.new_context(viewport=DESKTOP, locale="da-DK", java_script_enabled=False)
    try:
        page = context.new_page()
        log_in(page, live_server.url, "rikke")
        expect(page).to_have_url(live_server.url + "/admin/")
        for heading in ["Mine kladder", "Afventer redigering", "Planlagt", "Senest udgivet"]:
            expect(page.get_by_role("heading", name=heading, level=2)).to_be_visible()
        expect(page.get_by_role("cell", name="i 3 timer")).to_be_visible()
        page.get_by_role("link", name="Flyt »Planlagt til i morgen«").click()
        expect(page).to_have_url(
            f"{live_server.url}/admin/articles/article/{desk['scheduled'].pk}/change/"
            "#id_published_at_0"
        )
        page.goto(live_server.url + "/admin/")
        page.get_by_role("link", name="Alle moduler").first.click()
        expect(page.get_by_role("heading", name="Alle moduler", level=1)).to_be_visible()
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_desk_has_no_wcag_violations(live_server, page_at, desk, viewport):
    page = page_at(viewport)
    log_in(page, live_server.url, "rikke")
    expect(page.get_by_role("heading", name="Senest udgivet")).to_be_visible()
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert not results.violations_count, results.generate_report()
