"""The shared cache, reached so that it never fails a page, and the content version.

Every call goes through ``safe_get``/``safe_set``/``safe_add``/``safe_delete``: when the
cache (Redis in production) does not answer, the site serves from the database, slower but
without errors, and stops asking the cache for a few seconds, so a dead Redis costs no
timeout on every request.

The *content version* is part of every cache key for public content: a number counted up in
the database, in the same transaction as every change to what the public pages show
(``invalidation.py``), so no cache fault can lose a retirement. Beside it, the *structure*
version counts the changes that may show anywhere, and each article the number at which it
last changed: whole pages are keyed by the structure and checked against the rest as they
are answered (``pages.freshness``), an article's own fragments by its own version. Each
process reads them at most once a second (only what changed since its last reading), so a
change shows everywhere within about a second. Nothing cached outlives
the next scheduled publication either (``lifetime``), so a scheduled article appears on time
without anyone saving anything.
"""

from __future__ import annotations

import logging
import time
from bisect import bisect_right
from collections.abc import Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models import Count, F, Min
from django.utils import timezone

logger = logging.getLogger("articles.caching")

VERSION_MEMO_SECONDS = 1.0
CACHE_PAUSE_SECONDS = 5.0
MISSING = object()

_cache_down_until = 0.0
_clock_memo: dict[str, tuple[float, int]] = {}


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


# Writes of values worked out for a request (fragments, remembered values, the page itself),
# sent together in one round trip when the request ends (``writes_at_end``): a cold page makes
# dozens, and each would otherwise cost a round trip to Redis. Nothing reads them back from
# the shared cache within the request: their callers keep a copy in this process too.
_pending_writes: ContextVar[list | None] = ContextVar("pending_cache_writes", default=None)


def set_later(key: str, value, timeout: float | None) -> None:
    """``safe_set``, sent with the request's other such writes when it ends; at once outside
    a request (``writes_at_end``)."""
    pending = _pending_writes.get()
    if pending is None:
        safe_set(key, value, timeout)
    else:
        pending.append((key, value, timeout))


def delete_later(keys: list[str]) -> None:
    """``safe_delete_many``, sent after the request's writes when it ends (``set_later``); at
    once outside a request."""
    pending = _pending_writes.get()
    if pending is None:
        safe_delete_many(keys)
    else:
        pending.extend((key, MISSING, None) for key in keys)


@contextmanager
def writes_at_end():
    """Within it, ``set_later`` and ``delete_later`` collect; at its end, they go in one
    round trip (``send_writes``)."""
    token = _pending_writes.set([])
    try:
        yield
    finally:
        pending = _pending_writes.get()
        _pending_writes.reset(token)
        send_writes(pending)


def send_writes(pending: list) -> None:
    """The writes, then the deletions, in one round trip where the cache can (Redis:
    ``RedisCache.write_many``); else through ``set_many`` once per lifetime."""
    if not pending or not cache_available():
        return
    sets = [write for write in pending if write[1] is not MISSING]
    deletes = [key for key, value, _ in pending if value is MISSING]
    try:
        if hasattr(cache, "write_many"):
            cache.write_many(sets, deletes)
            return
        by_lifetime: dict = {}
        for key, value, timeout in sets:
            by_lifetime.setdefault(timeout, {})[key] = value
        for timeout, values in by_lifetime.items():
            cache.set_many(values, timeout)
        if deletes:
            cache.delete_many(deletes)
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


def safe_delete_many(keys: list[str]) -> bool:
    """``cache.delete_many``: the keys in one round trip; whether the cache answered."""
    if not cache_available():
        return False
    try:
        cache.delete_many(keys)
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


@dataclass(frozen=True)
class Versions:
    """One reading of the content version (``ContentVersion``): ``content`` changes with every
    public change, ``takedowns`` with what took something public away, ``structure`` with
    what may show on any page; ``number`` is the count ``content`` carries, and ``articles``
    the number at which each article changed last since the structure did (articles whose
    own page is retired by it, ``PublicArticleVersion``); ``published`` the articles with
    the status published, scheduled ones included (None when there is no reading), and
    ``upcoming`` and ``scheduled`` when the next scheduled one appears (a timestamp, 0 if
    none) and how many are still to come, as of the reading (``publication_clock``)."""

    content: str
    takedowns: str
    structure: str
    number: int
    articles: Mapping[int, int]
    published: int | None = None
    schedule: tuple[float, ...] = ()

    def article(self, article_id) -> int:
        return self.articles.get(article_id, 0)


NO_VERSIONS = Versions("0", "0", "0", 0, {})

# This process's last reading of the database's versions: (when, Versions).
_version_memo: tuple[float, Versions] | None = None


def _stamp(moment) -> str:
    return str(int(moment.timestamp() * 1000))


def _read_versions(previous: Versions | None) -> Versions:
    """The versions as committed in the database. Each string carries the time of its last
    change, so a database restored from a backup never reuses a version under which other
    content was cached. The articles changed since ``previous`` are read on top of it: at
    most one more query, of the few rows written since.

    The row carries the clock every page needs (``publication_clock``): the count and the
    schedule were written by the change that made the version, so reading them is reading
    one row, however large the archive."""
    from articles.models import ContentVersion, PublicArticleVersion

    row = (
        ContentVersion.objects.filter(pk=1)
        .values_list(
            "number",
            "changed_at",
            "takedowns",
            "taken_down_at",
            "structure",
            "restructured_at",
            "restructured_number",
            "published",
            "schedule",
        )
        .first()
    )
    if row is None:
        return NO_VERSIONS
    number, changed_at, takedowns, taken_down_at, structure, restructured_at, since = row[:7]
    published, schedule = row[7:]
    structure = f"{structure}.{_stamp(restructured_at)}"
    articles = {}
    if previous is not None and previous.structure == structure and previous.number <= number:
        since, articles = previous.number, previous.articles
    if number > since:
        # Writers take turns on the version's row, so every change up to ``number`` has
        # committed: none can appear later below it.
        changed = PublicArticleVersion.objects.filter(number__gt=since, number__lte=number)
        articles = {**articles, **dict(changed.values_list("article_id", "number"))}
    return Versions(
        content=f"{number}.{_stamp(changed_at)}",
        takedowns=f"{takedowns}.{_stamp(taken_down_at)}",
        structure=structure,
        number=number,
        articles=articles,
        published=published,
        schedule=tuple(schedule or ()),
    )


# Counted up whenever the memo is forgotten: a reading that began before (in another thread
# of this process) must not be kept as the memo after, or the change this process just
# committed would not show here for a second.
_forgotten = 0

# Within a request (``versions_pinned``), the first reading holds to the end: a page and its
# fragments are keyed by versions read before anything they show, never by a newer one read
# halfway through (which would keep what was read before a change under the version that
# retires it).
_pinned: ContextVar[list | None] = ContextVar("pinned_versions", default=None)


@contextmanager
def versions_pinned():
    token = _pinned.set([])
    try:
        yield
    finally:
        _pinned.reset(token)


def versions() -> Versions:
    """The versions: read from the database at most once a second per process (a change
    shows everywhere within about a second, and at once in the process that made it), and
    once per request."""
    pin = _pinned.get()
    if pin:
        return pin[0]
    global _version_memo
    now = time.monotonic()
    memo, forgotten = _version_memo, _forgotten
    if memo is not None and now - memo[0] < VERSION_MEMO_SECONDS:
        read = memo[1]
    else:
        try:
            read = _read_versions(memo[1] if memo is not None else None)
        except DatabaseError:
            if memo is None:
                raise  # nothing known: the caller answers as for any database outage
            # Nothing public can change while the database cannot be reached, so the last
            # reading holds; it is asked again in a second.
            read = memo[1]
        if forgotten == _forgotten:
            _version_memo = (now, read)
    if pin is not None:
        pin.append(read)
    return read


def content_version() -> str:
    """The version every key of cached public content carries."""
    return versions().content


def takedown_mark() -> str:
    """Changes whenever something public was taken away (``bump_content_version``)."""
    return versions().takedowns


def bump_content_version(*, takedown: bool = False, article: int | None = None) -> None:
    """A new content version, counted up in the current transaction: cached pages, fragments
    and remembered values are retired when the change commits, and not before (a request
    reading the new version always reads the new rows too).

    ``article``: the change is confined to that public article (it stays public): its own
    page is retired and every page that lists articles, not the pages of other articles.
    Without it the change may show anywhere, and everything is retired. ``takedown``: the
    change took something public away, so the last good copies of pages kept for outages go
    too.

    Counted in the database, not in the cache: a retirement that a stalled or absent Redis
    could not record would be lost, and the old pages would come back with it."""
    from articles.models import ContentVersion, PublicArticleVersion

    now = timezone.now()
    fields = {"number": F("number") + 1, "changed_at": now}
    if takedown:
        fields.update(takedowns=F("takedowns") + 1, taken_down_at=now)
    if article is None:
        fields.update(
            structure=F("structure") + 1,
            restructured_at=now,
            restructured_number=F("number") + 1,  # the new number: the old row's, plus one
        )
    if not ContentVersion.objects.filter(pk=1).update(**fields):
        # The row is made by a migration; a test database flushed between tests has none.
        ContentVersion.objects.get_or_create(pk=1, defaults={"number": 1})
    # Counted once the row is this transaction's (the update above waited for any writer
    # before it to commit), in a statement of its own: one begun before that wait would
    # not see the other writer's change on PostgreSQL, and would leave it out.
    ContentVersion.objects.filter(pk=1).update(
        published=_published_with_scheduled(), schedule=_schedule(now)
    )
    if article is not None:
        # The row is this transaction's until it commits: the number read is its own.
        number = ContentVersion.objects.filter(pk=1).values_list("number", flat=True).get()
        PublicArticleVersion.objects.bulk_create(
            [PublicArticleVersion(article_id=article, number=number)],
            update_conflicts=True,
            unique_fields=["article_id"],
            update_fields=["number"],
        )
    transaction.on_commit(forget_versions)


def forget_versions() -> None:
    """Read the versions from the database at the next ask (after this process's change
    committed, so it shows here at once, in the request that made it too)."""
    global _version_memo, _forgotten
    _forgotten += 1
    _version_memo = None
    pin = _pinned.get()
    if pin:
        pin.clear()


def versioned(name: str) -> str:
    return f"{name}:{content_version()}"


# --- The clock: the next scheduled publication, and how many articles are out ----------------


def _published_with_scheduled() -> int:
    from articles.models import Article

    # As ``published()`` counts them, whatever the time: with a time of publication.
    return Article.objects.filter(
        status=Article.Status.PUBLISHED, published_at__isnull=False
    ).count()


# How many scheduled publications the version's row keeps. A newsroom schedules a few days
# ahead; should it ever schedule as many as this, the clock asks the database, as it did before
# the row kept a schedule (``publication_clock``).
SCHEDULE_KEPT = 200


def _schedule(now) -> list[float]:
    """When the scheduled articles appear, soonest first: as timestamps, for the version's row
    (``ContentVersion.schedule``)."""
    from articles.models import Article

    return [
        moment.timestamp()
        for moment in Article.objects.scheduled(now)
        .order_by("published_at")
        .values_list("published_at", flat=True)[:SCHEDULE_KEPT]
    ]


def publication_clock() -> tuple[float, int]:
    """(when the next scheduled article appears, as a timestamp, 0 if none is scheduled; how
    many articles are published now): every page needs the first (``lifetime``) and most show
    the second ("Se alle artikler (N)").

    Both come with the versions (``_read_versions``), read at most once a second: the change
    that made the version counted the articles published, scheduled ones included, and wrote
    down when the scheduled ones appear. Those out now are that count less those whose time
    has not come, so no page asks the database for the clock, a page built cold costs the
    same with 300 articles or 300,000, and a scheduled article comes out on time between two
    readings. Only before the version's row exists, or when it could not keep the whole
    schedule, is the clock asked for here (once per version, and again when the next
    scheduled article is out)."""
    from articles.models import Article

    read = versions()
    schedule = read.schedule
    now = time.time()
    if read.published is not None and len(schedule) < SCHEDULE_KEPT:
        coming = len(schedule) - bisect_right(schedule, now)
        return (schedule[-coming] if coming else 0.0), read.published - coming
    clock = _clock_memo.get(read.content)
    if clock is None or 0 < clock[0] <= now:  # unknown, or that article is out now
        seen = Article.objects.scheduled().aggregate(
            upcoming=Min("published_at"), count=Count("pk")
        )
        upcoming = seen["upcoming"]
        if read.published is None:  # no version recorded yet: everything is counted
            published = Article.objects.published().count()
        else:
            published = read.published - seen["count"]
        clock = (upcoming.timestamp() if upcoming else 0, published)
    # Remembered in this process for the current content version only.
    _clock_memo.clear()
    _clock_memo[read.content] = clock
    return clock


def seconds_to_next_publication() -> float | None:
    """Seconds until the next scheduled article appears, or None if none is scheduled."""
    stamp = publication_clock()[0]
    if not stamp:
        return None
    return stamp - time.time()


def published_count() -> int:
    """The number of published articles ("Se alle artikler (N)"), shown on most pages."""
    return publication_clock()[1]


def lifetime(limit: float) -> int:
    """``limit`` seconds, cut short so nothing outlives the next scheduled publication."""
    upcoming = seconds_to_next_publication()
    if upcoming is not None:
        limit = min(limit, upcoming)
    return max(int(limit), 0)


def forget() -> None:
    """Drop what this process remembers of the store (for tests)."""
    global _cache_down_until
    _clock_memo.clear()
    forget_versions()
    _cache_down_until = 0.0
