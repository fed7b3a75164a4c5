"""Responsive image renditions, made once with Pillow when an image is saved.

Each source image gets WebP and JPEG files at a few widths, for a few shapes (the hero in
its own proportions, a 3:2 card thumbnail, a square portrait). Files are named by a digest
of the source's bytes, so the same picture used by many articles is processed once, and a
replaced picture gets new URLs that caches cannot confuse with the old ones.

The result is a small dict stored on the model (``Article.hero_renditions``), so that pages
build ``srcset`` without touching the storage or the database.

Everything goes through Django's storage API, so the files land wherever media live (the
local folder, or a bucket every app server shares), and round trips to the storage are few:
the source is read once, one listing of the picture's folder says which renditions exist (no
existence check per file), and the files are written by threads while the next are encoded.
"""

from __future__ import annotations

import hashlib
import io
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps


@dataclass(frozen=True)
class Shape:
    widths: tuple[int, ...]
    aspect: float | None  # width / height; None keeps the source's proportions


SHAPES = {
    "hero": Shape(widths=(480, 800, 1200, 1600), aspect=None),
    "card": Shape(widths=(320, 480, 720), aspect=3 / 2),
    "portrait": Shape(widths=(96, 192, 320), aspect=1.0),
}
FORMATS = (
    ("webp", "WEBP", {"quality": 80, "method": 4}),
    ("jpg", "JPEG", {"quality": 82, "optimize": True, "progressive": True}),
)
RENDITION_ROOT = "renditions"
# WebP stores each side in 14 bits, so no WebP file is wider or taller than this (Pillow refuses
# to write one). The upload check allows much longer images (800 x 17000 px, or a 1 x 40000 px
# strip, is within its 40 megapixel), so every rendition is scaled down to fit, in both formats.
WEBP_MAX_SIDE = 16383


def _read(field_file) -> bytes:
    """The picture's bytes, read once (from the upload in memory, or one download from the
    storage): both the digest and the decoding use them."""
    field_file.open("rb")
    try:
        field_file.seek(0)
        data = field_file.read()
        field_file.seek(0)
    finally:
        # Leave uncommitted uploads open: Django still has to save them to storage.
        if getattr(field_file, "_committed", True):
            field_file.close()
    return data


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:24]


def _load(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    # Apply the camera's orientation; the renditions carry no EXIF (and so no location).
    image = ImageOps.exif_transpose(image)
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, (255, 255, 255))
        background.paste(image, mask=image.getchannel("A"))
        return background
    return image.convert("RGB")


# Renditions are written by a few threads of the process while the next ones are encoded: to
# an object store each write is a round trip, which then costs no time of its own. The threads
# live as long as the process (each keeps its own connection to the store); a process forked
# from one that had them makes its own.
_WRITERS = 3
_writers: tuple[int, ThreadPoolExecutor] | None = None


def _writer_pool() -> ThreadPoolExecutor:
    global _writers
    if _writers is None or _writers[0] != os.getpid():
        _writers = (os.getpid(), ThreadPoolExecutor(_WRITERS, thread_name_prefix="renditions"))
    return _writers[1]


def _existing(storage, directory: str) -> set[str]:
    """The names of the files already in ``directory``: one listing, one round trip to an
    object store, instead of an existence check per rendition."""
    try:
        _, files = storage.listdir(directory)
    except FileNotFoundError:  # FileSystemStorage, for a folder not made yet
        return set()
    return {f"{directory}/{name}" for name in files}


def _shape(image: Image.Image, aspect: float | None) -> Image.Image:
    if aspect is None:
        return image
    return ImageOps.fit(image, _fit_size(image.size, aspect), Image.Resampling.LANCZOS)


def _fit_size(size: tuple[int, int], aspect: float) -> tuple[int, int]:
    width, height = size
    if width / height > aspect:
        return max(1, round(height * aspect)), height
    return width, max(1, round(width / aspect))


def _rendition_size(source: tuple[int, int], width: int) -> tuple[int, int]:
    """The size of the rendition ``width`` px wide (at most the source's width) in the source's
    proportions, made smaller still if a side would exceed ``WEBP_MAX_SIDE``; never below 1 px.
    Only a 1 px wide or high rendition of a longer strip can lose its exact proportions."""
    source_width, source_height = source
    width = min(width, source_width, WEBP_MAX_SIDE)
    # The widest rendition whose height, in proportion, still fits.
    width = max(1, min(width, source_width * WEBP_MAX_SIDE // source_height))
    height = max(1, min(WEBP_MAX_SIDE, round(source_height * width / source_width)))
    return width, height


def build_renditions(field_file, shapes: tuple[str, ...], storage=None) -> dict:
    """Make (or find) the renditions of ``field_file`` and describe them.

    Returns ``{"dir": "renditions/ab/abcd…", "hero": [[480, 320], [800, 533]], …}``: for each
    shape the ``[width, height]`` of the files written, smallest first (pages use them for
    ``srcset`` and the width and height attributes). No side exceeds ``WEBP_MAX_SIDE``.
    """
    storage = storage or default_storage
    data = _read(field_file)
    digest = _digest(data)
    directory = f"{RENDITION_ROOT}/{digest[:2]}/{digest}"
    existing = _existing(storage, directory)
    writes = []
    try:
        result = _make_renditions(data, directory, shapes, existing, storage, writes)
    finally:
        for write in writes:
            write.result()  # every file is stored before any page can name it; errors rise
    return result


def _make_renditions(data, directory, shapes, existing, storage, writes) -> dict:
    image = None
    result: dict = {"dir": directory}
    for shape_name in shapes:
        shape = SHAPES[shape_name]
        source = None
        entries = []
        for width in shape.widths:
            if image is None:
                image = _load(data)
            if source is None:
                source = _shape(image, shape.aspect)
            if width > source.width and entries:
                break  # never upscale; the largest rendition is the source's own width
            target_width, target_height = _rendition_size(source.size, width)
            if entries and target_width <= entries[-1][0]:
                break  # held back by WEBP_MAX_SIDE: every larger width would be this one again
            entries.append([target_width, target_height])
            names = [f"{directory}/{shape_name}-{target_width}.{ext}" for ext, _, _ in FORMATS]
            if existing.issuperset(names):
                continue
            resized = source.resize((target_width, target_height), Image.Resampling.LANCZOS)
            for name, (_, pil_format, options) in zip(names, FORMATS, strict=True):
                if name in existing:
                    continue
                buffer = io.BytesIO()
                resized.save(buffer, pil_format, **options)
                writes.append(
                    _writer_pool().submit(storage.save, name, ContentFile(buffer.getvalue()))
                )
        result[shape_name] = entries
    return result


@dataclass(frozen=True)
class Picture:
    """What a template needs to render ``<picture>`` for one shape of one image."""

    directory: str
    shape: str
    sizes: list[list[int]]  # [[width, height], …], smallest first
    alt: str

    @classmethod
    def from_renditions(cls, renditions: dict | None, shape: str, alt: str = "") -> Picture | None:
        if not renditions or not renditions.get(shape):
            return None
        return cls(directory=renditions["dir"], shape=shape, sizes=renditions[shape], alt=alt)

    @cached_property
    def _base_url(self) -> str:
        # One storage lookup per picture; the files' names are appended to its folder's URL
        # (renditions are public files, so no per-file signing is needed).
        return default_storage.url(f"{self.directory}/")

    def _url(self, width: int, ext: str) -> str:
        return f"{self._base_url}{self.shape}-{width}.{ext}"

    def _srcset(self, ext: str) -> str:
        return ", ".join(f"{self._url(width, ext)} {width}w" for width, _ in self.sizes)

    @property
    def srcset_webp(self) -> str:
        return self._srcset("webp")

    @property
    def srcset_jpeg(self) -> str:
        return self._srcset("jpg")

    @property
    def jpeg_urls(self) -> list[str]:
        return [self._url(width, "jpg") for width, _ in self.sizes]

    @property
    def phone_webp(self) -> str:
        """The smallest WebP rendition: what a phone shows, and what an offline copy keeps."""
        return self._url(self.sizes[0][0], "webp")

    @property
    def largest_jpeg(self) -> str:
        return self._url(self.sizes[-1][0], "jpg")

    @property
    def src(self) -> str:
        # The fallback for browsers without srcset: a middling size.
        width, _ = self.sizes[min(1, len(self.sizes) - 1)]
        return self._url(width, "jpg")

    @property
    def width(self) -> int:
        return self.sizes[-1][0]

    @property
    def height(self) -> int:
        return self.sizes[-1][1]
