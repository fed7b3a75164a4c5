"""The site as an installable web app that keeps the reading list for offline reading.

- ``/sw.js``: the service worker (templates/articles/sw.js), served from the site's root so
  its scope is the whole site, and never cached (``no-cache``): the browser asks for it again
  and updates as soon as it changes. Its text carries the addresses of the stylesheets,
  fonts and scripts an offline page needs, with their hashed names, and a version made from
  them, so a deploy brings a new worker.
- ``/manifest.webmanifest``: the web app's name, colours and icons.
- ``/ikoner/<size>.png``: the icons, drawn from the site's mark (static/favicon.svg).
- ``/offline/``: the page the worker shows for any page that is not kept, offline.
"""

from __future__ import annotations

import hashlib
import io
import json
from functools import cache, lru_cache

from django.conf import settings
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from PIL import Image, ImageDraw

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


@lru_cache(maxsize=8)
def worker_script(precache: tuple[str, ...], budget: int) -> str:
    """The worker's text, made once per process for what it is made of: the browser asks for
    it on many page views, to see whether it changed."""
    script = render_to_string(
        "articles/sw.js",
        {
            "precache": json.dumps(list(precache)),
            "offline_url": json.dumps(reverse("offline")),
            "reading_list_url": json.dumps(reverse("articles:reading_list")),
            "budget": budget,
        },
    )
    version = hashlib.sha256(script.encode()).hexdigest()[:12]
    return script.replace("__VERSION__", version)


@require_GET
def service_worker(request):
    script = worker_script(tuple(precached()), int(settings.OFFLINE_COPIES_MAX_BYTES))
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
