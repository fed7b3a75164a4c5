"""`make bench`'s newsletter row: one digest built and handed to a local SMTP server for
BENCH_SUBSCRIBERS (20,000) confirmed subscribers with mixed topics, through the sending
engine's own ``newsletter.sending.deliver``.

Each step runs in a process of its own, so each number is its own:

- ``--prepare``: makes the subscribers in the bench database (once: bulk_create, then one
  bulk_create per topic table; a later run finds them and adds nothing), a fresh bench digest
  of the articles of the last week, and a pending delivery for every receiving subscriber
  (``sending.prepare``);
- ``--sink PORT``: an SMTP server (aiosmtpd) that counts messages and throws them away. A
  process of its own, as a real mail server would be: in a thread of the sender it would share
  the sender's interpreter lock and slow it down by its own work;
- ``--deliver PORT``: ``deliver(digest)`` timed, its SQL statements counted as they run (and
  those that read the article table), and the process's peak memory (``getrusage``);
- ``--clean``: deletes the bench digest and its deliveries, so the bench database's numbering
  and archive hold no trace of it.

``run.py`` calls ``measure()`` and adds ``markdown()`` to bench/results.md; alone,
``python bench/newsletter_bench.py`` prints the table.
"""

from __future__ import annotations

import datetime
import json
import os
import platform
import random
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SUBSCRIBERS = int(os.environ.get("BENCH_SUBSCRIBERS", "20000"))
DOMAIN = "bench.example.org"  # the bench's subscribers, told from any other by their address
PERIOD = "bench"  # the bench digest's period: no real period is named so
NUMBER = 999_999
FIRST = 1000  # mails measured on their own, to show the queries per mail do not grow


def environment(base: dict[str, str] | None = None) -> dict[str, str]:
    """Production settings against the bench database (run.py passes its own)."""
    articles = os.environ.get("BENCH_ARTICLES", "3000")
    return (base or os.environ) | {
        "DJANGO_SETTINGS_MODULE": "almene.settings.base",
        "DEBUG": "0",
        "SECRET_KEY": (base or {}).get("SECRET_KEY") or secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": (base or {}).get("DATABASE_URL")
        or os.environ.get(
            "BENCH_DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/almene_bench_{articles}"
        ),
        "REDIS_URL": (base or {}).get("REDIS_URL")
        or os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3"),
        "LOG_LEVEL": "WARNING",
    }


def step(*args: str, env: dict[str, str]) -> dict:
    result = subprocess.run(
        [PYTHON, __file__, *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        sys.exit(f"newsletter bench {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def measure(base_env: dict[str, str] | None = None) -> dict:
    env = environment(base_env)
    load_at_start = os.getloadavg()
    prepared = step("--prepare", env=env)
    port = free_port()
    sink = subprocess.Popen(
        [PYTHON, __file__, "--sink", str(port)],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert sink.stdout.readline().strip() == "ready"
        delivered = step("--deliver", str(port), env=env)
    finally:
        received, _ = sink.communicate("", timeout=60)  # stdin closed: the sink stops
        step("--clean", env=env)
    delivered["received"] = int(received.strip().splitlines()[-1])
    delivered["load"] = (load_at_start, os.getloadavg())
    return prepared | delivered


# --- The steps, each in its own process -------------------------------------------------------


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def prepare_step() -> dict:
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    from django.db import transaction
    from django.utils import timezone

    from articles.models import Author, Section, Tag
    from goals.models import Goal
    from newsletter import content, sending
    from newsletter.models import Digest, Subscriber

    started = time.monotonic()
    made = 0
    bench = Subscriber.objects.filter(email__endswith=f"@{DOMAIN}")
    if bench.count() != SUBSCRIBERS:
        bench.delete()
        made = make_subscribers(Subscriber, Section, Tag, Author, Goal)
    seconds = time.monotonic() - started
    Digest.objects.filter(period=PERIOD).delete()
    now = timezone.now()
    with transaction.atomic():
        digest = Digest.objects.create(
            number=NUMBER, period=PERIOD, starts_at=now - sending.REACH, ends_at=now
        )
        articles = content.articles_between(digest.starts_at, now)
        digest.articles.set([article.id for article in articles])
    started = time.monotonic()
    deliveries = sending.prepare(digest)
    return {
        "subscribers": SUBSCRIBERS,
        "made": made,
        "make_seconds": seconds,
        "articles": len(articles),
        "deliveries": deliveries,
        "prepare_seconds": time.monotonic() - started,
    }


def make_subscribers(Subscriber, Section, Tag, Author, Goal) -> int:
    """SUBSCRIBERS confirmed subscribers with mixed topics: a tenth everything, the others one
    to three sections, tags, authors or goals, some two kinds at once. The same each time."""
    from django.db import transaction
    from django.utils import timezone

    rng = random.Random(2026)
    sections = list(Section.objects.values_list("pk", flat=True))
    tags = list(Tag.objects.values_list("pk", flat=True))
    authors = list(Author.objects.values_list("pk", flat=True))
    goals = list(Goal.objects.filter(programme__is_current=True).values_list("pk", flat=True))
    now = timezone.now()
    with transaction.atomic():
        people = Subscriber.objects.bulk_create(
            [
                Subscriber(
                    email=f"laeser{n:05d}@{DOMAIN}",
                    state=Subscriber.State.CONFIRMED,
                    everything=n % 10 == 0,
                    created_at=now,
                    confirmed_at=now,
                )
                for n in range(SUBSCRIBERS)
            ],
            batch_size=2000,
        )
        rows = {"sections": [], "tags": [], "authors": [], "goals": []}
        choices = {"sections": sections, "tags": tags, "authors": authors, "goals": goals}
        for n, person in enumerate(people):
            if n % 10 == 0:
                continue
            kinds = rng.sample(["sections", "tags", "authors", "goals"], k=1 + (n % 3 == 0))
            for kind in kinds:
                if choices[kind]:
                    for topic in rng.sample(choices[kind], k=min(len(choices[kind]), 1 + n % 3)):
                        rows[kind].append((person.pk, topic))
        columns = {"sections": "section_id", "tags": "tag_id", "authors": "author_id"}
        for kind, pairs in rows.items():
            through = getattr(Subscriber, kind).through
            column = columns.get(kind, "goal_id")
            through.objects.bulk_create(
                [through(subscriber_id=pk, **{column: topic}) for pk, topic in pairs],
                batch_size=5000,
            )
    return len(people)


def sink_step(port: int) -> None:
    from aiosmtpd.controller import Controller

    class Counter:
        received = 0

        async def handle_DATA(self, server, session, envelope):
            Counter.received += 1  # the message itself is thrown away
            return "250 OK"

    controller = Controller(Counter(), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    sys.stdin.read()  # until the bench closes it
    controller.stop()
    print(Counter.received, flush=True)


def deliver_step(port: int) -> dict:
    import resource

    from django.conf import settings
    from django.db import connection

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False

    from newsletter import mails, sending  # noqa: F401 - imported before the memory baseline
    from newsletter.models import Digest

    digest = Digest.objects.get(period=PERIOD)
    counts = {"queries": 0, "article_queries": 0}

    def count(execute, sql, params, many, context):
        # Counted, not kept: a log of 20,000 statements would weigh on the memory measured.
        counts["queries"] += 1
        counts["article_queries"] += '"articles_article"' in sql
        return execute(sql, params, many, context)

    baseline_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with connection.execute_wrapper(count):
        started = time.perf_counter()
        first = sending.deliver(digest, limit=FIRST)
        first_seconds = time.perf_counter() - started
        first_queries = counts["queries"]
        rest = sending.deliver(digest)
        seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    sent = first.sent + rest.sent
    handled_first = first.sent + first.nothing + first.retry + first.failed
    handled_rest = rest.sent + rest.nothing + rest.retry + rest.failed
    return {
        "sent": sent,
        "nothing": first.nothing + rest.nothing,
        "failed": first.failed + rest.failed + first.retry + rest.retry,
        "stopped": first.stopped or rest.stopped,
        "seconds": seconds,
        "mails_per_second": sent / seconds if seconds else 0.0,
        "first_mails_per_second": first.sent / first_seconds if first_seconds else 0.0,
        "queries": counts["queries"],
        "queries_per_1000_first": 1000 * first_queries / max(handled_first, 1),
        "queries_per_1000_rest": 1000 * (counts["queries"] - first_queries) / max(handled_rest, 1),
        "article_queries": counts["article_queries"],
        "baseline_mb": baseline_mb,
        "peak_mb": peak_mb,
    }


def clean_step() -> dict:
    from newsletter.models import Digest

    deleted, _ = Digest.objects.filter(period=PERIOD).delete()
    return {"cleaned": deleted}


# --- The table --------------------------------------------------------------------------------


def markdown(result: dict) -> str:
    r = result
    load = "; at the end: ".join(
        ", ".join(f"{value:.2f}" for value in values) for values in r["load"]
    )
    return "\n".join(
        [
            "## Newsletter: one digest to every subscriber",
            "",
            f"- Date: {datetime.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}; "
            f"{os.cpu_count()} cores, {platform.system()} {platform.release()}; the sender, the "
            "SMTP server and PostgreSQL share them",
            f"- Load average (1, 5, 15 min) at the start: {load}",
            "",
            "| subscribers | articles in the digest's window | mails sent | no news on their "
            "topics | failed | seconds | mails/s | SQL queries per 1,000 mails (first "
            f"{FIRST:,} · the rest) | queries of the article table | peak MB (before "
            "sending) |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
            f"| {r['subscribers']:,} | {r['articles']} | {r['sent']:,} | {r['nothing']:,} | "
            f"{r['failed']:,} | {r['seconds']:.1f} | {r['mails_per_second']:,.0f} | "
            f"{r['queries_per_1000_first']:,.0f} · {r['queries_per_1000_rest']:,.0f} | "
            f"{r['article_queries']} | {r['peak_mb']:.0f} ({r['baseline_mb']:.0f}) |",
            "",
            "`newsletter.sending.deliver` for one digest to every confirmed subscriber in the "
            "bench",
            f"database ({r['subscribers']:,}, made once with bulk_create; a tenth follow "
            "everything, the others",
            "sections, tags, authors or goals), each mail built by `newsletter.mails."
            "digest_message` and",
            "handed over SMTP to a local aiosmtpd server in a process of its own that counts and",
            "discards them. The window is the sending engine's reach "
            "(`sending.REACH`): the subscribers",
            "are new, so each gets up to 30 articles of the last month on their topics. "
            f"The received count ({r['received']:,})",
            "is the server's. SQL queries are counted as they run: per 1,000 mails for the "
            f"first {FIRST:,} and for",
            "the rest, the same when the work per subscriber does not grow; "
            "the article table is read",
            "once per `deliver` call, never per subscriber. Peak MB is the sending process's peak",
            "resident memory (`getrusage`); in brackets, its peak before the first mail. "
            f"Making the {r['deliveries']:,}",
            f"pending deliveries (`sending.prepare`) took {r['prepare_seconds']:.1f} s and "
            "is not in the time.",
            "",
        ]
    )


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1].startswith("--"):
        command, *args = sys.argv[1:]
        if command == "--sink":
            sink_step(int(args[0]))
            return
        setup_django()
        result = {
            "--prepare": prepare_step,
            "--deliver": lambda: deliver_step(int(args[0])),
            "--clean": clean_step,
        }[command]()
        print(json.dumps(result))
        return
    # Alone: the newsletter's table in bench/results.md is replaced by this run's.
    text = markdown(measure())
    print(text)
    results = ROOT / "bench" / "results.md"
    if results.exists():
        kept = results.read_text().split("## Newsletter: ", 1)[0].rstrip("\n")
        results.write_text(f"{kept}\n\n{text}")


if __name__ == "__main__":
    main()
