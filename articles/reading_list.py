"""The reading list ("Læseliste"): who the reader is, and what is on their list.

A reader is found, in this order, from the logged-in user's account or from a signed,
long-lived cookie that names a ``Reader`` row by its random id. The cookie is set only when a
visitor first adds an article, so a visitor without a list carries no cookie and gets pages
that are identical for everyone. A tampered, expired or unknown cookie means a fresh, empty
list: never an error and never another reader's list.

What a public page shows of a reader (the counter, which buttons say "Tilføjet til
læselisten", which suggestions to leave out) is their ``ReaderState``. It is kept in the
cache until their list changes (``forget_state``) or the content does, so the page cache can
fill a stored page for them without a query (``quick_state``, articles/caching/pages.py).
"""

from __future__ import annotations

import secrets
import time
import uuid
from collections import OrderedDict
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cached_property
from importlib import import_module
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.db.models import Exists, OuterRef, Prefetch
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from .caching import sessions
from .caching.store import (
    MISSING,
    content_version,
    lifetime,
    safe_delete,
    safe_get,
    safe_get_many,
    safe_set,
)
from .models import Article, ArticleAuthor, Reader, ReadingListItem

COOKIE_NAME = "laeseliste"
COOKIE_SALT = "articles.reading-list"
# Browsers keep cookies for at most 400 days; the cookie is renewed when the list changes.
COOKIE_MAX_AGE = 400 * 24 * 60 * 60
# Whose offline copies the browser keeps (templates/articles/sw.js): the service worker cannot
# see the reader's cookie (HttpOnly), so a second cookie, readable by scripts, names the
# reader by a public id, "<owner id>.<expiry, Unix seconds>". It lives and dies with the
# reader's cookie (or, logged in, with the session), so copies never outlast their reader.
OWNER_COOKIE = "laeseliste-ejer"
OWNER_SALT = "articles.reading-list.owner"
MAX_ITEMS = 500
FULL_MESSAGE = f"Din læseliste er fuld ({MAX_ITEMS} artikler). Fjern nogle, før du gemmer flere."
SEEN_PRECISION = timedelta(days=1)  # last_seen_at is written at most once a day


class ReadingListFull(Exception):
    """The list holds MAX_ITEMS articles already."""


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


class ReadingList:
    """One request's view of its reader's list. Nothing is queried until it is asked for,
    and a visitor without a list costs no query at all."""

    def __init__(self, request):
        self.request = request
        self.cookie_was_invalid = False
        self.cookie_to_set: str | None = None

    # --- Who is reading --------------------------------------------------------------------

    @cached_property
    def reader(self) -> Reader | None:
        user = getattr(self.request, "user", None)
        if user is not None and user.is_authenticated:
            reader = Reader.objects.filter(user=user).first()
        else:
            reader = self._reader_from_cookie()
        if reader is not None and reader.last_seen_at < timezone.now() - SEEN_PRECISION:
            reader.last_seen_at = timezone.now()
            Reader.objects.filter(pk=reader.pk).update(last_seen_at=reader.last_seen_at)
        return reader

    def _reader_from_cookie(self) -> Reader | None:
        if COOKIE_NAME not in self.request.COOKIES:
            return None
        try:
            value = self.request.get_signed_cookie(
                COOKIE_NAME, salt=COOKIE_SALT, max_age=COOKIE_MAX_AGE
            )
            reader_id = reader_of_cookie(value)
        except (signing.BadSignature, ValueError):
            self.cookie_was_invalid = True
            return None
        reader = Reader.objects.filter(pk=reader_id, user__isnull=True).first()
        if reader is None:
            self.cookie_was_invalid = True  # purged, or merged into an account at login
        return reader

    @property
    def is_personal(self) -> bool:
        """Whether pages for this request may differ from everyone else's."""
        user = getattr(self.request, "user", None)
        return bool(user is not None and user.is_authenticated) or self.reader is not None

    def get_or_create_reader(self) -> Reader:
        if self.reader is not None:
            return self.reader
        user = getattr(self.request, "user", None)
        if user is not None and user.is_authenticated:
            reader, _ = Reader.objects.get_or_create(user=user)
            forget_account(user.pk)
        else:
            reader = Reader.objects.create()
            self.changed(reader)
        self.__dict__["reader"] = reader
        self._forget()
        return reader

    # --- What is on the list ---------------------------------------------------------------

    @cached_property
    def _ids(self) -> tuple[frozenset[int], frozenset[int], frozenset[int]]:
        """(every article on the list, those the public can open, those unread), in one
        query."""
        if self.reader is None:
            return frozenset(), frozenset(), frozenset()
        return items_of(self.reader.pk)

    def state(self) -> ReaderState | None:
        """This reader's state for public pages (None: no reader, nothing personal), kept
        for the page cache's next request."""
        if not self.is_personal:
            return None
        reader = self.reader
        user = getattr(self.request, "user", None)
        if reader is None:
            state = ReaderState(reader=None, user=user.pk)  # a logged-in user without a list
        else:
            ids, visible, unread = self._ids
            state = ReaderState(
                reader=str(reader.pk),
                user=reader.user_id,
                ids=ids,
                count=len(visible),
                unread=unread,
                seen_on=timezone.localdate(reader.last_seen_at),
            )
        if user is not None and user.is_authenticated:
            keep_account(user, state)
        else:
            keep_state(state)
        return state

    @property
    def article_ids(self) -> frozenset[int]:
        """Every article on the list, published or not (for buttons and suggestions)."""
        return self._ids[0]

    @property
    def count(self) -> int:
        """The header's counter: articles on the list that readers can open."""
        return len(self._ids[1])

    def __contains__(self, article) -> bool:
        return getattr(article, "pk", article) in self.article_ids

    def _saved_and_published(self):
        """The items whose articles are published, newest added first, with their articles
        and sections."""
        if self.reader is None:
            return ReadingListItem.objects.none()
        return (
            self.reader.items.filter(article__in=Article.objects.published())
            .select_related("article", "article__section")
            .order_by("-added_at", "-pk")
        )

    def items(self):
        """The list page: published articles on the list, newest added first."""
        return self._saved_and_published().defer("article__body")

    def items_in_full(self):
        """The print view: the same articles as ``items()``, in the same order, with their
        bodies and bylines. Two queries however long the list: the items with their
        articles and sections, then every byline with its author."""
        return (
            self._saved_and_published()
            # Only ever read inside PostgreSQL (ArticleManager leaves it out too).
            .defer("article__search_vector")
            .prefetch_related(
                Prefetch(
                    "article__bylines", queryset=ArticleAuthor.objects.select_related("author")
                )
            )
        )

    def unavailable_count(self) -> int:
        """Saved articles that are no longer published (they come back if republished)."""
        if self.reader is None:
            return 0
        return self.reader.items.exclude(article__in=Article.objects.published()).count()

    # --- Changing the list -----------------------------------------------------------------

    def add(self, article: Article) -> None:
        reader = self.get_or_create_reader()
        forget_state(reader.pk, reader.user_id)
        if article.pk in self.article_ids:
            return
        if reader.items.count() >= MAX_ITEMS:
            raise ReadingListFull
        # ON CONFLICT DO NOTHING: a double click or a concurrent request makes no duplicate
        # and no error; the unique constraint has the last word.
        ReadingListItem.objects.bulk_create(
            [ReadingListItem(reader=reader, article=article)], ignore_conflicts=True
        )
        self.changed(reader)
        self._forget()

    def remove(self, article: Article) -> None:
        if self.reader is not None:
            self.reader.items.filter(article=article).delete()
            self._forget()
            forget_state(self.reader.pk, self.reader.user_id)
            self.changed(self.reader)

    def mark_read(self, article: Article, read: bool = True) -> None:
        if self.reader is not None:
            self.reader.items.filter(article=article).update(
                read_at=timezone.now() if read else None
            )
            self._forget()
            forget_state(self.reader.pk, self.reader.user_id)
            self.changed(self.reader)

    def opened(self, article: Article) -> None:
        """Opening an article on the list marks it read."""
        if article.pk in self._ids[2]:
            mark_opened(self.reader.pk, article.pk, self.reader.user_id)
            self._forget()

    def changed(self, reader: Reader) -> None:
        """The list changed: an anonymous reader gets their cookie again, with a new mark in
        it, so that every process knows its kept state of the list is out of date."""
        if reader.user_id is None:
            self.cookie_to_set = f"{reader.pk}.{secrets.token_hex(4)}"

    def _forget(self):
        self.__dict__.pop("_ids", None)

    # --- The cookie ------------------------------------------------------------------------

    def update_cookie(self, response) -> None:
        # Only a reader this request looked up already: no query for anyone else.
        reader = self.__dict__.get("reader")
        if (
            reader is not None
            and reader.user_id is None
            and not self.cookie_to_set
            and not self._owner_holds(reader)
        ):
            # A list from before the owner cookie, or one whose owner cookie was lost: both
            # cookies again, in one answer, so they end together.
            self.changed(reader)
        if self.cookie_to_set:
            response.set_signed_cookie(
                COOKIE_NAME,
                self.cookie_to_set,
                salt=COOKIE_SALT,
                max_age=COOKIE_MAX_AGE,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
            expires = timezone.now() + timedelta(seconds=COOKIE_MAX_AGE)
            owner = owner_id(reader_of_cookie(self.cookie_to_set))
            set_owner_cookie(response, owner, expires, max_age=COOKIE_MAX_AGE)
            return
        if self.cookie_was_invalid:
            # A cookie that names no list is dropped, so the visitor's pages are shared again.
            response.delete_cookie(COOKIE_NAME, samesite="Lax")
        if reader is not None and reader.user_id is not None:
            self._update_account_owner(response, reader)
        elif self.cookie_was_invalid or self._owner_is_orphaned():
            response.delete_cookie(OWNER_COOKIE, samesite="Lax")

    def _owner_holds(self, reader: Reader) -> bool:
        value = self.request.COOKIES.get(OWNER_COOKIE, "")
        return constant_time_compare(value.partition(".")[0], owner_id(reader.pk))

    def _owner_is_orphaned(self) -> bool:
        """An owner cookie with no reader beside it (their cookie cleared, a logout): it
        goes, so the offline copies go too. Asks for the user only when there is one."""
        cookies = self.request.COOKIES
        if not cookies.get(OWNER_COOKIE) or cookies.get(COOKIE_NAME):
            return False
        user = getattr(self.request, "user", None)
        return not (user is not None and user.is_authenticated)

    def _update_account_owner(self, response, reader: Reader) -> None:
        """A logged-in reader's list is on their account, and in this browser it is theirs
        for as long as their session: the owner cookie ends no later than the session's
        cookie. Set when it is missing or names someone else, and again whenever the session
        cookie is sent again (a changed session)."""
        session = getattr(self.request, "session", None)
        if session is None:
            return
        resent = session.modified or settings.SESSION_SAVE_EVERY_REQUEST
        if self._owner_holds(reader) and not resent:
            return
        expires = None if resent else session_expiry(session)
        if expires is None:
            expires = timezone.now() + timedelta(seconds=session.get_expiry_age())
        seconds = int((expires - timezone.now()).total_seconds())
        if seconds <= 0:
            return
        browser_session = session.get_expire_at_browser_close()
        set_owner_cookie(
            response, owner_id(reader.pk), expires, max_age=None if browser_session else seconds
        )


def owner_id(reader_id) -> str:
    """The public id of a reader's offline copies: made from their random id with the site's
    key, so it names the same reader every time (the reader cookie changes with each change
    of the list) and tells nothing else: not their id, nor any way to their list."""
    return salted_hmac(OWNER_SALT, str(reader_id)).hexdigest()[:32]


def set_owner_cookie(response, owner: str, expires, *, max_age: int | None) -> None:
    """Not HttpOnly: the service worker reads it (``cookieStore``), and pages tell it to a
    worker without one (static/js/offline.js). The expiry is in the value too, for a worker
    that can only see the value."""
    response.set_cookie(
        OWNER_COOKIE,
        f"{owner}.{int(expires.timestamp())}",
        max_age=max_age,
        httponly=False,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


def session_expiry(session):
    """When a stored session ends, as its cookie was last sent (the database row's expiry:
    written each time the session and its cookie are); None when the store cannot say."""
    if settings.SESSION_ENGINE not in (CACHED_SESSIONS, "django.contrib.sessions.backends.db"):
        return None
    from django.contrib.sessions.models import Session

    return (
        Session.objects.filter(session_key=session.session_key)
        .values_list("expire_date", flat=True)
        .first()
    )


def merge_into_account(anonymous_reader: Reader, user) -> int:
    """At login: move an anonymous list into the account's list, without duplicates, keeping
    whether each article was read. Returns how many articles were new to the account."""
    with transaction.atomic():
        account_reader, _ = Reader.objects.get_or_create(user=user)
        known = set(account_reader.items.values_list("article_id", flat=True))
        room = max(MAX_ITEMS - len(known), 0)
        moved = [
            ReadingListItem(
                reader=account_reader,
                article_id=item.article_id,
                added_at=item.added_at,
                read_at=item.read_at,
            )
            for item in anonymous_reader.items.exclude(article_id__in=known)[:room]
        ]
        ReadingListItem.objects.bulk_create(moved, ignore_conflicts=True)
        anonymous_reader.delete()
    forget_state(anonymous_reader.pk)
    forget_state(account_reader.pk)
    forget_account(user.pk)
    return len(moved)


def purge_inactive_readers(older_than: timedelta) -> int:
    """Delete anonymous readers not seen for ``older_than``, with their lists."""
    cutoff = timezone.now() - older_than
    stale = Reader.objects.filter(user__isnull=True, last_seen_at__lt=cutoff)
    count = stale.count()
    stale.delete()
    return count


def same_origin(request) -> bool:
    """CSRF protection for the reading list's forms, by the request's origin.

    Its buttons sit on pages that are shared by every visitor without a list (and cached), so
    they cannot carry Django's per-visitor CSRF token. Instead a change is accepted only when
    the browser says it comes from this site: the Origin header (sent with every POST by
    current browsers), or else the Referer, must be this site, and Fetch Metadata, when sent,
    must say "same-origin". A cross-site form or script is refused.
    """
    fetch_site = request.META.get("HTTP_SEC_FETCH_SITE")
    if fetch_site is not None and fetch_site != "same-origin":
        return False
    source = request.META.get("HTTP_ORIGIN") or request.META.get("HTTP_REFERER")
    if not source or source == "null":
        return False
    parts = urlsplit(source)
    origin = f"{parts.scheme}://{parts.netloc}"
    own = f"{'https' if request.is_secure() else 'http'}://{request.get_host()}"
    return origin == own or origin in settings.CSRF_TRUSTED_ORIGINS


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
    ids, visible, unread = items_of(reader.pk)
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
