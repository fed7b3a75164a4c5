"""The article form's stylesheets and scripts in a few files instead of thirty-odd.

The form is the newsroom's busiest page, and Django's admin sends each of its stylesheets and
classic scripts as a file of its own: 38 requests before the editor could be used, each a
round trip on a newsroom laptop's wifi. Here the page names its files in order, and one
address serves them joined (``serve``): ``/admin/samlet/<digest>.css?f=a.css,b.css``. The
digest is of the files' names and versions (their hashed names after ``collectstatic``, their
modification times in development), so a new release gets new addresses and browsers may keep
each bundle for a year.

Only what can be joined without changing its meaning is: stylesheets (their relative
``url()``s made absolute, their ``@import``s put in place, a medium kept as ``@media``), and
classic scripts, in their order, as the browser would have run them one after the other.
ES modules, the import map and scripts that read their own element stay as they are.

Files are read through the static files finders, as ``collectstatic`` reads them, and only
files they find with the bundle's extension are served: the query string names nothing else.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
from functools import lru_cache

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.html import format_html
from django.views.decorators.http import require_GET
from js_asset import Media

# The admin's own stylesheets around the page's (as admin/base.html and change_form.html
# link them), and ours.
STYLES_BEFORE = (
    "admin/css/base.css",
    "admin/css/dark_mode.css",
    "admin/css/forms.css",
    "css/admin.css",
)
STYLES_AFTER = ("admin/css/responsive.css",)
# Run first, as admin/base.html runs it: it sets the colour theme before the page is drawn.
SCRIPTS_BEFORE = ("admin/js/theme.js",)

MAX_FILES = 60
MEDIA = {"all", "screen", "print"}
KINDS = {"css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8"}
URL_IN_CSS = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
IMPORT_IN_CSS = re.compile(r"""@import\s+(?:url\()?\s*['"]?([^'")\s]+)['"]?\s*\)?\s*;""")


# --- The page's side ---------------------------------------------------------------------------


def stylesheet_url(media) -> str:
    """The address of the page's stylesheets, joined: the admin's, ours, then the form's
    widgets' (``media``), each within its medium."""
    files = [*STYLES_BEFORE]
    for medium, paths in media._css.items():
        files += [f"{path}@{medium}" if medium != "all" else path for path in paths]
    files += STYLES_AFTER
    return bundle_url("css", files)


def scripts_html(media, deferred=()) -> str:
    """The page's scripts: its classic scripts joined in one, then what cannot be joined (the
    import map, ES modules) as the widgets gave them, then ``deferred`` (scripts that run
    once the page is read) joined in one, deferred."""
    classic = [*SCRIPTS_BEFORE, *(asset for asset in media._js if isinstance(asset, str))]
    rest = Media(
        js=[asset for asset in media._js if not isinstance(asset, str)],
        importmap=getattr(media, "_importmap", None),
    )
    html = format_html('<script src="{}"></script>', bundle_url("js", classic)) + rest.render()
    if deferred:
        html += format_html('<script src="{}" defer></script>', bundle_url("js", deferred))
    return html


def bundle_url(kind: str, files) -> str:
    files = tuple(dict.fromkeys(files))  # each once, where it first comes
    path = reverse("admin-bundle", kwargs={"key": digest(files), "kind": kind})
    return f"{path}?f={','.join(files)}"


def digest(files: tuple[str, ...]) -> str:
    return _digest(files) if not settings.DEBUG else _digest.__wrapped__(files)


@lru_cache(maxsize=64)
def _digest(files: tuple[str, ...]) -> str:
    """Of the files' names and versions: cached for the life of the process when the static
    files are collected (their names carry their content's hash); worked out each time in
    development, where a file changes under a running server."""
    versions = []
    for name in files:
        found = finders.find(name.partition("@")[0])
        if found is None:
            raise ValueError(f"No static file {name!r} to bundle")
        if settings.DEBUG:
            versions.append(f"{name}:{os.stat(found).st_mtime_ns}")
        else:
            versions.append(f"{name}:{staticfiles_storage.url(name.partition('@')[0])}")
    return hashlib.sha256("\n".join(versions).encode()).hexdigest()[:20]


# --- Serving ------------------------------------------------------------------------------------


@require_GET
def serve(request, key: str, kind: str):
    """A bundle, as the page named it. 404 for any file not among the static files, of
    another kind, or a digest that does not match (an address from another release)."""
    files = tuple(name for name in request.GET.get("f", "").split(",") if name)
    if kind not in KINDS or not files or len(files) > MAX_FILES:
        raise Http404
    for name in files:
        path, _, medium = name.partition("@")
        if not path.endswith(f".{kind}") or ".." in path.split("/") or path.startswith("/"):
            raise Http404
        # A medium goes into the stylesheet as written: only the media widgets name.
        if medium and (kind != "css" or medium not in MEDIA):
            raise Http404
    try:
        if digest(files) != key:
            raise Http404
    except ValueError as missing:
        raise Http404 from missing
    response = HttpResponse(joined(kind, files, key), content_type=KINDS[kind])
    # The address changes with the files: browsers and caches may keep it.
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response


@lru_cache(maxsize=16)
def joined(kind: str, files: tuple[str, ...], key: str) -> bytes:
    parts = []
    for name in files:
        path, _, medium = name.partition("@")
        text = _read(path)
        if kind == "css":
            text = _absolute_css(path, text)
            if medium:
                text = f"@media {medium} {{\n{text}\n}}"
            parts.append(f"/* {path} */\n{text}")
        else:
            # Each script as the browser would have run it: after the one before has ended.
            parts.append(f"/* {path} */\n{text}\n;")
    return "\n".join(parts).encode()


def _read(path: str) -> str:
    found = finders.find(path)
    if found is None:
        raise Http404
    with open(found, encoding="utf-8") as file:
        return file.read()


def _absolute_css(path: str, text: str, depth: int = 0) -> str:
    """``text`` of the stylesheet at ``path`` with its ``@import``s put in place and its
    relative ``url()``s made absolute (as the file's own address would have resolved them),
    so it can be served from anywhere."""
    folder = posixpath.dirname(path)

    def imported(match):
        target = posixpath.normpath(posixpath.join(folder, match.group(1)))
        if depth > 3 or not target.endswith(".css") or finders.find(target) is None:
            return match.group(0)
        return _absolute_css(target, _read(target), depth + 1)

    def absolute(match):
        quote, url = match.groups()
        if re.match(r"^(?:[a-z]+:|/|#)", url):
            return match.group(0)
        base, _, rest = url.partition("?")
        target = posixpath.normpath(posixpath.join(folder, base.partition("#")[0]))
        fragment = "#" + base.partition("#")[2] if "#" in base else ""
        try:
            address = staticfiles_storage.url(target)
        except ValueError:  # not among the collected files: as the browser would resolve it
            address = settings.STATIC_URL + target
        return f"url({quote}{address}{fragment}{'?' + rest if rest else ''}{quote})"

    return URL_IN_CSS.sub(absolute, IMPORT_IN_CSS.sub(imported, text))
