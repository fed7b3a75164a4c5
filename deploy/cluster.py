"""`make cluster`: the site as several app servers run it, on this machine (issue 24).

nginx (Debian's package) with deploy/nginx/almene.conf, over TLS with a certificate made for
the run, balances two gunicorn nodes, each run as deploy/systemd/almene-web.service runs it,
with the variables of deploy/env/app-server.env.example and a new, empty ``MEDIA_ROOT`` of its
own; the task worker runs as almene-worker.service does. They share one PostgreSQL database
(``CLUSTER_DATABASE_URL``, made anew each run), one Redis database (``CLUSTER_REDIS_URL``,
emptied) and one SeaweedFS bucket, which nginx also serves at /media/. Demo content (30
articles, with the two demo logins) is seeded with its pictures in the bucket. The newsroom's
mail goes to a local SMTP server that writes it to a file. Ctrl-C stops everything.

``Cluster`` is what `make cluster-test` (deploy/cluster_test.py) starts too.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import harness  # noqa: E402  (bench/harness.py: gunicorn started and stopped as the bench does)

from deploy.config import EnvironmentFile, Unit, app_servers, nginx_config  # noqa: E402
from tests import seaweedfs  # noqa: E402

NGINX = os.environ.get("NGINX", "/usr/sbin/nginx")
DATABASE_URL = os.environ.get(
    "CLUSTER_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/almene_cluster"
)
REDIS_URL = os.environ.get("CLUSTER_REDIS_URL", "redis://127.0.0.1:6379/12")
ARTICLES = int(os.environ.get("CLUSTER_ARTICLES", "30"))
BUCKET = "almene-cluster"
WEB_UNIT, WORKER_UNIT = "almene-web.service", "almene-worker.service"
APP_ENVIRONMENT = "app-server.env.example"
WORKERS_PER_NODE = 2
# What a service gets besides its EnvironmentFile: from systemd (RUNTIME_DIRECTORY, of
# RuntimeDirectory=), or here from the shell the cluster was started in.
INHERITED = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")
SYSTEMD_VARIABLES = frozenset({*INHERITED, "RUNTIME_DIRECTORY"})
# What seed_demo prints of each demo login it makes: made only with DEBUG on
# (articles/demo/seed.py), so the seed runs with it; the site never does.
DEMO_LOGIN = re.compile(r"Demokonto: (?P<username>\S+) / (?P<password>\S+) \((?P<role>[^,]+),")


def log(message: str) -> None:
    print(f"[cluster] {message}", flush=True)


def free_port() -> int:
    return seaweedfs.free_port()


def die_with_parent() -> None:
    """In each child: Linux ends it when the cluster's process ends, however that ends."""
    seaweedfs._die_with_parent()


def make_certificate(folder: Path) -> Path:
    """A self-signed certificate for 127.0.0.1 and localhost (cert.pem, key.pem in
    ``folder``), as nginx's TLS wants one; browsers will ask to accept it."""
    folder.mkdir()
    options = (
        "req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 7 "
        "-subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1,DNS:localhost"
    )
    command = [
        "openssl",
        *options.split(),
        "-keyout",
        folder / "key.pem",
        "-out",
        folder / "cert.pem",
    ]
    subprocess.run(command, check=True, capture_output=True)
    return folder


@dataclass
class Node:
    name: str
    port: int
    media_root: Path
    server: harness.Server | None = None

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        return f"http://{self.address}"

    def alive(self) -> bool:
        return self.server is not None and self.server.process.poll() is None


class MailFile:
    """The newsroom's SMTP server: every mail appended to a file (aiosmtpd, in this process)."""

    def __init__(self, path: Path):
        from aiosmtpd.controller import Controller

        self.path = path
        self.port = free_port()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd calls it so
        with self.path.open("ab") as mails:
            mails.write(f"--- to {', '.join(envelope.rcpt_tos)}\n".encode())
            mails.write(envelope.content + b"\n")
        return "250 OK"

    def stop(self) -> None:
        self.controller.stop()


class Cluster:
    def __init__(self, *, port: int = 0, articles: int = ARTICLES):
        self.work = Path(tempfile.mkdtemp(prefix="almene-cluster-"))
        self.logs = self.work / "logs"
        self.logs.mkdir()
        self.port = port or free_port()
        self.articles = articles
        self.secret_key = secrets.token_urlsafe(50)
        self.static_root = self.work / "static"
        self.nodes = [
            Node(name, free_port(), self.empty_folder(f"media-{name}")) for name in ("a", "b")
        ]
        # The worker and the one-off commands (migrate, seed) get empty media folders too:
        # none of them may write media there either.
        self.worker_media_root = self.empty_folder("media-worker")
        self.setup_media_root = self.empty_folder("media-setup")
        self.store: seaweedfs.SeaweedFS | None = None
        self.endpoint = ""
        self.mail: MailFile | None = None
        self.worker: subprocess.Popen | None = None
        self.nginx: subprocess.Popen | None = None
        self.timings: dict[str, float] = {}
        self.logins: list[dict[str, str]] = []  # what seed_demo made

    def empty_folder(self, name: str) -> Path:
        folder = self.work / name
        folder.mkdir()
        return folder

    # --- What it serves, and where ------------------------------------------------------

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    @property
    def certificate(self) -> Path:
        return self.work / "tls" / "cert.pem"

    @property
    def media_url(self) -> str:
        """Where pages link pictures: nginx's /media/, which reads the bucket."""
        return f"{self.url}/media/"

    @property
    def media_roots(self) -> list[Path]:
        return [node.media_root for node in self.nodes] + [
            self.worker_media_root,
            self.setup_media_root,
        ]

    def values(self, *, media_root: Path, bind: str, debug: bool = False) -> dict[str, str]:
        """The variables of deploy/env/app-server.env.example for a process of this cluster:
        the same for all but where media would go and gunicorn's address."""
        return EnvironmentFile.read(APP_ENVIRONMENT).fill(
            {
                "DEBUG": "1" if debug else "0",
                "SECRET_KEY": self.secret_key,
                "ALLOWED_HOSTS": "127.0.0.1,localhost",
                "SITE_URL": self.url,
                "DATABASE_URL": DATABASE_URL,
                "REDIS_URL": REDIS_URL,
                "AWS_STORAGE_BUCKET_NAME": BUCKET,
                "AWS_S3_ENDPOINT_URL": self.endpoint,
                "AWS_ACCESS_KEY_ID": seaweedfs.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY": seaweedfs.SECRET_KEY,
                "AWS_S3_REGION_NAME": seaweedfs.REGION,
                "AWS_S3_CUSTOM_DOMAIN": self.media_url.rstrip("/"),
                "MEDIA_ROOT": str(media_root),
                "GUNICORN_BIND": bind,
                "WEB_CONCURRENCY": str(WORKERS_PER_NODE),
                "FORWARDED_ALLOW_IPS": "127.0.0.1",
                "NEWSLETTER_TRUSTED_PROXIES": "127.0.0.1",
                "STATIC_ROOT": str(self.static_root),
                "GUNICORN_ACCESS_LOG": "",
                "EMAIL_HOST": "127.0.0.1",
                "EMAIL_PORT": str(self.mail.port if self.mail else 25),
                "EMAIL_USE_TLS": "0",
                "EMAIL_HOST_USER": "",
                "EMAIL_HOST_PASSWORD": "",
                "DEFAULT_FROM_EMAIL": "Almene Nyheder <redaktion@127.0.0.1>",
            }
        )

    def environment(self, values: dict[str, str]) -> dict[str, str]:
        """What systemd gives a service: little of its own, and the EnvironmentFile's values
        (nothing of this shell's DEBUG, DATABASE_URL or AWS_* leaks in)."""
        inherited = {name: os.environ[name] for name in INHERITED if name in os.environ}
        return inherited | values

    def node_environment(self, node: Node) -> dict[str, str]:
        # As systemd gives the unit's RuntimeDirectory= (gunicorn's control socket goes there).
        runtime = self.work / f"run-{node.name}"
        runtime.mkdir(exist_ok=True)
        values = self.values(media_root=node.media_root, bind=node.address)
        return self.environment(values) | {"RUNTIME_DIRECTORY": str(runtime)}

    def worker_environment(self) -> dict[str, str]:
        # The same file as on the app servers, GUNICORN_BIND and all (the worker ignores it).
        return self.environment(
            self.values(media_root=self.worker_media_root, bind=self.nodes[0].address)
        )

    def setup_environment(self, *, debug: bool = False) -> dict[str, str]:
        return self.environment(
            self.values(media_root=self.setup_media_root, bind=self.nodes[0].address, debug=debug)
        )

    # --- Starting -----------------------------------------------------------------------

    def step(self, name: str, action, *args) -> None:
        started = time.monotonic()
        action(*args)
        self.timings[name] = time.monotonic() - started
        log(f"{name}: {self.timings[name]:.1f} s")

    def start(self) -> Cluster:
        started = time.monotonic()
        for program in (NGINX, "openssl"):
            if not shutil.which(program):
                raise RuntimeError(f"{program} is needed (apt-get install nginx openssl)")
        self.mail = MailFile(self.work / "mail.txt")
        self.step("TLS certificate", make_certificate, self.certificate.parent)
        self.step("SeaweedFS and its bucket", self.start_store)
        self.step("database and Redis emptied", self.empty_database)
        # collectstatic needs no database: it runs while the database is migrated and seeded.
        with ThreadPoolExecutor(2) as pool:
            static = pool.submit(self.manage, "collectstatic", "--noinput")
            self.step("migrate and seed_demo", self.migrate_and_seed)
            static.result()
        self.step("nodes, worker and nginx", self.start_processes)
        self.timings["start"] = time.monotonic() - started
        log(f"up in {self.timings['start']:.1f} s")
        return self

    def start_store(self) -> None:
        # CI has started one for the tests (.ci/run): a bucket of the cluster's own in it.
        self.endpoint = os.environ.get(seaweedfs.ENDPOINT_VARIABLE, "").rstrip("/")
        if not self.endpoint:
            self.store = seaweedfs.SeaweedFS(str(self.empty_folder("seaweedfs")))
            self.store.start()
            self.endpoint = self.store.endpoint
        else:
            self.empty_bucket()
        seaweedfs.make_bucket(self.endpoint, BUCKET)

    def empty_bucket(self) -> None:
        s3 = seaweedfs.client(self.endpoint)
        with contextlib.suppress(s3.exceptions.NoSuchBucket):
            keys = seaweedfs.Bucket(self.endpoint, BUCKET).keys()
            for start in range(0, len(keys), 1000):
                s3.delete_objects(
                    Bucket=BUCKET,
                    Delete={"Objects": [{"Key": key} for key in keys[start : start + 1000]]},
                )

    def empty_database(self) -> None:
        import psycopg
        import redis

        name = DATABASE_URL.rsplit("/", 1)[1]
        server = DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(server, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}"')
        # Pages cached by an earlier run link pictures of a bucket that is gone.
        redis.Redis.from_url(REDIS_URL).flushdb()

    def manage(self, *args: str, debug: bool = False) -> str:
        result = subprocess.run(
            [str(BIN / "python"), "manage.py", *args],
            cwd=ROOT,
            env=self.setup_environment(debug=debug),
            capture_output=True,
            text=True,
        )
        with (self.logs / "setup.log").open("a") as output:
            output.write(f"$ manage.py {' '.join(args)}\n{result.stdout}{result.stderr}")
        if result.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
        return result.stdout

    def migrate_and_seed(self) -> None:
        self.manage("migrate", "--noinput")
        seeded = self.manage("seed_demo", "--articles", str(self.articles), debug=True)
        self.logins = [match.groupdict() for match in DEMO_LOGIN.finditer(seeded)]
        if not self.logins:
            raise RuntimeError(f"seed_demo made no demo logins:\n{seeded}")

    def login(self, username: str) -> str:
        """The demo login's password, as seed_demo printed it."""
        return next(login["password"] for login in self.logins if login["username"] == username)

    def start_processes(self) -> None:
        web = Unit.read(WEB_UNIT)
        for node in self.nodes:
            node.server = harness.Server(
                "almene.wsgi",
                node.port,
                self.node_environment(node),
                command=web.command(BIN),
                output=(self.logs / f"node-{node.name}.log").open("ab"),
                wait=False,
                preexec_fn=die_with_parent,
            )
        worker = Unit.read(WORKER_UNIT)
        self.worker = subprocess.Popen(
            worker.command(BIN),
            cwd=worker.directory(ROOT),
            env=self.worker_environment(),
            stdout=(self.logs / "worker.log").open("ab"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=die_with_parent,
        )
        self.start_nginx()
        for node in self.nodes:
            node.server.wait(60)
        harness.wait_for_port(self.port, self.nginx)
        self.wait_until_served()

    def nginx_main_config(self) -> Path:
        """What Debian's /etc/nginx/nginx.conf is on a server, for an nginx of this run's own:
        its files in the run's folder, in the foreground, deploy/nginx/almene.conf inside."""
        folder = self.work / "nginx"
        folder.mkdir(exist_ok=True)
        site = folder / "almene.conf"
        site.write_text(
            nginx_config(
                {
                    "APP_SERVERS": app_servers(node.address for node in self.nodes),
                    "SERVER_NAME": "127.0.0.1 localhost",
                    "LISTEN": f"127.0.0.1:{self.port}",
                    "TLS_CERTIFICATE": str(self.certificate),
                    "TLS_CERTIFICATE_KEY": str(self.certificate.parent / "key.pem"),
                    "STATIC_ROOT": str(self.static_root),
                    "MEDIA_BUCKET_URL": f"{self.endpoint}/{BUCKET}",
                    "ACCESS_LOG": str(self.logs / "nginx-access.log"),
                }
            )
        )
        # Run by root, nginx's workers would be "nobody", who cannot read the run's folder.
        user = f"user {getpass.getuser()};" if os.geteuid() == 0 else ""
        temporary = "\n".join(
            f"    {kind}_temp_path {folder / kind};"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        main = folder / "nginx.conf"
        main.write_text(
            f"""{user}
daemon off;
worker_processes 1;
pid {folder / "nginx.pid"};
error_log {self.logs / "nginx-error.log"} warn;
events {{
    worker_connections 1024;
}}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    server_tokens off;
{temporary}
    include {site};
}}
"""
        )
        return main

    def start_nginx(self) -> None:
        config = self.nginx_main_config()
        check = subprocess.run(
            [NGINX, "-t", "-q", "-p", str(config.parent), "-e", "stderr", "-c", str(config)],
            capture_output=True,
            text=True,
        )
        if check.returncode:
            raise RuntimeError(f"nginx -t: {check.stderr}")
        self.nginx = subprocess.Popen(
            [NGINX, "-p", str(config.parent), "-e", "stderr", "-c", str(config)],
            stdout=subprocess.DEVNULL,
            stderr=(self.logs / "nginx-error.log").open("ab"),
            start_new_session=True,
            preexec_fn=die_with_parent,
        )

    def ssl_context(self):
        import ssl

        return ssl.create_default_context(cafile=str(self.certificate))

    def wait_until_served(self, seconds: float = 30) -> None:
        """Until nginx gives the front page from the nodes (their first requests build it)."""
        deadline = time.monotonic() + seconds
        while True:
            try:
                with urllib.request.urlopen(
                    self.url + "/", timeout=10, context=self.ssl_context()
                ) as response:
                    if response.status == 200:
                        return
            except OSError:
                if time.monotonic() > deadline:
                    raise
            time.sleep(0.2)

    # --- Stopping -----------------------------------------------------------------------

    def kill(self, node: Node) -> None:
        """The node's gunicorn, master and workers, gone at once (SIGKILL to its group)."""
        os.killpg(node.server.process.pid, signal.SIGKILL)
        node.server.process.wait()

    def stop(self) -> None:
        if self.nginx is not None and self.nginx.poll() is None:
            self.nginx.terminate()
            self.nginx.wait(10)
        for node in self.nodes:
            if node.server is not None:
                node.server.stop()
        if self.worker is not None and self.worker.poll() is None:
            self.worker.terminate()  # the task it runs is finished first
            try:
                self.worker.wait(30)
            except subprocess.TimeoutExpired:
                self.worker.kill()
                self.worker.wait()
        if self.mail is not None:
            self.mail.stop()
        if self.store is not None:
            self.store.close()
        elif self.endpoint:
            with contextlib.suppress(Exception):
                self.empty_bucket()
                seaweedfs.client(self.endpoint).delete_bucket(Bucket=BUCKET)
        shutil.rmtree(self.work, ignore_errors=True)

    def __enter__(self) -> Cluster:
        try:
            return self.start()
        except BaseException:
            self.show_logs()
            self.stop()
            raise

    def __exit__(self, *exc_info) -> None:
        if exc_info[0] is not None and exc_info[0] is not KeyboardInterrupt:
            self.show_logs()
        self.stop()

    def show_logs(self, lines: int = 30) -> None:
        for path in sorted(self.logs.glob("*.log")):
            text = path.read_text(errors="replace").splitlines()[-lines:]
            if text:
                print(f"--- {path.name} (last {len(text)} lines)", file=sys.stderr)
                print("\n".join(text), file=sys.stderr)


def banner(cluster: Cluster) -> str:
    logins = ", ".join(
        f"{login['username']} / {login['password']} ({login['role']})" for login in cluster.logins
    )
    nodes = ", ".join(f"{node.name}: {node.url}" for node in cluster.nodes)
    return f"""
Almene Nyheder, two app servers behind nginx: {cluster.url}/
  (a certificate made for this run: let the browser accept it; {cluster.certificate})
  newsroom: {cluster.url}/admin/  logins {logins}
  nodes (gunicorn, {WORKERS_PER_NODE} workers each): {nodes}
  media: the bucket {BUCKET} in SeaweedFS at {cluster.endpoint}, served at {cluster.media_url}
  mail: {cluster.work / "mail.txt"}; logs: {cluster.logs}
Ctrl-C stops everything.
"""


def main() -> None:
    def stop_on_term(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop_on_term)
    with Cluster(port=int(os.environ.get("CLUSTER_PORT", "0"))) as cluster:
        print(banner(cluster), flush=True)
        try:
            while True:
                time.sleep(1)
                for node in cluster.nodes:
                    if node.server is not None and node.server.process.poll() is not None:
                        log(f"node {node.name} stopped (exit {node.server.process.returncode})")
                        node.server = None
        except KeyboardInterrupt:
            log("stopping")


if __name__ == "__main__":
    main()
