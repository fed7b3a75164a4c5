"""The newsletter's subscription pages in a real browser: subscribing and confirming with
JavaScript switched off, and axe-core on every page (no WCAG 2.2 A/AA violations), its
error state included."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from newsletter.confirmation import confirm_path
from newsletter.models import Subscriber
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    GoalFactory,
    GoalProgrammeFactory,
    SectionFactory,
)

from .conftest import DESKTOP, PHONE
from .test_accessibility import WCAG_TAGS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def topics():
    section = SectionFactory(name="Boligpolitik")
    author = AuthorFactory(name="Mette Holm")
    # Enough tags for the folded list.
    article = ArticleFactory(
        section=section, authors=[author], tags=[f"Emne {n:02d}" for n in range(15)]
    )
    goal = GoalFactory(programme=GoalProgrammeFactory(is_current=True), title="Grønne fællesskaber")
    article.goals.add(goal)
    return {"section": section}


def test_subscribing_and_confirming_without_javascript(live_server, browser, smtp_server, topics):
    context = browser.new_context(java_script_enabled=False, locale="da-DK", viewport=DESKTOP)
    try:
        page = context.new_page()
        page.goto(live_server.url + topics["section"].get_absolute_url())
        page.get_by_role("link", name="Få nyhedsbrev om Boligpolitik").click()
        assert page.get_by_role("checkbox", name="Boligpolitik").is_checked()
        page.get_by_label("Din e-mailadresse").fill("Lone@Example.org")
        page.get_by_role("button", name="Tilmeld").click()
        assert page.get_by_role("heading", level=1).inner_text() == "Tjek din indbakke"

        [(_, message)] = smtp_server.messages
        text = message.get_body(preferencelist=("plain",)).get_content()
        link = re.search(r"https?://\S+?(/nyhedsbrev/bekraeft/\S+?/)\s", text)[1]
        page.goto(live_server.url + link)
        assert Subscriber.objects.get().state == Subscriber.State.PENDING
        page.get_by_role("button", name="Bekræft").click()
        assert page.get_by_role("heading", level=1).inner_text() == "Du er tilmeldt"
        assert Subscriber.objects.get().state == Subscriber.State.CONFIRMED
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_no_wcag_violations(live_server, page_at, smtp_server, topics, viewport):
    person = Subscriber.objects.create(
        email="lone@example.org", state=Subscriber.State.PENDING, everything=True
    )
    old = confirm_path(person, at=person.created_at.replace(year=person.created_at.year - 1))
    pages = {
        "tilmelding": "/nyhedsbrev/?emne=emne-03",
        "tjek din indbakke": "/nyhedsbrev/tjek-din-indbakke/",
        "bekræft": confirm_path(person),
        "udløbet link": old,
        "forkert link": "/nyhedsbrev/bekraeft/forkert/",
        "indstillinger": person.preferences_url(),
        "afmeld": person.unsubscribe_url(),
    }
    axe = Axe()
    page = page_at(viewport)
    failures = []

    def check(name):
        assert page.evaluate("document.documentElement.lang") == "da"
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        if results.violations_count:
            failures.append(f"{name}:\n{results.generate_report()}")

    for name, url in pages.items():
        page.goto(live_server.url + url)
        check(name)
    # The form sent empty: its errors, listed and beside their fields.
    page.goto(live_server.url + "/nyhedsbrev/")
    page.get_by_role("button", name="Tilmeld").click()
    # expect() waits for the answer to the post; is_visible() would look before it came.
    expect(page.get_by_role("alert")).to_be_visible()
    check("tilmelding med fejl")
    # The page after unsubscribing.
    page.goto(live_server.url + person.unsubscribe_url())
    page.get_by_role("button", name="Afmeld").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Du er afmeldt")
    check("afmeldt")
    assert not failures, "\n\n".join(failures)


def test_subscribe_confirm_receive_and_unsubscribe_with_one_click(
    live_server, page_at, smtp_server, settings
):
    """The whole way (issue 14): subscribe on the site, confirm through the mail's link, get
    the digest, and unsubscribe with one click from the digest's List-Unsubscribe header, as
    a mail client does (RFC 8058: a POST of "List-Unsubscribe=One-Click", nothing else)."""
    from datetime import timedelta

    from django.utils import timezone

    from newsletter import consent, sending

    settings.SITE_URL = live_server.url
    local = timezone.localtime(timezone.now())
    settings.NEWSLETTER_WEEKDAY, settings.NEWSLETTER_HOUR = local.weekday(), local.hour
    due = sending.due_at(timezone.now())
    news = ArticleFactory(title="Nye altaner i Gellerup", published_at=due - timedelta(hours=1))

    page = page_at(DESKTOP)
    page.goto(live_server.url + "/nyhedsbrev/")
    page.get_by_label("Din e-mailadresse").fill("lone@example.org")
    page.get_by_role("checkbox", name=re.compile("^Alt")).check()
    page.get_by_role("button", name="Tilmeld").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Tjek din indbakke"

    [(_, confirmation)] = smtp_server.messages
    text = confirmation.get_body(preferencelist=("plain",)).get_content()
    page.goto(re.search(r"(https?://\S+/nyhedsbrev/bekraeft/\S+?/)\s", text)[1])
    page.get_by_role("button", name="Bekræft").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Du er tilmeldt"

    sending.send_due()
    [(recipients, digest)] = smtp_server.messages[1:]
    assert recipients == ["lone@example.org"]
    assert news.title in digest.get_body(preferencelist=("plain",)).get_content()
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # The proof of consent (issue 22): the wording the form showed, where it was sent from.
    record = Subscriber.objects.get(email="lone@example.org").consents.get()
    assert record.source == "tilmeldingsside" and record.confirmed_at is not None
    assert record.wording.text == consent.current_text().text

    # "Læs i browseren" opens this mail's own page (issue 22): its article, and nothing in it
    # that axe-core finds against WCAG 2.2 A/AA.
    html = digest.get_body(preferencelist=("html",)).get_content()
    page.goto(re.search(r'<a href="([^"]+)"[^>]*>Læs i browseren</a>', html)[1])
    expect(page.get_by_role("heading", level=1)).to_have_text("Dit nyhedsbrev nr. 1")
    expect(page.get_by_role("link", name=news.title, exact=True).first).to_be_visible()
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert not results.violations_count, results.generate_report()

    unsubscribe = re.search(r"<(https?://[^>]+)>", digest["List-Unsubscribe"])[1]

    # The mail client's one click: a POST with that body, no cookies, no CSRF token.
    answer = page.request.post(
        unsubscribe,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        data="List-Unsubscribe=One-Click",
    )
    assert answer.status == 200
    person = Subscriber.objects.get(email="lone@example.org")
    assert person.state == Subscriber.State.UNSUBSCRIBED and person.unsubscribed_at
    assert not person.everything and not person.sections.exists()
