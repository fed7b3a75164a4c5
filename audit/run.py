"""`make audit`: Lighthouse's mobile profile against the public pages, under production
settings, and audit/results.md.

1. Installs Lighthouse (audit/package.json, pinned in audit/package-lock.json) with `npm ci`
   when audit/node_modules is missing.
2. Prepares a database with the demo content: by default a SQLite file of its own under
   var/audit/ (nothing else to run), seeded once with `manage.py seed_demo` (AUDIT_ARTICLES,
   120), its pictures real files under var/audit/media. AUDIT_DATABASE_URL (with
   AUDIT_MEDIA_ROOT) points it at another database instead, seeded when it has no article.
3. Collects the static files and serves the site with gunicorn (gunicorn.conf.py) under
   production settings: DEBUG off, a fresh SECRET_KEY, SINGLE_PROCESS=1 (one worker, the
   in-process cache), the page cache on as in production, WhiteNoise for static files, and
   /media/ served as the production proxy serves it (audit/wsgi.py).
4. Makes a reader with a few saved articles and signs their `laeseliste` cookie as the site
   does, and asks each page once, so that the page cache holds what a visitor would get.
5. Runs Lighthouse (its default mobile profile: a Moto G Power-sized screen, simulated slow
   4G and a 4x slower CPU) in the system Chromium on the six public pages, AUDIT_RUNS (3)
   times each, and writes the median of each number to audit/results.md, with the audits
   that did not pass. The JSON reports stay in var/audit/reports/.

A benchmark, not a test: CI does not run it.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
AUDIT = ROOT / "audit"
sys.path.insert(0, str(ROOT))

from bench.harness import Server, machine  # noqa: E402 (the project's root is on the path only now)

PYTHON = sys.executable

WORK = ROOT / "var" / "audit"
ARTICLES = int(os.environ.get("AUDIT_ARTICLES", "120"))
RUNS = int(os.environ.get("AUDIT_RUNS", "3"))
PORT = int(os.environ.get("AUDIT_PORT", "8767"))
CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
DATABASE_URL = os.environ.get("AUDIT_DATABASE_URL") or f"sqlite:///{WORK / 'db.sqlite3'}"
MEDIA_ROOT = Path(os.environ.get("AUDIT_MEDIA_ROOT") or WORK / "media")
STATIC_ROOT = WORK / "static"
REPORTS = WORK / "reports"
SEEDED = WORK / f".seeded-{ARTICLES}"  # the default database holds the demo content
SEARCH_WORDS = ("renovering", "boliger", "beboere")  # the first with hits is audited
RESULTS = AUDIT / "results.md"
SECRET_KEY = secrets.token_urlsafe(50)
# As root, Chromium needs --no-sandbox; without the background-networking flags it tries to
# reach Google's hosts, which this machine's closed network refuses.
CHROME_FLAGS = " ".join(
    [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ]
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {
    "performance": 95,
    "accessibility": 100,
    "best-practices": 100,
    "seo": 100,
    "lcp": 1800,
    "cls": 0.05,
    "tbt": 100,
}


# Audits a page fails on purpose, with the reason, written beside them in the results.
KEPT_ON_PURPOSE = {
    "is-crawlable": (
        "On purpose: robots.txt keeps search engines out of /soeg/ (results for every "
        "word anyone types, an endless space of thin pages over articles the sitemap "
        "already lists) and /laeseliste/ (a page of one reader's own), and search results "
        "say noindex as well"
    ),
}


def log(message: str) -> None:
    print(f"[audit] {message}", flush=True)


def production_environment() -> dict[str, str]:
    return os.environ | {
        "DJANGO_SETTINGS_MODULE": "almene.settings.base",
        "DEBUG": "0",
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "SINGLE_PROCESS": "1",
        "REDIS_URL": "",
        "DATABASE_URL": DATABASE_URL,
        "MEDIA_ROOT": str(MEDIA_ROOT),
        "STATIC_ROOT": str(STATIC_ROOT),
        "PAGE_CACHE_SECONDS": "600",
        "TASKS_IMMEDIATE": "1",
        "GUNICORN_ACCESS_LOG": "",
        "GUNICORN_LOG_LEVEL": "warning",
        "LOG_LEVEL": "WARNING",
    }


def manage(*args: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=production_environment(),
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


# --- Preparing ----------------------------------------------------------------------------


def install_lighthouse() -> Path:
    lighthouse = AUDIT / "node_modules" / ".bin" / "lighthouse"
    if not lighthouse.exists():
        if not shutil.which("npm"):
            sys.exit("npm (Node 18.16 or newer) is needed to install Lighthouse")
        log("installing Lighthouse (npm ci in audit/)")
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=AUDIT, check=True)
    if not Path(CHROME_PATH).exists():
        sys.exit(f"no Chromium at {CHROME_PATH}: apt-get install chromium, or set CHROME_PATH")
    return lighthouse


def prepare_database() -> None:
    WORK.mkdir(parents=True, exist_ok=True)
    default = "AUDIT_DATABASE_URL" not in os.environ
    if default and not SEEDED.exists():
        # A fresh database: what an earlier, interrupted or differently sized run left goes.
        for path in WORK.glob("db.sqlite3*"):
            path.unlink()
        for marker in WORK.glob(".seeded-*"):
            marker.unlink()
        shutil.rmtree(MEDIA_ROOT, ignore_errors=True)
    manage("migrate", "--noinput")
    if default and SEEDED.exists():
        return
    setup_django()
    from articles.models import Article

    if Article.objects.exists() and not default:
        return
    log(f"seeding {ARTICLES} demo articles (once)")
    manage("seed_demo", "--articles", str(ARTICLES))
    if default:
        SEEDED.touch()


def setup_django() -> None:
    os.environ.update(production_environment())
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()


@dataclass
class Page:
    name: str
    path: str
    headers: dict[str, str]


def pages() -> list[Page]:
    """The six public pages, and the reader whose list the reading-list page shows."""
    setup_django()
    from django.http import HttpResponse

    from articles.models import Article, Reader, ReadingListItem
    from articles.reading_list import COOKIE_NAME, COOKIE_SALT
    from goals.models import Goal

    published = Article.objects.published().order_by("-published_at")
    article = published.exclude(hero_image="").first() or published.first()
    goal = Goal.objects.filter(programme__is_current=True).order_by("pk").first()
    if article is None or goal is None:
        sys.exit("the database has no published article or no current goal: seed_demo first")
    # A reader with four saved articles, one of them read, known by the signed cookie that the
    # site sets at a reader's first "Læs senere" (articles/reading_list.py).
    reader = Reader.objects.create()
    saved = list(published.values_list("pk", flat=True)[1:5])
    ReadingListItem.objects.bulk_create(
        ReadingListItem(
            reader=reader,
            article_id=pk,
            read_at=datetime.datetime.now(datetime.UTC) if index == 0 else None,
        )
        for index, pk in enumerate(saved)
    )
    response = HttpResponse()
    response.set_signed_cookie(COOKIE_NAME, str(reader.pk), salt=COOKIE_SALT)
    cookie = f"{COOKIE_NAME}={response.cookies[COOKIE_NAME].value}"
    return [
        Page("Front page", "/", {}),
        Page("Article", article.get_absolute_url(), {}),
        Page("Archive", "/artikler/", {}),
        Page("Search", "/soeg/?q=", {}),  # the word is chosen once the site answers
        Page("Goal", goal.get_absolute_url(), {}),
        Page("Reading list", "/laeseliste/", {"Cookie": cookie}),
    ]


# --- Serving ------------------------------------------------------------------------------


def serve() -> Server:
    """gunicorn with the audit's site on PORT (bench/harness.py, as make bench serves it)."""
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", PORT)) == 0:
            sys.exit(f"port {PORT} is taken: set AUDIT_PORT")
    try:
        return Server("audit.wsgi:application", PORT, production_environment())
    except RuntimeError as error:
        sys.exit(f"gunicorn: {error}")


def fetch(path: str, headers: dict[str, str]) -> tuple[int, str]:
    request = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}", headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.read().decode()


def check(page: Page) -> None:
    """Each page must answer 200 with what it is audited for; images must be served."""
    status, html = fetch(page.path, page.headers)
    if status != 200:
        sys.exit(f"{page.name}: {page.path} answers {status}")
    if page.name == "Reading list" and html.count('class="reading-list__item') != 4:
        sys.exit("the reading list does not show the reader's four articles: cookie not accepted")
    image = re.search(r'<img src="([^"]+)"', html)
    if image is None and page.name not in ("Search", "Goal"):
        sys.exit(f"{page.name}: no image on the page")
    if image is not None:
        request = urllib.request.Request(f"http://127.0.0.1:{PORT}{image[1]}")
        with urllib.request.urlopen(request, timeout=30) as response:
            if response.status != 200 or not response.headers["Content-Type"].startswith("image/"):
                sys.exit(f"{page.name}: {image[1]} is not served as an image")


def search_path() -> str:
    for word in SEARCH_WORDS:
        path = f"/soeg/?q={quote(word)}"
        _, html = fetch(path, {})
        if 'class="search-result"' in html:
            return path
    sys.exit(f"none of {SEARCH_WORDS} finds an article")


# --- Lighthouse ---------------------------------------------------------------------------


def lighthouse_run(lighthouse: Path, page: Page, run: int) -> dict:
    slug = re.sub(r"[^a-z0-9]+", "-", page.name.lower()).strip("-")
    output = REPORTS / f"{slug}-{run}.json"
    command = [
        str(lighthouse),
        f"http://127.0.0.1:{PORT}{page.path}",
        "--output=json",
        f"--output-path={output}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--quiet",
    ]
    if page.headers:
        command.append(f"--extra-headers={json.dumps(page.headers)}")
    # Now and then the system Chromium's trace comes back without the navigation's start
    # (NO_NAVSTART), and Lighthouse asks to be run again: a run is tried up to three times.
    for attempt in range(1, 4):
        output.unlink(missing_ok=True)
        result = subprocess.run(
            command,
            cwd=AUDIT,
            env=os.environ | {"CHROME_PATH": CHROME_PATH},
            capture_output=True,
            text=True,
            timeout=300,
        )
        report = json.loads(output.read_text()) if output.exists() else {}
        problem = report.get("runtimeError") or (
            None if result.returncode == 0 and report else result.stderr[-2000:]
        )
        if not problem:
            return report
        log(f"{page.name} run {run}, attempt {attempt}: {problem}")
    sys.exit(f"Lighthouse failed three times on {page.path}: {problem}")


def numbers(report: dict) -> dict[str, float]:
    audits = report["audits"]
    values = {
        category: round((report["categories"][category]["score"] or 0) * 100)
        for category in CATEGORIES
    }
    values["lcp"] = audits["largest-contentful-paint"]["numericValue"]
    values["cls"] = audits["cumulative-layout-shift"]["numericValue"]
    values["tbt"] = audits["total-blocking-time"]["numericValue"]
    values["fcp"] = audits["first-contentful-paint"]["numericValue"]
    return values


def shortfalls(reports: list[dict]) -> list[str]:
    """The scored audits (weight above 0) that did not pass in at least one run."""
    failing: dict[str, set[int]] = {}
    titles = {}
    for run, report in enumerate(reports):
        for category in CATEGORIES[1:]:
            for ref in report["categories"][category]["auditRefs"]:
                audit = report["audits"][ref["id"]]
                if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                    failing.setdefault(ref["id"], set()).add(run)
                    titles[ref["id"]] = f"{category}: {audit['title']}"
    return [
        f"{titles[key]} ({len(runs)} of {len(reports)} runs)"
        + (f". {KEPT_ON_PURPOSE[key]}" if key in KEPT_ON_PURPOSE else "")
        for key, runs in failing.items()
    ]


# --- Report -------------------------------------------------------------------------------


def meets(key: str, value: float) -> bool:
    target = TARGETS[key]
    return value >= target if key in CATEGORIES else value <= target


def cell(key: str, value: float) -> str:
    if key in CATEGORIES:
        text = f"{value:.0f}"
    elif key == "cls":
        text = f"{value:.3f}"
    elif key == "tbt":
        text = f"{value:.0f} ms"
    else:
        text = f"{value / 1000:.2f} s"
    return text if meets(key, value) else f"**{text}** ✗"


def report(rows: list[tuple[Page, dict[str, float], list[str]]], first: dict) -> str:
    environment = first["environment"]
    chromium = re.search(r"(?:HeadlessChrome|Chrome)/([\d.]+)", environment["hostUserAgent"])
    emulated = first["configSettings"]
    lines = [
        "# Lighthouse audit: the public pages on a phone",
        "",
        f"- Date: {datetime.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}",
        f"- Machine: {machine()}; Lighthouse, Chromium and gunicorn share it "
        f"(Lighthouse's benchmark index: {environment.get('benchmarkIndex', '?')})",
        f"- Lighthouse {first['lighthouseVersion']} on Node {platform_node()}, "
        f"Chromium {chromium[1] if chromium else '?'} (the system's, headless)",
        f"- Profile: Lighthouse's default, {emulated['formFactor']}: "
        f"{emulated['screenEmulation']['width']}x{emulated['screenEmulation']['height']} "
        f"at {emulated['screenEmulation']['deviceScaleFactor']}x, throttling "
        f"'{emulated['throttlingMethod']}' (RTT {emulated['throttling']['rttMs']:.0f} ms, "
        f"{emulated['throttling']['throughputKbps'] / 1000:.1f} Mbit/s, CPU slowed "
        f"{emulated['throttling']['cpuSlowdownMultiplier']:g}x)",
        f"- Site: gunicorn under production settings (DEBUG off, one worker with "
        f"SINGLE_PROCESS=1, page cache on, WhiteNoise), {ARTICLES} demo articles "
        f"({'SQLite' if DATABASE_URL.startswith('sqlite') else 'PostgreSQL'}), media served "
        "as the proxy would (audit/wsgi.py); each page asked once before the runs, so the "
        "page cache holds it as it would in production",
        f"- Each page is audited {RUNS} times; every number is the **median** of those runs "
        "(one run is noisy), taken number by number",
        "- Targets: Performance ≥ 95; Accessibility, Best Practices and SEO 100; "
        "LCP ≤ 1.8 s, CLS ≤ 0.05, TBT ≤ 100 ms. ✗ marks a miss.",
        "",
        "| page | Performance | Accessibility | Best Practices | SEO | LCP | CLS | TBT | FCP |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for page, values, _ in rows:
        lines.append(
            f"| {page.name} (`{page.path}`) | "
            + " | ".join(cell(key, values[key]) for key in (*CATEGORIES, "lcp", "cls", "tbt"))
            + f" | {values['fcp'] / 1000:.2f} s |"
        )
    missed = [(page, failing) for page, _, failing in rows if failing]
    lines += ["", "## Audits that did not pass", ""]
    if missed:
        for page, failing in missed:
            lines.append(f"- {page.name}: " + "; ".join(failing))
    else:
        lines.append("None: every scored audit of Accessibility, Best Practices and SEO passed.")
    lines += [
        "",
        "The reading list is audited as a reader with four saved articles (one read), sending",
        "the signed `laeseliste` cookie the site sets; the search page with a query that has",
        "hits; the goal page is the first goal of the current programme. The JSON reports are",
        "in `var/audit/reports/` (open one in Lighthouse's viewer for the details).",
        "",
    ]
    return "\n".join(lines)


def platform_node() -> str:
    return subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()


def main() -> None:
    lighthouse = install_lighthouse()
    prepare_database()
    manage("collectstatic", "--noinput")
    audited = pages()
    server = serve()
    try:
        for page in audited:
            if page.name == "Search":
                page.path = search_path()
            check(page)  # also fills the page cache
        shutil.rmtree(REPORTS, ignore_errors=True)
        REPORTS.mkdir(parents=True)
        rows = []
        first = None
        for page in audited:
            reports = []
            for run in range(1, RUNS + 1):
                reports.append(lighthouse_run(lighthouse, page, run))
                values = numbers(reports[-1])
                log(
                    f"{page.name} run {run}: "
                    + ", ".join(f"{key} {values[key]:g}" for key in (*CATEGORIES, "lcp", "cls"))
                    + f", tbt {values['tbt']:g}"
                )
            first = first or reports[0]
            runs = [numbers(one) for one in reports]
            median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
            rows.append((page, median, shortfalls(reports)))
    finally:
        server.stop()
    text = report(rows, first)
    RESULTS.write_text(text)
    print(text)
    log(f"written to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
