"""The newsroom's workflow end to end in a real browser: a journalist writes an article in the
admin (rich-text body, autocomplete fields, image upload) and sends it for review, an editor
publishes it, and a reader sees it on the site."""

import re

import pytest
from playwright.sync_api import Page, expect

from articles.models import Article
from tests.factories import AuthorFactory, SectionFactory, UserFactory, image_file

from .conftest import DESKTOP

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "en-lang-og-god-adgangskode"  # UserFactory's
TITLE = "Fjernvarmen bliver billigere i de almene boliger"
SUBHEADING = "Hvad betyder det for lejen?"
LINK_TEXT = "Læs hele rapporten fra Landsbyggefonden"
LINK_URL = "https://example.org/rapporter/fjernvarme"
HERO_ALT = "Fjernvarmerør graves ned foran en boligblok"


def log_in(page: Page, base_url: str, username: str):
    """Log in through the admin's real login form (django-axes sees a normal login)."""
    page.goto(base_url + "/admin/login/")
    page.get_by_label("Brugernavn").fill(username)
    page.get_by_label("Adgangskode").fill(PASSWORD)
    page.get_by_role("button", name="Log ind").click()
    expect(page).to_have_url(base_url + "/admin/")


def choose_autocomplete(page: Page, select_id: str, search: str, option: str):
    """Pick ``option`` in the admin's select2 autocomplete widget for ``<select id=select_id>``
    the way a user does: open it, type, click the result."""
    page.locator(f"#{select_id} + .select2 .select2-selection").click()
    dropdown = page.locator(".select2-container--open")
    dropdown.get_by_role("searchbox").fill(search)
    dropdown.get_by_role("option", name=option, exact=True).click()
    expect(page.locator(f"#{select_id}")).to_have_value(re.compile(r"^\d+$"))


def watch_console(page: Page, problems: list[str], who: str):
    page.on(
        "console",
        lambda message: (
            problems.append(f"{who} console {message.type}: {message.text} ({page.url})")
            if message.type in ("error", "warning")
            else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(f"{who} pageerror: {error} ({page.url})"))


def test_journalist_writes_editor_publishes_reader_reads(live_server, page_at, tmp_path):
    journalist = UserFactory(username="jette", groups=["Journalist"])
    AuthorFactory(name="Jette Journalist", user=journalist)
    AuthorFactory(name="Jens Jensen")  # another author, so the byline search has to choose
    UserFactory(username="rikke", groups=["Redaktør"])
    SectionFactory(name="Energi og klima")
    SectionFactory(name="Byggeri og renovering")
    hero = tmp_path / "gaarden.jpg"
    hero.write_bytes(image_file().read())
    base = live_server.url
    problems: list[str] = []

    # 1. The journalist writes the article and sends it for review.
    page = page_at(DESKTOP)
    watch_console(page, problems, "journalist")
    log_in(page, base, "jette")
    page.goto(base + "/admin/articles/article/add/")
    page.get_by_label("Titel").fill(TITLE)
    choose_autocomplete(page, "id_section", "energi", "Energi og klima")
    page.get_by_label("Manchet").fill("Prisen på fjernvarme falder for 300.000 lejere.")

    # The body editor is in Danish, its dialogs and its menu's labels (articles/locale/da,
    # static/js/admin-editor.js).
    editor = page.locator(".prose-editor .ProseMirror[contenteditable=true]")
    menubar = page.locator(".prose-editor .prose-menubar")
    # Named for assistive technology by static/js/admin-editor.js.
    expect(page.get_by_role("textbox", name="Brødtekst")).to_be_visible()
    editor.click()
    page.keyboard.type("Varmeprisen falder med op til ti procent næste år.")
    page.keyboard.press("Enter")
    page.keyboard.type(SUBHEADING)
    # The block type dropdown shows the type of the block at the cursor; the <div> around
    # that button, not the button, opens the list (the button ignores the pointer).
    menubar.locator(
        ".prose-menubar__selected",
        has=page.get_by_role("button", name="Bloktype: Almindeligt afsnit"),
    ).click()
    menubar.get_by_role("button", name="Mellemrubrik", exact=True).click()
    expect(editor.locator("h2")).to_have_text(SUBHEADING)
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    page.keyboard.type(LINK_TEXT)
    page.keyboard.press("Shift+Home")
    menubar.get_by_role("button", name="Indsæt link").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("Rediger link")
    dialog.get_by_label("Adresse (URL)").fill(LINK_URL)
    dialog.get_by_role("button", name="Opdater").click()
    expect(dialog).to_be_hidden()
    expect(editor.get_by_role("link", name=LINK_TEXT)).to_have_attribute("href", LINK_URL)

    choose_autocomplete(page, "id_bylines-0-author", "jette", "Jette Journalist")
    page.get_by_label("Hovedbillede:", exact=True).set_input_files(hero)
    page.get_by_label("Alternativ tekst").fill(HERO_ALT)
    page.get_by_label("Fotograf").fill("Maja Kjærgaard")
    page.get_by_role("button", name="Send til redigering").click()

    expect(page.locator(".messagelist .success")).to_have_text(
        f"»{TITLE}« er sendt til redigering."
    )
    article = Article.objects.get(title=TITLE)
    assert article.status == Article.Status.REVIEW
    assert article.created_by == journalist
    assert f"<h2>{SUBHEADING}</h2>" in article.body
    link = re.search(r"<a [^>]*>", article.body)
    assert link, article.body
    assert f'href="{LINK_URL}"' in link[0] and 'rel="noopener noreferrer"' in link[0]
    assert 'title=""' not in link[0]
    assert [byline.author.name for byline in article.bylines.all()] == ["Jette Journalist"]
    assert article.hero_image and article.hero_credit == "Maja Kjærgaard"

    # 2. The editor publishes it, in a browser of her own.
    page = page_at(DESKTOP)
    watch_console(page, problems, "editor")
    log_in(page, base, "rikke")
    page.goto(base + f"/admin/articles/article/{article.pk}/change/")
    page.get_by_role("button", name="Udgiv eller planlæg").click()
    expect(page.locator(".messagelist .success")).to_have_text(f"»{TITLE}« er udgivet.")
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED and article.is_published

    # 3. A reader finds it on the site.
    page = page_at(DESKTOP)
    watch_console(page, problems, "reader")
    response = page.goto(base + article.get_absolute_url())
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.locator(".prose h2")).to_have_text(SUBHEADING)
    expect(page.locator(".prose").get_by_role("link", name=LINK_TEXT)).to_have_attribute(
        "href", LINK_URL
    )
    expect(page.get_by_role("img", name=HERO_ALT)).to_be_visible()
    expect(page.locator(".article__byline")).to_have_text("Af Jette Journalist")

    # The admin and the site ran without uncaught JavaScript errors. (Console messages, such
    # as the admin's missing /favicon.ico, are listed for information only.)
    assert not [problem for problem in problems if " pageerror: " in problem], problems
    # The Content-Security-Policy lets every script and style of the admin and the site run.
    assert not [problem for problem in problems if "Content Security Policy" in problem], problems
