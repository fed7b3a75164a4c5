"""Caching of public pages, and cache access that survives Redis going away.

A visitor without a reading list (and not logged in) gets the same page as every other such
visitor. Such pages are kept whole in Django's cache (Redis in production) for
PAGE_CACHE_SECONDS, and browsers and shared caches may keep them for PUBLIC_CACHE_SECONDS. A
page for a reader with a list, or a logged-in user, is built for them and marked private.
``Vary: Cookie`` keeps a shared cache from handing one kind to the other.

Invalidation: every cache key includes the *content version*, a token that changes whenever
an article, author, section, tag link, related article or goal is saved or deleted and the
change is committed (see ``bump_after_commit`` and the signal receivers in articles/signals.py
and goals/signals.py).
Each process re-reads the version at most once a second, so a change shows everywhere within
about a second. A cached page never outlives the next scheduled publication: its lifetime is
cut to the time left until then, so scheduled articles appear on time.

Every cache call goes through ``safe_get``/``safe_set``: when the cache does not answer, the
site serves from the database (slower, without errors) and stops asking the cache for a few
seconds, so a dead Redis costs no timeouts on every request. The other way round, each stored
page is also kept for a day as that page's last good copy, which readers get while the
database does not answer (``stale_response``, almene/outage.py).
"""

from __future__ import annotations

import hashlib
import logging
import time
import zlib
from collections import OrderedDict
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.db import InterfaceError, OperationalError, transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers

from .reading_list import COOKIE_NAME as READING_LIST_COOKIE

logger = logging.getLogger(__name__)

VERSION_KEY = "content-version"
VERSION_MEMO_SECONDS = 1.0
CACHE_PAUSE_SECONDS = 5.0

_cache_down_until = 0.0
_version_memo: tuple[float, str] = (0.0, "")
_next_publication_memo: dict[str, float] = {}


# --- Cache calls that never fail ------------------------------------------------------------


def _cache_available() -> bool:
    return time.monotonic() >= _cache_down_until


def _cache_failed(error: Exception):
    global _cache_down_until
    if _cache_available():
        logger.warning("Cache unavailable, serving without it for a while: %s", error)
    _cache_down_until = time.monotonic() + CACHE_PAUSE_SECONDS


def safe_get(key: str, default=None):
    if not _cache_available():
        return default
    try:
        return cache.get(key, default)
    except Exception as error:  # redis.ConnectionError, TimeoutError, …: any cache failure
        _cache_failed(error)
        return default


def safe_set(key: str, value, timeout: float | None) -> None:
    if not _cache_available():
        return
    try:
        cache.set(key, value, timeout)
    except Exception as error:
        _cache_failed(error)


def safe_add(key: str, value, timeout: float | None, *, unavailable: bool = True) -> bool:
    """``cache.add``: whether this call stored the value (it was not there). ``unavailable``
    is the answer when the cache does not answer."""
    if not _cache_available():
        return unavailable
    try:
        return cache.add(key, value, timeout)
    except Exception as error:
        _cache_failed(error)
        return unavailable


def safe_delete(key: str) -> None:
    if not _cache_available():
        return
    try:
        cache.delete(key)
    except Exception as error:
        _cache_failed(error)


# --- The content version --------------------------------------------------------------------


def content_version() -> str:
    global _version_memo
    now = time.monotonic()
    read_at, version = _version_memo
    if version and now - read_at < VERSION_MEMO_SECONDS:
        return version
    version = safe_get(VERSION_KEY)
    if version is None:
        version = str(time.time_ns())
        safe_set(VERSION_KEY, version, None)
    _version_memo = (now, version)
    return version


def bump_content_version(**kwargs) -> None:
    """A new content version now: every cached page, fragment and remembered value is
    rebuilt. Called after a change is committed (``bump_after_commit``), never before."""
    global _version_memo
    version = str(time.time_ns())
    safe_set(VERSION_KEY, version, None)
    _version_memo = (time.monotonic(), version)


def bump_after_commit(**kwargs) -> None:
    """Signal receiver for everything public pages show. The version changes only once the
    change is committed: bumped inside the transaction, a request in between would read the
    new version with the old rows and keep the old page under it. Outside a transaction
    ``on_commit`` runs at once; after a rollback nothing is bumped, as nothing changed."""
    transaction.on_commit(bump_content_version)


def versioned(name: str) -> str:
    return f"{name}:{content_version()}"


LOCAL_VALUES_MAX = 2000
LOCAL_VALUE_SECONDS = 5.0
_local_values: OrderedDict[str, tuple[float, object]] = OrderedDict()
_MISSING = object()


def remembered(name: str, compute, timeout: float = 60 * 60):
    """``compute()``, worked out once per content version: kept in the shared cache for
    ``timeout`` seconds (cut short before the next scheduled publication) and, for a few
    seconds at a time, in this process, so the pages' hot paths make no round trip."""
    key = versioned(name)
    now = time.monotonic()
    entry = _local_values.get(key)
    if entry is not None and entry[0] > now:
        _local_values.move_to_end(key)
        return entry[1]
    value = safe_get(key, _MISSING)
    timeout = lifetime(timeout)
    if value is _MISSING:
        value = compute()
        if timeout:
            safe_set(key, value, timeout)
    if timeout:
        _local_values[key] = (now + min(timeout, LOCAL_VALUE_SECONDS), value)
        while len(_local_values) > LOCAL_VALUES_MAX:
            _local_values.popitem(last=False)
    return value


class SharedFragmentCache(LocMemCache):
    """The cache behind ``{% cache … using="fragments" %}``: rendered parts of pages kept in
    this process's memory and, behind it, in the shared cache. A fragment one worker renders
    is then not rendered again by every other worker, nor by a fresh worker after gunicorn
    recycles one; a local hit still costs no round trip. The keys carry the content version,
    so a change retires fragments in both places."""

    def get(self, key, default=None, version=None):
        value = super().get(key, _MISSING, version)
        if value is _MISSING:
            value = safe_get(self.shared_key(key), _MISSING)
            if value is _MISSING:
                return default
            super().set(key, value, version=version)
        return value

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        super().set(key, value, timeout, version)
        seconds = self.default_timeout if timeout is DEFAULT_TIMEOUT else timeout
        safe_set(self.shared_key(key), value, seconds)

    @staticmethod
    def shared_key(key: str) -> str:
        return f"fragment:{key}"


# --- Values that only change with the content or the clock ---------------------------------


def seconds_to_next_publication() -> float | None:
    """Seconds until the next scheduled article appears, or None if none is scheduled."""
    from .models import Article

    key = versioned("next-publication")
    stamp = _next_publication_memo.get(key)
    if stamp is None:
        stamp = safe_get(key)
    if stamp is None or 0 < stamp <= time.time():  # unknown, or that article is out now
        upcoming = (
            Article.objects.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())
            .order_by("published_at")
            .values_list("published_at", flat=True)
            .first()
        )
        stamp = upcoming.timestamp() if upcoming else 0
        safe_set(key, stamp, settings.PAGE_CACHE_SECONDS or 60)
    # Remembered in this process for the current content version only.
    _next_publication_memo.clear()
    _next_publication_memo[key] = stamp
    if not stamp:
        return None
    return stamp - time.time()


def lifetime(limit: float) -> int:
    """``limit`` seconds, cut short so nothing outlives the next scheduled publication."""
    upcoming = seconds_to_next_publication()
    if upcoming is not None:
        limit = min(limit, upcoming)
    return max(int(limit), 0)


def remembered_object(queryset, **lookup):
    """``get_object_or_404(queryset, **lookup)``, remembered per content version like
    ``remembered``. Only found objects are kept: an unknown slug costs a query every time
    rather than a place in the cache."""
    from django.shortcuts import get_object_or_404

    model = queryset.model._meta.label_lower
    name = ":".join(f"{key}={value}" for key, value in sorted(lookup.items()))
    return remembered(f"object:{model}:{name}", lambda: get_object_or_404(queryset, **lookup))


def cached_count(name: str, queryset) -> int:
    """``queryset.count()``, counted once per content version (and again when a scheduled
    article appears): counting thousands of joined rows on every page view is what makes a
    large archive slow."""
    return remembered(f"count:{name}", queryset.count)


def published_count() -> int:
    """The number of published articles ("Se alle artikler (N)"), shown on most pages."""
    from .models import Article

    return cached_count("published", Article.objects.published())


# --- Public pages ---------------------------------------------------------------------------

# Each process also keeps the pages it served last: a hit then costs no round trip to Redis.
# The keys carry the content version, so a change retires these too.
LOCAL_PAGES_MAX = 300
_local_pages: OrderedDict[str, tuple] = OrderedDict()


def forget_local_state() -> None:
    """Drop what this process remembers (for tests, which empty the shared cache)."""
    global _version_memo, _cache_down_until
    _local_pages.clear()
    _local_values.clear()
    _next_publication_memo.clear()
    _version_memo = (0.0, "")
    _cache_down_until = 0.0


def page_cache_key(request) -> str:
    # Scheme and host are part of the key: pages hold absolute URLs (canonical, Open Graph).
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return versioned(f"page:{hashlib.sha256(address.encode()).hexdigest()[:32]}")


# Headers of a stored page that are worked out again for each answer, never replayed.
PER_ANSWER_HEADERS = frozenset({"cache-control", "x-page-cache", "set-cookie"})


def get_page(key: str):
    """(content, headers, seconds left) of a stored page, or None."""
    now = time.time()
    entry = _local_pages.get(key)
    if entry is not None:
        _local_pages.move_to_end(key)  # least recently served pages leave first
    else:
        entry = safe_get(key)
        if entry is None:
            return None
        _local_pages[key] = entry
        while len(_local_pages) > LOCAL_PAGES_MAX:
            _local_pages.popitem(last=False)
    content, headers, expires = entry
    if expires <= now:
        _local_pages.pop(key, None)
        return None
    return content, headers, int(expires - now)


def stored_headers(response) -> tuple:
    return tuple(
        (name, value) for name, value in response.items() if name.lower() not in PER_ANSWER_HEADERS
    )


def store_page(key: str, response, timeout: int) -> None:
    """Keep a finished response, with the headers every middleware gave it."""
    safe_set(key, (response.content, stored_headers(response), time.time() + timeout), timeout)


def cached_response(request, key: str | None = None):
    """The stored page for this request (under ``key`` when given), as a response, or None."""
    cached = get_page(key or page_cache_key(request))
    if cached is None:
        return None
    content, headers, seconds_left = cached
    response = HttpResponse(content, headers=headers)
    max_age = lifetime(min(settings.PUBLIC_CACHE_SECONDS, seconds_left))
    response["Cache-Control"] = f"public, max-age={max_age}"
    response["X-Page-Cache"] = "hit"
    return response


# --- The last good copy of each page, for when the database is away -------------------------

# What psycopg's failures to reach the database (refused, shut down, starting up, connection
# lost) become in Django.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)

# Beside each page it stores, PageCacheMiddleware keeps a copy under the page's address alone
# (no content version), for a day: when the database does not answer, a reader gets the last
# good copy of the page (almene/outage.py) instead of an error, even after a change retired
# the page or it expired. Only what PageCacheMiddleware stores becomes a copy, pages shared by
# every visitor without a list, so no reader's state is ever shown to another. Compressed:
# copies live a day instead of minutes, and HTML shrinks several times over.
STALE_PAGE_SECONDS = 24 * 60 * 60


def stale_page_key(request) -> str:
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return f"stale-page:{hashlib.sha256(address.encode()).hexdigest()[:32]}"


def store_stale_copy(request, response) -> None:
    seconds = getattr(settings, "STALE_PAGE_SECONDS", STALE_PAGE_SECONDS)
    if seconds > 0:
        entry = (zlib.compress(response.content), stored_headers(response))
        safe_set(stale_page_key(request), entry, seconds)


def stale_response(request):
    """The last good copy of this request's page, as a response, or None. Marked stale and
    kept by no browser or shared cache: it is to be replaced as soon as the database is back."""
    entry = safe_get(stale_page_key(request))
    try:
        content, headers = entry
        response = HttpResponse(zlib.decompress(content), headers=headers)
    except (TypeError, ValueError, zlib.error):  # none, or not a copy this code wrote
        return None
    response["Cache-Control"] = "no-store"
    response["X-Page-Cache"] = "stale"
    return response


def public_page(view):
    """Cache headers, and the full-page cache, for a public page. The page is stored by
    PageCacheMiddleware once every middleware has added its headers."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        reading_list = getattr(request, "reading_list", None)
        personal = reading_list is not None and reading_list.is_personal
        use_cache = (
            not personal and request.method in ("GET", "HEAD") and settings.PAGE_CACHE_SECONDS > 0
        )
        # The key, and so the content version, is fixed before anything is read from the
        # database: a page built from what was read before a change was committed must be
        # stored under the version that change retires, never under the one it brings.
        key = page_cache_key(request) if use_cache else ""
        if use_cache and (response := cached_response(request, key)) is not None:
            return response

        response = view(request, *args, **kwargs)
        if response.status_code != 200 or response.has_header("Cache-Control"):
            return response
        if personal:
            patch_cache_control(response, private=True, no_cache=True)
            patch_vary_headers(response, ["Cookie"])
            return response
        timeout = lifetime(settings.PAGE_CACHE_SECONDS) if use_cache else 0
        if timeout:
            response.page_cache = (key, timeout)
        return shared_headers(
            response, timeout or settings.PUBLIC_CACHE_SECONDS, state="miss" if use_cache else "off"
        )

    return wrapper


def shared_headers(response, timeout: int, state: str):
    """Headers for a page that is the same for every visitor without a reading list."""
    max_age = lifetime(min(settings.PUBLIC_CACHE_SECONDS, timeout))
    patch_cache_control(response, public=True, max_age=max_age)
    patch_vary_headers(response, ["Cookie"])
    response["X-Page-Cache"] = state
    return response


class PageCacheMiddleware:
    """The outermost layer of the site (after the HTTPS redirect): answers a stored page
    before any other middleware runs, and stores the pages ``public_page`` marked, with the
    headers all the other middleware added (security headers, the CSP, X-Frame-Options).

    The common case, a visitor with no cookies of ours, then costs a dictionary lookup.
    Requests with a session or a reading list go the long way, where ``public_page``
    decides. A response that sets a cookie is never stored. Each stored page is also kept as
    the page's last good copy, for answers while the database is away."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.static_prefix = settings.STATIC_URL or "/static/"

    def __call__(self, request):
        if (
            request.method in ("GET", "HEAD")
            and settings.PAGE_CACHE_SECONDS > 0
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and READING_LIST_COOKIE not in request.COOKIES
            and not request.path_info.startswith(self.static_prefix)
            # An http:// request that is to be sent to https:// goes on to that redirect.
            and (request.is_secure() or not settings.SECURE_SSL_REDIRECT)
        ):
            try:
                response = cached_response(request)
            except DATABASE_UNAVAILABLE:
                # Cutting a stored page's lifetime short may ask the database. Without it, go
                # the long way: the view meets the same error and is answered with the page's
                # last good copy or a 503 (almene/outage.py).
                response = None
            if response is not None:
                return response
        response = self.get_response(request)
        marked = getattr(response, "page_cache", None)
        if marked and response.status_code == 200 and not response.cookies:
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            key, timeout = marked
            store_page(key, response, timeout)
            store_stale_copy(request, response)
        return response
