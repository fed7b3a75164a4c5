"""The subscription mails and the task worker under faults (issue 19, finding 12).

- A mail server that is down when a confirmation mail is sent: the mail is tried again after
  growing pauses and given up after a bounded number of attempts, and an attempt that did
  not leave takes no rate-limit slot of its address. The server is the test's real SMTP
  server (``smtp_server``), stopped and started; the tasks are queued in the database and run
  by the production worker (``task_queue``, ``work_off``); the time a retry waits for is let
  pass by making it due.
- The production worker (``manage.py task_worker``) in a process of its own, its database
  connection through a TCP proxy of the test's own (``tests.faults.CuttableProxy``): the proxy
  is cut for a few seconds, as when PostgreSQL restarts, and restored; the same process then
  runs what is queued. django-tasks-db's own ``db_worker`` exits at the cut.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from newsletter import confirmation, ratelimit
from newsletter.models import Subscriber

from .faults import CuttableProxy
from .test_newsletter_subscribe import (
    SENT,
    confirm_link,
    subscribe,
    subscriber,
    task_queue,  # noqa: F401  (a fixture)
    text_of,
    work_off,
)

# Every test here queues its tasks in the database, as in production.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("task_queue")]

ROOT = Path(__file__).resolve().parent.parent
ADDRESS = "lone.berg@example.org"
State = Subscriber.State
SEND = "newsletter.confirmation.send_subscriber_mail"


@pytest.fixture(autouse=True)
def fresh_counters():
    ratelimit.forget()
    yield
    ratelimit.forget()


def waiting_retries() -> list[DBTaskResult]:
    """The mails queued to be tried again, oldest first."""
    return list(DBTaskResult.objects.filter(task_path=SEND, status="READY").order_by("enqueued_at"))


def let_time_pass() -> None:
    """The retries' pauses are over: every queued task is due now."""
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())


# --- A mail server that is down ------------------------------------------------------------


def test_a_confirmation_mail_the_server_could_not_take_is_sent_when_it_is_back(
    client, committed, smtp_server, settings, caplog
):
    settings.NEWSLETTER_MAILS_PER_ADDRESS = 1
    smtp_server.stop()
    with caplog.at_level(logging.WARNING, logger="newsletter"):
        assert subscribe(client, committed, alt="on")["Location"] == SENT
        work_off(committed)
    [retry] = waiting_retries()
    assert retry.args_kwargs["args"] == [subscriber().pk, confirmation.CONFIRM, 2]
    pause = retry.run_after - retry.enqueued_at
    assert timedelta(seconds=50) < pause <= confirmation.RETRY_AFTER[0]
    assert "confirm mail to subscriber" in caplog.text and "attempt 1 of 6" in caplog.text

    # The mail did not leave, so its slot was given back: the reader, who got nothing, may
    # ask again within the hour (the limit is one mail), and that mail waits too.
    assert subscribe(client, committed, alt="on")["Location"] == SENT
    work_off(committed)
    assert len(waiting_retries()) == 2 and not smtp_server.messages

    smtp_server.start()
    let_time_pass()
    work_off(committed)
    # One mail leaves: the second retry finds the address's one slot of the hour taken.
    [(recipients, message)] = smtp_server.messages
    assert recipients == [ADDRESS]
    assert message["Subject"] == "Bekræft dit abonnement på Almene Nyheder"
    assert not waiting_retries()
    results = DBTaskResult.objects.filter(task_path=SEND).order_by("enqueued_at")
    assert [result.status for result in results] == ["SUCCESSFUL"] * 4
    assert sorted(result.return_value for result in results)[-2:] == [
        "ikke sendt: adressen har fået sine mails i denne time",
        "sendt i forsøg 2",
    ]
    client.post(confirm_link(message, settings))
    assert subscriber().state == State.CONFIRMED


def test_a_mail_is_given_up_after_its_attempts_with_growing_pauses(
    client, committed, smtp_server, settings, caplog
):
    settings.NEWSLETTER_MAILS_PER_ADDRESS = 1
    smtp_server.stop()
    subscribe(client, committed, alt="on")
    pauses = []
    with caplog.at_level(logging.WARNING, logger="newsletter"):
        for _ in range(confirmation.MAX_ATTEMPTS):
            work_off(committed)
            for retry in waiting_retries():
                pauses.append(retry.run_after - retry.enqueued_at)
            let_time_pass()
    assert len(pauses) == confirmation.MAX_ATTEMPTS - 1 == 5
    assert pauses == sorted(pauses) and pauses[-1] > timedelta(hours=3)
    for wanted, pause in zip(confirmation.RETRY_AFTER, pauses, strict=True):
        assert wanted - timedelta(seconds=5) < pause <= wanted
    last = DBTaskResult.objects.filter(task_path=SEND).order_by("-enqueued_at").first()
    assert last.status == "FAILED" and last.args_kwargs["args"][2] == 6
    assert last.exception_class_path == "newsletter.confirmation.MailNotSent"
    assert not waiting_retries()
    assert "given up after attempt 6 of 6" in caplog.text
    # Given up, and no slot held: the owner may ask for a new mail at once.
    smtp_server.start()
    subscribe(client, committed, alt="on")
    work_off(committed)
    assert len(smtp_server.messages) == 1


def test_an_address_refused_for_good_is_not_tried_again(client, committed, smtp_server):
    smtp_server.refused.add(ADDRESS)  # 550: no such user
    subscribe(client, committed, alt="on")
    work_off(committed)
    assert not waiting_retries() and not smtp_server.messages
    last = DBTaskResult.objects.get(task_path=SEND)
    assert last.status == "FAILED" and "550" in last.traceback


# --- The worker through a database restart (PostgreSQL) ------------------------------------


def worker_process(proxy: CuttableProxy, smtp_server, worker_id: str, log) -> subprocess.Popen:
    """``manage.py task_worker`` under production settings, its database reached through
    ``proxy``, its mail going to the test's SMTP server, its output to the file ``log``."""
    from django.conf import settings

    database = connection.settings_dict
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "REDIS_URL"}
    }
    environment |= {
        "DJANGO_SETTINGS_MODULE": "almene.settings.base",
        "DEBUG": "0",
        "SECRET_KEY": settings.SECRET_KEY,
        "ALLOWED_HOSTS": "localhost",
        "SINGLE_PROCESS": "1",
        "DATABASE_URL": (
            f"postgres://{database['USER'] or 'postgres'}@127.0.0.1:{proxy.port}/{database['NAME']}"
        ),
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_server.port),
        "SITE_URL": "https://almene.example.org",
        "LOG_LEVEL": "INFO",
    }
    return subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "task_worker",
            "--interval",
            "0.2",
            "--no-startup-delay",
            "--worker-id",
            worker_id,
        ],
        cwd=ROOT,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def stop(worker: subprocess.Popen, log) -> str:
    """Stop the worker as systemd does (SIGTERM); its output."""
    if worker.poll() is None:
        worker.send_signal(signal.SIGTERM)
    worker.wait(timeout=30)
    log.seek(0)
    return log.read().decode(errors="replace")


def wait_for(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"waited {seconds} s for {what}"
        time.sleep(0.1)


@pytest.fixture
def proxied_database():
    """A proxy of the test's own in front of the shared PostgreSQL, cut and restored by the
    test (PostgreSQL itself is never stopped: other test runs use it)."""
    database = connection.settings_dict
    proxy = CuttableProxy(database["HOST"] or "127.0.0.1", int(database["PORT"] or 5432))
    proxy.start()
    yield proxy
    proxy.close()


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="a database server that goes away and comes back needs PostgreSQL behind a TCP "
    "proxy; SQLite is a file in the worker's own process",
)
def test_the_worker_carries_on_after_the_database_was_away(smtp_server, proxied_database, tmp_path):
    waiting = Subscriber.objects.create(email="venter@example.org", state=State.PENDING)
    subscribed = Subscriber.objects.create(
        email="tilmeldt@example.org", state=State.CONFIRMED, confirmed_at=timezone.now()
    )
    log = (tmp_path / "worker.log").open("w+b")
    worker = worker_process(proxied_database, smtp_server, "arbejder-1", log)
    try:
        first = confirmation.send_subscriber_mail.enqueue(waiting.pk, confirmation.CONFIRM)
        # Its result written too: a cut between the mail and its result is the next test's.
        wait_for(
            lambda: DBTaskResult.objects.get(pk=first.id).status == "SUCCESSFUL",
            30,
            "the first mail",
        )
        assert len(smtp_server.messages) == 1

        proxied_database.cut()  # PostgreSQL "restarts": connections dropped, port refused
        time.sleep(3)
        assert worker.poll() is None, "the worker exited while the database was away"
        proxied_database.restore()

        second = confirmation.send_subscriber_mail.enqueue(
            subscribed.pk, confirmation.ALREADY_SUBSCRIBED
        )
        wait_for(
            lambda: DBTaskResult.objects.get(pk=second.id).status == "SUCCESSFUL",
            30,
            "the mail queued after it",
        )
        assert len(smtp_server.messages) == 2
        assert worker.poll() is None
        for queued in (first, second):
            result = DBTaskResult.objects.get(pk=queued.id)
            assert result.status == "SUCCESSFUL" and result.worker_ids == ["arbejder-1"]
        assert smtp_server.messages[1][0] == ["tilmeldt@example.org"]
    except AssertionError as error:
        raise AssertionError(f"{error}\nThe worker said:\n{stop(worker, log)}") from error
    finally:
        output = stop(worker, log)
    assert worker.returncode == 0, output
    assert "Database unavailable, worker_id=arbejder-1 waits for it" in output
    assert "worker_id=arbejder-1 carries on" in output


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="a database server that goes away and comes back needs PostgreSQL behind a TCP "
    "proxy; SQLite is a file in the worker's own process",
)
def test_a_task_running_when_the_database_went_away_is_run_again(
    smtp_server, proxied_database, tmp_path
):
    """The cut comes while the worker is sending a mail: the mail leaves, but its result
    cannot be written. The task is put back once the database is back, and run again: the
    mail may come twice, it is never lost, and nothing is left "running"."""
    waiting = Subscriber.objects.create(email="venter@example.org", state=State.PENDING)
    arrived = []
    taken = smtp_server.handle_DATA

    async def handle_DATA(server, session, envelope):
        arrived.append(time.monotonic())
        if len(arrived) == 1:
            proxied_database.cut()  # as the first mail is handed over
        return await taken(server, session, envelope)

    smtp_server.handle_DATA = handle_DATA
    log = (tmp_path / "worker.log").open("w+b")
    worker = worker_process(proxied_database, smtp_server, "arbejder-2", log)
    try:
        queued = confirmation.send_subscriber_mail.enqueue(waiting.pk, confirmation.CONFIRM)
        wait_for(lambda: arrived, 30, "the mail")
        time.sleep(2)
        assert worker.poll() is None
        proxied_database.restore()
        wait_for(
            lambda: DBTaskResult.objects.get(pk=queued.id).status == "SUCCESSFUL",
            30,
            "the task to be run again",
        )
        assert worker.poll() is None
        assert DBTaskResult.objects.get(pk=queued.id).worker_ids == ["arbejder-2"] * 2
        assert [recipients for recipients, _ in smtp_server.messages] == [
            ["venter@example.org"]
        ] * 2
        assert "/nyhedsbrev/bekraeft/" in text_of(smtp_server.messages[-1][1])
    finally:
        output = stop(worker, log)
    assert "put back in the queue" in output, output
