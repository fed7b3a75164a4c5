"""axe-core on every public page type, at a desktop and a phone width: no WCAG 2.2 A/AA
violations."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article
from corrections.models import Correction
from goals.models import Effort
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    GoalFactory,
    GoalProgrammeFactory,
    IndicatorFactory,
    MeasurementFactory,
    SectionFactory,
    image_file,
    relate,
)

from .conftest import DESKTOP, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


@pytest.fixture
def site():
    section = SectionFactory(name="Byggeri og renovering")
    author = AuthorFactory(
        name="Kasper Friis", bio="Kasper skriver om byggeri, renovering og boligpolitik."
    )
    author.photo = image_file(size=(400, 400), name="kasper.jpg")
    author.save()
    articles = [
        ArticleFactory(
            section=section,
            authors=[author],
            with_image=True,
            tags=["Renovering", "Klima"],
            body=(
                "<p>Første afsnit med <a href='https://example.org'>et link</a>.</p>"
                "<h2>Mellemrubrik</h2><p>Andet afsnit.</p><blockquote><p>Et citat.</p>"
                "</blockquote><ul><li>Et punkt</li><li>Et andet punkt</li></ul>"
                '<blockquote class="pull-quote"><p>Vi gør det sammen.</p>'
                '<p class="attribution">Lone Berg, formand</p></blockquote>'
            ),
        )
        for _ in range(8)
    ]
    relate(articles[0], articles[3], articles[5])
    programme = GoalProgrammeFactory(is_current=True)
    goal = GoalFactory(programme=programme, title="Ambitiøse grønne fællesskaber")
    Effort.objects.create(goal=goal, text="Klimakrav i alle udbud")
    indicator = IndicatorFactory(goal=goal)
    MeasurementFactory(indicator=indicator)
    for article in articles[:4]:
        article.goals.add(goal)
    # Corrected: a ruling with its link, a correction, and one withdrawn (issue 22).
    now = timezone.now()
    for kind, withdrawn in [("kendelse", False), ("rettelse", False), ("opdatering", True)]:
        Correction.objects.create(
            article=articles[0],
            kind=kind,
            text="Tallet er rettet fra 5 til 3,2 procent.",
            ruling_url="https://www.pressenaevnet.dk/" if kind == "kendelse" else "",
            state="withdrawn" if withdrawn else "published",
            published_at=now,
            withdrawn_at=now if withdrawn else None,
            withdrawal_note="Rettelsen var selv forkert." if withdrawn else "",
        )
    Article.objects.filter(pk=articles[0].pk).update(corrected_at=now)
    return {"article": articles[0], "section": section, "author": author, "goal": goal}


PAGES = {
    "forside": lambda site: "/",
    "arkiv": lambda site: "/artikler/",
    "artikel": lambda site: site["article"].get_absolute_url(),
    "sektion": lambda site: site["section"].get_absolute_url(),
    "emne": lambda site: "/emner/renovering/",
    "skribent": lambda site: site["author"].get_absolute_url(),
    "almene mål": lambda site: "/almene-maal/",
    "mål": lambda site: site["goal"].get_absolute_url(),
    "søgning": lambda site: "/soeg/?q=afsnit",
    "læseliste (tom)": lambda site: "/laeseliste/",
    "læseliste til udskrift (tom)": lambda site: "/laeseliste/udskriv/",
    "offline": lambda site: "/offline/",
    "rettelser": lambda site: "/rettelser/",
    "404": lambda site: "/artikler/findes-ikke/",
}


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_no_wcag_violations(live_server, page_at, site, viewport):
    axe = Axe()
    page = page_at(viewport)
    failures = []
    for name, url_of in PAGES.items():
        response = page.goto(live_server.url + url_of(site))
        assert response.status == (404 if name == "404" else 200), name
        assert page.evaluate("document.documentElement.lang") == "da"
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        if results.violations_count:
            failures.append(f"{name}:\n{results.generate_report()}")
    # The reading list with articles on it, and pages showing saved articles' buttons.
    page.goto(live_server.url + site["article"].get_absolute_url())
    page.locator(".article__header .reading-button__button").click()
    expect(page.locator("[data-reading-list-count]")).to_have_text("1")
    for url in ["/laeseliste/", "/laeseliste/udskriv/", site["article"].get_absolute_url()]:
        page.goto(live_server.url + url)
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        if results.violations_count:
            failures.append(f"{url} med læseliste:\n{results.generate_report()}")
    assert not failures, "\n\n".join(failures)


def test_stylesheet_and_fonts_are_local(live_server, page_at, site):
    page = page_at(DESKTOP)
    requested, violations = [], []
    page.on("request", lambda request: requested.append(request.url))
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.goto(live_server.url + site["article"].get_absolute_url())
    page.wait_for_load_state("networkidle")
    assert requested and all(url.startswith(live_server.url) for url in requested), requested
    # The stylesheet was applied: the skip link is moved out of sight until focused.
    skip_link = page.locator(".skip-link")
    assert skip_link.bounding_box()["y"] < 0
    page.keyboard.press("Tab")
    assert skip_link.bounding_box()["y"] >= 0
    assert not violations, violations


def test_the_checker_finds_violations(page_at):
    """Guards the test above: axe must report a page that breaks the rules."""
    page = page_at(DESKTOP)
    page.set_content("<html><body><img src='x.png'><a href='/'></a></body></html>")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert results.violations_count >= 2
