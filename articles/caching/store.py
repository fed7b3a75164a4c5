"""The shared cache, reached so that it never fails a page, and the content version.

Every call goes through ``safe_get``/``safe_set``/``safe_add``/``safe_delete``: when the
cache (Redis in production) does not answer, the site serves from the database, slower but
without errors, and stops asking the cache for a few seconds, so a dead Redis costs no
timeout on every request.

The *content version* is part of every cache key for public content: a number counted up in
the database, in the same transaction as every change to what the public pages show
(``invalidation.py``), so no cache fault can lose a retirement. Each process reads it at most
once a second, so a change shows everywhere within about a second. Nothing cached outlives
the next scheduled publication either (``lifetime``), so a scheduled article appears on time
without anyone saving anything.
"""

from __future__ import annotations

import logging
import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models import F
from django.utils import timezone

logger = logging.getLogger("articles.caching")

VERSION_MEMO_SECONDS = 1.0
CACHE_PAUSE_SECONDS = 5.0
MISSING = object()

_cache_down_until = 0.0
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


def safe_set(key: str, value, timeout: float | None) -> bool:
    """``cache.set``: whether the cache took the value (False: it was not asked, or did not
    answer, and may still hold an older value)."""
    if not cache_available():
        return False
    try:
        cache.set(key, value, timeout)
    except Exception as error:
        _cache_failed(error)
        return False
    return True


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


# Writes of values worked out for a request (fragments, remembered values), sent together in
# one round trip when the request ends (``writes_at_end``): a cold page makes dozens, and
# each would otherwise cost a round trip to Redis. Nothing reads them back from the shared
# cache within the request: their callers keep a copy in this process too.
_pending_writes: ContextVar[list | None] = ContextVar("pending_cache_writes", default=None)


def set_later(key: str, value, timeout: float | None) -> None:
    """``safe_set``, sent with the request's other such writes when it ends; at once outside
    a request (``writes_at_end``)."""
    pending = _pending_writes.get()
    if pending is None:
        safe_set(key, value, timeout)
    else:
        pending.append((key, value, timeout))


@contextmanager
def writes_at_end():
    """Within it, ``set_later`` collects; at its end, the writes go in one round trip per
    lifetime (usually one), through the cache's ``set_many``."""
    token = _pending_writes.set([])
    try:
        yield
    finally:
        pending = _pending_writes.get()
        _pending_writes.reset(token)
        send_writes(pending)


def send_writes(pending: list) -> None:
    if not pending or not cache_available():
        return
    by_lifetime: dict = {}
    for key, value, timeout in pending:
        by_lifetime.setdefault(timeout, {})[key] = value
    try:
        for timeout, values in by_lifetime.items():
            cache.set_many(values, timeout)
    except Exception as error:
        _cache_failed(error)


def safe_delete(key: str) -> bool:
    """``cache.delete``: whether the cache answered (False: the value may still be there)."""
    if not cache_available():
        return False
    try:
        cache.delete(key)
    except Exception as error:
        _cache_failed(error)
        return False
    return True


def safe_incr(key: str) -> int | None:
    """``cache.incr``: the new count, or None when the cache does not answer. Raises
    ValueError, as ``cache.incr`` does, when the key is not there."""
    if not cache_available():
        return None
    try:
        return cache.incr(key)
    except ValueError:
        raise
    except Exception as error:
        _cache_failed(error)
        return None


# --- The content version ---------------------------------------------------------------------

# This process's last reading of the database's content version: (when, version, takedowns).
_version_memo: tuple[float, str, str] | None = None


def _stamp(moment) -> str:
    return str(int(moment.timestamp() * 1000))


def _read_versions() -> tuple[str, str]:
    """(content version, takedown mark) as committed in the database. Each carries the time
    of its last change, so a database restored from a backup never reuses a version under
    which other content was cached."""
    from articles.models import ContentVersion

    row = (
        ContentVersion.objects.filter(pk=1)
        .values_list("number", "changed_at", "takedowns", "taken_down_at")
        .first()
    )
    if row is None:
        return "0", "0"
    number, changed_at, takedowns, taken_down_at = row
    return f"{number}.{_stamp(changed_at)}", f"{takedowns}.{_stamp(taken_down_at)}"


# Counted up whenever the memo is forgotten: a reading that began before (in another thread
# of this process) must not be kept as the memo after, or the change this process just
# committed would not show here for a second.
_forgotten = 0


def _versions() -> tuple[str, str]:
    global _version_memo
    now = time.monotonic()
    memo, forgotten = _version_memo, _forgotten
    if memo is not None and now - memo[0] < VERSION_MEMO_SECONDS:
        return memo[1:]
    try:
        versions = _read_versions()
    except DatabaseError:
        if memo is None:
            raise  # nothing known: the caller answers as for any database outage
        # Nothing public can change while the database cannot be reached, so the last
        # reading holds; it is asked again in a second.
        versions = memo[1:]
    if forgotten == _forgotten:
        _version_memo = (now, *versions)
    return versions


def content_version() -> str:
    """The version every key of cached public content carries. Read from the database at
    most once a second per process: a change shows everywhere within about a second, and
    at once in the process that made it."""
    return _versions()[0]


def takedown_mark() -> str:
    """Changes whenever something public was taken away (``bump_content_version``)."""
    return _versions()[1]


def bump_content_version(*, takedown: bool = False, **kwargs) -> None:
    """A new content version, counted up in the current transaction: every cached page,
    fragment and remembered value is retired when the change commits, and not before (a
    request reading the new version always reads the new rows too). ``takedown``: the change
    took something public away, so the last good copies of pages kept for outages go too.

    Counted in the database, not in the cache: a retirement that a stalled or absent Redis
    could not record would be lost, and the old pages would come back with it."""
    from articles.models import ContentVersion

    now = timezone.now()
    fields = {"number": F("number") + 1, "changed_at": now}
    if takedown:
        fields.update(takedowns=F("takedowns") + 1, taken_down_at=now)
    if not ContentVersion.objects.filter(pk=1).update(**fields):
        # The row is made by a migration; a test database flushed between tests has none.
        ContentVersion.objects.get_or_create(pk=1, defaults={"number": 1})
    transaction.on_commit(forget_versions)


def forget_versions() -> None:
    """Read the versions from the database at the next ask (after this process's change
    committed, so it shows here at once)."""
    global _version_memo, _forgotten
    _forgotten += 1
    _version_memo = None


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
    global _cache_down_until
    _next_publication_memo.clear()
    forget_versions()
    _cache_down_until = 0.0
