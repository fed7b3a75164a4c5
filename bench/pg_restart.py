"""Restart PostgreSQL while the site is under load, and see how it copes.

Serves the bench database with gunicorn (page cache off, so every request needs the
database), keeps 8 clients requesting article pages, restarts PostgreSQL after a few seconds
and reports: how many requests failed, when the failures started and stopped compared with
the restart, and how long after PostgreSQL answered again the site did too; gunicorn is not
restarted. `make bench-restart` runs it on the benchmark's database.
"""

import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run  # the benchmark's database, servers and settings

DURATION, RESTART_AT, CLIENTS = 24.0, 6.0, 8


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
    results: list[tuple[float, bool]] = []
    started = time.monotonic()
    stop = threading.Event()

    def client(number: int) -> None:
        i = number
        while not stop.is_set():
            url = f"http://127.0.0.1:{run.APP_PORT}/artikler/{slugs[i % len(slugs)]}/"
            i += 1
            try:
                with urllib.request.urlopen(url, timeout=10) as response:
                    ok = response.status == 200
            except (urllib.error.URLError, OSError):
                ok = False
            results.append((time.monotonic() - started, ok))

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

    failures = [t for t, ok in results if not ok]
    after_up = [t for t, ok in results if ok and t > up_at]
    print(f"requests: {len(results)}, failed: {len(failures)}")
    print(f"PostgreSQL restart from {down_at:.2f} s to {up_at:.2f} s")
    if failures:
        print(f"failures from {min(failures):.2f} s to {max(failures):.2f} s")
    if after_up:
        print(f"first success after PostgreSQL was back: {min(after_up) - up_at:.2f} s later")
    late = [t for t in failures if t > up_at + 5]
    print("recovered by itself" if not late else f"{len(late)} failures more than 5 s later")


if __name__ == "__main__":
    main()
