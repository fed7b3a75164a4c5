"""A whole day in the newsroom, in a real browser with a real mail server (issue 12): a
journalist writes and submits with a note; the editor gets the mail, opens the desk and
returns it with a note; the journalist fixes and resubmits; the editor schedules it; at the
scheduled time the public page shows it; the journalist's later edit stays pending until the
editor approves it."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from articles.models import Article, ArticleEvent
from tests.factories import AuthorFactory, SectionFactory, UserFactory, image_file

from .conftest import DESKTOP
from .test_admin_workflow import choose_autocomplete, log_in, watch_console

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Vaskeriet i Vollsmose får solceller på taget"
NEW_TITLE = "Vaskeriet i Vollsmose har fået solceller på taget"


def mails_to(smtp_server, address: str) -> list[str]:
    return [message["Subject"].strip() for rcpt, message in smtp_server.messages if address in rcpt]


def wait_for_mail(smtp_server, address: str, subject_start: str, seconds: float = 10):
    """The mail is sent after the commit, on the server's thread: wait for it to arrive."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if any(subject.startswith(subject_start) for subject in mails_to(smtp_server, address)):
            return
        time.sleep(0.1)
    raise AssertionError(
        f"no mail »{subject_start}…« to {address}: {mails_to(smtp_server, address)}"
    )


def open_article(page: Page, base: str, title: str):
    """From the desk, as the newsroom does."""
    page.goto(base + "/admin/")
    page.get_by_role("link", name=title, exact=True).first.click()
    expect(page.get_by_label("Titel:")).to_be_visible()


def test_a_day_in_the_newsroom(live_server, page_at, smtp_server, tmp_path):
    journalist = UserFactory(username="jette", first_name="Jette", groups=["Journalist"])
    AuthorFactory(name="Jette Journalist", user=journalist)
    editor = UserFactory(username="rikke", first_name="Rikke", groups=["Redaktør"])
    section = SectionFactory(name="Energi og klima")
    section.followers.add(editor)
    hero = tmp_path / "vaskeri.jpg"
    hero.write_bytes(image_file().read())
    base = live_server.url
    problems: list[str] = []

    # 1. The journalist writes the article and submits it with a note.
    writer = page_at(DESKTOP)
    watch_console(writer, problems, "journalist")
    log_in(writer, base, "jette")
    writer.goto(base + "/admin/articles/article/add/")
    writer.get_by_label("Titel:").fill(TITLE)
    choose_autocomplete(writer, "id_section", "energi", "Energi og klima")
    writer.get_by_label("Manchet").fill("Afdelingen sparer på elregningen.")
    writer.locator(".prose-editor .ProseMirror[contenteditable=true]").click()
    writer.keyboard.type("Panelerne blev sat op i sidste uge.")
    choose_autocomplete(writer, "id_bylines-0-author", "jette", "Jette Journalist")
    writer.get_by_label("Hovedbillede:", exact=True).set_input_files(hero)
    writer.get_by_label("Alternativ tekst").fill("Solpaneler på taget af et vaskeri")
    writer.get_by_label("Fotograf").fill("Maja Kjærgaard")
    writer.get_by_label("Note:").fill("Tallene for besparelsen er fra driftschefen.")
    writer.get_by_role("button", name="Send til redigering").click()
    expect(writer.locator(".messagelist .success")).to_contain_text("er sendt til redigering")
    article = Article.objects.get(title=TITLE)
    assert article.status == Article.Status.REVIEW

    # 2. The editor gets the mail, opens the desk and returns it with a note.
    wait_for_mail(smtp_server, editor.email, f"Til redigering: »{TITLE}«")
    assert not mails_to(smtp_server, journalist.email)  # never to the one who acted
    desk = page_at(DESKTOP)
    watch_console(desk, problems, "editor")
    log_in(desk, base, "rikke")
    waiting = desk.locator("#afventer-redigering")
    expect(waiting).to_contain_text(TITLE)
    expect(waiting).to_contain_text("Tallene for besparelsen er fra driftschefen.")
    waiting.get_by_role("link", name=TITLE).click()
    desk.get_by_label("Note:").fill("Skriv, hvor meget afdelingen sparer om året.")
    desk.get_by_role("button", name="Send tilbage til skribenten").click()
    expect(desk.locator(".messagelist .success")).to_contain_text("sendt tilbage")

    # 3. The journalist reads the note on the desk, fixes the article and resubmits.
    wait_for_mail(smtp_server, journalist.email, f"Sendt tilbage: »{TITLE}«")
    writer.goto(base + "/admin/")
    drafts = writer.locator("#mine-kladder")
    expect(drafts).to_contain_text("Skriv, hvor meget afdelingen sparer om året.")
    open_article(writer, base, TITLE)
    expect(writer.locator(".workflow-note")).to_contain_text("Skriv, hvor meget")
    writer.get_by_label("Manchet").fill("Afdelingen sparer 40.000 kroner om året på elregningen.")
    writer.get_by_role("button", name="Send til redigering").click()
    expect(writer.locator(".messagelist .success")).to_contain_text("er sendt til redigering")

    # 4. The editor schedules it a few seconds ahead.
    when = timezone.localtime(timezone.now() + timedelta(seconds=6))
    open_article(desk, base, TITLE)
    desk.locator("#id_published_at_0").fill(when.strftime("%d.%m.%Y"))
    desk.locator("#id_published_at_1").fill(when.strftime("%H:%M:%S"))
    desk.get_by_role("button", name="Udgiv eller planlæg").click()
    expect(desk.locator(".messagelist .success")).to_contain_text("er planlagt til udgivelse")
    article.refresh_from_db()
    assert article.is_scheduled
    wait_for_mail(smtp_server, journalist.email, f"Planlagt: »{TITLE}«")

    # 5. Nobody has to do anything at that time: the public page shows it.
    reader = page_at(DESKTOP)
    watch_console(reader, problems, "reader")
    assert reader.goto(base + article.get_absolute_url()).status == 404
    time.sleep(max(0.0, (article.published_at - timezone.now()).total_seconds()) + 0.3)
    assert reader.goto(base + article.get_absolute_url()).status == 200
    expect(reader.get_by_role("heading", level=1)).to_have_text(TITLE)

    # 6. The journalist's later edit waits for the editor. (A published article is no longer
    # on their desk: they find it in the list of articles.)
    writer.goto(base + "/admin/articles/article/?q=Vollsmose")
    writer.get_by_role("link", name=TITLE, exact=True).click()
    writer.get_by_label("Titel:").fill(NEW_TITLE)
    writer.get_by_role("button", name="Send ændringer til godkendelse").click()
    expect(writer.locator(".messagelist .success")).to_contain_text("sendt til godkendelse")
    reader.goto(base + article.get_absolute_url())
    expect(reader.get_by_role("heading", level=1)).to_have_text(TITLE)
    wait_for_mail(smtp_server, editor.email, "Ændringer til godkendelse")

    desk.goto(base + "/admin/")
    desk.locator("#afventer-redigering").get_by_role("link", name=TITLE).click()
    expect(desk.locator("ins").first).to_contain_text("har")
    desk.get_by_role("button", name="Godkend og udgiv ændringerne").click()
    expect(desk.locator(".messagelist .success")).to_contain_text("er godkendt")
    # A new reader: browsers may keep a public page for a minute (PUBLIC_CACHE_SECONDS).
    reader = page_at(DESKTOP)
    reader.goto(base + article.get_absolute_url())
    expect(reader.get_by_role("heading", level=1)).to_have_text(NEW_TITLE)
    wait_for_mail(smtp_server, journalist.email, "Ændringer godkendt")

    # The article's log tells the day, step by step.
    assert list(
        ArticleEvent.objects.filter(article=article)
        .order_by("created_at", "pk")
        .values_list("action", flat=True)
    ) == [
        "created",
        "submitted",
        "returned",
        "submitted",
        "scheduled",
        "change_proposed",
        "change_approved",
    ]
    assert not [problem for problem in problems if " pageerror: " in problem], problems
    assert not [problem for problem in problems if "Content Security Policy" in problem], problems
