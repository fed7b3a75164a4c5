"""Readers' state for the page cache: what a public page shows of one reader, kept in the
cache so that a stored page is filled for them without a query.

What a page shows of a reader (the counter, which buttons say "Tilføjet til læselisten",
which suggestions to leave out) is their ``ReaderState``. It is kept in the shared cache, and
for a minute in each process's memory, until their list changes (``forget_state``) or the
content does; ``quick_state`` finds it for a request from its cookies alone, before any
middleware runs (pages.py): an anonymous reader by the signed reading-list cookie, a
logged-in reader by their session, read from the session store's copy in the cache and
checked against the user's session hash, as Django's authentication would.

The reading list (articles/reading_list.py) owns the list and its cookie, and tells this
module when a list changed; this module reads the models and the cache only.
"""

from __future__ import annotations

import time
import uuid
from collections import OrderedDict
from dataclasses import dataclass, replace
from datetime import date, timedelta
from importlib import import_module

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from articles.models import Article, Reader, ReadingListItem

from . import sessions
from .store import (
    MISSING,
    content_version,
    lifetime,
    safe_delete,
    safe_get,
    safe_get_many,
    safe_set,
)

# The reader's cookie, set by the reading list when a visitor first adds an article: signed,
# naming a ``Reader`` by its random id.
COOKIE_NAME = "laeseliste"
COOKIE_SALT = "articles.reading-list"
# Browsers keep cookies for at most 400 days; the cookie is renewed when the list changes.
COOKIE_MAX_AGE = 400 * 24 * 60 * 60
SEEN_PRECISION = timedelta(days=1)  # last_seen_at is written at most once a day


@dataclass(frozen=True)
class ReaderState:
    """What public pages show of one reader: the articles on their list (``ids``, published
    or not: their buttons and the suggestions), how many of them readers can open
    (``count``: the header's counter) and which are unread (opening one marks it read).
    ``reader`` is None for a logged-in user who has no list yet."""

    reader: str | None
    user: int | None = None
    ids: frozenset[int] = frozenset()
    count: int = 0
    unread: frozenset[int] = frozenset()
    seen_on: date | None = None


# A reader's state is kept at most this long (and never past the next scheduled
# publication, or a change of content, both of which can change what they may open).
STATE_SECONDS = 60 * 60


# --- A reader's state, for the page cache ---------------------------------------------------


def items_of(reader_id) -> tuple[frozenset[int], frozenset[int], frozenset[int]]:
    """(every article on the reader's list, those the public can open, those unread), in
    one query."""
    rows = list(
        ReadingListItem.objects.filter(reader_id=reader_id)
        .annotate(visible=Exists(Article.objects.published().filter(pk=OuterRef("article_id"))))
        .values_list("article_id", "visible", "read_at")
    )
    return (
        frozenset(article_id for article_id, _, _ in rows),
        frozenset(article_id for article_id, visible, _ in rows if visible),
        frozenset(article_id for article_id, _, read_at in rows if read_at is None),
    )


def state_key(reader_id) -> str:
    return f"reading-list:{reader_id}"


def keep_state(state: ReaderState) -> None:
    seconds = lifetime(STATE_SECONDS)
    if state.reader is not None and seconds:
        entry = (content_version(), time.time() + seconds, state)
        safe_set(state_key(state.reader), entry, seconds)


def kept_state(reader_id) -> ReaderState | None:
    """The reader's kept state, if it still holds for the current content."""
    entry = safe_get(state_key(reader_id))
    try:
        version, expires, state = entry
    except (TypeError, ValueError):
        return None
    if version != content_version() or expires <= time.time():
        return None
    return state


def forget_state(reader_id, user_id=None) -> None:
    """The reader's list changed: their next page is filled from the database."""
    safe_delete(state_key(reader_id))
    if user_id is not None:
        forget_account(user_id)


def read_state(reader_id, *, anonymous: bool) -> ReaderState | None:
    """The reader's state from the database; None when there is no such reader (an
    anonymous cookie naming a purged, or merged, list)."""
    reader = Reader.objects.filter(pk=reader_id, user__isnull=anonymous).first()
    if reader is None:
        return None
    return state_for(reader, items_of(reader.pk))


def state_for(reader: Reader, items) -> ReaderState:
    """The state of ``reader`` with ``items`` (``items_of``: all, public, unread)."""
    ids, visible, unread = items
    return ReaderState(
        reader=str(reader.pk),
        user=reader.user_id,
        ids=ids,
        count=len(visible),
        unread=unread,
        seen_on=timezone.localdate(reader.last_seen_at),
    )


def reader_state(reader_id) -> ReaderState | None:
    """An anonymous reader's state, kept or read from the database."""
    state = kept_state(reader_id)
    if state is None:
        state = read_state(reader_id, anonymous=True)
        if state is not None:
            keep_state(state)
    return state


# A logged-in reader's account and state are kept together, under the user: the page cache
# then needs two reads of the cache for them (the session, this), no more.


def account_key(user_id) -> str:
    return f"reading-list:user:{user_id}"


def forget_account(user_id) -> None:
    """The user changed (password, activity), got a list, or their list changed."""
    safe_delete(account_key(user_id))


def keep_account(user, state: ReaderState) -> None:
    seconds = lifetime(STATE_SECONDS)
    if seconds:
        entry = (
            user.get_session_auth_hash(),
            user.is_active,
            content_version(),
            time.time() + seconds,
            state,
        )
        safe_set(account_key(user.pk), entry, seconds)


def account_state(user_id, session_hash: str, entry=MISSING) -> ReaderState | None:
    """The logged-in reader's state, if the session's hash still holds for the user (a
    changed password ends other sessions) and the user is active; else None. ``entry`` is
    the kept account, when it was read already."""
    if entry is MISSING:
        entry = safe_get(account_key(user_id))
    try:
        auth_hash, active, version, expires, state = entry
    except (TypeError, ValueError):
        auth_hash = None
    if auth_hash is None or version != content_version() or expires <= time.time():
        user = (
            get_user_model()
            .objects.filter(pk=user_id)
            .select_related("reader")
            .only("password", "is_active", "reader__id", "reader__last_seen_at")
            .first()
        )
        if user is None:
            return None
        reader = getattr(user, "reader", None)
        state = (
            read_state(reader.pk, anonymous=False)
            if reader is not None
            else ReaderState(reader=None, user=user.pk)
        )
        keep_account(user, state)
        auth_hash, active = user.get_session_auth_hash(), user.is_active
    if not active or not constant_time_compare(auth_hash, session_hash or ""):
        return None
    return state


def quick_state(request) -> tuple[bool, ReaderState | None]:
    """(whether the visitor is known without going through the site's middleware, their
    state: None for a visitor without a list). Known are a visitor with no cookies of ours,
    an anonymous reader whose cookie names a list, and a logged-in user whose session is
    valid; anyone else (a tampered cookie, an expired session) goes the long way, where the
    cookie is dropped or the session ended."""
    cookies = request.COOKIES
    session_key = cookies.get(settings.SESSION_COOKIE_NAME)
    if session_key:
        known, state = logged_in_state(session_key)
        if known:
            return state is not None, state
    if COOKIE_NAME in cookies:
        value = cookies[COOKIE_NAME]
        state = local_state(value)
        if state is None:
            reader_id = verified_reader(request, value)
            if reader_id is None:
                return False, None
            state = reader_state(reader_id)
            if state is None:
                return False, None
            keep_local_state(value, state)
        return True, state
    return True, None


# Reader states this process read lately, by the reader's cookie. The cookie is made anew
# whenever their list changes (``ReadingList.changed``), so a kept state is never behind
# the list; it is kept for the content version, and no longer than a minute.
LOCAL_STATE_SECONDS = 60.0
_local_states: OrderedDict[str, tuple[str, float, ReaderState]] = OrderedDict()


def local_state(cookie: str) -> ReaderState | None:
    entry = _local_states.get(cookie)
    if entry is None:
        return None
    version, until, state = entry
    if until <= time.monotonic() or version != content_version():
        _local_states.pop(cookie, None)
        return None
    return state


def keep_local_state(cookie: str, state: ReaderState) -> None:
    seconds = min(LOCAL_STATE_SECONDS, lifetime(LOCAL_STATE_SECONDS))
    if seconds:
        _local_states[cookie] = (content_version(), time.monotonic() + seconds, state)
        while len(_local_states) > VERIFIED_MAX:
            _local_states.popitem(last=False)


def forget_local_states() -> None:
    """For tests: what this process keeps beside the shared cache."""
    _local_states.clear()
    _verified.clear()
    _session_users.clear()
    _seen.clear()


def reader_of_cookie(value: str) -> uuid.UUID:
    """The reader a (verified) cookie value names: "<reader>" or "<reader>.<change mark>"."""
    return uuid.UUID(value.partition(".")[0])


# Cookies this process has checked lately, and the reader each names: checking a signature
# costs more than the rest of filling a stored page for a reader. Only good signatures are
# kept, for a minute (well inside the cookie's own age limit).
VERIFIED_SECONDS = 60.0
VERIFIED_MAX = 5000
_verified: OrderedDict[str, tuple[float, uuid.UUID]] = OrderedDict()


def verified_reader(request, value: str) -> uuid.UUID | None:
    """The reader a reading-list cookie names, if its signature holds; else None."""
    now = time.monotonic()
    known = _verified.get(value)
    if known is not None and known[0] > now:
        return known[1]
    try:
        signed = request.get_signed_cookie(COOKIE_NAME, salt=COOKIE_SALT, max_age=COOKIE_MAX_AGE)
        reader_id = reader_of_cookie(signed)
    except (signing.BadSignature, ValueError):
        return None
    _verified[value] = (now + VERIFIED_SECONDS, reader_id)
    while len(_verified) > VERIFIED_MAX:
        _verified.popitem(last=False)
    return reader_id


# The user each session this process saw names: a session's user never changes (a login
# makes a new session). Knowing it, the session and the user's kept state are read from the
# cache in one round trip; the session is still read every time, and decides.
SESSION_USERS_MAX = 5000
_session_users: OrderedDict[str, int] = OrderedDict()
# The site's sessions: in the database, with a copy in the cache (articles/caching/sessions.py).
CACHED_SESSIONS = sessions.ENGINE


def logged_in_state(session_key: str) -> tuple[bool, ReaderState | None]:
    """(whether the session names a logged-in user, their state or None if the session does
    not hold for them any longer)."""
    user_id = _session_users.get(session_key)
    if user_id is not None and settings.SESSION_ENGINE == CACHED_SESSIONS:
        session_cache_key = sessions.cache_key(session_key)
        found = safe_get_many([session_cache_key, account_key(user_id)])
        # Only a copy the session store would trust: one Redis kept through an outage may
        # be of a session ended meanwhile.
        data = sessions.trusted(found.get(session_cache_key))
        if data is not None:
            named, session_hash = user_of_session(data)
            if named != user_id:
                return False, None
            return True, account_state(user_id, session_hash, found.get(account_key(user_id)))
    user_id, session_hash = session_user(session_key)
    if user_id is None:
        return False, None
    _session_users[session_key] = user_id
    while len(_session_users) > SESSION_USERS_MAX:
        _session_users.popitem(last=False)
    return True, account_state(user_id, session_hash)


def session_user(session_key: str) -> tuple[int | None, str | None]:
    """(user id, session hash) of a logged-in session, from the session store (its copy in
    the cache, or the database), or (None, None)."""
    engine = import_module(settings.SESSION_ENGINE)
    session = engine.SessionStore(session_key)
    try:
        data = session.load()
    except Exception:  # a session store that fails: go the long way
        return None, None
    return user_of_session(data)


def user_of_session(data: dict) -> tuple[int | None, str | None]:
    if data.get("_auth_user_backend") not in settings.AUTHENTICATION_BACKENDS:
        return None, None
    try:
        return int(data["_auth_user_id"]), data.get("_auth_user_hash")
    except (KeyError, TypeError, ValueError):
        return None, None


def state_of(request) -> ReaderState | None:
    """The state of the request's reader (None: nothing personal), from its ReadingList."""
    reading_list = getattr(request, "reading_list", None)
    return reading_list.state() if reading_list is not None else None


def is_offline_copy(request) -> bool:
    """Whether the service worker fetches a saved article to keep it for offline reading:
    keeping it is not reading it, so it is not marked read."""
    return request.headers.get("X-Offline-Copy") == "1"


def is_personal(request) -> bool:
    reading_list = getattr(request, "reading_list", None)
    return reading_list is not None and reading_list.is_personal


def opened_by_state(request, state: ReaderState, article_id: int | None) -> None:
    """A reader opened an article on their list from a stored page: mark it read, as the
    article view does; and note the reader as seen, at most once a day."""
    if state.reader is None:
        return
    if article_id in state.unread:
        mark_opened(state.reader, article_id, state.user)
        cookie = request.COOKIES.get(COOKIE_NAME)
        if cookie and state.user is None:
            # This process's kept state is brought up to date: read, not marked again.
            keep_local_state(cookie, replace(state, unread=state.unread - {article_id}))
    today = timezone.localdate()
    if (
        state.seen_on is not None
        and state.seen_on < today - SEEN_PRECISION
        and _seen.get(state.reader) != today  # a state kept in this process may lag behind
    ):
        Reader.objects.filter(pk=state.reader).update(last_seen_at=timezone.now())
        forget_state(state.reader, state.user)
        _seen[state.reader] = today
        while len(_seen) > VERIFIED_MAX:
            _seen.pop(next(iter(_seen)))


# Readers this process noted as seen today (see opened_by_state).
_seen: dict[str, date] = {}


def mark_opened(reader_id, article_id: int, user_id=None) -> None:
    ReadingListItem.objects.filter(
        reader_id=reader_id, article_id=article_id, read_at__isnull=True
    ).update(read_at=timezone.now())
    forget_state(reader_id, user_id)
