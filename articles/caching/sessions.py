"""Sessions in the database with the shared cache in front (``SESSION_ENGINE``): Django's
``cached_db``, made so that a cache that fails never fails a request, and never brings back
a session that was ended.

The database is the truth; the cache is a copy that saves the query. Every cache call goes
through the store's ``safe_*`` calls, so while Redis is down or stalled, logging in, the
admin and every logged-in page work from the database alone, and a dead Redis costs its
timeout once, not on every request (``store.cache_available``).

A cache that did not answer may come back with what it held before, sessions that were
ended meanwhile (a logout, a password change, a login that replaced a session) included.
So a cached session is trusted only under the current *session generation*, a token kept in
the database: each cached copy carries the generation it was read or written under, and
whenever an ended or changed session could not be deleted or rewritten in the cache
(``_cache_missed``), the generation is replaced, and every copy made before is read from the
database again. Processes read the generation at most once a second (the page cache fills
a logged-in reader's page without a query); a request that replaced it answers only when
every other process must have read the new one, so once a logout has answered, its session
is gone everywhere.

The generation lives in the sessions table itself, in a row whose key no session can have
(Django's keys are lower-case letters and digits only), that never expires, so
``clearsessions`` keeps it and it needs no table of its own.
"""

from __future__ import annotations

import secrets
import time
from datetime import UTC, datetime

from asgiref.sync import sync_to_async
from django.contrib.sessions.backends.base import VALID_KEY_CHARS
from django.contrib.sessions.backends.db import SessionStore as DBStore
from django.db import DatabaseError, IntegrityError, transaction

from .store import safe_delete, safe_get, safe_set

ENGINE = __name__
KEY_PREFIX = "session:"
GENERATION_ROW = "session-generation"  # the "-" is never in a session's key
GENERATION_MEMO_SECONDS = 1.0
NEVER = datetime(9999, 12, 31, tzinfo=UTC)

# This process's last reading of the generation: (monotonic time, generation).
_generation_memo: tuple[float, str] | None = None
# Replacements of the generation made here, and how many of them were waited out.
_replaced = 0
_waited_out = 0


def _session_model():
    from django.contrib.sessions.models import Session  # not at import: apps load first

    return Session


def generation() -> str:
    """The session generation as committed in the database, read at most once a second."""
    global _generation_memo
    now = time.monotonic()
    if _generation_memo is not None and now - _generation_memo[0] < GENERATION_MEMO_SECONDS:
        return _generation_memo[1]
    try:
        found = (
            _session_model()
            .objects.filter(session_key=GENERATION_ROW)
            .values_list("session_data", flat=True)
            .first()
        )
    except DatabaseError:
        if _generation_memo is None:
            raise  # nothing known: the caller answers as for any database outage
        # No session can be ended while the database is away, so the last reading holds.
        return _generation_memo[1]
    _generation_memo = (now, found or "")
    return _generation_memo[1]


def _cache_missed() -> None:
    """A session was ended or changed in the database, and the cache could not be told: no
    copy in the cache made before now is trusted again."""
    global _generation_memo, _replaced
    token = f"{time.time_ns():x}.{secrets.token_hex(4)}"
    Session = _session_model()
    rows = Session.objects.filter(session_key=GENERATION_ROW)
    if not rows.update(session_data=token):
        try:
            with transaction.atomic():
                Session.objects.create(
                    session_key=GENERATION_ROW, session_data=token, expire_date=NEVER
                )
        except IntegrityError:  # another process made the row just now
            rows.update(session_data=token)
    _generation_memo = (time.monotonic(), token)
    _replaced += 1
    transaction.on_commit(_wait_out)


def _wait_out() -> None:
    """After the new generation committed: wait until every other process has read it
    (each reads it at most a second after it did last), so the ending of a session is
    complete everywhere by the time the request that ended it answers. Once for the
    replacements a commit made, not for each."""
    global _waited_out
    if _waited_out >= _replaced:
        return
    _waited_out = _replaced
    time.sleep(GENERATION_MEMO_SECONDS)


def cache_key(session_key: str) -> str:
    return KEY_PREFIX + session_key


def trusted(entry, current: str | None = None) -> dict | None:
    """The session data of a cached entry, if it was made under the current generation;
    otherwise None, and the database decides."""
    try:
        made_under, data = entry
    except (TypeError, ValueError):
        return None
    if current is None:
        try:
            current = generation()
        except DatabaseError:
            return None
    if made_under != current or not isinstance(data, dict):
        return None
    return data


def forget() -> None:
    """Drop this process's reading of the generation (for tests)."""
    global _generation_memo, _replaced, _waited_out
    _generation_memo = None
    _replaced = _waited_out = 0


class SessionStore(DBStore):
    """Django's database sessions, with a copy of each in the shared cache."""

    def _validate_session_key(self, key):
        # Only keys Django could have made: never the generation's row.
        return super()._validate_session_key(key) and set(key) <= set(VALID_KEY_CHARS)

    def load(self):
        if self.session_key is None:
            return {}
        # Read before the database: a copy made from rows read before a replacement of the
        # generation carries the old one, so a session ended in between never comes back.
        current = generation()
        data = trusted(safe_get(cache_key(self.session_key)), current)
        if data is not None:
            return data
        row = self._get_session_from_db()
        if row is None:
            return {}
        data = self.decode(row.session_data)
        safe_set(
            cache_key(self.session_key),
            (current, data),
            self.get_expiry_age(expiry=row.expire_date),
        )
        return data

    def exists(self, session_key):
        # The database alone: a key the cache still holds may have been ended.
        return super().exists(session_key)

    def save(self, must_create=False):
        if self.session_key is None:
            return self.create()  # which saves, with must_create
        current = generation()
        super().save(must_create)
        stored = safe_set(
            cache_key(self.session_key), (current, self._session), self.get_expiry_age()
        )
        if not stored and not must_create:
            # The cache may hold the session as it was before.
            _cache_missed()

    def delete(self, session_key=None):
        if session_key is None:
            if self.session_key is None:
                return
            session_key = self.session_key
        super().delete(session_key)
        if not safe_delete(cache_key(session_key)):
            _cache_missed()

    # The async API, through the same code: Django's own async methods would read and write
    # the database alone, and leave an ended session in the cache.

    async def aload(self):
        return await sync_to_async(self.load)()

    async def aexists(self, session_key):
        return await sync_to_async(self.exists)(session_key)

    async def asave(self, must_create=False):
        return await sync_to_async(self.save)(must_create)

    async def adelete(self, session_key=None):
        return await sync_to_async(self.delete)(session_key)
