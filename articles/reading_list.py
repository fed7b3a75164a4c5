"""The reading list ("Læseliste"): who the reader is, and what is on their list.

A reader is found, in this order, from the logged-in user's account or from a signed,
long-lived cookie that names a ``Reader`` row by its random id. The cookie is set only when a
visitor first adds an article, so a visitor without a list carries no cookie and gets pages
that are identical for everyone. A tampered, expired or unknown cookie means a fresh, empty
list: never an error and never another reader's list.

What a public page shows of a reader is their ``ReaderState``, kept for the page cache by
articles/caching/readers.py; this module tells it when a list changes (``forget_state``).
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from functools import cached_property
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from .caching.readers import (
    CACHED_SESSIONS,
    COOKIE_MAX_AGE,
    COOKIE_NAME,
    COOKIE_SALT,
    SEEN_PRECISION,
    ReaderState,
    forget_account,
    forget_state,
    items_of,
    keep_account,
    keep_state,
    mark_opened,
    reader_of_cookie,
    state_for,
)
from .models import Article, ArticleAuthor, Reader, ReadingListItem

# Whose offline copies the browser keeps (templates/articles/sw.js): the service worker cannot
# see the reader's cookie (HttpOnly), so a second cookie, readable by scripts, names the
# reader by a public id, "<owner id>.<expiry, Unix seconds>". It lives and dies with the
# reader's cookie (or, logged in, with the session), so copies never outlast their reader.
OWNER_COOKIE = "laeseliste-ejer"
OWNER_SALT = "articles.reading-list.owner"
MAX_ITEMS = 500
FULL_MESSAGE = f"Din læseliste er fuld ({MAX_ITEMS} artikler). Fjern nogle, før du gemmer flere."


class ReadingListFull(Exception):
    """The list holds MAX_ITEMS articles already."""


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
            state = state_for(reader, self._ids)
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
