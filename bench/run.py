"""`make bench`: load the site under production settings and write bench/results.md.

1. Seeds a PostgreSQL database (BENCH_DATABASE_URL) with BENCH_ARTICLES articles, unless it
   holds exactly that many already, and analyses it.
2. Serves the site with gunicorn (gunicorn.conf.py, DEBUG off, WhiteNoise, Redis as the cache)
   and, for comparison, a bare Django view returning a page of the same size (bench/floor.py).
3. Loads each page with wrk from this process for BENCH_SECONDS with BENCH_CONNECTIONS
   connections: with the full-page cache off (PAGE_CACHE_SECONDS=0) and, where it applies, on.
   With the cache on, the article page, the front page and the archive are also loaded as a
   reader with a reading list (the signed `laeseliste` cookie) and as a logged-in reader (a
   session cookie), whose pages are built for them; each such answer is checked first (200,
   private, the reader's count in the header, the benched article's button pressed).
4. Prints a table and writes it to bench/results.md: requests/s, p50 and p99 latency, SQL
   queries per request, HTML bytes, peak memory per worker, the ratio to the page's
   anonymous cached row and to the floor, and the machine. Everything it started is stopped
   at the end.
5. Builds truly cold pages in this process (bench/cold_pages.py), and runs the "newsroom
   day" (bench/newsroom_day.py): readers' load while drafts are saved and articles
   published, against readers alone, with the page cache's hit ratio.
6. Sends one newsletter digest to BENCH_SUBSCRIBERS (20,000) subscribers through a local SMTP
   server and adds its own table: mails/s, SQL queries per 1,000 mails, peak memory
   (bench/newsletter_bench.py).
"""

from __future__ import annotations

import os
import random
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import harness
import newsletter_bench
from harness import Server, conditions, wrk_figures

ROOT = Path(__file__).resolve().parent.parent
# The Django set up in this process (queries, readers, sessions) is the code of this tree, like
# the servers' (they run from ROOT), and not whatever the virtualenv's editable install names.
sys.path.insert(0, str(ROOT))
PYTHON = sys.executable
BIN = Path(sys.executable).parent

ARTICLES = int(os.environ.get("BENCH_ARTICLES", "3000"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
WORKERS = int(os.environ.get("BENCH_WORKERS", str((os.cpu_count() or 1) * 2)))
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/almene_bench_{ARTICLES}"
)
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3")
APP_PORT, FLOOR_PORT = 8765, 8766
NEW_WORDS = 6000  # more than a run can ask for in BENCH_SECONDS
RESULTS = ROOT / "bench" / ("results.md" if ARTICLES == 3000 else f"results-{ARTICLES}.md")
# The personal rows' readers: each has these articles on the list (the benched article among
# them, and one marked read), so the header counts them and the buttons say so.
LIST_POSITIONS = (0, 5, 12, 19, 60)  # places among the newest published articles
BENCHED_POSITION = 5  # the article page's article
READ_POSITION = 12
BENCH_USERNAME = "bench-laeser"
ANONYMOUS, WITH_LIST, LOGGED_IN = "anonymous", "reader with a list", "logged-in reader"
# Browsers ask for gzip (wrk does not, unless told): the stored page goes out as it was
# compressed when it was stored; a reader's own page is compressed for them.
ANONYMOUS_GZIP, WITH_LIST_GZIP = "anonymous, taking gzip", "reader with a list, taking gzip"
GZIP = {"Accept-Encoding": "gzip"}


def log(message: str) -> None:
    print(f"[bench] {message}", flush=True)


def production_environment(page_cache_seconds: int) -> dict[str, str]:
    return os.environ | {
        "DJANGO_SETTINGS_MODULE": "almene.settings.base",
        "DEBUG": "0",
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "MEDIA_ROOT": str(MEDIA_ROOT),
        "STATIC_ROOT": str(STATIC_ROOT),
        "PAGE_CACHE_SECONDS": str(page_cache_seconds),
        "WEB_CONCURRENCY": str(WORKERS),
        "GUNICORN_MAX_REQUESTS": "0",  # keep the workers, so their peak memory is measured
        "GUNICORN_ACCESS_LOG": "",
        "GUNICORN_LOG_LEVEL": "warning",
        "LOG_LEVEL": "WARNING",
    }


SECRET_KEY = secrets.token_urlsafe(50)
WORK = Path(tempfile.mkdtemp(prefix="almene-bench-"))
MEDIA_ROOT = Path(os.environ.get("BENCH_MEDIA_ROOT", ROOT / "var" / "bench-media"))
STATIC_ROOT = WORK / "static"


# --- Preparing the database ---------------------------------------------------------------


def manage(*args: str, env: dict[str, str] | None = None, quiet: bool = False) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env or production_environment(0),
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    if not quiet and result.stdout.strip():
        log(result.stdout.strip().splitlines()[-1])
    return result.stdout


def prepare_database() -> float:
    import psycopg

    name = DATABASE_URL.rsplit("/", 1)[1]
    server = DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if exists:
            with psycopg.connect(DATABASE_URL) as database:
                try:
                    count = database.execute("SELECT count(*) FROM articles_article").fetchone()[0]
                except psycopg.errors.UndefinedTable:
                    count = -1
            if count == ARTICLES:
                log(f"{name} already holds {ARTICLES} articles")
                manage("migrate", "--noinput", quiet=True)
                return 0.0
            connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    log(f"seeding {ARTICLES} articles into {name}")
    manage("migrate", "--noinput", quiet=True)
    started = time.monotonic()
    manage("seed_demo", "--articles", str(ARTICLES))
    seconds = time.monotonic() - started
    with psycopg.connect(DATABASE_URL, autocommit=True) as database:
        database.execute("VACUUM ANALYZE")
    return seconds


# --- Servers ------------------------------------------------------------------------------


# --- Load ---------------------------------------------------------------------------------


@dataclass
class Scenario:
    name: str
    paths: list[str]
    # The page cache settings it is measured under: "off" (PAGE_CACHE_SECONDS=0), "on".
    modes: tuple[str, ...] = ("off", "on")
    method: str = "GET"
    body: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    cookies: list[str] = field(default_factory=list)
    body_values: list[int] = field(default_factory=list)  # cycled through the body's %d
    # Paths for the warm-up, when it must not touch the measured ones (searches for words
    # never asked before), and the pair for counting queries: the first warms, the second
    # is counted.
    warmup_paths: list[str] = field(default_factory=list)
    probe_paths: list[str] = field(default_factory=list)
    # Who asks: ANONYMOUS, or a reader whose pages are built for them (WITH_LIST, LOGGED_IN),
    # on the same page as the anonymous row named ``page``. For those, what the answer must
    # show before it is timed: the header's count, and an article whose button is pressed.
    reader: str = ANONYMOUS
    page: str = ""
    expected_count: int = 0
    on_list: int = 0
    on_list_required: bool = False


@dataclass
class Result:
    scenario: str
    mode: str
    rps: float
    p50: float
    p99: float
    errors: int
    queries: int | str
    html_bytes: int
    memory_mb: float
    floor_ratio: float = float("nan")
    page: str = ""
    reader: str = ANONYMOUS
    cached_ratio: float = float("nan")  # of the same page's anonymous row, page cache on


def lua_script(scenario: Scenario, paths: list[str] | None = None) -> Path:
    """A wrk script cycling through the scenario's paths (and cookies, and POST bodies)."""
    return harness.lua_script(
        WORK / f"{re.sub(r'[^a-z0-9]+', '-', scenario.name.lower())}.lua",
        paths or scenario.paths,
        method=scenario.method,
        headers=scenario.headers,
        cookies=scenario.cookies,
        body=scenario.body,
        body_values=scenario.body_values,
    )


def wrk(
    port: int, scenario: Scenario, seconds: int, paths: list[str] | None = None
) -> tuple[float, float, float, int]:
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{seconds}s",
            "--latency",
            "-s",
            str(lua_script(scenario, paths)),
            f"http://127.0.0.1:{port}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return wrk_figures(output)


def fetch_bytes(port: int, path: str, cookie: str = "", headers: dict | None = None) -> int:
    """The bytes sent for ``path``: compressed, for a row that asks for gzip."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers or {})
    if cookie:
        request.add_header("Cookie", cookie)
    with urllib.request.urlopen(request) as response:
        return len(response.read())


def check_personal(port: int, scenario: Scenario) -> None:
    """Stops the run unless the served page is the reader's own: a row that measured the
    anonymous page instead (a cookie the site did not accept) would be worthless."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}{scenario.paths[0]}")
    request.add_header("Cookie", scenario.cookies[0])
    with urllib.request.urlopen(request) as response:
        status = response.status
        cache_control = response.headers.get("Cache-Control", "")
        set_cookie = response.headers.get_all("Set-Cookie") or []
        html = response.read().decode()
    problems = []
    if status != 200:
        problems.append(f"status {status}")
    if "private" not in cache_control or "public" in cache_control:
        problems.append(f"Cache-Control is {cache_control!r}, not private")
    sent = scenario.cookies[0].split("=", 1)[0]
    if any(cookie.startswith(f"{sent}=") for cookie in set_cookie):
        problems.append(f"it replaces the cookie: {set_cookie}")  # not accepted, or renewed
    count = re.search(r"data-reading-list-count[^>]*>\s*(\d+)\s*<", html)
    if count is None or int(count[1]) != scenario.expected_count:
        problems.append(
            f"the header counts {count[1] if count else 'nothing'}, not {scenario.expected_count}"
        )
    pressed = r'aria-pressed="true">Tilføjet til læselisten'
    button = re.search(
        rf'data-article="{scenario.on_list}"[^>]*>(?:<input[^>]*>)*<button[^>]*>', html
    )
    if button is None and scenario.on_list_required:
        problems.append(f"no button for article {scenario.on_list}")
    elif button is not None and 'aria-pressed="true"' not in button[0]:
        problems.append(f"the button of article {scenario.on_list} is not pressed")
    if not re.search(pressed, html):
        problems.append("no button says 'Tilføjet til læselisten'")
    if problems:
        sys.exit(
            f"{scenario.name}: the page is not the reader's own: {'; '.join(problems)}\n"
            f"(GET {scenario.paths[0]} with Cookie: {scenario.cookies[0]})"
        )


# --- Measuring queries in this process -----------------------------------------------------


def setup_django(page_cache_seconds: int) -> None:
    os.environ.update(production_environment(page_cache_seconds))
    import django

    django.setup()


def queries_per_request(scenario: Scenario, cached: bool) -> int:
    """SQL queries of the scenario's first request, as seen by the application itself."""
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.PAGE_CACHE_SECONDS = 600 if cached else 0
    client = Client(
        HTTP_ORIGIN="http://testserver", HTTP_ACCEPT=scenario.headers.get("Accept", "*/*")
    )
    if scenario.cookies:
        name, value = scenario.cookies[0].split("=", 1)
        client.cookies[name] = value
    warm_path, path = scenario.probe_paths or [scenario.paths[0]] * 2

    def send(path):
        if scenario.method == "POST":
            article = scenario.body_values[0]
            return client.post(path, {"artikel": article}, HTTP_ACCEPT="application/json")
        return client.get(path)

    send(warm_path)  # warm: the first request fills caches
    with CaptureQueriesContext(connection) as captured:
        response = send(path)
    assert response.status_code < 400, (path, response.status_code)
    return len(captured)


# --- The run ------------------------------------------------------------------------------


def personal_cookies(article_ids: list[int]) -> tuple[str, str]:
    """The Cookie headers of the personal rows' two readers, each with ``article_ids`` on the
    list (the one at READ_POSITION read): a reader known by the signed `laeseliste` cookie,
    made as the site makes it, and a logged-in (not staff) user known by a real session,
    stored where the served site looks for it (same SECRET_KEY, database and engine)."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.http import HttpResponse
    from django.test import Client
    from django.utils import timezone

    from articles.models import Reader, ReadingListItem
    from articles.reading_list import COOKIE_NAME, COOKIE_SALT

    read = article_ids[LIST_POSITIONS.index(READ_POSITION)]

    def fill(reader: Reader) -> None:
        ReadingListItem.objects.bulk_create(
            [
                ReadingListItem(
                    reader=reader, article_id=pk, read_at=timezone.now() if pk == read else None
                )
                for pk in article_ids
            ]
        )

    reader = Reader.objects.create()
    fill(reader)
    response = HttpResponse()
    response.set_signed_cookie(COOKIE_NAME, str(reader.pk), salt=COOKIE_SALT)
    list_cookie = f"{COOKIE_NAME}={response.cookies[COOKIE_NAME].value}"

    user, _ = get_user_model().objects.get_or_create(
        username=BENCH_USERNAME, defaults={"is_staff": False, "is_superuser": False}
    )
    if user.has_usable_password() or user.is_staff:
        user.set_unusable_password()
        user.is_staff = user.is_superuser = False
        user.save()
    Reader.objects.filter(user=user).delete()  # the list of an earlier run
    fill(Reader.objects.create(user=user))
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    return list_cookie, f"{settings.SESSION_COOKIE_NAME}={session}"


def scenarios() -> list[Scenario]:
    from django.http import HttpResponse

    from articles.models import Article, Reader, SearchWord, Tag
    from articles.reading_list import COOKIE_NAME, COOKIE_SALT
    from goals.models import Goal

    published = Article.objects.published().order_by("-published_at")
    newest = list(published.values_list("pk", "slug")[: max(LIST_POSITIONS) + 1])
    benched_pk, one = newest[BENCHED_POSITION]
    list_cookie, session_cookie = personal_cookies([newest[i][0] for i in LIST_POSITIONS])

    def personal(page: str, path: str, on_article_page: bool = False) -> list[Scenario]:
        return [
            Scenario(
                f"{page}, {reader}",
                [path],
                modes=("on",),
                cookies=[cookie],
                reader=reader,
                page=page,
                expected_count=len(LIST_POSITIONS),
                on_list=benched_pk,
                on_list_required=on_article_page,
            )
            for reader, cookie in ((WITH_LIST, list_cookie), (LOGGED_IN, session_cookie))
        ]

    many = list(published.values_list("slug", flat=True)[:200])
    tag = Tag.objects.get(name="Renovering").slug
    goal = Goal.objects.filter(programme__is_current=True).values_list("slug", flat=True)[0]
    # Words from the articles, in a fixed random order: a search for each is asked only once
    # in the run, so its ranking is never remembered from an earlier request.
    words = list(
        SearchWord.objects.filter(word__regex=r"^[a-zæøå]{4,}$")
        .order_by("word")
        .values_list("word", flat=True)
    )
    random.Random(2026).shuffle(words)
    words = words[:NEW_WORDS]
    word_searches = [f"/soeg/?q={quote(word)}" for word in words]
    readers = [Reader.objects.create() for _ in range(50)]
    article_ids = list(published.values_list("pk", flat=True)[:2000])
    cookies = []
    for reader in readers:
        response = HttpResponse()
        response.set_signed_cookie(COOKIE_NAME, str(reader.pk), salt=COOKIE_SALT)
        cookies.append(f"{COOKIE_NAME}={response.cookies[COOKIE_NAME].value}")
    return [
        Scenario("Article page", [f"/artikler/{one}/"]),
        *personal("Article page", f"/artikler/{one}/", on_article_page=True),
        Scenario(
            "Article page, taking gzip",
            [f"/artikler/{one}/"],
            modes=("on",),
            headers=GZIP,
            reader=ANONYMOUS_GZIP,
            page="Article page",
        ),
        Scenario(
            f"Article page, {WITH_LIST_GZIP}",
            [f"/artikler/{one}/"],
            modes=("on",),
            headers=GZIP,
            cookies=[list_cookie],
            reader=WITH_LIST_GZIP,
            page="Article page",
            expected_count=len(LIST_POSITIONS),
            on_list=benched_pk,
            on_list_required=True,
        ),
        Scenario("200 article pages", [f"/artikler/{slug}/" for slug in many]),
        Scenario("Front page", ["/"]),
        *personal("Front page", "/"),
        Scenario("Archive, page 1", ["/artikler/"]),
        *personal("Archive, page 1", "/artikler/"),
        Scenario("Archive, page 100", ["/artikler/?side=100"]),
        Scenario("Tag page", [f"/emner/{tag}/"]),
        Scenario("Goal page", [f"/almene-maal/{goal}/"]),
        Scenario(
            "Search",
            [f"/soeg/?q={q}" for q in ("boliger", "fjernvarme", "organisation", "renovering")],
        ),
        Scenario(
            "Search, a new word each time",
            word_searches[300:],
            modes=("off",),
            warmup_paths=word_searches[2:300],
            probe_paths=word_searches[:2],
        ),
        Scenario(
            "Add to reading list (POST)",
            ["/laeseliste/tilfoej/"],
            modes=("off",),
            method="POST",
            body="artikel=%d",
            body_values=article_ids,
            headers={
                "Origin": f"http://127.0.0.1:{APP_PORT}",
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/json",
            },
            cookies=cookies,
        ),
    ]


def share(ratio: float) -> str:
    return "–" if ratio != ratio else f"{ratio:.0%}"  # NaN: no such row to compare with


PERSONAL_PAGES = ("Article page", "Front page", "Archive, page 1")


def report(
    results: list[Result],
    floor: Result,
    seed_seconds: float,
    run_seconds: float,
    load: tuple[tuple[float, ...], tuple[float, ...]],
) -> str:
    lines = [
        "# Benchmark results",
        "",
        *conditions(
            "wrk and gunicorn share it",
            *load,
            " (anything else running on the machine lowers the numbers)",
        ),
        f"- {ARTICLES:,} articles on PostgreSQL, Redis as the cache; gunicorn with {WORKERS} sync "
        f"workers (gunicorn.conf.py), DEBUG off, WhiteNoise",
        f"- wrk: 2 threads, {CONNECTIONS} connections, {SECONDS} s per row after a warm-up",
        f"- Floor: a bare Django view returning {floor.html_bytes:,} bytes from memory under the "
        f"same gunicorn: **{floor.rps:,.0f} requests/s**, p50 {floor.p50:.1f} ms, "
        f"p99 {floor.p99:.1f} ms",
    ]
    if seed_seconds:
        lines.append(f"- Seeding {ARTICLES:,} articles took {seed_seconds:.0f} s")
    lines.append(f"- The whole run took {run_seconds / 60:.1f} min")
    lines += [
        "",
        "| page | full-page cache | requests/s | p50 ms | p99 ms | errors | SQL queries | "
        "HTML bytes | peak MB per worker | share of anonymous cached | share of floor |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        lines.append(
            f"| {r.scenario} | {r.mode} | {r.rps:,.0f} | {r.p50:.1f} | {r.p99:.1f} | {r.errors} | "
            f"{r.queries} | {r.html_bytes:,} | {r.memory_mb:.0f} | {share(r.cached_ratio)} | "
            f"{share(r.floor_ratio)} |"
        )
    lines += [
        "",
        "## Readers with a list, logged-in readers and cache misses",
        "",
        "| page | who | full-page cache | requests/s | p50 ms | p99 ms | SQL queries | "
        "share of anonymous cached | share of floor |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    order = [
        (ANONYMOUS, "on"),
        (WITH_LIST, "on"),
        (LOGGED_IN, "on"),
        (ANONYMOUS_GZIP, "on"),
        (WITH_LIST_GZIP, "on"),
        (ANONYMOUS, "off"),
    ]
    for page in PERSONAL_PAGES:
        for reader, mode in order:
            for r in results:
                if (r.page, r.reader, r.mode) == (page, reader, mode):
                    who = f"{reader}, a cache miss" if mode == "off" else reader
                    lines.append(
                        f"| {page} | {who} | {mode} | {r.rps:,.0f} | {r.p50:.1f} | {r.p99:.1f} | "
                        f"{r.queries} | {share(r.cached_ratio)} | {share(r.floor_ratio)} |"
                    )
    lines += [
        "",
        '"off" is `PAGE_CACHE_SECONDS=0`: every request builds its page (the content version,',
        'the header\'s sections and the article count still come from the cache). "on" is the',
        "full-page cache for visitors without a reading list. SQL queries are counted in-process",
        "on the first URL of each row, after one warm-up request.",
        "",
        '"Search" asks for four common words in turn, so with the page cache off it measures a',
        "search whose ranking and page of hits are remembered (per content version, as for any",
        'reader with a reading list). "Search, a new word each time" asks for each of thousands',
        "of words from the articles once, after a warm-up on other words: every request ranks",
        "and highlights afresh.",
        "",
        f'"{WITH_LIST}" sends the signed `laeseliste` cookie of an anonymous reader with',
        f"{len(LIST_POSITIONS)} articles on the list: the benched article and others among the "
        "newest, one of",
        f'them marked read. "{LOGGED_IN}" sends the session cookie of a logged-in user (not',
        "staff) with the same list. Their rows run with the page cache on, as in production:",
        "they get the stored page with its holes (counter, buttons, suggestions) filled from",
        "their reading-list state, marked private; nothing of theirs is stored. Before such a",
        "row is timed, its answer is checked: status 200, `Cache-Control`",
        "private, the cookie kept, the header counting the reader's articles, and the benched",
        'article\'s button saying "Tilføjet til læselisten" (on the article page; on the front',
        "page and the archive wherever that article appears, and some button there must say",
        "so). The benched article is on both lists, and opening an article on the list marks it",
        "read, so the article page's personal rows include that (it is read after the first",
        "request).",
        "",
        '"share of anonymous cached" is the row\'s requests/s divided by those of the same',
        'page\'s anonymous row with the page cache on (– where there is none); "share of floor"',
        "divides by the bare Django view's. A page's \"off\" row is what each miss of the page",
        "cache costs: the first visitor after a change, or after the page expired.",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    # cold_pages and newsroom_day import this module as "run": the same module as this
    # script, not a second copy with its own settings and temporary folder.
    sys.modules.setdefault("run", sys.modules[__name__])
    import cold_pages
    import newsroom_day

    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")
    started = time.monotonic()
    load_at_start = os.getloadavg()
    servers: list[Server] = []
    try:
        seed_seconds = prepare_database()
        # The bench's Redis database is its own: start it empty, so that no page cached from
        # another database (another article count) is served.
        import redis

        redis.Redis.from_url(REDIS_URL).flushdb()
        manage("collectstatic", "--noinput", quiet=True)
        setup_django(0)
        all_scenarios = scenarios()
        results: list[Result] = []
        for mode, cache_seconds in (("off", 0), ("on", 600)):
            server = Server("almene.wsgi", APP_PORT, production_environment(cache_seconds))
            servers.append(server)
            for scenario in all_scenarios:
                if mode not in scenario.modes:
                    continue
                personal_row = scenario.reader in (WITH_LIST, LOGGED_IN, WITH_LIST_GZIP)
                if personal_row:
                    check_personal(APP_PORT, scenario)
                # Warm-up; with the cache on, long enough to store every page of the row.
                warmup = 2 + (len(scenario.paths) // 40 if mode == "on" else 0)
                wrk(APP_PORT, scenario, warmup, scenario.warmup_paths or None)
                rps, p50, p99, errors = wrk(APP_PORT, scenario, SECONDS)
                html = (
                    fetch_bytes(
                        APP_PORT,
                        scenario.paths[0],
                        scenario.cookies[0] if personal_row else "",
                        scenario.headers,
                    )
                    if scenario.method == "GET"
                    else 0
                )
                queries = queries_per_request(scenario, cached=cache_seconds > 0)
                result = Result(
                    scenario.name,
                    mode,
                    rps,
                    p50,
                    p99,
                    errors,
                    queries,
                    html,
                    0.0,
                    page=scenario.page or scenario.name,
                    reader=scenario.reader,
                )
                results.append(result)
                log(
                    f"{scenario.name} ({mode}): {rps:.0f} req/s, p50 {p50:.1f} ms, "
                    f"p99 {p99:.1f} ms, {errors} errors, {queries} queries"
                )
            memory = server.peak_memory_mb()
            for result in results:
                if result.mode == mode:
                    result.memory_mb = memory
            server.stop()

        article_bytes = next(r.html_bytes for r in results if r.scenario == "Article page")
        floor_server = Server(
            "bench.floor:application",
            FLOOR_PORT,
            os.environ
            | {
                "FLOOR_BYTES": str(article_bytes),
                "WEB_CONCURRENCY": str(WORKERS),
                "GUNICORN_ACCESS_LOG": "",
                "GUNICORN_LOG_LEVEL": "warning",
            },
        )
        servers.append(floor_server)
        floor_scenario = Scenario("Floor", ["/"])
        wrk(FLOOR_PORT, floor_scenario, 2)
        runs = [wrk(FLOOR_PORT, floor_scenario, SECONDS) for _ in range(1)]
        floor = Result(
            "Floor",
            "-",
            statistics.median(r[0] for r in runs),
            runs[0][1],
            runs[0][2],
            runs[0][3],
            0,
            fetch_bytes(FLOOR_PORT, "/"),
            floor_server.peak_memory_mb(),
        )
        floor_server.stop()
        log("truly cold pages, in this process")
        cold = cold_pages.measure()
        log("newsroom day: readers while drafts are saved and articles published")
        newsroom = newsroom_day.measure()
        log(f"newsletter: one digest to {newsletter_bench.SUBSCRIBERS:,} subscribers")
        newsletter = newsletter_bench.measure(production_environment(0))
        log(
            f"newsletter: {newsletter['sent']:,} mails, {newsletter['mails_per_second']:.0f} "
            f"mails/s, peak {newsletter['peak_mb']:.0f} MB"
        )
        anonymous_cached = {
            r.page: r.rps for r in results if r.reader == ANONYMOUS and r.mode == "on"
        }
        for result in results:
            result.floor_ratio = result.rps / floor.rps
            if result.page in anonymous_cached:
                result.cached_ratio = result.rps / anonymous_cached[result.page]
        text = report(
            results,
            floor,
            seed_seconds,
            time.monotonic() - started,
            (load_at_start, os.getloadavg()),
        )
        text += "\n" + cold_pages.markdown(cold)
        text += "\n" + newsroom_day.markdown(newsroom)
        text += "\n" + newsletter_bench.markdown(newsletter)
        RESULTS.write_text(text)
        print(text)
        log(f"written to {RESULTS.relative_to(ROOT)}")
    finally:
        for server in servers:
            server.stop()
        shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
