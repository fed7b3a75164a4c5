"""How long an editor's picture upload takes with media in the local folder and in object
storage (issue 24): `python bench/media_upload.py` prints a table and writes
bench/results-media-upload.md.

Each sample is one save of the article change form with a new hero picture, through Django's
test client in this process (the view's own work: checking the picture, cleaning it, making
its 14 renditions and storing everything; no network between browser and server), under the
test settings on SQLite. Three kinds, taken in turn so that the machine's load falls on all
alike:

- the local folder (``MEDIA_ROOT``, FileSystemStorage);
- object storage: SeaweedFS on this machine (tests/seaweedfs.py), through django-storages;
- the same store behind a proxy that answers every request ``BENCH_STORE_DELAY_MS`` (40) ms
  late, as a store in another data centre would.

Every picture is different (a 12-megapixel phone-sized JPEG of about 3 MB), so every
rendition is made. The first upload of each kind is not counted (it sets up the process's
clients); medians and the slowest of ``BENCH_UPLOADS`` (7) samples are.
"""

from __future__ import annotations

import io
import os
import socket
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "almene.settings.test")

UPLOADS = int(os.environ.get("BENCH_UPLOADS", "7"))
DELAY = int(os.environ.get("BENCH_STORE_DELAY_MS", "40")) / 1000
SIZE = (4000, 3000)


class SlowProxy:
    """A TCP proxy on a free port of 127.0.0.1 whose answers leave ``delay`` seconds late."""

    def __init__(self, port: int, delay: float):
        self.target, self.delay = ("127.0.0.1", port), delay
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            client, _ = self.listener.accept()
            server = socket.create_connection(self.target)
            for source, sink, delay in ((client, server, 0), (server, client, self.delay)):
                threading.Thread(target=self.pump, args=(source, sink, delay), daemon=True).start()

    @staticmethod
    def pump(source, sink, delay):
        try:
            while data := source.recv(65536):
                if delay:
                    time.sleep(delay)
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for each in (source, sink):
                each.close()


def phone_photo(seed: int) -> bytes:
    from PIL import Image

    small = Image.effect_noise((SIZE[0] // 8, SIZE[1] // 8), 60 + seed % 20).convert("RGB")
    picture = Image.blend(
        small.resize(SIZE, Image.Resampling.BICUBIC),
        Image.effect_noise(SIZE, 20).convert("RGB"),
        0.15,
    )
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def main() -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.core.files.storage import FileSystemStorage, default_storage
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from harness import conditions

    from almene.media import ObjectStore
    from almene.storage import ObjectStorage
    from tests import seaweedfs
    from tests.factories import ArticleFactory, UserFactory
    from tests.test_admin import article_post, change_url

    setup_test_environment()
    connection.creation.create_test_db(verbosity=0)
    server = seaweedfs.SeaweedFS()
    server.start()
    proxy = SlowProxy(server.port, DELAY)
    try:
        bucket = "bench-media"
        seaweedfs.make_bucket(server.endpoint, bucket)

        def store(endpoint: str, folder: str) -> ObjectStorage:
            found = ObjectStore(
                bucket_name=bucket,
                endpoint_url=endpoint,
                access_key=seaweedfs.ACCESS_KEY,
                secret_key=seaweedfs.SECRET_KEY,
                region_name=seaweedfs.REGION,
                addressing_style="path",
                location=folder,
            )
            return ObjectStorage(**found.storage()["OPTIONS"])

        # Each kind's storage is kept from one upload to the next, as a running process keeps
        # its one default storage (and its clients to the store).
        kinds = {
            "local folder": FileSystemStorage(location=settings.MEDIA_ROOT),
            "object storage (SeaweedFS, this machine)": store(server.endpoint, "near"),
            f"object storage, +{DELAY * 1000:.0f} ms per request": store(
                f"http://127.0.0.1:{proxy.port}", "far"
            ),
        }
        client = Client()
        client.force_login(UserFactory(username="redaktoer", groups=["Redaktør"]))
        pictures = iter(phone_photo(n) for n in range(10_000))
        size = len(phone_photo(0))
        load_before = os.getloadavg()

        def upload(storage) -> float:
            default_storage._setup()
            default_storage._wrapped = storage
            article = ArticleFactory(draft=True)
            data = article_post(
                article,
                hero_image=SimpleUploadedFile("IMG_0001.jpg", next(pictures), "image/jpeg"),
            )
            started = time.perf_counter()
            response = client.post(change_url(article), data)
            took = time.perf_counter() - started
            assert response.status_code == 302, response.status_code
            return took

        first = {kind: upload(storage) for kind, storage in kinds.items()}
        times = {kind: [] for kind in kinds}
        for _ in range(UPLOADS):
            for kind, storage in kinds.items():
                times[kind].append(upload(storage))
        load_after = os.getloadavg()
    finally:
        server.close()

    local = statistics.median(times["local folder"])
    rows = [
        "| media | median s | slowest s | × local | first upload s |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for kind, samples in times.items():
        median = statistics.median(samples)
        rows.append(
            f"| {kind} | {median:.2f} | {max(samples):.2f} | {median / local:.2f} "
            f"| {first[kind]:.2f} |"
        )
    text = "\n".join(
        [
            "# Upload of a hero picture: local folder against object storage",
            "",
            *conditions("SeaweedFS runs on it too", load_before, load_after),
            f"- Each upload: a new {SIZE[0]} × {SIZE[1]} JPEG of {size / 1e6:.1f} MB, checked, "
            "cleaned and stored with its 14 renditions (the article change form through Django's "
            "test client, SQLite); the kinds taken in turn",
            f"- {UPLOADS} uploads of each kind after a first one (warm process; the first, "
            "which sets up the clients, is shown apart)",
            "",
            *rows,
            "",
            "`python bench/media_upload.py` (BENCH_UPLOADS, BENCH_STORE_DELAY_MS).",
            "",
        ]
    )
    print(text)
    (ROOT / "bench" / "results-media-upload.md").write_text(text)


if __name__ == "__main__":
    main()
