"""The article change form saves itself, in a real browser (issue #21, item 1): typing in
the body is saved a few seconds after it stops, and what a closed tab had not sent is
offered back when the form is opened again."""

import re
import time

import pytest
from playwright.sync_api import Page, expect

from articles.models import Article, ArticleEvent
from tests.factories import ArticleFactory, AuthorFactory, UserFactory

from .conftest import DESKTOP
from .test_admin_workflow import choose_autocomplete, log_in, watch_console

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def journalists_draft():
    journalist = UserFactory(username="jette", groups=["Journalist"])
    AuthorFactory(name="Jette Journalist", user=journalist)
    return ArticleFactory(
        draft=True,
        created_by=journalist,
        title="Varmeregningen i Gellerup",
        body="<p>Første afsnit.</p>",
    )


def body_editor(page: Page):
    return page.locator(".prose-editor .ProseMirror[contenteditable=true]")


# The caret at the very end of the body, placed through the browser's own selection: a click
# that lands while the editor is still settling may leave the caret at the start of the
# paragraph, where "End" then did nothing on a slow machine (seen once in a fresh clone).
CARET_AT_THE_END = """() => {
    const editor = document.querySelector(".prose-editor .ProseMirror[contenteditable=true]");
    const last = editor.querySelector("p:last-of-type");
    const range = document.createRange();
    range.selectNodeContents(last);
    range.collapse(false);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    return document.activeElement === editor && selection.isCollapsed
        && last.contains(selection.focusNode);
}"""


def type_at_the_end(page: Page, text: str):
    body_editor(page).locator("p").last.click()
    expect(body_editor(page)).to_be_focused()
    page.wait_for_function(CARET_AT_THE_END)
    page.keyboard.press("Enter")
    page.keyboard.type(text)


def wait_for(check, seconds=10.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.2)
    return check()


def test_typing_in_the_body_is_saved_by_itself(live_server, page_at):
    draft = journalists_draft()
    problems: list[str] = []
    page = page_at(DESKTOP)
    watch_console(page, problems, "journalist")
    log_in(page, live_server.url, "jette")
    change = f"{live_server.url}/admin/articles/article/{draft.pk}/change/"
    page.goto(change)
    status = page.get_by_role("status")
    expect(status).to_have_text("")

    type_at_the_end(page, "Skrevet og gemt af sig selv.")
    # Nothing is sent while typing goes on, and the status says when it was saved.
    expect(status).to_have_text(re.compile(r"^Gemt kl\. \d{2}\.\d{2}$"), timeout=10_000)
    draft.refresh_from_db()
    assert "<p>Skrevet og gemt af sig selv.</p>" in draft.body
    assert draft.status == Article.Status.DRAFT
    assert not ArticleEvent.objects.filter(article=draft).exclude(action="created").exists()

    page.reload()
    expect(body_editor(page)).to_contain_text("Skrevet og gemt af sig selv.")
    # Nothing left unsaved: no copy offered back.
    expect(page.locator("#autosave-restore")).to_be_hidden()

    # "Gem" after the autosave goes through: the page's token follows its own saves.
    type_at_the_end(page, "Og gemt med knappen.")
    expect(status).to_have_text(re.compile(r"^Gemt kl\."), timeout=10_000)
    page.get_by_role("button", name="Gem", exact=True).click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    expect(page.locator(".moved-on")).to_have_count(0)
    draft.refresh_from_db()
    assert "Og gemt med knappen." in draft.body
    assert problems == [], problems


def test_what_a_closed_tab_had_not_sent_is_offered_back(live_server, page_at):
    draft = journalists_draft()
    page = page_at(DESKTOP)
    context = page.context
    log_in(page, live_server.url, "jette")
    change = f"{live_server.url}/admin/articles/article/{draft.pk}/change/"
    page.goto(change)

    # The network goes; the journalist types and closes the tab within the 3 s.
    context.set_offline(True)
    type_at_the_end(page, "Skrevet lige før fanen blev lukket.")
    page.close()
    context.set_offline(False)
    draft.refresh_from_db()
    assert "Skrevet lige før" not in draft.body

    page = context.new_page()
    page.goto(change)
    offer = page.locator("#autosave-restore")
    expect(offer).to_be_visible()
    expect(offer).to_contain_text(
        re.compile(r"Du har ændringer fra kl\. \d{2}\.\d{2}, der ikke blev gemt\.")
    )
    expect(body_editor(page)).not_to_contain_text("Skrevet lige før")
    offer.get_by_role("button", name="Gendan").click()
    expect(offer).to_be_hidden()
    expect(body_editor(page)).to_contain_text("Skrevet lige før fanen blev lukket.")
    # Restored, it is saved like any edit.
    expect(page.get_by_role("status")).to_have_text(re.compile(r"^Gemt kl\."), timeout=10_000)
    draft.refresh_from_db()
    assert "Skrevet lige før fanen blev lukket." in draft.body

    # Saved, the copy is gone: nothing is offered on the next visit.
    page.goto(change)
    expect(offer).to_be_hidden()


def test_a_discarded_copy_is_not_offered_again(live_server, page_at):
    draft = journalists_draft()
    page = page_at(DESKTOP)
    context = page.context
    log_in(page, live_server.url, "jette")
    change = f"{live_server.url}/admin/articles/article/{draft.pk}/change/"
    page.goto(change)
    context.set_offline(True)
    type_at_the_end(page, "Skal kasseres.")
    page.close()
    context.set_offline(False)

    page = context.new_page()
    page.goto(change)
    offer = page.locator("#autosave-restore")
    offer.get_by_role("button", name="Kassér").click()
    expect(offer).to_be_hidden()
    expect(body_editor(page)).not_to_contain_text("Skal kasseres.")
    page.goto(change)
    expect(offer).to_be_hidden()


def test_a_tab_closed_before_the_pause_sends_what_it_had(live_server, page_at):
    """On ``pagehide`` the pending edit goes with a keepalive request."""
    draft = journalists_draft()
    page = page_at(DESKTOP)
    context = page.context
    log_in(page, live_server.url, "jette")
    page.goto(f"{live_server.url}/admin/articles/article/{draft.pk}/change/")
    type_at_the_end(page, "Sendt da fanen lukkede.")
    page.close(run_before_unload=True)

    def saved():
        draft.refresh_from_db()
        return "Sendt da fanen lukkede." in draft.body

    assert wait_for(saved), draft.body
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/articles/article/{draft.pk}/change/")
    expect(body_editor(page)).to_contain_text("Sendt da fanen lukkede.")
    expect(page.locator("#autosave-restore")).to_be_hidden()


def test_a_new_article_becomes_a_draft_once_it_has_a_title_and_a_section(live_server, page_at):
    journalist = UserFactory(username="jette", groups=["Journalist"])
    AuthorFactory(name="Jette Journalist", user=journalist)
    section = ArticleFactory().section  # a section to choose, with an article in it
    problems: list[str] = []
    page = page_at(DESKTOP)
    watch_console(page, problems, "journalist")
    log_in(page, live_server.url, "jette")
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    status = page.get_by_role("status")
    type_at_the_end(page, "Et afsnit skrevet før titlen.")
    expect(status).to_have_text(
        "Gemmes af sig selv, når artiklen har en titel og en sektion.", timeout=10_000
    )
    assert Article.objects.count() == 1

    page.get_by_label("Titel").fill("En ny artikel om varme")
    choose_autocomplete(page, "id_section", section.name[:4], section.name)
    expect(status).to_have_text(re.compile(r"^Gemt kl\."), timeout=10_000)
    article = Article.objects.get(title="En ny artikel om varme")
    assert article.status == Article.Status.DRAFT and article.created_by == journalist
    # The page is the new article's change form now, and its byline row is the saved one.
    expect(page).to_have_url(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    assert [b.author.name for b in article.bylines.all()] == ["Jette Journalist"]

    page.get_by_label("Manchet").fill("Manchet skrevet efter.")
    page.get_by_role("button", name="Gem", exact=True).click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    article.refresh_from_db()
    assert article.lead == "Manchet skrevet efter."
    assert [b.author.name for b in article.bylines.all()] == ["Jette Journalist"]
    assert Article.objects.count() == 2
    assert problems == [], problems


def test_an_editors_published_article_keeps_its_edits_in_the_browser(live_server, page_at):
    UserFactory(username="rikke", groups=["Redaktør"])
    public = ArticleFactory(title="Udgivet artikel", body="<p>Første afsnit.</p>")
    page = page_at(DESKTOP)
    log_in(page, live_server.url, "rikke")
    change = f"{live_server.url}/admin/articles/article/{public.pk}/change/"
    page.goto(change)
    type_at_the_end(page, "Ikke udgivet endnu.")
    status = page.get_by_role("status")
    expect(status).to_have_text("Ikke gemt endnu – gem for at udgive")
    page.wait_for_timeout(4000)  # past the pause: still nothing sent
    expect(status).to_have_text("Ikke gemt endnu – gem for at udgive")
    public.refresh_from_db()
    assert "Ikke udgivet endnu." not in public.body
    context = page.context
    page.close()

    # The same browser offers the edits back; they are still only in the browser.
    page = context.new_page()
    page.goto(change)
    expect(page.locator("#autosave-restore")).to_be_visible()
    page.get_by_role("button", name="Gendan").click()
    expect(body_editor(page)).to_contain_text("Ikke udgivet endnu.")
    expect(page.get_by_role("status")).to_have_text("Ikke gemt endnu – gem for at udgive")
    public.refresh_from_db()
    assert "Ikke udgivet endnu." not in public.body


@pytest.fixture
def slow_autosave(monkeypatch):
    """Each autosave takes two seconds on the server: "Gem" is pressed while one is under way."""
    from newsroom import autosave

    real = autosave.autosave_view

    def slow(*args, **kwargs):
        time.sleep(2)
        return real(*args, **kwargs)

    monkeypatch.setattr(autosave, "autosave_view", slow)


def test_gem_pressed_during_an_autosave_waits_for_it(live_server, page_at, slow_autosave):
    journalist = UserFactory(username="jette", groups=["Journalist"])
    AuthorFactory(name="Jette Journalist", user=journalist)
    section = ArticleFactory().section
    page = page_at(DESKTOP)
    log_in(page, live_server.url, "jette")
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    page.get_by_label("Titel").fill("Gemt mens den gemte sig selv")
    choose_autocomplete(page, "id_section", section.name[:4], section.name)
    type_at_the_end(page, "Brødtekst.")
    expect(page.get_by_role("status")).to_have_text("Gemmer …", timeout=10_000)
    page.get_by_role("button", name="Gem", exact=True).click()
    expect(page.locator(".messagelist .success")).to_be_visible(timeout=10_000)
    # One article, not one from the autosave and one from "Gem"; no conflict with itself.
    page.wait_for_timeout(3000)  # an autosave left to run on beside "Gem" has ended by now
    assert Article.objects.filter(title="Gemt mens den gemte sig selv").count() == 1
    article = Article.objects.get(title="Gemt mens den gemte sig selv")
    assert "Brødtekst." in article.body

    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    type_at_the_end(page, "Mere tekst.")
    expect(page.get_by_role("status")).to_have_text("Gemmer …", timeout=10_000)
    page.get_by_role("button", name="Gem", exact=True).click()
    expect(page.locator(".messagelist .success")).to_be_visible(timeout=10_000)
    expect(page.locator(".moved-on")).to_have_count(0)
    article.refresh_from_db()
    assert "Mere tekst." in article.body
