"""Checks for uploaded images (article hero images, author photos), used by the admin's forms.

``validate_image_upload`` turns every way an upload can be unusable into a
``ValidationError`` with a Danish message and a ``code``; nothing else escapes, so a bad file
never becomes a server error. ``clean_original`` re-encodes a checked upload for storage
without its metadata (no GPS position leaves the newsroom), and ``ImageUploadField`` is the
form field that puts the two in front of Django's own, more generic image check.

Stored images get names nobody can guess (``hero_image_upload_to``, ``author_photo_upload_to``):
a draft's hero image is a public file under /media/, so its address must not follow from the
uploader's file name. The extension comes from the checked format, never from that name.
"""

from __future__ import annotations

import contextlib
import io
import math
import os
import re
import secrets
import warnings

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageOps

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 40_000_000
ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}

HELP_TEXT = "JPEG, PNG eller WebP, højst 20 MB og 40 megapixel."
ACCEPT = "image/jpeg,image/png,image/webp"

# Pillow calls a JPEG with extra embedded pictures (phones' depth maps and previews) "MPO".
_FORMAT_ALIASES = {"MPO": "JPEG"}
# The extension a stored image gets for its format.
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
# A stored name's last part when it is random: 128 bits as hex, then the extension (files
# from before, whose format could not be told, keep "bin"; see rename_uploads).
RANDOM_FILE_NAME = re.compile(r"[0-9a-f]{32}\.[a-z0-9]+")
_SAVE_OPTIONS = {
    "JPEG": {"quality": 92, "progressive": True, "optimize": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 90, "method": 4},
}
# Major brands of HEIF files (iPhone photos), which Pillow cannot open.
_HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"}
_SNIFF_BYTES = 1024

_MB = 1024 * 1024
_MESSAGES = {
    "too_large": "Filen fylder %(size)s MB. Billeder må højst fylde %(limit)s MB.",
    "svg": (
        "SVG-filer (vektorgrafik) understøttes ikke. "
        "Gem billedet som JPEG, PNG eller WebP, og prøv igen."
    ),
    "not_image": (
        "Filen er ikke et billede, eller også er den beskadiget. Brug JPEG, PNG eller WebP."
    ),
    "unsupported_format": (
        "Billedformatet %(format)s understøttes ikke. Brug JPEG, PNG eller WebP."
    ),
    "too_many_pixels": (
        "Billedet er %(megapixels)s megapixel. Højst %(limit)s megapixel er tilladt."
    ),
    "too_many_pixels_unknown": "Billedet er på over %(limit)s megapixel, og det er ikke tilladt.",
    "corrupt": "Billedet er beskadiget eller ufuldstændigt og kan ikke åbnes.",
}


def _error(code: str, message_key: str | None = None, **params) -> ValidationError:
    return ValidationError(_MESSAGES[message_key or code], code=code, params=params or None)


def _danish_decimal(value: float) -> str:
    """One decimal, rounded up (so a file just over a limit never reads as the limit)."""
    return f"{math.ceil(value * 10 - 1e-9) / 10:.1f}".replace(".", ",")


def _too_large(size: int) -> ValidationError:
    return _error("too_large", size=_danish_decimal(size / _MB), limit=MAX_UPLOAD_BYTES // _MB)


def _too_many_pixels(pixels: int | None) -> ValidationError:
    limit = MAX_PIXELS // 1_000_000
    if pixels is None:
        return _error("too_many_pixels", "too_many_pixels_unknown", limit=limit)
    return _error("too_many_pixels", megapixels=_danish_decimal(pixels / 1_000_000), limit=limit)


def _pixels_from_bomb(exc: Exception) -> int | None:
    # Pillow refuses very large images in Image.open, before we are given their size; its
    # message ("Image size (123 pixels) exceeds limit …") is the only place the size is told.
    match = re.search(r"\((\d+) pixels\)", str(exc))
    return int(match.group(1)) if match else None


def _is_svg(head: bytes, name: str) -> bool:
    if name.lower().endswith((".svg", ".svgz")):
        return True
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return text.startswith(b"<?xml") or (text.startswith(b"<") and b"<svg" in text)


def _is_heif(head: bytes) -> bool:
    return head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS


class _Buffer(io.BytesIO):
    """The upload's bytes. While ``armed`` (during decoding), notes any read that finds no
    more data: the image was cut short. This does not depend on Pillow's global
    ``ImageFile.LOAD_TRUNCATED_IMAGES``, which makes Pillow accept such files silently."""

    armed = False
    ran_out = False

    def read(self, size: int | None = -1, /) -> bytes:
        data = super().read(size)
        if self.armed and not data and size != 0:
            self.ran_out = True
        return data


def _upload_name(upload) -> str:
    return os.path.basename(getattr(upload, "name", None) or "")


def _read(upload) -> bytes:
    size = getattr(upload, "size", None)
    if isinstance(size, int) and size > MAX_UPLOAD_BYTES:
        raise _too_large(size)
    try:
        upload.seek(0)
        data = upload.read(MAX_UPLOAD_BYTES + 1)
    except (AttributeError, OSError, ValueError) as exc:
        raise _error("not_image") from exc
    if len(data) > MAX_UPLOAD_BYTES:
        raise _too_large(size if isinstance(size, int) and size > len(data) else len(data))
    return data


def _rewind(upload) -> None:
    with contextlib.suppress(AttributeError, OSError, ValueError):
        upload.seek(0)


def _open_checked(upload) -> tuple[Image.Image, str]:
    """Run every check and return the fully decoded image with its (allowed) format."""
    data = _read(upload)
    if _is_svg(data[:_SNIFF_BYTES], _upload_name(upload)):
        raise _error("svg")
    buffer = _Buffer(data)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(buffer)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise _too_many_pixels(_pixels_from_bomb(exc)) from exc
        except Exception as exc:
            if _is_heif(data[:16]):
                raise _error("unsupported_format", format="HEIC") from exc
            raise _error("not_image") from exc

        image_format = _FORMAT_ALIASES.get(image.format or "", image.format or "")
        if image_format not in ALLOWED_FORMATS:
            raise _error("unsupported_format", format=image.format or "ukendt")

        width, height = image.size
        if width * height > MAX_PIXELS:
            raise _too_many_pixels(width * height)

        buffer.armed = True
        try:
            image.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise _too_many_pixels(width * height) from exc
        except Exception as exc:
            raise _error("corrupt") from exc
        if buffer.ran_out:
            raise _error("corrupt")
    return image, image_format


def validate_image_upload(upload) -> None:
    """Raise ``ValidationError`` (codes: too_large, svg, not_image, unsupported_format,
    too_many_pixels, corrupt) unless ``upload`` is a whole JPEG, PNG or WebP within the
    limits. The upload is rewound afterwards, whatever the outcome."""
    try:
        _open_checked(upload)
    finally:
        _rewind(upload)


def _cmyk_to_rgb(image: Image.Image, icc_profile: bytes | None) -> Image.Image:
    if icc_profile:
        try:
            from PIL import ImageCms

            return ImageCms.profileToProfile(
                image,
                ImageCms.ImageCmsProfile(io.BytesIO(icc_profile)),
                ImageCms.createProfile("sRGB"),
                outputMode="RGB",
            )
        except Exception:
            pass  # no colour management, or a broken profile: the naive conversion will do
    return image.convert("RGB")


def _reencode(image: Image.Image, image_format: str) -> bytes:
    icc_profile = image.info.get("icc_profile") or None
    transparency = image.info.get("transparency")
    with contextlib.suppress(Exception):  # unreadable EXIF: keep the pixels as they are
        image = ImageOps.exif_transpose(image)

    if image_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = _cmyk_to_rgb(image, icc_profile) if image.mode == "CMYK" else image.convert("RGB")
        icc_profile = None  # the profile described the old colour space; sRGB is implied
    elif image_format == "WEBP" and image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if image.has_transparency_data else "RGB")
        transparency = None

    # Drop everything Pillow would otherwise carry over (EXIF, XMP, comments, text chunks).
    image.info = {}
    if image_format == "PNG" and transparency is not None:
        image.info["transparency"] = transparency
    options = dict(_SAVE_OPTIONS[image_format])
    if icc_profile:
        options["icc_profile"] = icc_profile

    output = io.BytesIO()
    image.save(output, image_format, **options)
    return output.getvalue()


def clean_original(upload) -> ContentFile:
    """A copy of ``upload`` fit to store: camera orientation applied, EXIF/GPS/XMP dropped,
    ICC profile kept, same format (a CMYK JPEG becomes RGB). Checks the upload like
    ``validate_image_upload`` and raises ``ValidationError`` in the same way."""
    try:
        image, image_format = _open_checked(upload)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            try:
                data = _reencode(image, image_format)
            except Exception as exc:
                raise _error("corrupt") from exc
    finally:
        _rewind(upload)
    # Named for its real format (a PNG sent as "foto.jpg" is "foto.png"): the upload_to
    # functions below take the stored file's extension from this name.
    stem = os.path.splitext(_upload_name(upload))[0] or "billede"
    return ContentFile(data, name=f"{stem}.{EXTENSIONS[image_format]}")


def random_file_name(extension: str) -> str:
    """``<32 hex digits>.<extension>``: 128 random bits, so no address can be guessed."""
    return f"{secrets.token_hex(16)}.{extension}"


def extension_for(image_format: str | None) -> str | None:
    """The stored extension for a format as Pillow names it (``None`` if not ours)."""
    return EXTENSIONS.get(_FORMAT_ALIASES.get(image_format or "", image_format or ""))


def stored_extension(filename: str) -> str:
    """The extension of a stored image named after ``filename``: jpg, png or webp as the name
    says (clean_original names each upload after its checked format), otherwise "bin", as any
    other extension is not ours to trust."""
    extension = os.path.splitext(filename)[1].lstrip(".").lower()
    extension = "jpg" if extension == "jpeg" else extension
    return extension if extension in EXTENSIONS.values() else "bin"


def _random_upload_path(folder_format: str, filename: str) -> str:
    folder = timezone.localdate().strftime(folder_format)
    return f"{folder}/{random_file_name(stored_extension(filename))}"


def hero_image_upload_to(instance, filename: str) -> str:
    """``upload_to`` of ``Article.hero_image``: ``articles/2026/12/<32 hex digits>.jpg``."""
    return _random_upload_path("articles/%Y/%m", filename)


def author_photo_upload_to(instance, filename: str) -> str:
    """``upload_to`` of ``Author.photo``: ``authors/2026/<32 hex digits>.png``."""
    return _random_upload_path("authors/%Y", filename)


class ImageUploadField(forms.ImageField):
    """``forms.ImageField`` that runs ``validate_image_upload`` first, so editors see why a
    file was refused rather than Django's generic "invalid image". An empty ``help_text``
    (what a model field without help text passes) gets the default."""

    def __init__(self, *, help_text: str = HELP_TEXT, **kwargs):
        super().__init__(help_text=help_text or HELP_TEXT, **kwargs)

    def to_python(self, data):
        # Empty files and non-files are left to Django's own messages.
        if data not in self.empty_values and hasattr(data, "read") and getattr(data, "size", 0):
            validate_image_upload(data)
        return super().to_python(data)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if "accept" in attrs:
            attrs["accept"] = ACCEPT
        return attrs
