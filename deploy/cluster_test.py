"""`make cluster-test`: two app servers share nothing but PostgreSQL, Redis and the bucket, and
nginx carries readers over the loss of one (issue 24). Starts the cluster of `make cluster`
(deploy/cluster.py), then:

1. the nodes and the worker run their units' ExecStart with the variables of the app
   servers' environment file, as /proc shows them;
2. an editor logs in on node A directly, and writes and publishes an article with a new
   picture through the admin's article form (its CSRF token, the section's autocomplete, the
   "Udgiv eller planlæg" button), as a browser would;
3. the article page, the front page and its section, and the article's admin page, are
   fetched from node B directly and through nginx; the new picture's renditions must be on
   each, and every picture they link (img src and srcset, og:image) must answer 200 at the
   bucket's address with the bucket's bytes;
4. ``find`` in every process's ``MEDIA_ROOT`` (both nodes, the worker, migrate and seed) must
   find no file;
5. wrk loads the front page and article pages through nginx (8 connections, 10 s), and node
   B's gunicorn, master and workers, is killed with SIGKILL 3 s in: wrk must count no answer
   but 2xx/3xx, and no socket error beyond the answers node B had begun to send (nginx's
   error log names those: it cannot retry an answer it has passed on; rare), and nginx's
   log shows which requests were retried on A and how fast each period went.

Prints the figures and writes them to bench/results-cluster.md; exits 1 on any failure.
"""

from __future__ import annotations

import io
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import harness  # noqa: E402

from deploy.cluster import (  # noqa: E402
    APP_ENVIRONMENT,
    BUCKET,
    SYSTEMD_VARIABLES,
    WEB_UNIT,
    WORKER_UNIT,
    Cluster,
    Node,
)
from deploy.config import EnvironmentFile, Unit  # noqa: E402
from deploy.http_client import Browser  # noqa: E402
from tests import seaweedfs  # noqa: E402
from tests.html_forms import form_data  # noqa: E402

SECONDS = int(os.environ.get("CLUSTER_TEST_SECONDS", "10"))
KILL_AT = float(os.environ.get("CLUSTER_TEST_KILL_AT", "3"))
CONNECTIONS = 8
ARTICLE_PAGES = 20  # the newest, with the front page, in wrk's round
RESULTS = ROOT / "bench" / "results-cluster.md"
TITLE = "Klyngetest: fælles billeder på tværs af appservere"


class Failed(AssertionError):
    pass


def check(condition, message: str) -> None:
    if not condition:
        raise Failed(message)


def say(message: str) -> None:
    print(f"[cluster-test] {message}", flush=True)


def new_picture() -> bytes:
    """A JPEG no one has stored before (its renditions are named by its bytes)."""
    from PIL import Image

    size = (1800, 1200)
    noise = Image.effect_noise((size[0] // 10, size[1] // 10), 50).convert("RGB")
    picture = Image.blend(
        noise.resize(size, Image.Resampling.BICUBIC),
        Image.new("RGB", size, tuple(os.urandom(3))),
        0.5,
    )
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=88)
    return buffer.getvalue()


class PictureLinks(HTMLParser):
    """Every picture a page makes a browser (or a link preview) fetch."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "img" and attrs.get("src"):
            self.urls.add(attrs["src"])
        if tag in ("img", "source") and attrs.get("srcset"):
            self.urls |= {part.split()[0] for part in attrs["srcset"].split(",") if part.strip()}
        if tag == "meta" and attrs.get("property") in ("og:image", "twitter:image"):
            self.urls.add(attrs.get("content", ""))

    @classmethod
    def of(cls, html: str) -> set[str]:
        parser = cls()
        parser.feed(html)
        return {url for url in parser.urls if url and not url.startswith("data:")}


def check_processes(cluster: Cluster) -> list[str]:
    """The nodes and the worker run their units' ExecStart, with the app servers' file's
    variables and nothing else but what systemd gives: as the kernel sees them."""
    example = EnvironmentFile.read(APP_ENVIRONMENT)
    processes = [(f"node {node.name}", WEB_UNIT, node.server.process.pid) for node in cluster.nodes]
    processes.append(("worker", WORKER_UNIT, cluster.worker.pid))
    seen = []
    for name, unit_name, pid in processes:
        command = Unit.read(unit_name).exec_start
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode().split("\0")[:-1]
        arguments = list(command[1:])
        check(
            cmdline[-len(arguments) :] == arguments
            and Path(cmdline[-len(arguments) - 1]).name == Path(command[0]).name,
            f"{name} runs {cmdline}, not {unit_name}'s {' '.join(command)}",
        )
        environ = Path(f"/proc/{pid}/environ").read_bytes().decode().split("\0")
        names = {entry.split("=", 1)[0] for entry in environ if entry}
        check(set(example.values) <= names, f"{name} lacks {set(example.values) - names}")
        extra = names - example.names - SYSTEMD_VARIABLES
        check(not extra, f"{name} has variables {APP_ENVIRONMENT} does not name: {extra}")
        program = Path(cmdline[-len(arguments) - 1])
        shown = [str(program.relative_to(ROOT) if program.is_relative_to(ROOT) else program)]
        seen.append(f"{name}: `{' '.join(shown + arguments)}`, {len(names)} variables")
    return seen


@dataclass
class Published:
    slug: str
    admin_path: str
    section_slug: str
    keys: set[str]  # what the upload put in the bucket: the picture and its renditions


def publish_with_picture(cluster: Cluster, node: Node) -> tuple[Browser, Published]:
    """An editor, on ``node`` alone, writes an article with a new picture and publishes it."""
    bucket = seaweedfs.Bucket(cluster.endpoint, BUCKET)
    before = set(bucket.keys())
    editor = Browser(node.url)
    login = form_data(editor.get("/admin/login/").text, form_id="login-form")
    login |= {"username": ["redaktoer"], "password": [cluster.login("redaktoer")]}
    answer = editor.post("/admin/login/", login)
    check(answer.status == 302, f"the editor's login gave {answer.status}")

    add = "/admin/articles/article/add/"
    form = form_data(editor.get(add).text, form_id="article_form")
    # The section is chosen from the admin's autocomplete, as its script asks for it.
    sections = editor.get(
        "/admin/autocomplete/?app_label=articles&model_name=article&field_name=section"
    )
    check(sections.status == 200, f"the section autocomplete gave {sections.status}")
    section_id = json.loads(sections.body)["results"][0]["id"]
    form |= {
        "title": [TITLE],
        "lead": ["En artikel med et nyt billede, lagt op gennem den ene appserver."],
        "body": ["<h2>Fælles lager</h2><p>Billedet ligger i bucketen, ikke på serveren.</p>"],
        "section": [section_id],
        "hero_alt": ["Et prøvebillede i farver"],
        "hero_caption": ["Prøvebillede til klyngetesten"],
        "hero_credit": ["Klyngetesten"],
        "_publish": ["Udgiv eller planlæg"],
    }
    answer = editor.post(
        add, form, files={"hero_image": ("klynge.jpg", "image/jpeg", new_picture())}
    )
    check(
        answer.status == 302,
        f"publishing through the article form gave {answer.status}: "
        + "; ".join(re.findall(r'class="errorlist[^"]*"[^>]*>(.*?)</ul>', answer.text, re.S)),
    )
    change = re.sub(r"^https?://[^/]+", "", answer.location)
    if not re.search(r"/\d+/change/", change):  # back to the list: find the article there
        listing = editor.get("/admin/articles/article/?q=" + "Klyngetest")
        change = re.search(r'href="(/admin/articles/article/\d+/change/)[^"]*"', listing.text)[1]
    page = editor.get(change)
    check(page.status == 200, f"the article's admin page gave {page.status}")
    fields = form_data(page.text, form_id="article_form")
    slug = fields["slug"][0]
    keys = set(bucket.keys()) - before
    check(keys, "the upload put nothing in the bucket")
    article = Browser(cluster.url, cluster.ssl_context()).get(f"/artikler/{slug}/")
    check(article.status == 200, f"the published article's page gave {article.status}")
    section_slug = re.search(r'href="/sektioner/([^/"]+)/"', article.text)[1]
    return editor, Published(slug, change, section_slug, keys)


@dataclass
class PageCheck:
    pages: list[str] = field(default_factory=list)
    pictures: set[str] = field(default_factory=set)
    bytes: int = 0


def check_pages(cluster: Cluster, editor_on_b: Browser, published: Published) -> PageCheck:
    """The public pages showing the article, from node B and through nginx, and the
    article's admin page from node B: each shows the new picture, and every picture on
    them answers at the bucket's address with the bucket's bytes."""
    node_b = cluster.nodes[1]
    readers = {
        f"node {node_b.name}": Browser(node_b.url),
        "nginx": Browser(cluster.url, cluster.ssl_context()),
    }
    paths = ["/", f"/artikler/{published.slug}/", f"/sektioner/{published.section_slug}/"]
    new_urls = {cluster.media_url + key for key in published.keys}
    result = PageCheck()
    pages = [(name, reader, path) for name, reader in readers.items() for path in paths]
    pages.append((f"node {node_b.name}, the editor", editor_on_b, published.admin_path))
    for name, reader, path in pages:
        # Each process reads what changed at most once a second: the publication may take
        # that long to reach node B's pages.
        deadline = time.monotonic() + 5
        while True:
            answer = reader.get(path)
            urls = PictureLinks.of(answer.text) if answer.status == 200 else set()
            if urls & new_urls or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        check(answer.status == 200, f"{path} from {name} gave {answer.status}")
        check(urls & new_urls, f"{path} from {name} does not show the new picture")
        # The site's own files (the admin's icons) are static; every other picture is media.
        media = {url for url in urls if not url.startswith("/static/")}
        outside = sorted(url for url in media if not url.startswith(cluster.media_url))
        check(not outside, f"{path} from {name} links pictures outside the bucket: {outside[:3]}")
        result.pages.append(
            f"{path} ({name}): {len(media)} picture addresses, "
            f"{len(media & new_urls)} of the new picture"
        )
        result.pictures |= media

    s3 = seaweedfs.client(cluster.endpoint)
    context = cluster.ssl_context()

    def fetch(url: str) -> int:
        answer = Browser(cluster.url, context).get(url)
        check(answer.status == 200, f"{url} gave {answer.status}")
        check(answer.headers.get("Content-Type", "").startswith("image/"), f"{url}: not a picture")
        key = url.removeprefix(cluster.media_url)
        stored = s3.get_object(Bucket=BUCKET, Key=key)["Body"].read()
        check(answer.body == stored, f"{url} is not the bucket's {key}")
        return len(answer.body)

    with ThreadPoolExecutor(8) as pool:
        result.bytes = sum(pool.map(fetch, sorted(result.pictures)))
    return result


def media_on_disk(cluster: Cluster) -> list[str]:
    found = subprocess.run(
        ["find", *map(str, cluster.media_roots), "-type", "f"],
        capture_output=True,
        text=True,
        check=True,
    )
    return found.stdout.split()


@dataclass
class Period:
    name: str
    requests: int
    seconds: float
    p50: float
    p99: float
    by_node: dict[str, int]
    retried: int
    failed: int

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def read_access_log(path: Path, start: float, end: float) -> list[dict]:
    """nginx's log lines (deploy/nginx/almene.conf, log_format almene) between two times."""
    pattern = re.compile(
        r'"(?P<request>[^"]*)" (?P<status>\d+) \d+ rt=(?P<rt>[\d.]+) msec=(?P<msec>[\d.]+) '
        r"upstream=(?P<upstream>.*?) ustatus=(?P<ustatus>.*?) urt="
    )
    lines = []
    for line in path.read_text().splitlines():
        if match := pattern.search(line):
            entry = match.groupdict()
            if start <= float(entry["msec"]) <= end:
                lines.append(entry)
    return lines


def period(name: str, entries: list[dict], seconds: float, nodes: dict[str, str]) -> Period:
    times = sorted(float(entry["rt"]) * 1000 for entry in entries) or [0.0]
    by_node: dict[str, int] = {}
    for entry in entries:
        last = entry["upstream"].split(", ")[-1]
        by_node[nodes.get(last, last)] = by_node.get(nodes.get(last, last), 0) + 1
    return Period(
        name=name,
        requests=len(entries),
        seconds=seconds,
        p50=statistics.median(times),
        p99=times[min(len(times) - 1, int(len(times) * 0.99))],
        by_node=by_node,
        retried=sum(1 for entry in entries if "," in entry["upstream"]),
        # 499: wrk closed the connection as its time ran out (wrk does not count those).
        failed=sum(
            1 for entry in entries if entry["status"][0] not in "23" and entry["status"] != "499"
        ),
    )


@dataclass
class LoadResult:
    wrk: harness.WrkReport
    periods: list[Period]
    retried: list[str]  # how each retried request went: "502, 200" …
    kill_at: float
    # Answers node B had begun to send when it was killed: nginx had passed their headers
    # on, so it could not try node A, and the reader's connection ends mid-answer.
    cut_off: int


def load_and_kill(cluster: Cluster, paths: list[str]) -> LoadResult:
    script = harness.lua_script(cluster.work / "cluster.lua", paths)
    url = cluster.url

    def wrk(seconds: float) -> subprocess.Popen:
        return subprocess.Popen(
            ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", "-s", script, url],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )

    warm = wrk(2)  # every page stored in the page cache, as on a site that runs
    warm.communicate()
    started = time.time()
    load = wrk(SECONDS)
    killed = threading.Event()

    def kill_b():
        if not killed.wait(KILL_AT):  # woken early only if wrk ended first
            cluster.kill(cluster.nodes[1])
            killed.set()

    killer = threading.Thread(target=kill_b)
    killer.start()
    output, _ = load.communicate()
    if not killed.is_set():
        killed.set()
    killer.join()
    ended = time.time()
    kill_time = started + KILL_AT
    check(load.returncode == 0, f"wrk failed: {output}")
    report = harness.WrkReport.parse(output)
    say(output.strip().replace("\n", "\n[cluster-test]   "))
    time.sleep(1.5)  # nginx writes its log buffer out every second
    entries = read_access_log(cluster.logs / "nginx-access.log", started, ended + 1)
    nodes = {node.address: node.name.upper() for node in cluster.nodes}
    before = [entry for entry in entries if float(entry["msec"]) < kill_time]
    after = [entry for entry in entries if float(entry["msec"]) >= kill_time]
    periods = [
        period(f"before the kill (0–{KILL_AT:.0f} s)", before, KILL_AT, nodes),
        period(
            f"after the kill ({KILL_AT:.0f}–{SECONDS} s)",
            after,
            max(ended - kill_time, 0.001),
            nodes,
        ),
    ]
    retried = [entry["ustatus"] for entry in entries if "," in entry["upstream"]]
    errors = (cluster.logs / "nginx-error.log").read_text()
    cut_off = len(re.findall(r"prematurely closed connection while reading upstream", errors))
    return LoadResult(report, periods, retried, KILL_AT, cut_off)


def markdown(
    cluster: Cluster,
    processes: list[str],
    published: Published,
    pages: PageCheck,
    load: LoadResult,
    wall: float,
    loads: tuple,
) -> str:
    w = load.wrk
    rows = [
        "| period | requests | requests/s | p50 ms | p99 ms | answered by | retried | failed |",
        "| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |",
    ]
    for p in load.periods:
        nodes = ", ".join(f"{name} {count}" for name, count in sorted(p.by_node.items()))
        rows.append(
            f"| {p.name} | {p.requests:,} | {p.rps:,.0f} | {p.p50:.1f} | {p.p99:.1f} | {nodes} | "
            f"{p.retried} | {p.failed} |"
        )
    retried = {}
    for statuses in load.retried:
        retried[statuses] = retried.get(statuses, 0) + 1
    retried_text = ", ".join(f"{count} as {kind}" for kind, count in sorted(retried.items()))

    timings = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in cluster.timings.items())
    return "\n".join(
        [
            "# Cluster test: two app servers behind nginx, one killed under load",
            "",
            *harness.conditions(
                "nginx, both nodes, the worker, PostgreSQL, Redis, SeaweedFS and wrk all share it",
                *loads,
            ),
            "- `make cluster-test` (deploy/cluster_test.py): nginx with deploy/nginx/almene.conf "
            "over TLS, two gunicorn nodes as deploy/systemd/almene-web.service runs them "
            "(2 sync workers each, an empty `MEDIA_ROOT` each), the task worker, PostgreSQL, "
            f"Redis, a SeaweedFS bucket; {cluster.articles} demo articles",
            f"- Start-up: {timings}",
            f"- The whole test took {wall:.0f} s",
            "",
            "## What runs",
            "",
            "As the kernel shows them (`/proc`): each runs its unit's ExecStart in the release "
            "(this checkout), with the variables of deploy/env/app-server.env.example and "
            "nothing else but what systemd gives a service:",
            "",
            *(f"- {line}" for line in processes),
            "",
            "## A picture uploaded through node A, seen on node B",
            "",
            "An editor logged in on node A directly, wrote an article with a new "
            f"picture in the admin's form and published it (`/artikler/{published.slug}/`); "
            f"the upload put {len(published.keys)} objects in the bucket (the picture and "
            "its renditions). From node B directly and through nginx:",
            "",
            *(f"- {line}" for line in pages.pages),
            "",
            f"All {len(pages.pictures)} picture addresses on those pages are the bucket's "
            f"(through nginx's /media/), and each answered 200 with the bucket's own bytes "
            f"({pages.bytes / 1e6:.1f} MB in all). `find` in the four `MEDIA_ROOT`s (node "
            "A's, node B's, the worker's, and the one `migrate` and `seed_demo` ran with) found "
            "no file.",
            "",
            "## Node B killed under load",
            "",
            f"wrk through nginx, {CONNECTIONS} connections, 2 threads, {SECONDS} s over the "
            f"front page and {ARTICLE_PAGES} article pages (page cache warm), node B's "
            f"gunicorn (master and workers) killed with SIGKILL {load.kill_at:.0f} s in.",
            "",
            f"- wrk: **{w.requests:,} requests, {w.rps:,.0f} requests/s**, p50 {w.p50:.1f} ms, "
            f"p99 {w.p99:.1f} ms",
            f"- wrk's failures: **{w.non_2xx_3xx} answers other than 2xx/3xx; socket errors: "
            f"connect {w.connect_errors}, read {w.read_errors}, write {w.write_errors}, "
            f"timeout {w.timeouts}**",
            f"- answers node B had begun to send when it was killed (nginx cannot retry "
            f"those): {load.cut_off}",
            f"- nginx retried {len(load.retried)} requests on node A "
            f"({retried_text or 'none'}; upstream statuses of the two tries)",
            "",
            "From nginx's log (each request's time in nginx, `$request_time`, in whole ms; "
            "a request that ended just after the kill may still be node B's):",
            "",
            *rows,
            "",
        ]
    )


def main() -> int:
    started = time.monotonic()
    loads = [os.getloadavg()]
    try:
        with Cluster() as cluster:
            node_a, node_b = cluster.nodes
            processes = check_processes(cluster)
            for line in processes:
                say(line)
            say(f"publishing an article with a new picture through node {node_a.name}")
            editor, published = publish_with_picture(cluster, node_a)
            say(f"/artikler/{published.slug}/: {len(published.keys)} objects in the bucket")
            editor_on_b = Browser(node_b.url, cookies=dict(editor.cookies))
            pages = check_pages(cluster, editor_on_b, published)
            for line in pages.pages:
                say(line)
            say(f"{len(pages.pictures)} pictures, each 200 with the bucket's bytes")
            on_disk = media_on_disk(cluster)
            check(not on_disk, f"media on the app servers' disks: {on_disk[:5]}")
            say("find: no file in any MEDIA_ROOT")
            load = load_and_kill(cluster, load_paths(cluster))
            for p in load.periods:
                say(
                    f"{p.name}: {p.rps:,.0f} requests/s, p50 {p.p50:.1f} ms, p99 {p.p99:.1f} ms, "
                    f"by node {p.by_node}, {p.retried} retried, {p.failed} failed"
                )
            check(not node_b.alive(), "node B is still running")
            w = load.wrk
            check(
                w.socket_errors <= load.cut_off,
                f"wrk's socket errors beyond the {load.cut_off} answers cut off on node B: {w}",
            )
            check(w.non_2xx_3xx == 0, f"wrk's answers other than 2xx/3xx: {w.non_2xx_3xx}")
            check(
                load.periods[0].by_node.get(node_b.name.upper()),
                "node B answered nothing before it was killed",
            )
            check(all(p.failed == 0 for p in load.periods), "nginx logged failed answers")
    except Failed as failure:
        say(f"FAILED: {failure}")
        return 1
    loads.append(os.getloadavg())
    wall = time.monotonic() - started  # start to stop, everything included
    text = markdown(cluster, processes, published, pages, load, wall, tuple(loads))
    RESULTS.write_text(text)
    print(text)
    say(f"passed in {wall:.0f} s; written to {RESULTS.relative_to(ROOT)}")
    return 0


def load_paths(cluster: Cluster) -> list[str]:
    """The front page and the newest article pages, as the archive lists them."""
    archive = Browser(cluster.url, cluster.ssl_context()).get("/artikler/").text
    articles = dict.fromkeys(re.findall(r'href="(/artikler/[^/"?]+/)"', archive))
    return ["/", *list(articles)[:ARTICLE_PAGES]]


if __name__ == "__main__":
    sys.exit(main())
