"""The shared cache, reached so that it never fails a page, and the content version.

Every call goes through ``safe_get``/``safe_set``/``safe_add``/``safe_delete``: when the
cache (Redis in production) does not answer, the site serves from the database, slower but
without errors, and stops asking the cache for a few seconds, so a dead Redis costs no
timeout on every request.

The *content version* is part of every cache key for public content: a token replaced
whenever something the public pages show is changed and committed (``invalidation.py``).
Each process re-reads it at most once a second, so a change shows everywhere within about a
second. Nothing cached outlives the next scheduled publication either (``lifetime``), so a
scheduled article appears on time without anyone saving anything.
"""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

logger = logging.getLogger("articles.caching")

VERSION_KEY = "content-version"
VERSION_MEMO_SECONDS = 1.0
CACHE_PAUSE_SECONDS = 5.0
MISSING = object()

_cache_down_until = 0.0
_version_memo: tuple[float, str] = (0.0, "")
_next_publication_memo: dict[str, float] = {}


# --- Cache calls that never fail ------------------------------------------------------------


def cache_available() -> bool:
    return time.monotonic() >= _cache_down_until


def _cache_failed(error: Exception):
    global _cache_down_until
    if cache_available():
        logger.warning("Cache unavailable, serving without it for a while: %s", error)
    _cache_down_until = time.monotonic() + CACHE_PAUSE_SECONDS


def safe_get(key: str, default=None):
    if not cache_available():
        return default
    try:
        return cache.get(key, default)
    except Exception as error:  # redis.ConnectionError, TimeoutError, …: any cache failure
        _cache_failed(error)
        return default


def safe_get_many(keys: list[str]) -> dict:
    if not cache_available():
        return {}
    try:
        return cache.get_many(keys)
    except Exception as error:
        _cache_failed(error)
        return {}


def safe_set(key: str, value, timeout: float | None) -> None:
    if not cache_available():
        return
    try:
        cache.set(key, value, timeout)
    except Exception as error:
        _cache_failed(error)


def safe_add(key: str, value, timeout: float | None, *, unavailable: bool = True) -> bool:
    """``cache.add``: whether this call stored the value (it was not there). ``unavailable``
    is the answer when the cache does not answer."""
    if not cache_available():
        return unavailable
    try:
        return cache.add(key, value, timeout)
    except Exception as error:
        _cache_failed(error)
        return unavailable


def safe_delete(key: str) -> None:
    if not cache_available():
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
    rebuilt. Called after a change is committed (invalidation.py), never before."""
    global _version_memo
    version = str(time.time_ns())
    safe_set(VERSION_KEY, version, None)
    _version_memo = (time.monotonic(), version)


def versioned(name: str) -> str:
    return f"{name}:{content_version()}"


# --- The clock: the next scheduled publication ----------------------------------------------


def seconds_to_next_publication() -> float | None:
    """Seconds until the next scheduled article appears, or None if none is scheduled."""
    from articles.models import Article

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


def forget() -> None:
    """Drop what this process remembers of the store (for tests)."""
    global _version_memo, _cache_down_until
    _next_publication_memo.clear()
    _version_memo = (0.0, "")
    _cache_down_until = 0.0
