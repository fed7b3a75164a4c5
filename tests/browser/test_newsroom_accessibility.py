"""axe-core on the newsroom's own screens in the admin, as journalists and editors use them,
at a desktop (1280×800) and a phone (390×844) width: no WCAG 2.2 A/AA violations, with no
rule switched off. And the admin's chrome speaks Danish: no English word in what a journalist
sees on the desk, the article list and the article form."""

import re
from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import Page, expect

from articles.models import ArticleEvent
from newsroom import workflow
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory, UserFactory

from .test_accessibility import WCAG_TAGS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "en-lang-og-god-adgangskode"  # UserFactory's
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def newsroom():
    """A newsroom with a row of every kind: long titles and a long byline, each status, a
    returned draft, an article in review and a change to a published article waiting."""
    journalist = UserFactory(username="jette", first_name="Jette", groups=["Journalist"])
    editor = UserFactory(username="rikke", first_name="Rikke", groups=["Redaktør"])
    jette = AuthorFactory(name="Jette Journalist", user=journalist)
    others = [AuthorFactory(name=name) for name in ["Kasper Friis", "Lone Berg", "Mads Holm"]]
    section = SectionFactory(name="Byggeri og renovering")
    title = "Boligorganisationerne i hovedstadsområdet renoverer {} tusind lejligheder inden 2030"
    draft = ArticleFactory(
        draft=True,
        title=title.format("tolv"),
        section=section,
        authors=[jette, *others],
        created_by=journalist,
        tags=["Renovering", "Klima"],
    )
    returned = ArticleFactory(
        draft=True, title="Sendt tilbage til skribenten", authors=[jette], created_by=journalist
    )
    in_review = ArticleFactory(
        review=True, title=title.format("fem"), authors=[jette], created_by=journalist
    )
    for action, to_status, actor, note in [
        ("submitted", "review", journalist, "Klar til dig"),
        ("returned", "draft", editor, "Tjek tallene i tredje afsnit"),
    ]:
        ArticleEvent.objects.create(
            article=in_review if action == "submitted" else returned,
            actor=actor,
            action=action,
            to_status=to_status,
            note=note,
            created_at=timezone.now() - timedelta(hours=2),
        )
    ArticleFactory(scheduled=True, title="Planlagt til i morgen", authors=[jette])
    published = ArticleFactory(
        title=title.format("tre"),
        section=section,
        authors=[jette],
        created_by=journalist,
        front_page="top",
        tags=["Renovering"],
    )
    published.lead = "Ny manchet, som skribenten foreslår."
    workflow.propose_change(
        published, journalist, workflow.content_of(published, []), note="Ny manchet"
    )
    return {"draft": draft, "in_review": in_review, "published": published}


def log_in(page: Page, base_url: str, username: str):
    page.goto(base_url + "/admin/login/")
    page.get_by_label("Brugernavn").fill(username)
    page.get_by_label("Adgangskode").fill(PASSWORD)
    page.get_by_role("button", name="Log ind").click()
    expect(page).to_have_url(base_url + "/admin/")


def admin_url(name: str, article=None) -> str:
    base = "/admin/articles/article/"
    return {
        "add": base + "add/",
        "list": base,
        "change": f"{base}{article.pk}/change/" if article else "",
        "review_change": f"{base}{article.pk}/aendringer/" if article else "",
    }[name]


# (who, what, address of the page, what shows it has loaded)
SCREENS = [
    ("jette", "skrivebord", lambda n: "/admin/", "#mine-kladder"),
    ("jette", "artikelliste", lambda n: admin_url("list"), "#result_list"),
    ("jette", "ny artikel", lambda n: admin_url("add"), ".prose-editor .ProseMirror"),
    ("jette", "kladde", lambda n: admin_url("change", n["draft"]), ".prose-editor .ProseMirror"),
    ("rikke", "skrivebord", lambda n: "/admin/", "#afventer-redigering"),
    ("rikke", "artikelliste", lambda n: admin_url("list"), "#result_list"),
    (
        "rikke",
        "artikel til redigering",
        lambda n: admin_url("change", n["in_review"]),
        ".prose-editor .ProseMirror",
    ),
    (
        "rikke",
        "ændringer til godkendelse",
        lambda n: admin_url("review_change", n["published"]),
        ".review-change__decisions",
    ),
]


@pytest.mark.parametrize(
    "viewport, scheme",
    [(DESKTOP, "light"), (PHONE, "light"), (DESKTOP, "dark")],
    ids=["desktop", "phone", "desktop-dark"],
)
def test_the_newsroom_has_no_wcag_violations(live_server, browser, newsroom, viewport, scheme):
    axe = Axe()
    failures = []
    pages = {}
    try:
        for who, name, url_of, loaded in SCREENS:
            if who not in pages:
                context = browser.new_context(
                    viewport=viewport, locale="da-DK", color_scheme=scheme
                )
                pages[who] = context.new_page()
                log_in(pages[who], live_server.url, who)
            page = pages[who]
            response = page.goto(live_server.url + url_of(newsroom))
            assert response.status == 200, name
            expect(page.locator(loaded).first).to_be_attached()
            page.wait_for_load_state("networkidle")
            results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
            if results.violations_count:
                failures.append(f"{who}, {name}:\n{summary(results)}")
        # An autocomplete box open, with its search field and choices.
        page = pages["jette"]
        page.goto(live_server.url + admin_url("add"))
        page.locator("#id_section + .select2 .select2-selection").click()
        expect(page.locator(".select2-container--open .select2-search__field")).to_be_focused()
        expect(page.locator(".select2-results__option").first).to_be_visible()
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        if results.violations_count:
            failures.append(f"jette, sektion åben:\n{summary(results)}")
    finally:
        for page in pages.values():
            page.context.close()
    assert not failures, "\n\n".join(failures)


def summary(results) -> str:
    """Each rule broken, how often, and the first few elements with axe's reason: the full
    report of eight pages is too long to read in a failing test's output."""
    lines = []
    for violation in results.response["violations"]:
        nodes = violation["nodes"]
        lines.append(f"  {violation['id']} ({violation['impact']}): {len(nodes)}")
        for node in nodes[:3]:
            reason = node.get("failureSummary", "").replace("\n", " ")[:300]
            lines.append(f"    {node['target']}: {reason}")
    return "\n".join(lines)


# English a journalist could meet in Django's admin, its add-ons and their Danish: whole words,
# in any case. ("Filter" and "Time" are Danish words too, and not here.)
ENGLISH = [
    "Add",
    "Change",
    "Delete",
    "History",
    "Home",
    "View site",
    "View on site",
    "Log out",
    "Welcome",
    "Search",
    "Save",
    "Slug",
    "Tag",
    "Tags",
    "Author",
    "Title",
    "Action",
    "Select",
    "Show all",
    "Results",
    "Today",
    "Now",
    "Choose",
    "Clear",
    "Remove",
    "Toggle",
    "Breadcrumbs",
    "Skip to main content",
    "Website",
    "Revertere",
]

# The text of the page and the names its elements carry (title, aria-label, placeholder, alt,
# a button's value), outside the body editor's menu (engineer A's: tests of the writing
# screen) and outside scripts.
CHROME_TEXT = """() => {
    const skip = "script, style, noscript, template, .prose-editor .prose-menubar";
    const texts = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode;
        if (node.parentElement.closest(skip)) continue;
        if (node.textContent.trim()) texts.push(node.textContent.trim());
    }
    for (const element of document.body.querySelectorAll("*")) {
        if (element.closest(skip)) continue;
        for (const name of ["title", "aria-label", "placeholder", "alt"]) {
            const value = element.getAttribute(name);
            if (value) texts.push(value);
        }
        if (element.matches("input[type=submit], input[type=button]")) texts.push(element.value);
    }
    return texts;
}"""


def english_in(texts: list[str]) -> list[str]:
    found = []
    for text in texts:
        for word in ENGLISH:
            if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, re.IGNORECASE):
                found.append(f"{word!r} in {text[:80]!r}")
    return found


def test_the_admin_chrome_speaks_danish_to_a_journalist(live_server, page_at, newsroom):
    page = page_at(DESKTOP)
    log_in(page, live_server.url, "jette")
    found = {}
    for name, url in [
        ("skrivebord", "/admin/"),
        ("artikelliste", admin_url("list")),
        ("ny artikel", admin_url("add")),
        ("kladde", admin_url("change", newsroom["draft"])),
        ("historik", admin_url("change", newsroom["draft"]) + "../history/"),
    ]:
        page.goto(live_server.url + url)
        page.wait_for_load_state("networkidle")
        english = english_in(page.evaluate(CHROME_TEXT))
        if english:
            found[name] = english
    assert not found, found


def test_the_word_check_finds_english():
    """Guards the test above: it must see English where there is some, and not in Danish."""
    assert english_in(["Log out", "Se på website", "Tilføj emne"]) == [
        "'Log out' in 'Log out'",
        "'Website' in 'Se på website'",
    ]
    assert not english_in(["Mine kladder", "Historik", "fra titlen", "Skift adgangskode"])


def test_the_admin_chrome_speaks_danish_to_an_editor(live_server, page_at, newsroom):
    """An editor's day: the desk, the list and its trash, an article waiting for review, a
    journalist's change to approve, and an article's corrections."""
    page = page_at(DESKTOP)
    log_in(page, live_server.url, "rikke")
    found = {}
    for name, url in [
        ("skrivebord", "/admin/"),
        ("artikelliste", admin_url("list")),
        ("papirkurv", admin_url("list") + "?status=papirkurv"),
        ("artikel til redigering", admin_url("change", newsroom["in_review"])),
        ("ændringer til godkendelse", admin_url("review_change", newsroom["published"])),
        ("rettelser", admin_url("change", newsroom["published"]) + "../rettelser/"),
    ]:
        assert page.goto(live_server.url + url).status == 200, name
        page.wait_for_load_state("networkidle")
        english = english_in(page.evaluate(CHROME_TEXT))
        if english:
            found[name] = english
    assert not found, found
