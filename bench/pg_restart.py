"""Restart PostgreSQL while the site is under load, and see how it copes.

Serves the bench database with gunicorn (page cache off, so every request needs the
database), keeps 8 clients requesting article pages, restarts PostgreSQL after a few seconds
and reports: the answers by kind (200, 200 from a stale copy, 503, 500, no answer at all),
when the answers other than a fresh 200 started and stopped compared with the restart, and
how long after PostgreSQL answered again the site did too; gunicorn is not restarted.
`make bench-restart` runs it on the benchmark's database.

While the database is away the designed answer is the page's last good copy
(``X-Page-Cache: stale``) or a 503 with Retry-After (almene/outage.py); a 500 or a dropped
connection is a failure. With the page cache off no page was ever stored, so expect 503s.
"""

import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run  # the benchmark's database, servers and settings

DURATION, RESTART_AT, CLIENTS = 24.0, 6.0, 8
FRESH, STALE, NO_ANSWER = "200", "200 stale", "no answer"
# What a reader should get while the database is away; anything else counts as a failure.
DESIGNED = {FRESH, STALE, "503"}


def answer_kind(status: int, headers) -> str:
    """The kind of an answer: "200", "200 stale" (the last good copy, marked by the
    X-Page-Cache header) or the status code."""
    if status == 200:
        return STALE if headers.get("X-Page-Cache") == "stale" else FRESH
    return str(status)


def postgres_cluster() -> list[str]:
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    return ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main"]


def main() -> None:
    run.prepare_database()
    run.manage("collectstatic", "--noinput", quiet=True)
    run.setup_django(0)
    from articles.models import Article

    slugs = list(Article.objects.published().values_list("slug", flat=True)[:50])
    server = run.Server("almene.wsgi", run.APP_PORT, run.production_environment(0))
    results: list[tuple[float, str]] = []
    started = time.monotonic()
    stop = threading.Event()

    def client(number: int) -> None:
        i = number
        while not stop.is_set():
            url = f"http://127.0.0.1:{run.APP_PORT}/artikler/{slugs[i % len(slugs)]}/"
            i += 1
            try:
                with urllib.request.urlopen(url, timeout=10) as response:
                    response.read()
                    kind = answer_kind(response.status, response.headers)
            except urllib.error.HTTPError as error:  # 4xx/5xx: an answer, with its headers
                kind = answer_kind(error.code, error.headers)
            except (urllib.error.URLError, OSError):
                kind = NO_ANSWER
            results.append((time.monotonic() - started, kind))

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    try:
        for thread in threads:
            thread.start()
        time.sleep(RESTART_AT)
        down_at = time.monotonic() - started
        subprocess.run([*postgres_cluster(), "restart"], check=True)
        up_at = time.monotonic() - started
        time.sleep(DURATION - up_at)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
        server.stop()

    counts = Counter(kind for _, kind in results)
    usual = [FRESH, STALE, "503", "500", NO_ANSWER]
    kinds = [*usual, *sorted(set(counts) - set(usual))]
    print(f"requests: {len(results)}, " + ", ".join(f"{kind}: {counts[kind]}" for kind in kinds))
    failures = [t for t, kind in results if kind not in DESIGNED]
    print(f"failed (neither a page nor a designed 503): {len(failures)}")
    print(f"PostgreSQL restart from {down_at:.2f} s to {up_at:.2f} s")
    unusual = [t for t, kind in results if kind != FRESH]
    if unusual:
        print(f"answers other than a fresh 200 from {min(unusual):.2f} s to {max(unusual):.2f} s")
    if failures:
        print(f"failures from {min(failures):.2f} s to {max(failures):.2f} s")
    after_up = [t for t, kind in results if kind == FRESH and t > up_at]
    if after_up:
        print(f"first fresh page after PostgreSQL was back: {min(after_up) - up_at:.2f} s later")
    late = [t for t in unusual if t > up_at + 5]
    print("recovered by itself" if not late else f"{len(late)} unusual answers more than 5 s later")


if __name__ == "__main__":
    main()
