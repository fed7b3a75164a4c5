"""The site as an installable web app that keeps the reading list for offline reading.

- ``/sw.js``: the service worker (templates/articles/sw.js), served from the site's root so
  its scope is the whole site, and never cached (``no-cache``): the browser asks for it again
  and updates as soon as it changes. Its text carries the addresses of the stylesheets,
  fonts and scripts an offline page needs, with their hashed names, and a version made from
  them, so a deploy brings a new worker.
- ``/manifest.webmanifest``: the web app's name, colours and icons.
- ``/ikoner/<size>.png``: the icons, drawn from the site's mark (static/favicon.svg).
- ``/offline/``: the page the worker shows for any page that is not kept, offline.
- ``/laeseliste/kopier/``: which of the articles a worker keeps are still public, asked only
  when the mark the site's pages carry (``copies_mark``) has changed since the worker last
  asked, so that an article taken down leaves readers' offline copies at their next page
  view, at the cost of one request per change of content rather than one per page.

Offline copies belong to the reader who saved them: the worker keeps them under the public id
in the ``laeseliste-ejer`` cookie (articles/reading_list.py) and serves none once that cookie
is gone or names someone else.
"""

from __future__ import annotations

import hashlib
import io
import json
from functools import cache, lru_cache
from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseForbidden, JsonResponse
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import Resolver404, resolve, reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from PIL import Image, ImageDraw

from .caching.store import takedown_mark
from .models import Article
from .reading_list import MAX_ITEMS, OWNER_COOKIE, same_origin

# The site's mark (static/favicon.svg): a white house on a green rounded square, 32 × 32.
MARK_COLOUR = "#0b5a46"
MARK_HOUSE = [(7, 25), (7, 13), (16, 7), (25, 13), (25, 25), (19, 25), (19, 18), (13, 18), (13, 25)]
ICON_SIZES = (192, 512)

# What a kept page needs besides itself, fetched when the worker is installed.
OFFLINE_ASSETS = (
    "css/site.css",
    "css/print.css",
    "js/reading-list.js",
    "js/offline.js",
    "fonts/source-serif-4-latin-wght-normal.woff2",
    "favicon.svg",
)


def precached() -> list[str]:
    assets = []
    for name in OFFLINE_ASSETS:
        try:
            assets.append(static(name))
        except ValueError:  # not in the manifest of collected files (a file yet to come)
            continue
    return [reverse("offline"), *assets]


def media_origin() -> str:
    """The origin media are read from when it is not the site's own (a bucket, its CDN), for
    the worker to keep a saved article's picture from there; "" otherwise."""
    media = urlsplit(settings.MEDIA_URL)
    return f"{media.scheme}://{media.netloc}" if media.scheme and media.netloc else ""


@lru_cache(maxsize=8)
def worker_script(precache: tuple[str, ...], budget: int, media: str = "") -> str:
    """The worker's text, made once per process for what it is made of: the browser asks for
    it on many page views, to see whether it changed."""
    script = render_to_string(
        "articles/sw.js",
        {
            "precache": json.dumps(list(precache)),
            "offline_url": json.dumps(reverse("offline")),
            "reading_list_url": json.dumps(reverse("articles:reading_list")),
            "copies_url": json.dumps(reverse("articles:reading_list_copies")),
            "owner_cookie": json.dumps(OWNER_COOKIE),
            "mark_name": json.dumps(MARK_NAME),
            "budget": budget,
            "media_origin": json.dumps(media),
        },
    )
    version = hashlib.sha256(script.encode()).hexdigest()[:12]
    return script.replace("__VERSION__", version)


@require_GET
def service_worker(request):
    script = worker_script(
        tuple(precached()), int(settings.OFFLINE_COPIES_MAX_BYTES), media_origin()
    )
    response = HttpResponse(script, content_type="text/javascript; charset=utf-8")
    # The browser checks for a new worker on every visit; nothing may keep this one.
    response["Cache-Control"] = "no-cache"
    return response


@require_GET
@cache_control(public=True, max_age=60 * 60 * 24)
def manifest(request):
    data = {
        "name": settings.SITE_NAME,
        "short_name": "Almene",
        "description": "Nyheder og baggrund fra den almene boligsektor.",
        "lang": "da",
        "dir": "ltr",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": MARK_COLOUR,
        "icons": [
            {"src": static("favicon.svg"), "sizes": "any", "type": "image/svg+xml"},
            *(
                {
                    "src": reverse("icon", kwargs={"size": size}),
                    "sizes": f"{size}x{size}",
                    "type": "image/png",
                    "purpose": "any maskable",
                }
                for size in ICON_SIZES
            ),
        ],
    }
    return HttpResponse(
        json.dumps(data, ensure_ascii=False), content_type="application/manifest+json"
    )


@cache
def icon_png(size: int) -> bytes:
    """The mark at ``size`` pixels, square and full-bleed, with the house inside the middle
    80% (the "safe zone" a maskable icon keeps when it is cut to a circle)."""
    image = Image.new("RGB", (size, size), MARK_COLOUR)
    draw = ImageDraw.Draw(image)
    inner, offset = size * 0.8 / 32, size * 0.1
    draw.polygon([(offset + x * inner, offset + y * inner) for x, y in MARK_HOUSE], fill="white")
    output = io.BytesIO()
    image.save(output, "PNG", optimize=True)
    return output.getvalue()


@require_GET
@cache_control(public=True, max_age=60 * 60 * 24 * 7)
def icon(request, size: int):
    if size not in ICON_SIZES:
        raise Http404("Ikonet findes ikke i den størrelse.")
    return HttpResponse(icon_png(size), content_type="image/png")


@require_GET
def offline_page(request):
    """Shown by the service worker, offline, for a page it has not kept. Standalone: it is
    kept at install, for everyone, and must ask nothing of anyone."""
    html = render_to_string(
        "offline.html",
        {"reading_list_url": reverse("articles:reading_list"), "site_name": settings.SITE_NAME},
    )
    response = HttpResponse(html)
    response["Cache-Control"] = "no-cache"
    return response


# --- Which copies may stay ------------------------------------------------------------------

# The <meta> every page carries the mark in (templates/base.html), read by the worker.
MARK_NAME = "offline-kopier"
# The most addresses one question may name: a list holds MAX_ITEMS articles, and a worker may
# still keep a few that left it.
MAX_ADDRESSES = 2 * MAX_ITEMS


def copies_mark() -> str:
    """The mark every page carries for the service worker: it changes whenever something the
    public could open was taken down (an unpublish, a deletion, a publication moved into the
    future), and the worker, seeing a mark it has not checked, asks ``public_copies`` once
    which of its copies may stay. The one place that says what the mark is.

    It is the store's takedown mark, counted in the database with the change itself, so a
    cache fault cannot lose it, and it does not change when an article is merely edited or
    published: readers' workers ask once per takedown, not once per change. A page stored by
    the page cache carries the mark it was rendered with, and that is current for as long as
    the page is answered: every takedown also counts up the content version that every stored
    page and fragment is keyed by, and the last good copies kept for outages are keyed by the
    takedown mark itself (articles/caching/pages.py)."""
    return takedown_mark()


def article_slug(address) -> str | None:
    """The slug of an article page's address (the worker's key for a copy), or None for
    anything else."""
    if not isinstance(address, str) or not address.startswith("/") or len(address) > 500:
        return None
    try:
        match = resolve(address)
    except Resolver404:
        return None
    return match.kwargs.get("slug") if match.view_name == "articles:detail" else None


@csrf_exempt  # changes nothing; refused from other sites all the same (same_origin)
@require_POST
def public_copies(request):
    """Which of the addresses a worker keeps copies of are public articles now.

    The question is ``{"adresser": [...]}`` (POST, so that a long list fits); the answer is
    ``{"offentlige": [...], "maerke": ...}``: the public ones among them, and the mark the
    answer holds for. The mark is read before the database, so a takedown committed after
    the articles were read brings a mark the worker has not checked. One query however many
    addresses. Nothing else is told: a draft, a scheduled article and an address that was
    never an article are all just "not public". The same for every reader: no cookie is
    read."""
    if not same_origin(request):
        return HttpResponseForbidden("Forespørgslen kom ikke fra Almene Nyheder.")
    mark = copies_mark()
    try:
        addresses = json.loads(request.body)["adresser"]
    except (ValueError, TypeError, KeyError):
        addresses = None
    if not isinstance(addresses, list) or len(addresses) > MAX_ADDRESSES:
        return JsonResponse({"fejl": "Forespørgslen kunne ikke læses."}, status=400)
    slugs = {}
    for address in addresses:
        slug = article_slug(address)
        if slug:
            slugs[address] = slug
    public = set(
        Article.objects.published()
        .filter(slug__in=set(slugs.values()))
        .values_list("slug", flat=True)
    )
    response = JsonResponse(
        {
            "offentlige": [address for address, slug in slugs.items() if slug in public],
            "maerke": mark,
        }
    )
    response["Cache-Control"] = "no-store"
    return response
