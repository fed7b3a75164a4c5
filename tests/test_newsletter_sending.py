"""The weekly digest (issue 14): due once a week, made once, sent once to every receiving
subscriber with the articles on their topics, resumable after a kill, never sent twice by two
senders, and with refused recipients and a mail server that is down handled."""

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

from newsletter import sending
from newsletter.models import Delivery, Digest, Subscriber

from .factories import ArticleFactory, AuthorFactory, GoalFactory, SectionFactory, TagFactory

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

    def test_no_query_of_the_articles_per_subscriber(self, smtp_server, settings):
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
