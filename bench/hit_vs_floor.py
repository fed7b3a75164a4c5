"""`make bench-floor`: an anonymous cached article page side by side with the floor (issue 20,
item 6).

The floor is a bare Django view returning the same number of bytes from memory
(bench/floor.py): what gunicorn, the WSGI layer and wrk cost on this machine with nothing of
the site in the way. A page-cache hit should cost little more than a lookup and a write, so
its rate should stay near the floor's.

Both servers run at once, each with WORKERS (2) sync workers (gunicorn.conf.py), against the
bench database and Redis; the article page is warmed (stored, and kept in each worker's
memory), then wrk (8 connections, BENCH_SECONDS each) loads the floor and the page in turn,
ROUNDS (2) times, so that both meet the machine in the same state. Each round's ratio and the
median go to bench/results-hit-vs-floor.md.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run  # the benchmark's database, servers and settings
from harness import Server, conditions

WORKERS = int(os.environ.get("BENCH_FLOOR_WORKERS", "2"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "2"))
RESULTS = Path(__file__).resolve().parent / "results-hit-vs-floor.md"


def main() -> None:
    started = time.monotonic()
    load_at_start = os.getloadavg()
    servers: list[Server] = []
    try:
        run.prepare_database()
        import redis

        redis.Redis.from_url(run.REDIS_URL).flushdb()
        run.manage("collectstatic", "--noinput", quiet=True)
        run.setup_django(600)
        from articles.models import Article

        slug = (
            Article.objects.published().order_by("-published_at").values_list("slug", flat=True)[0]
        )
        page = run.Scenario("Article page", [f"/artikler/{slug}/"])
        site = Server(
            "almene.wsgi",
            run.APP_PORT,
            run.production_environment(600) | {"WEB_CONCURRENCY": str(WORKERS)},
        )
        servers.append(site)
        page_bytes = run.fetch_bytes(run.APP_PORT, page.paths[0])
        floor = Server(
            "bench.floor:application",
            run.FLOOR_PORT,
            os.environ
            | {
                "FLOOR_BYTES": str(page_bytes),
                "WEB_CONCURRENCY": str(WORKERS),
                "GUNICORN_ACCESS_LOG": "",
                "GUNICORN_LOG_LEVEL": "warning",
            },
        )
        servers.append(floor)
        floor_page = run.Scenario("Floor", ["/"])
        assert run.fetch_bytes(run.FLOOR_PORT, "/") == page_bytes
        # Warm-up: the page stored, and in every worker's memory; both servers' code warm.
        run.wrk(run.APP_PORT, page, 3)
        run.wrk(run.FLOOR_PORT, floor_page, 3)
        rounds = []
        for number in range(ROUNDS):
            floor_figures = run.wrk(run.FLOOR_PORT, floor_page, run.SECONDS)
            page_figures = run.wrk(run.APP_PORT, page, run.SECONDS)
            rounds.append((floor_figures, page_figures))
            run.log(
                f"round {number + 1}: floor {floor_figures[0]:,.0f} req/s, cached article "
                f"page {page_figures[0]:,.0f} req/s: {page_figures[0] / floor_figures[0]:.2f}×"
            )
        text = report(rounds, page_bytes, time.monotonic() - started, load_at_start)
        RESULTS.write_text(text)
        print(text)
    finally:
        for server in servers:
            server.stop()
        run.shutil.rmtree(run.WORK, ignore_errors=True)


def report(rounds, page_bytes: int, seconds: float, load_at_start) -> str:
    ratios = [page[0] / floor[0] for floor, page in rounds]
    lines = [
        "# A cached article page against the floor",
        "",
        *conditions("wrk and both servers share it", load_at_start, os.getloadavg()),
        f"- {run.ARTICLES:,} articles on PostgreSQL, Redis as the cache; each server gunicorn "
        f"with {WORKERS} sync workers; wrk 2 threads, {run.CONNECTIONS} connections, "
        f"{run.SECONDS} s a row, floor and page in turn, {len(rounds)} rounds after a warm-up",
        f"- Floor: a bare Django view returning the page's {page_bytes:,} bytes from memory "
        "(bench/floor.py)",
        f"- The run took {seconds / 60:.1f} min",
        "",
        "| round | floor req/s | floor p50 ms | floor p99 ms | page req/s | page p50 ms | "
        "page p99 ms | page errors | page ÷ floor |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for number, (floor, page) in enumerate(rounds, 1):
        lines.append(
            f"| {number} | {floor[0]:,.0f} | {floor[1]:.1f} | {floor[2]:.1f} | {page[0]:,.0f} | "
            f"{page[1]:.1f} | {page[2]:.1f} | {page[3]} | {page[0] / floor[0]:.2f}× |"
        )
    lines += ["", f"Median ratio: **{statistics.median(ratios):.2f}×**.", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
