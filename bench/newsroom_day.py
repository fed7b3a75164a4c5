"""`make bench`'s "newsroom day": readers' speed while the newsroom works (issue 20).

Readers: wrk, 2 threads and BENCH_CONNECTIONS (8) connections over the front page and 200
article pages, with the full-page cache on, every page stored before the first phase. Two
phases, alternated twice, each BENCH_NEWSROOM_SECONDS (60) long:

- *readers only*;
- *newsroom at work*: the same load while, in this process, a journalist's draft is saved
  every 2 s (``Article.save``: the path of the change form and of autosave, signals and all)
  and an editor publishes a finished article every 60 s (``workflow.publish``), the first
  half-way into the phase.

Each phase reports requests/s, p50 and p99 latency, and the share of answers that came from
the page cache (``X-Page-Cache: hit``, counted by wrk's script). The drafts and articles the
run makes are deleted at the end, so the bench database keeps its articles.

``run.py`` calls ``measure()`` and adds ``markdown()`` to bench/results.md; alone,
``python bench/newsroom_day.py`` (``make bench-newsroom``) prints the table and writes
bench/results-newsroom-day.md.
"""

from __future__ import annotations

import datetime
import os
import re
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run  # the benchmark's database, servers and settings
from harness import Server, machine

PHASE_SECONDS = int(os.environ.get("BENCH_NEWSROOM_SECONDS", "60"))
DRAFT_EVERY = 2.0
PUBLISH_EVERY = 60.0
ROUNDS = 2
READERS, NEWSROOM = "readers only", "newsroom at work"
BENCH_TITLE = "Bench: redaktionens dag"  # the articles this run makes, found again by it
RESULTS = run.ROOT / "bench" / "results-newsroom-day.md"


@dataclass
class Phase:
    name: str
    round: int
    rps: float
    p50: float
    p99: float
    errors: int
    hits: int  # in the order load() returns them
    answers: int
    drafts_saved: int = 0
    published: int = 0

    @property
    def hit_ratio(self) -> float:
        return self.hits / self.answers if self.answers else float("nan")


def script(paths: list[str]) -> Path:
    """wrk's script: cycles through ``paths`` and counts the answers from the page cache."""
    lines = [
        "local paths = {" + ",".join(f'"{path}"' for path in paths) + "}",
        "local threads, all = 0, {}",
        "function setup(thread)",
        "  thread:set('offset', threads * math.floor(#paths / 2))",
        "  threads = threads + 1",
        "  table.insert(all, thread)",
        "end",
        # Globals: done() reads each thread's through thread:get, which sees no locals.
        "local i = 0",
        "hits, others = 0, 0",
        "request = function()",
        "  i = i + 1",
        "  return wrk.format(nil, paths[((i + (offset or 0)) % #paths) + 1])",
        "end",
        "response = function(status, headers, body)",
        "  if headers['X-Page-Cache'] == 'hit' then hits = hits + 1 else others = others + 1 end",
        "end",
        "done = function(summary, latency, requests)",
        "  local h, o = 0, 0",
        "  for _, thread in ipairs(all) do",
        "    h = h + thread:get('hits')",
        "    o = o + thread:get('others')",
        "  end",
        "  io.write(string.format('PAGE-CACHE %d %d\\n', h, h + o))",
        "end",
    ]
    path = run.WORK / "newsroom-day.lua"
    path.write_text("\n".join(lines) + "\n")
    return path


def load(paths: list[str], seconds: int) -> tuple[float, float, float, int, int, int]:
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{run.CONNECTIONS}",
            f"-d{seconds}s",
            "--latency",
            "-s",
            str(script(paths)),
            f"http://127.0.0.1:{run.APP_PORT}",
        ],
        capture_output=True,
        text=True,
    )
    if output.returncode:
        sys.exit(f"wrk failed: {output.stderr or output.stdout}")
    output = output.stdout
    rps, p50, p99, errors = run.wrk_figures(output)
    hits, answers = (int(n) for n in re.search(r"PAGE-CACHE (\d+) (\d+)", output).groups())
    return rps, p50, p99, errors, hits, answers


class Newsroom:
    """A journalist saving a draft every DRAFT_EVERY seconds and an editor publishing a
    finished article every PUBLISH_EVERY seconds, in a thread of this process."""

    def __init__(self):
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group

        from articles.models import Article

        users = get_user_model()
        self.editor, _ = users.objects.get_or_create(username="bench-redaktoer")
        self.editor.groups.add(Group.objects.get(name="Redaktør"))
        template = Article.objects.published().exclude(hero_image="").order_by("-pk").first()
        # The journalist's draft, and enough finished articles for every publication.
        self.draft = self.copy(template, "kladde")
        self.finished = [self.copy(template, f"færdig {n}") for n in range(ROUNDS + 1)]
        self.stop = threading.Event()
        self.drafts_saved = self.published = 0

    @staticmethod
    def copy(template, suffix):
        from articles.models import Article, ArticleAuthor

        skipped = {"id", "slug", "status", "published_at", "front_page", "created_at"}
        article = Article(
            **{
                field.attname: getattr(template, field.attname)
                for field in Article._meta.concrete_fields
                if field.attname not in skipped
            }
        )
        article.title = f"{BENCH_TITLE} {suffix}"
        article.save()
        authors = list(template.bylines.values_list("author_id", flat=True))
        ArticleAuthor.objects.bulk_create(
            ArticleAuthor(article=article, author_id=author, position=position)
            for position, author in enumerate(authors)
        )
        return article

    def work(self, seconds: float) -> tuple[int, int]:
        """Saves and publishes for ``seconds``; (drafts saved, articles published)."""
        from newsroom import workflow

        saved = published = 0
        started = time.monotonic()
        next_publication = started + PUBLISH_EVERY / 2
        while (now := time.monotonic()) - started < seconds:
            self.draft.body = f"<p>Kladden gemt kl. {datetime.datetime.now():%H:%M:%S}.</p>"
            self.draft.save()
            saved += 1
            if now >= next_publication and self.finished:
                workflow.publish(self.finished.pop(0), self.editor)
                published += 1
                next_publication += PUBLISH_EVERY
            time.sleep(max(0.0, DRAFT_EVERY - (time.monotonic() - now)))
        return saved, published

    @staticmethod
    def clean() -> None:
        from articles.models import Article

        Article.objects.filter(title__startswith=BENCH_TITLE).delete()


def measure(server_started: bool = False) -> list[Phase]:
    """The phases, alternated ROUNDS times. Django must be set up (``run.setup_django``)."""
    from articles.models import Article

    Newsroom.clean()  # what an interrupted run left
    slugs = list(
        Article.objects.published().order_by("-published_at").values_list("slug", flat=True)[:200]
    )
    paths = ["/"] + [f"/artikler/{slug}/" for slug in slugs]
    server = (
        None
        if server_started
        else Server("almene.wsgi", run.APP_PORT, run.production_environment(600))
    )
    phases: list[Phase] = []
    try:
        newsroom = Newsroom()
        load(paths, 2 + len(paths) // 40)  # every page stored
        for number in range(1, ROUNDS + 1):
            phases.append(Phase(READERS, number, *load(paths, PHASE_SECONDS)))
            outcome: list[tuple[int, int]] = []
            worker = threading.Thread(
                target=lambda into: into.append(newsroom.work(PHASE_SECONDS)),
                args=(outcome,),
                daemon=True,
            )
            worker.start()
            phase = Phase(NEWSROOM, number, *load(paths, PHASE_SECONDS))
            worker.join()
            phase.drafts_saved, phase.published = outcome[0]
            phases.append(phase)
            load(paths, 2 + len(paths) // 40)  # the next readers-only phase starts stored
            for phase in phases[-2:]:
                run.log(
                    f"newsroom day, {phase.name} ({number}): {phase.rps:.0f} req/s, "
                    f"p50 {phase.p50:.1f} ms, p99 {phase.p99:.1f} ms, "
                    f"page cache hits {phase.hit_ratio:.1%}"
                )
    finally:
        Newsroom.clean()
        if server is not None:
            server.stop()
    return phases


def markdown(phases: list[Phase]) -> str:
    def median(name, attribute):
        return statistics.median(getattr(p, attribute) for p in phases if p.name == name)

    readers_rps, newsroom_rps = median(READERS, "rps"), median(NEWSROOM, "rps")
    readers_p99, newsroom_p99 = median(READERS, "p99"), median(NEWSROOM, "p99")
    lines = [
        "## Newsroom day: readers while the newsroom works",
        "",
        f"The front page and 200 article pages, {run.CONNECTIONS} connections, page cache on; "
        f'{PHASE_SECONDS} s phases alternated {ROUNDS} times. "{NEWSROOM}": a draft saved '
        f"every {DRAFT_EVERY:.0f} s and an article published every {PUBLISH_EVERY:.0f} s "
        "(the first half-way into the phase), in the bench process (bench/newsroom_day.py).",
        "",
        "| phase | round | requests/s | p50 ms | p99 ms | errors | page-cache hits | "
        "drafts saved | published |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for p in phases:
        lines.append(
            f"| {p.name} | {p.round} | {p.rps:,.0f} | {p.p50:.1f} | {p.p99:.1f} | {p.errors} | "
            f"{p.hit_ratio:.1%} | {p.drafts_saved} | {p.published} |"
        )
    lines += [
        "",
        f"Medians: newsroom at work serves **{newsroom_rps / readers_rps:.2f}×** the "
        f"readers-only rate (target at least 0.8×), p99 **{newsroom_p99 / readers_p99:.2f}×** "
        "(target at most 2×).",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    if not run.shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")
    try:
        run.prepare_database()
        import redis

        redis.Redis.from_url(run.REDIS_URL).flushdb()
        run.manage("collectstatic", "--noinput", quiet=True)
        run.setup_django(600)
        phases = measure()
        text = "\n".join(
            [
                "# Newsroom day",
                "",
                f"- Date: {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
                f"- Machine: {machine()}; wrk, gunicorn and the newsroom share it",
                f"- {run.ARTICLES:,} articles on PostgreSQL, Redis as the cache; gunicorn "
                f"with {run.WORKERS} sync workers, DEBUG off",
                "",
                markdown(phases),
            ]
        )
        RESULTS.write_text(text)
        print(text)
    finally:
        run.shutil.rmtree(run.WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
