"""Notification mail to the newsroom (newsroom/notifications.py), sent to a real SMTP server
(aiosmtpd) running in the test process: who gets which mail, that it goes only after the
commit, what it says, and what happens while the mail server is down."""

import logging
import os
import subprocess
import sys
import threading
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from articles.models import ArticleEvent, EditorialMail
from newsroom.notifications import MAX_ATTEMPTS, due_mail, queue_mail_for, send_queued_mail

from .factories import ArticleFactory, AuthorFactory, SectionFactory, UserFactory

pytestmark = pytest.mark.django_db

Action = ArticleEvent.Action
COPENHAGEN = ZoneInfo("Europe/Copenhagen")
TO_JOURNALISTS = [
    Action.RETURNED,
    Action.PUBLISHED,
    Action.SCHEDULED,
    Action.CHANGE_APPROVED,
    Action.CHANGE_RETURNED,
]
TO_NOBODY = [
    Action.CREATED,
    Action.WITHDRAWN,
    Action.UNPUBLISHED,
    Action.RESTORED,
    Action.RECOVERED,
]


def editor(**kwargs):
    return UserFactory(groups=["Redaktør"], **kwargs)


def journalist(**kwargs):
    return UserFactory(groups=["Journalist"], **kwargs)


def event_for(article, actor, action=Action.SUBMITTED, note="", **kwargs):
    statuses = {
        Action.SUBMITTED: ("draft", "review"),
        Action.RETURNED: ("review", "draft"),
        Action.PUBLISHED: ("review", "published"),
        Action.SCHEDULED: ("review", "published"),
    }
    from_status, to_status = statuses.get(action, ("published", "published"))
    return ArticleEvent.objects.create(
        article=article,
        actor=actor,
        action=action,
        from_status=from_status,
        to_status=to_status,
        note=note,
        **kwargs,
    )


def recipients(event) -> list[str]:
    return sorted(address for mail in queue_mail_for(event) for address in mail.to)


def subject_of(message) -> str:
    # Django folds a long encoded subject onto a continuation line; mail programs unfold it
    # and drop the space that Python's parser keeps.
    return message["Subject"].strip()


def part(message, subtype: str) -> str:
    """The text/plain or text/html part as received, with the wire's line ends undone."""
    return message.get_body(preferencelist=(subtype,)).get_content().replace("\r\n", "\n")


def addresses(*users) -> list[str]:
    return sorted(user.email for user in users)


def journalists_article(**kwargs):
    """A draft created by one journalist, with a second journalist and an author without a
    user account in its byline."""
    creator, colleague = journalist(), journalist()
    article = ArticleFactory(
        draft=True,
        created_by=creator,
        authors=[AuthorFactory(user=colleague), AuthorFactory()],
        **kwargs,
    )
    return article, creator, colleague


# --- Who gets which mail ---------------------------------------------------------------------


@pytest.mark.parametrize("action", [Action.SUBMITTED, Action.CHANGE_PROPOSED])
def test_for_review_goes_to_the_sections_followers_only(action):
    first, second = editor(), editor()
    editor()  # follows nothing
    section = SectionFactory()
    section.followers.add(first, second)
    article, creator, _ = journalists_article(section=section)

    assert recipients(event_for(article, creator, action)) == addresses(first, second)


def test_without_followers_all_editors_get_it():
    superuser = UserFactory(is_superuser=True)
    editors = [editor(), editor()]
    by_user_permission = journalist()
    by_user_permission.user_permissions.add(Permission.objects.get(codename="publish_article"))
    journalist()  # may not publish: not mailed
    editor(is_active=False)
    article, creator, _ = journalists_article()

    assert recipients(event_for(article, creator)) == addresses(
        superuser, *editors, by_user_permission
    )


def test_a_follower_who_may_no_longer_publish_is_passed_over():
    former_editor, current = journalist(), editor()
    article, creator, _ = journalists_article()
    article.section.followers.add(former_editor)

    assert recipients(event_for(article, creator)) == addresses(current)


def test_followers_who_can_not_be_mailed_make_it_go_to_all_editors():
    """A section whose only follower has left (inactive), has no address or is the one who
    acted still reaches an editor."""
    left, no_address, acting = editor(is_active=False), editor(email=""), editor()
    others = [editor(), editor()]
    article = ArticleFactory(draft=True, created_by=acting)
    article.section.followers.add(left, no_address, acting)

    assert recipients(event_for(article, acting)) == addresses(*others)


@pytest.mark.parametrize("action", TO_JOURNALISTS)
def test_journalists_get_it_creator_and_byline_users(action):
    article, creator, colleague = journalists_article()
    acting = editor()
    article.section.followers.add(editor())  # editors are not told of their colleagues' work

    assert recipients(event_for(article, acting, action)) == addresses(creator, colleague)


def test_each_journalist_once_and_never_the_actor():
    creator, colleague = journalist(), journalist()
    article = ArticleFactory(
        created_by=creator, authors=[AuthorFactory(user=creator), AuthorFactory(user=colleague)]
    )
    same_address = journalist(email=colleague.email.upper())
    AuthorFactory(user=same_address)
    article.bylines.create(author=same_address.author_profile, position=2)
    # An editor who wrote the article and publishes it is not told what they just did.
    assert recipients(event_for(article, creator, Action.PUBLISHED)) == addresses(colleague)
    assert recipients(event_for(article, editor(), Action.PUBLISHED)) == addresses(
        creator, colleague
    )


def test_inactive_journalists_and_those_without_an_address_are_skipped():
    creator, colleague = journalist(is_active=False), journalist(email="")
    mailed = journalist()
    article = ArticleFactory(
        created_by=creator,
        authors=[AuthorFactory(user=colleague), AuthorFactory(user=mailed)],
    )
    assert recipients(event_for(article, editor(), Action.RETURNED)) == addresses(mailed)


@pytest.mark.parametrize("action", TO_NOBODY)
def test_other_actions_mail_nobody(action):
    editor()
    article, _, _ = journalists_article()
    assert queue_mail_for(event_for(article, editor(), action)) == []
    assert not EditorialMail.objects.exists()


def test_one_row_per_recipient():
    first, second = editor(), editor()
    article, creator, _ = journalists_article()
    event = event_for(article, creator, note="Kig på tallene.")

    mails = queue_mail_for(event)

    assert sorted(mail.to for mail in mails) == [[first.email], [second.email]]
    rows = EditorialMail.objects.filter(event=event)
    assert rows.count() == 2
    assert all(row.sent_at is None and row.attempts == 0 for row in rows)


# --- Sent after the commit, to a real SMTP server --------------------------------------------


def test_sent_only_after_the_commit(smtp_server, django_capture_on_commit_callbacks):
    first, second = editor(), editor()
    article, creator, _ = journalists_article()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        queue_mail_for(event_for(article, creator))
        assert smtp_server.messages == []

    assert len(callbacks) == 1
    # One message per person, each addressed to that person alone.
    received = sorted((rcpt, message["To"]) for rcpt, message in smtp_server.messages)
    assert received == [([first.email], first.email), ([second.email], second.email)]
    assert EditorialMail.objects.filter(sent_at__isnull=True).count() == 0


def test_nothing_sent_after_a_rollback(smtp_server, django_capture_on_commit_callbacks):
    editor()
    article, creator, _ = journalists_article()

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        queue_mail_for(event_for(article, creator))
        raise RuntimeError("the action failed")

    assert callbacks == []
    assert smtp_server.messages == []
    assert not EditorialMail.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_real_commit_sends_the_mail(smtp_server):
    receiver = editor()
    article, creator, _ = journalists_article()

    with transaction.atomic():
        queue_mail_for(event_for(article, creator))
        assert smtp_server.messages == []

    assert [rcpt for rcpt, _ in smtp_server.messages] == [[receiver.email]]
    assert EditorialMail.objects.get().sent_at is not None


def test_the_received_mail(smtp_server, django_capture_on_commit_callbacks, settings):
    settings.SITE_URL = "https://almene.example.org"
    receiver = editor(first_name="Mette")
    acting = journalist(first_name="Jonas", last_name="Holm")
    article = ArticleFactory(
        draft=True, title="Beboerne i Gellerup får nye altaner & <b>elevatorer</b>"
    )
    note = "Jeg mangler et billede.\nKan du finde et i arkivet?"

    with django_capture_on_commit_callbacks(execute=True):
        queue_mail_for(event_for(article, acting, note=note))

    [(rcpt, message)] = smtp_server.messages
    assert rcpt == [receiver.email]
    assert subject_of(message) == (
        "Til redigering: »Beboerne i Gellerup får nye altaner & <b>elevatorer</b>«"
    )
    assert message["From"] == "Almene Nyheder <redaktion@localhost>"
    assert message["Auto-Submitted"] == "auto-generated"
    link = f"https://almene.example.org/admin/articles/article/{article.pk}/change/"

    text = part(message, "plain")
    assert text.startswith("Hej Mette,\n")
    assert "Jonas Holm har sendt artiklen »Beboerne i Gellerup får nye altaner & <b>" in text
    assert "> Jeg mangler et billede.\n> Kan du finde et i arkivet?" in text
    assert link in text
    assert "ingen anden redaktør følger sektionen »" in text

    html = part(message, "html")
    assert html.lstrip().startswith("<!DOCTYPE html>")
    assert "Hej Mette," in html
    assert "altaner &amp; &lt;b&gt;elevatorer&lt;/b&gt;" in html  # escaped
    assert "Jeg mangler et billede.<br>Kan du finde et i arkivet?" in html
    assert f'href="{link}"' in html
    assert "<link" not in html and "<img" not in html and "<style" not in html


def test_greeting_without_a_first_name_and_no_note(smtp_server, django_capture_on_commit_callbacks):
    article, creator, _ = journalists_article()
    creator.first_name = ""
    creator.save()

    with django_capture_on_commit_callbacks(execute=True):
        queue_mail_for(event_for(article, editor(), Action.PUBLISHED))

    message = next(m for rcpt, m in smtp_server.messages if rcpt == [creator.email])
    assert subject_of(message) == f"Udgivet: »{article.title}«"
    text = part(message, "plain")
    assert text.startswith("Hej,\n")
    assert "skrev:" not in text
    assert "du er skribent på artiklen" in text


@pytest.mark.parametrize(
    ("action", "prefix"),
    [
        (Action.RETURNED, "Sendt tilbage"),
        (Action.CHANGE_APPROVED, "Ændringer godkendt"),
        (Action.CHANGE_RETURNED, "Ændringer sendt tilbage"),
    ],
)
def test_subjects_for_the_journalists(action, prefix):
    article, _, _ = journalists_article()
    mails = queue_mail_for(event_for(article, editor(), action, note="Se min note."))
    assert {mail.subject for mail in mails} == {f"{prefix}: »{article.title}«"}
    assert all("> Se min note." in mail.text for mail in mails)


def test_subject_for_proposed_changes():
    editor()
    article, creator, _ = journalists_article()
    [mail] = queue_mail_for(event_for(article, creator, Action.CHANGE_PROPOSED))
    assert mail.subject == f"Ændringer til godkendelse: »{article.title}«"


@pytest.mark.parametrize(
    ("local", "in_subject", "in_text"),
    [
        ((12, 3, 9, 0), "3. december kl. 09:00", "den 3. december kl. 09:00"),
        ((7, 1, 6, 30), "1. juli kl. 06:30", "den 1. juli kl. 06:30"),  # summer time
    ],
)
def test_scheduled_mail_gives_the_time_in_danish(local, in_subject, in_text):
    month, day, hour, minute = local
    year = timezone.localtime().year
    when = datetime(year, month, day, hour, minute, tzinfo=COPENHAGEN)
    article, _, _ = journalists_article()

    event = event_for(article, editor(), Action.SCHEDULED, published_at=when)
    mail = queue_mail_for(event)[0]

    assert mail.subject == f"Planlagt: »{article.title}« udgives {in_subject}"
    weekday = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]
    assert f"til udgivelse {weekday[when.weekday()]} {in_text}." in mail.text
    assert in_text in mail.html


def test_scheduled_another_year_names_the_year():
    year = timezone.localtime().year + 1
    article, _, _ = journalists_article()
    when = datetime(year, 1, 2, 8, 0, tzinfo=COPENHAGEN)
    mail = queue_mail_for(event_for(article, editor(), Action.SCHEDULED, published_at=when))[0]
    assert mail.subject.endswith(f"udgives 2. januar {year} kl. 08:00")


def test_published_mail_links_to_the_public_page_once_it_is_public(settings):
    settings.SITE_URL = "https://almene.example.org/"
    article, _, _ = journalists_article()
    article = ArticleFactory(created_by=article.created_by)  # published an hour ago
    mail = queue_mail_for(event_for(article, editor(), Action.PUBLISHED))[0]
    assert f"https://almene.example.org{article.get_absolute_url()}" in mail.text
    assert f"https://almene.example.org/admin/articles/article/{article.pk}/change/" in mail.text

    scheduled = ArticleFactory(created_by=article.created_by, scheduled=True)
    mail = queue_mail_for(event_for(scheduled, editor(), Action.PUBLISHED))[0]
    assert "Se den på sitet" not in mail.text


# --- The mail server down --------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_server_down_the_action_commits_and_the_command_sends_later(smtp_server, caplog):
    first, second = editor(), editor()
    article, creator, _ = journalists_article()
    smtp_server.stop()

    with (
        caplog.at_level(logging.WARNING, logger="newsroom.notifications"),
        transaction.atomic(),
    ):
        event = event_for(article, creator, note="Klar til i morgen.")
        queue_mail_for(event)

    # The action committed; its mails wait, each tried once, with the error kept.
    assert ArticleEvent.objects.filter(pk=event.pk).exists()
    rows = list(EditorialMail.objects.all())
    assert len(rows) == 2
    for row in rows:
        assert row.sent_at is None
        assert row.attempts == 1
        assert "ConnectionRefusedError" in row.last_error
    # One WARNING line for the batch, no traceback.
    warnings = [
        r
        for r in caplog.records
        if r.name == "newsroom.notifications" and r.levelno == logging.WARNING
    ]
    assert len(warnings) == 1
    assert "2 mail(s) not sent" in warnings[0].getMessage()
    assert warnings[0].exc_info is None

    smtp_server.start()
    output = _run_command()
    assert output == "2 mails sendt, 0 mislykkedes.\n"
    assert sorted(rcpt[0] for rcpt, _ in smtp_server.messages) == addresses(first, second)
    assert all(
        subject_of(message).startswith("Til redigering:") for _, message in smtp_server.messages
    )

    assert _run_command() == "0 mails sendt, 0 mislykkedes.\n"
    assert len(smtp_server.messages) == 2
    assert EditorialMail.objects.filter(sent_at__isnull=True).count() == 0


@pytest.mark.django_db(transaction=True)
def test_after_a_failure_later_actions_leave_their_mail_to_the_command(smtp_server, caplog):
    """A bulk action on many articles waits for a server that does not answer only once."""
    editor()
    articles = [journalists_article()[0] for _ in range(3)]
    smtp_server.stop()
    with caplog.at_level(logging.INFO, logger="newsroom.notifications"), transaction.atomic():
        for article in articles:
            queue_mail_for(event_for(article, article.created_by))

    assert sorted(EditorialMail.objects.values_list("attempts", flat=True)) == [0, 0, 1]
    assert "left for `manage.py send_editorial_mail`" in caplog.text
    smtp_server.start()
    assert _run_command() == "3 mails sendt, 0 mislykkedes.\n"
    # The server answered again: mail after the next action goes at once.
    with transaction.atomic():
        queue_mail_for(event_for(articles[0], articles[0].created_by))
    assert len(smtp_server.messages) == 4


def test_server_down_while_the_command_runs(smtp_server, caplog):
    article, creator, _ = journalists_article()
    editor()
    queue_mail_for(event_for(article, creator))  # not committed: only the command sends it
    smtp_server.stop()

    with caplog.at_level(logging.WARNING, logger="newsroom.notifications"):
        assert send_queued_mail() == (0, 1)

    row = EditorialMail.objects.get()
    assert (row.sent_at, row.attempts) == (None, 1)
    assert "mail server unavailable" in caplog.text


def test_a_refused_recipient_fails_only_that_mail(smtp_server, caplog):
    refused, accepted = editor(email="findes-ikke@example.org"), editor()
    article, creator, _ = journalists_article()
    smtp_server.refused.add(refused.email)
    queue_mail_for(event_for(article, creator))

    with caplog.at_level(logging.WARNING, logger="newsroom.notifications"):
        assert send_queued_mail() == (1, 1)

    assert [rcpt for rcpt, _ in smtp_server.messages] == [[accepted.email]]
    failed = EditorialMail.objects.get(to=[refused.email])
    assert failed.attempts == 1 and "SMTPRecipientsRefused" in failed.last_error
    assert f"to {refused.email} not sent (attempt 1)" in caplog.text


def test_retries_wait_longer_each_time_and_stop_after_the_last_attempt(smtp_server, caplog):
    now = timezone.now()

    def mail(attempts, age):
        return EditorialMail.objects.create(
            to=["redaktoer@example.org"],
            subject="Til redigering: »Test«",
            text="Hej",
            attempts=attempts,
            created_at=now - age,
        )

    new, once = mail(0, timedelta(0)), mail(1, timedelta(0))
    waiting, waited = mail(2, timedelta(minutes=5)), mail(2, timedelta(minutes=11))
    given_up = mail(MAX_ATTEMPTS, timedelta(days=30))
    mail(5, timedelta(hours=1))  # waits for two hours after it was written

    assert list(due_mail()) == [waited, new, once]
    assert waiting not in due_mail() and given_up not in due_mail()

    last_try = mail(MAX_ATTEMPTS - 1, timedelta(days=2))
    smtp_server.stop()
    with caplog.at_level(logging.WARNING, logger="newsroom.notifications"):
        send_queued_mail([last_try])
    last_try.refresh_from_db()
    assert last_try.attempts == MAX_ATTEMPTS
    assert last_try not in due_mail()
    assert any(
        r.levelno == logging.ERROR and "given up after 10 attempts" in r.getMessage()
        for r in caplog.records
    )


def test_a_sent_mail_is_never_sent_again(smtp_server):
    editor()
    article, creator, _ = journalists_article()
    [mail] = queue_mail_for(event_for(article, creator))

    assert send_queued_mail([mail]) == (1, 0)
    assert send_queued_mail([mail]) == (0, 0)
    assert send_queued_mail() == (0, 0)
    assert len(smtp_server.messages) == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="SKIP LOCKED is PostgreSQL's (SQLite's writers take turns)",
)
def test_a_mail_another_sender_holds_is_skipped(smtp_server):
    assert connection.features.has_select_for_update_skip_locked
    mail = EditorialMail.objects.create(
        to=["redaktoer@example.org"], subject="Til redigering: »Test«", text="Hej"
    )
    held, release = threading.Event(), threading.Event()

    def other_sender():
        from django.db import connection as thread_connection

        try:
            with transaction.atomic():
                EditorialMail.objects.select_for_update().get(pk=mail.pk)
                held.set()
                release.wait(10)
        finally:
            thread_connection.close()

    thread = threading.Thread(target=other_sender)
    thread.start()
    try:
        assert held.wait(10)
        assert send_queued_mail() == (0, 0)  # not waiting for the lock, not sending
    finally:
        release.set()
        thread.join()
    assert smtp_server.messages == []
    assert send_queued_mail() == (1, 0)


def _run_command() -> str:
    from io import StringIO

    out = StringIO()
    call_command("send_editorial_mail", stdout=out)
    return out.getvalue()


# --- Settings --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("environment", "backend", "host"),
    [
        ({"DEBUG": "1"}, "console", "localhost"),
        ({"DEBUG": "1", "EMAIL_HOST": "smtp.example.org"}, "smtp", "smtp.example.org"),
        ({"DEBUG": "0"}, "smtp", "localhost"),
    ],
)
def test_mail_settings_from_the_environment(environment, backend, host, settings):
    keep = {"PATH", "HOME", "LANG", "SYSTEMROOT"}
    env = {name: value for name, value in os.environ.items() if name in keep}
    env |= {
        "DJANGO_SETTINGS_MODULE": "almene.settings.base",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "localhost",
        "SINGLE_PROCESS": "1",
        **environment,
    }
    script = (
        "from django.conf import settings as s; "
        "print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_TIMEOUT, s.SITE_URL, "
        "s.DEFAULT_FROM_EMAIL, sep='|')"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip().split("|") == [
        f"django.core.mail.backends.{backend}.EmailBackend",
        host,
        "25",
        "10",
        "http://127.0.0.1:8000",
        "Almene Nyheder <redaktion@localhost>",
    ]
