"""How long the subscribe form takes to answer, by the state of the address typed in: new,
waiting for confirmation, subscribed, unsubscribed (issue 19, finding 13).

The form must not tell whether an address is subscribed, neither by its page (the tests check
that, byte for byte) nor by its timing. Timings do not belong in tests (a busy machine makes
them flaky), so they are measured here: the form's POST is sent through Django's test client
in this process (no network, no gunicorn: the view's own work is what is measured), under
production settings (``almene.settings.base``, DEBUG off, the database task queue), against
PostgreSQL and, if ``REDIS_URL`` is set, Redis for the rate limits. The four kinds of address
take turns, so a slow moment of the machine falls on all of them alike.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/almene_subscribe_timing \\
        .venv/bin/python bench/newsletter_subscribe_timing.py [rounds]

The database is migrated first; what the run adds (its subscribers, the section it follows and
the queued tasks, which no worker must ever run) is deleted at the end.
"""

from __future__ import annotations

import os
import secrets
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DOMAIN = "timing.example.org"  # the run's addresses, told from any other by their domain
KINDS = ("ny", "venter", "tilmeldt", "afmeldt")

os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "almene.settings.base",
        "DEBUG": "0",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": os.environ.get(
            "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/almene_subscribe_timing"
        ),
        # No limit gets in the way of the measurement.
        "NEWSLETTER_MAILS_PER_ADDRESS": "1000000",
        "NEWSLETTER_MAILS_PER_CLIENT": "1000000",
        "LOG_LEVEL": "ERROR",
    }
)
if not os.environ.get("REDIS_URL"):
    os.environ["SINGLE_PROCESS"] = "1"


def main(rounds: int) -> None:
    import django

    # Static files are not collected for a measurement that serves none.
    warnings.filterwarnings("ignore", message="No directory at")

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from articles.models import Section
    from newsletter.models import Subscriber

    call_command("migrate", verbosity=0, interactive=False)
    started_at = timezone.now()
    section, _ = Section.objects.get_or_create(
        slug="maaling-af-tilmelding", defaults={"name": "Måling af tilmelding"}
    )
    State = Subscriber.State
    fixed = {
        "venter": Subscriber.objects.create(email=f"venter@{DOMAIN}", state=State.PENDING),
        "tilmeldt": Subscriber.objects.create(
            email=f"tilmeldt@{DOMAIN}", state=State.CONFIRMED, confirmed_at=timezone.now()
        ),
        "afmeldt": Subscriber.objects.create(
            email=f"afmeldt@{DOMAIN}", state=State.UNSUBSCRIBED, unsubscribed_at=timezone.now()
        ),
    }
    client = Client()
    times: dict[str, list[float]] = {kind: [] for kind in KINDS}
    try:
        for number in range(rounds + 10):
            for kind in KINDS:
                address = f"ny{number}@{DOMAIN}" if kind == "ny" else fixed[kind].email
                data = {"email": address, "sektioner": [section.slug]}
                begun = time.perf_counter()
                response = client.post("/nyhedsbrev/", data)
                elapsed = time.perf_counter() - begun
                assert response.status_code == 302, response.status_code
                if number >= 10:  # the first rounds warm the process up
                    times[kind].append(elapsed * 1000)
                # The address goes back to its state, so every round asks the same.
                Subscriber.objects.filter(pk=fixed["venter"].pk).update(state=State.PENDING)
                Subscriber.objects.filter(pk=fixed["tilmeldt"].pk).update(state=State.CONFIRMED)
                Subscriber.objects.filter(pk=fixed["afmeldt"].pk).update(state=State.UNSUBSCRIBED)
    finally:
        Subscriber.objects.filter(email__endswith=f"@{DOMAIN}").delete()
        DBTaskResult.objects.filter(enqueued_at__gte=started_at).delete()
        section.delete()
    print(f"Subscribe form, {rounds} POSTs an address kind (ms):")
    print("| address | median | p10 | p90 |")
    print("| --- | ---: | ---: | ---: |")
    for kind in KINDS:
        values = sorted(times[kind])
        p10, p90 = values[len(values) // 10], values[len(values) * 9 // 10]
        print(f"| {kind} | {statistics.median(values):.1f} | {p10:.1f} | {p90:.1f} |")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
