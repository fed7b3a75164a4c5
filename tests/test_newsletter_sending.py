"""The weekly digest (issue 14): due once a week, made once, sent once to every receiving
subscriber with the articles on their topics, resumable after a kill, never sent twice by two
senders, and with refused recipients and a mail server that is down handled. An article an
editor unpublishes while a digest is being sent leaves the mails written after it (issue 19,
finding 7): the unpublish is made for real, by the workflow, as a mail arrives at the test's
SMTP server."""

import asyncio
import os
import signal
import subprocess
import sys
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, state_change
from newsletter import sending
from newsletter.models import Delivery, Digest, Subscriber
from newsroom import workflow

from .factories import (
    ArticleFactory,
    AuthorFactory,
    GoalFactory,
    SectionFactory,
    TagFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def weekly_on_friday_at_seven(settings):
    settings.NEWSLETTER_WEEKDAY = 4
    settings.NEWSLETTER_HOUR = 7
    settings.SITE_URL = "https://almene.example.org"


def due_now(settings) -> datetime:
    """Make the digest due from the start of this hour, today; returns that time."""
    local = timezone.localtime(timezone.now())
    settings.NEWSLETTER_WEEKDAY, settings.NEWSLETTER_HOUR = local.weekday(), local.hour
    return sending.due_at(timezone.now())


def copenhagen(*args) -> datetime:
    return timezone.make_aware(datetime(*args))


def subscriber(email, *, everything=False, sections=(), tags=(), authors=(), goals=(), **kwargs):
    person = Subscriber.objects.create(
        email=email,
        state=kwargs.pop("state", Subscriber.State.CONFIRMED),
        everything=everything,
        confirmed_at=timezone.now(),
        **kwargs,
    )
    person.sections.set(sections)
    person.tags.set(tags)
    person.authors.set(authors)
    person.goals.set(goals)
    return person


def received(smtp_server) -> dict[str, list]:
    """Each recipient's messages, as the SMTP server received them."""
    by_recipient: dict[str, list] = {}
    for recipients, message in smtp_server.messages:
        for address in recipients:
            by_recipient.setdefault(address, []).append(message)
    return by_recipient


def titles_in(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


class TestWhenDue:
    def test_the_digest_is_due_on_the_weekday_and_hour_in_danish_time(self):
        friday_morning = copenhagen(2026, 12, 4, 7, 0)  # a Friday
        assert sending.due_at(friday_morning) == friday_morning
        assert sending.due_at(friday_morning - timedelta(minutes=1)) == friday_morning - timedelta(
            days=7
        )
        assert sending.due_at(copenhagen(2026, 12, 8, 12, 0)) == friday_morning  # Tuesday
        assert sending.period_of(friday_morning) == "2026-U49"

    def test_one_digest_a_period_however_often_asked(self):
        now = copenhagen(2026, 12, 4, 9, 0)
        first = sending.due_digest(now)
        assert sending.due_digest(now + timedelta(hours=3)) == first
        assert Digest.objects.count() == 1 and first.number == 1
        later = sending.due_digest(now + timedelta(days=7))
        assert later.number == 2 and later.starts_at == first.ends_at

    def test_the_digest_holds_the_weeks_articles(self):
        due = copenhagen(2026, 12, 4, 7, 0)
        inside = ArticleFactory(published_at=due - timedelta(days=2))
        ArticleFactory(published_at=due - timedelta(days=10))  # before the week
        ArticleFactory(published_at=due + timedelta(hours=1))  # after it fell due
        ArticleFactory(draft=True)
        digest = sending.due_digest(due + timedelta(hours=2))
        assert list(digest.articles.all()) == [inside]


class TestSending:
    def week(self):
        due = timezone.now() - timedelta(minutes=5)
        return due, {"now": due + timedelta(minutes=1)}

    def test_each_subscriber_gets_the_articles_on_their_topics_once(self, smtp_server, settings):
        due = due_now(settings)
        housing, climate = SectionFactory(name="Boligpolitik"), SectionFactory(name="Klima")
        heat = TagFactory(name="Fjernvarme")
        author = AuthorFactory(name="Mette Holm")
        goal = GoalFactory()
        yesterday = due - timedelta(hours=2)
        politics = ArticleFactory(section=housing, title="Ny boligaftale", published_at=yesterday)
        heating = ArticleFactory(
            section=climate, tags=[heat], title="Billigere varme", published_at=yesterday
        )
        by_mette = ArticleFactory(
            authors=[author], title="Mettes reportage", published_at=yesterday
        )
        by_mette.goals.add(goal)
        subscriber("alt@example.org", everything=True)
        subscriber("bolig@example.org", sections=[housing])
        subscriber("varme@example.org", tags=[heat])
        subscriber("maal@example.org", goals=[goal])
        subscriber("ingen@example.org", sections=[SectionFactory(name="Tom")])
        subscriber("pause@example.org", everything=True, paused=True)
        subscriber("venter@example.org", everything=True, state=Subscriber.State.PENDING)
        subscriber("afmeldt@example.org", everything=True, state=Subscriber.State.UNSUBSCRIBED)

        _, outcome = sending.send_due()
        mails = received(smtp_server)
        assert set(mails) == {
            "alt@example.org",
            "bolig@example.org",
            "varme@example.org",
            "maal@example.org",
        }
        assert all(len(messages) == 1 for messages in mails.values())
        everything = titles_in(mails["alt@example.org"][0])
        for article in (politics, heating, by_mette):
            assert article.title in everything
        assert politics.title in titles_in(mails["bolig@example.org"][0])
        assert heating.title not in titles_in(mails["bolig@example.org"][0])
        assert heating.title in titles_in(mails["varme@example.org"][0])
        assert by_mette.title in titles_in(mails["maal@example.org"][0])
        assert (outcome.sent, outcome.nothing) == (4, 1)  # "ingen": no empty mail

        # Again: nothing more is sent.
        _, again = sending.send_due()
        assert again.sent == 0 and len(smtp_server.messages) == 4

    def test_a_thin_week_waits_for_the_next(self, smtp_server, settings):
        section = SectionFactory(name="Sjældent nyt")
        person = subscriber("sjaelden@example.org", sections=[section])
        first_due = timezone.now() - timedelta(days=8)
        settings.NEWSLETTER_WEEKDAY = timezone.localtime(first_due).weekday()
        settings.NEWSLETTER_HOUR = timezone.localtime(first_due).hour
        sending.send_due(first_due + timedelta(minutes=30))  # nothing on their topic yet
        assert Delivery.objects.get(subscriber=person).state == Delivery.State.NOTHING
        assert not smtp_server.messages

        news = ArticleFactory(section=section, published_at=first_due - timedelta(days=1))
        # An article from before the first digest, still unseen: next week it comes along.
        digest, _ = sending.send_due(first_due + timedelta(days=7, minutes=30))
        assert digest.number == 2
        assert news.title in titles_in(received(smtp_server)["sjaelden@example.org"][0])

    def test_a_refused_recipient_is_tried_again_a_few_times(self, smtp_server, settings):
        due = due_now(settings)
        ArticleFactory(published_at=due - timedelta(hours=1))
        subscriber("god@example.org", everything=True)
        refused = subscriber("ukendt@example.org", everything=True)
        smtp_server.refused.add("ukendt@example.org")
        for attempt in range(1, sending.MAX_ATTEMPTS + 1):
            sending.send_due()
            delivery = Delivery.objects.get(subscriber=refused)
            assert delivery.attempts == attempt
        assert delivery.state == Delivery.State.FAILED and "550" in delivery.last_error
        assert list(received(smtp_server)) == ["god@example.org"]
        sending.send_due()
        assert Delivery.objects.get(subscriber=refused).attempts == sending.MAX_ATTEMPTS

    def test_a_server_that_is_down_leaves_the_run_for_later(self, smtp_server, settings):
        due = due_now(settings)
        ArticleFactory(published_at=due - timedelta(hours=1))
        for number in range(3):
            subscriber(f"laeser{number}@example.org", everything=True)
        smtp_server.stop()
        _, outcome = sending.send_due()
        assert outcome.stopped and outcome.sent == 0
        assert set(Delivery.objects.values_list("state", flat=True)) == {Delivery.State.PENDING}
        smtp_server.start()
        _, outcome = sending.send_due()
        assert outcome.sent == 3
        assert sorted(len(messages) for messages in received(smtp_server).values()) == [1, 1, 1]

    def test_no_query_of_the_articles_per_subscriber(self, smtp_server, settings, monkeypatch):
        # What is still public is asked once a batch (both runs here are one batch), and once
        # a second within a batch; the second is kept out of the count, which must not
        # depend on how fast this machine sends 30 mails.
        monkeypatch.setattr(sending, "RECHECK_AFTER", 3600)
        due = due_now(settings)
        for _ in range(5):
            ArticleFactory(published_at=due - timedelta(hours=1), tags=["Fælles"])

        def article_queries(count: int) -> int:
            Delivery.objects.all().delete()
            Digest.objects.all().delete()
            Subscriber.objects.all().delete()
            for number in range(count):
                subscriber(f"n{count}-{number}@example.org", everything=number % 2 == 0)
            with CaptureQueriesContext(connection) as queries:
                sending.send_due()
            return sum("articles_article" in query["sql"] for query in queries)

        assert article_queries(3) == article_queries(30)


# --- Senders in processes of their own ------------------------------------------------------


def database_url() -> str:
    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings_dict['NAME']}"
    user = settings_dict["USER"] or "postgres"
    host, port = settings_dict["HOST"] or "127.0.0.1", settings_dict["PORT"] or "5432"
    return f"postgres://{user}@{host}:{port}/{settings_dict['NAME']}"


def sender(smtp_server) -> subprocess.Popen:
    from django.conf import settings

    """``manage.py send_newsletters --now`` in a process of its own, on the test's database
    and the test's SMTP server."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment |= {
        "DJANGO_SETTINGS_MODULE": "almene.settings.test",
        "DATABASE_URL": database_url(),
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_server.port),
        "SITE_URL": "https://almene.example.org",
        "NEWSLETTER_WEEKDAY": str(settings.NEWSLETTER_WEEKDAY),
        "NEWSLETTER_HOUR": str(settings.NEWSLETTER_HOUR),
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "send_newsletters", "--now"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def some_readers(count: int):
    ArticleFactory(published_at=timezone.now() - timedelta(hours=1))
    ArticleFactory(published_at=timezone.now() - timedelta(hours=2))
    return [
        subscriber(f"laeser{number:03d}@example.org", everything=True) for number in range(count)
    ]


@pytest.mark.django_db(transaction=True)
def test_a_sender_killed_mid_run_is_resumed_and_sends_each_mail_once(smtp_server, settings):
    due_now(settings)
    readers = some_readers(40)
    process = sender(smtp_server)
    # The server kills the sender as the 15th mail arrives, before taking it: a sender
    # dying mid-run, with mails sent, one in flight and the rest still to go.
    smtp_server.kill_at = (15, process.pid)
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL
    assert 0 < len(smtp_server.messages) < len(readers)
    assert Delivery.objects.filter(state=Delivery.State.SENDING).exists()

    smtp_server.kill_at = None
    again = sender(smtp_server)
    _, err = again.communicate(timeout=60)
    assert again.returncode == 0, err
    mails = received(smtp_server)
    assert sorted(mails) == sorted(reader.email for reader in readers)
    assert all(len(messages) == 1 for messages in mails.values())
    assert set(Delivery.objects.values_list("state", flat=True)) == {Delivery.State.SENT}


@pytest.mark.django_db(transaction=True)
def test_two_senders_at_once_send_each_mail_once(smtp_server, settings):
    due_now(settings)
    readers = some_readers(60)
    first, second = sender(smtp_server), sender(smtp_server)
    for process in (first, second):
        _, err = process.communicate(timeout=90)
        assert process.returncode == 0, err
    mails = received(smtp_server)
    assert sorted(mails) == sorted(reader.email for reader in readers)
    assert all(len(messages) == 1 for messages in mails.values())
    assert Digest.objects.count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="threads need PostgreSQL's locks")
def test_two_senders_in_threads_take_different_batches(smtp_server, monkeypatch, settings):
    due_now(settings)
    monkeypatch.setattr(sending, "BATCH", 5)
    readers = some_readers(30)
    digest = sending.due_digest()
    sending.prepare(digest)
    errors = []

    def run():
        try:
            sending.deliver(digest)
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    mails = received(smtp_server)
    assert sorted(mails) == sorted(reader.email for reader in readers)
    assert all(len(messages) == 1 for messages in mails.values())


def test_the_command_hands_the_work_to_the_task_queue(smtp_server, settings):
    from django.core.management import call_command

    due_now(settings)
    some_readers(2)
    call_command("send_newsletters")  # tasks run at once in tests (ImmediateBackend)
    assert len(smtp_server.messages) == 2


# --- An article taken down while a digest is being sent (issue 19, finding 7) --------------


def on_each_mail(smtp_server, before_answer, *, delay: float = 0.0):
    """Have the SMTP server call ``before_answer(n)`` as the nth mail arrives, in a thread
    of its own (it may use the database), and answer only when it returns and ``delay``
    seconds have passed: a mail server that takes its time."""
    taken = smtp_server.handle_DATA

    async def handle_DATA(server, session, envelope):
        number = len(smtp_server.messages) + 1
        await asyncio.get_running_loop().run_in_executor(None, before_answer, number)
        if delay:
            await asyncio.sleep(delay)
        return await taken(server, session, envelope)

    smtp_server.handle_DATA = handle_DATA  # looked up for each new connection


def unpublish_at(number: int, article: Article, editor, log: list):
    """``before_answer`` for ``on_each_mail``: as mail ``number`` arrives, the editor
    unpublishes ``article`` through the workflow, committed, before the server answers."""

    def before_answer(arrived: int) -> None:
        if arrived != number:
            return
        try:
            workflow.unpublish(Article.objects.get(pk=article.pk), editor)
            log.append(arrived)
        finally:
            connections.close_all()  # this thread's own connection

    return before_answer


def holding(smtp_server, article) -> list[bool]:
    """For each mail, in the order the server took them: whether it holds ``article``."""
    return [article.title in titles_in(message) for _, message in smtp_server.messages]


@pytest.fixture
def week_with_a_takedown(settings):
    """A digest due now of two articles, 20 subscribers of everything and an editor."""
    due = due_now(settings)
    leaving = ArticleFactory(title="Trækkes tilbage", published_at=due - timedelta(hours=1))
    staying = ArticleFactory(title="Bliver udgivet", published_at=due - timedelta(hours=2))
    for number in range(20):
        subscriber(f"laeser{number:02d}@example.org", everything=True)
    return leaving, staying, UserFactory(groups=["Redaktør"])


@pytest.mark.django_db(transaction=True)
def test_an_article_unpublished_mid_run_leaves_the_next_batches(
    smtp_server, monkeypatch, week_with_a_takedown
):
    """Each batch asks what is still public before its first mail: an unpublish that has
    committed is in no mail of a batch claimed after it."""
    leaving, staying, editor = week_with_a_takedown
    monkeypatch.setattr(sending, "BATCH", 5)
    monkeypatch.setattr(sending, "RECHECK_AFTER", 3600)  # only the batches' own question
    done = []
    on_each_mail(smtp_server, unpublish_at(7, leaving, editor, done))
    _, outcome = sending.send_due()
    assert done == [7] and outcome.sent == 20 and not outcome.stopped
    held = holding(smtp_server, leaving)
    assert held[:7] == [True] * 7  # written before the unpublish
    # Mails 8 to 10 were in mail 7's batch; from the next batch (mail 11) on, none holds it.
    assert held[10:] == [False] * 10
    assert all(staying.title in titles_in(message) for _, message in smtp_server.messages)
    delivered = Delivery.objects.filter(state=Delivery.State.SENT).order_by("sent_at", "pk")
    assert all(leaving.pk not in d.article_ids for d in delivered[10:])


@pytest.mark.django_db(transaction=True)
def test_a_slow_mail_server_does_not_stretch_the_window(smtp_server, week_with_a_takedown):
    """With a server that takes 0.3 s a mail, one batch of 200 would go on for a minute:
    within a batch, what is still public is asked again once the last answer is a second
    old, so no mail written a second after the unpublish holds the article."""
    leaving, _, editor = week_with_a_takedown
    Subscriber.objects.filter(email__gte="laeser12@example.org").delete()  # 12 are enough
    done = []
    on_each_mail(smtp_server, unpublish_at(2, leaving, editor, done), delay=0.3)
    _, outcome = sending.send_due()
    assert done == [2] and outcome.sent == 12
    held = holding(smtp_server, leaving)
    assert held[:2] == [True, True]
    # Mails 3 to 6 each took at least 0.3 s after the unpublish: mail 7 was written at least
    # 1.2 s after it, past RECHECK_AFTER (1 s), on a slow machine only later.
    assert sending.RECHECK_AFTER <= 1.2
    assert held[6:] == [False] * 6


@pytest.mark.django_db(transaction=True)
def test_a_digest_with_no_public_article_left_stops_and_says_so(
    smtp_server, monkeypatch, week_with_a_takedown
):
    leaving, staying, editor = week_with_a_takedown
    monkeypatch.setattr(sending, "BATCH", 5)

    def take_both_down(arrived: int) -> None:
        if arrived == 3:
            try:
                for article in (leaving, staying):
                    workflow.unpublish(Article.objects.get(pk=article.pk), editor)
            finally:
                connections.close_all()

    on_each_mail(smtp_server, take_both_down)
    digest, outcome = sending.send_due()
    assert outcome.sent == 5  # the first batch, begun before the takedown
    assert outcome.stopped == "ingen af nyhedsbrevets artikler er udgivet længere"
    assert str(outcome).endswith("stoppet: ingen af nyhedsbrevets artikler er udgivet længere")
    # No empty mail: the rest wait, pending, and later runs send nothing while it lasts.
    assert Delivery.objects.filter(digest=digest, state=Delivery.State.PENDING).count() == 15
    assert len(smtp_server.messages) == 5
    _, again = sending.send_due()
    assert again.stopped and again.sent == 0 and len(smtp_server.messages) == 5

    # An article back on the site (taken down by mistake): the next run sends the rest.
    with state_change():  # behind the workflow's back, on purpose
        Article.objects.filter(pk=staying.pk).update(status=Article.Status.PUBLISHED)
    _, resumed = sending.send_due()
    assert resumed.sent == 15 and not resumed.stopped
    assert all(leaving.title not in titles_in(m) for _, m in smtp_server.messages[5:])


def test_the_archive_never_shows_an_article_taken_down_after_the_digest_went_out(
    client, settings, committed, smtp_server
):
    """The digest's page and the archive's count, warm in the page cache, follow an
    unpublish at once."""
    settings.PAGE_CACHE_SECONDS = 600
    due = due_now(settings)
    leaving = ArticleFactory(title="Trækkes tilbage", published_at=due - timedelta(hours=1))
    ArticleFactory(title="Bliver udgivet", published_at=due - timedelta(hours=2))
    subscriber("laeser@example.org", everything=True)
    digest, _ = sending.send_due()
    url = digest.get_absolute_url()
    for _ in range(2):
        page = client.get(url)
        assert leaving.title in page.content.decode() and "2 artikler" in page.content.decode()
    assert "2 artikler" in client.get("/nyhedsbrev/arkiv/").content.decode()
    with committed():
        workflow.unpublish(leaving, UserFactory(groups=["Redaktør"]))
    page = client.get(url).content.decode()
    assert leaving.title not in page and leaving.get_absolute_url() not in page
    assert "1 artikel" in page
    assert "1 artikel<" in client.get("/nyhedsbrev/arkiv/").content.decode()


class TestCorrectionsInTheDigest:
    """Issue 22: the next digest to a subscriber who was mailed an article lists its
    corrections published since."""

    def test_the_next_digest_lists_corrections_of_what_the_reader_was_mailed(
        self, smtp_server, settings
    ):
        from corrections.models import Correction

        editor = UserFactory(username="rikke", groups=["Redaktør"])
        section, other_section = SectionFactory(name="Boligpolitik"), SectionFactory(name="Klima")
        first_due = timezone.now() - timedelta(days=8)
        settings.NEWSLETTER_WEEKDAY = timezone.localtime(first_due).weekday()
        settings.NEWSLETTER_HOUR = timezone.localtime(first_due).hour
        mailed = ArticleFactory(
            section=section, title="Huslejen stiger", published_at=first_due - timedelta(days=1)
        )
        subscriber("bolig@example.org", sections=[section])
        subscriber("klima@example.org", sections=[other_section])
        ArticleFactory(section=other_section, published_at=first_due - timedelta(days=1))
        sending.send_due(first_due + timedelta(minutes=30))
        assert len(smtp_server.messages) == 2

        workflow.propose_correction(
            mailed, editor, "rettelse", "Huslejen stiger 3,2 procent, ikke 5.", publish=True
        )
        withdrawn = workflow.propose_correction(
            mailed, editor, "opdatering", "En opdatering, der var forkert.", publish=True
        )
        workflow.withdraw_correction(withdrawn, editor, "Den var forkert.")
        for each in (section, other_section):
            ArticleFactory(section=each, published_at=first_due + timedelta(days=6))
        smtp_server.messages.clear()
        sending.send_due(first_due + timedelta(days=7, minutes=30))

        mails = received(smtp_server)
        housing = titles_in(mails["bolig@example.org"][0])
        assert "RETTELSER TIL ARTIKLER, DU HAR FÅET" in housing
        assert "Rettelse: Huslejen stiger" in housing and "3,2 procent, ikke 5." in housing
        assert "En opdatering, der var forkert." not in housing  # withdrawn: not mailed
        html = mails["bolig@example.org"][0].get_body(preferencelist=("html",)).get_content()
        assert "Rettelser til artikler, du har fået" in html
        # Never mailed the article: not told of its correction.
        assert "RETTELSER" not in titles_in(mails["klima@example.org"][0])
        assert Correction.objects.count() == 2
