"""`make bench`'s truly cold pages: how long a page takes to build when nothing at all is
cached for it (issue 20).

The "off" rows of bench/results.md rebuild each page with its fragments and remembered values
warm: what a miss costs right after the page alone expired. A page retired by a change of
content, or the first page a new worker serves, is colder: its cards, article body, header
and counts are rebuilt too. Here each sample is made that cold: the content version is
counted up (as a published change does, so every shared cache key is new), and this process
forgets what it keeps in memory (pages, fragments, remembered values, the versions).

Each sample is one GET through Django's test client in this process (no network, no gunicorn:
the page's own work), under production settings against the bench database and Redis, with
the page cache on; the template loader stays warm, as in any running worker. Reported per
kind of page: the median and the 90th percentile of BENCH_COLD_SAMPLES (30) samples, over
different pages of the kind where there are several, the SQL queries of one sample, and the
Python function calls a sample makes (the median, counted with cProfile in samples of their
own). The calls are the steady figure: on a shared machine whose speed varies by half from one
hour to the next, they change only with the code.

``run.py`` calls ``measure()`` and adds ``markdown()`` to bench/results.md; alone,
``python bench/cold_pages.py`` prints the table.
"""

from __future__ import annotations

import cProfile
import os
import pstats
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness
import run  # the benchmark's database, servers and settings

SAMPLES = int(os.environ.get("BENCH_COLD_SAMPLES", "30"))


@dataclass
class Cold:
    page: str
    median_ms: float
    p90_ms: float
    queries: int
    samples: int
    calls: int


def everything_forgotten() -> None:
    """As cold as a page can be in a running worker: a new content version (every shared key
    is new) and nothing kept in this process's memory."""
    from django.core.cache import caches
    from django.db import transaction

    from articles import caching
    from articles.caching import store

    with transaction.atomic():
        store.bump_content_version()
    caching.forget_local_state()
    caches["fragments"].clear()


def measure() -> list[Cold]:
    """Django must be set up (``run.setup_django``)."""
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from articles.models import Article, Section
    from goals.models import Goal

    articles = list(
        Article.objects.published()
        .order_by("-published_at")
        .values_list("slug", flat=True)[:SAMPLES]
    )
    sections = list(Section.objects.values_list("slug", flat=True))
    goals = list(Goal.objects.filter(programme__is_current=True).values_list("slug", flat=True))
    kinds = {
        "Article page": [f"/artikler/{slug}/" for slug in articles],
        "Front page": ["/"],
        "Section page": [f"/sektioner/{slug}/" for slug in sections],
        "Goal page": [f"/almene-maal/{slug}/" for slug in goals],
    }
    settings.PAGE_CACHE_SECONDS = 600  # as in production: a miss stores what it built
    client = Client()
    rows = []
    for page, urls in kinds.items():
        urls = [url for url in urls if client.get(url).status_code == 200]  # and warms templates
        timings = []
        for number in range(SAMPLES):
            url = urls[number % len(urls)]
            everything_forgotten()
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200 and response["X-Page-Cache"] == "miss", url
        # Counted apart from the timed samples: recording each query's SQL, or each call,
        # costs time too.
        queries = 0
        calls = []
        for url in urls[:SAMPLES]:
            everything_forgotten()
            with CaptureQueriesContext(connection) as captured:
                client.get(url)
            queries = max(queries, len(captured))
            everything_forgotten()
            profile = cProfile.Profile()
            profile.runcall(client.get, url)
            calls.append(pstats.Stats(profile).total_calls)
        timings.sort()
        rows.append(
            Cold(
                page,
                statistics.median(timings),
                timings[int(0.9 * (len(timings) - 1))],
                queries,
                len(timings),
                int(statistics.median(calls)),
            )
        )
        run.log(
            f"cold {page}: median {rows[-1].median_ms:.1f} ms, p90 {rows[-1].p90_ms:.1f} ms, "
            f"{queries} queries, {rows[-1].calls:,} calls"
        )
    return rows


def markdown(rows: list[Cold]) -> str:
    lines = [
        "## Truly cold pages",
        "",
        "Built in-process with nothing cached: a new content version and this process's memory",
        f"emptied before each of {SAMPLES} samples (bench/cold_pages.py); the template loader",
        'warm. Compare the "off" rows above, which keep fragments and remembered values warm.',
        "",
        "| page | median ms | p90 ms | SQL queries | Python calls | samples |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        lines.append(
            f"| {row.page} | {row.median_ms:.1f} | {row.p90_ms:.1f} | {row.queries} | "
            f"{row.calls:,} | {row.samples} |"
        )
    lines.append("")
    return "\n".join(lines)


def main() -> None:
    try:
        run.prepare_database()
        run.manage("collectstatic", "--noinput", quiet=True)
        run.setup_django(600)
        text = markdown(measure())
        print(f"- Machine: {harness.machine()}\n\n{text}")
    finally:
        run.shutil.rmtree(run.WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
