"""The reading list ("Læseliste"): who the reader is, and what is on their list.

A reader is found, in this order, from the logged-in user's account or from a signed,
long-lived cookie that names a ``Reader`` row by its random id. The cookie is set only when a
visitor first adds an article, so a visitor without a list carries no cookie and gets pages
that are identical for everyone. A tampered, expired or unknown cookie means a fresh, empty
list: never an error and never another reader's list.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from functools import cached_property
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from .models import Article, Reader, ReadingListItem

COOKIE_NAME = "laeseliste"
COOKIE_SALT = "articles.reading-list"
# Browsers keep cookies for at most 400 days; the cookie is renewed when the list changes.
COOKIE_MAX_AGE = 400 * 24 * 60 * 60
MAX_ITEMS = 500
FULL_MESSAGE = f"Din læseliste er fuld ({MAX_ITEMS} artikler). Fjern nogle, før du gemmer flere."
SEEN_PRECISION = timedelta(days=1)  # last_seen_at is written at most once a day


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
            Reader.objects.filter(pk=reader.pk).update(last_seen_at=timezone.now())
        return reader

    def _reader_from_cookie(self) -> Reader | None:
        if COOKIE_NAME not in self.request.COOKIES:
            return None
        try:
            value = self.request.get_signed_cookie(
                COOKIE_NAME, salt=COOKIE_SALT, max_age=COOKIE_MAX_AGE
            )
            reader_id = uuid.UUID(value)
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
        else:
            reader = Reader.objects.create()
            self.cookie_to_set = str(reader.pk)
        self.__dict__["reader"] = reader
        self._forget()
        return reader

    # --- What is on the list ---------------------------------------------------------------

    @cached_property
    def _ids(self) -> tuple[frozenset[int], frozenset[int]]:
        """(every article on the list, those the public can open), in one query."""
        if self.reader is None:
            return frozenset(), frozenset()
        rows = list(
            self.reader.items.annotate(
                visible=Exists(Article.objects.published().filter(pk=OuterRef("article_id")))
            ).values_list("article_id", "visible")
        )
        return (
            frozenset(article_id for article_id, _ in rows),
            frozenset(article_id for article_id, visible in rows if visible),
        )

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

    def items(self):
        """The list page: published articles on the list, newest added first."""
        if self.reader is None:
            return ReadingListItem.objects.none()
        return (
            self.reader.items.filter(article__in=Article.objects.published())
            .select_related("article", "article__section")
            .defer("article__body")
            .order_by("-added_at", "-pk")
        )

    def unavailable_count(self) -> int:
        """Saved articles that are no longer published (they come back if republished)."""
        if self.reader is None:
            return 0
        return self.reader.items.exclude(article__in=Article.objects.published()).count()

    # --- Changing the list -----------------------------------------------------------------

    def add(self, article: Article) -> None:
        reader = self.get_or_create_reader()
        if article.pk in self.article_ids:
            return
        if reader.items.count() >= MAX_ITEMS:
            raise ReadingListFull
        # ON CONFLICT DO NOTHING: a double click or a concurrent request makes no duplicate
        # and no error; the unique constraint has the last word.
        ReadingListItem.objects.bulk_create(
            [ReadingListItem(reader=reader, article=article)], ignore_conflicts=True
        )
        self._forget()

    def remove(self, article: Article) -> None:
        if self.reader is not None:
            self.reader.items.filter(article=article).delete()
            self._forget()

    def mark_read(self, article: Article, read: bool = True) -> None:
        if self.reader is not None:
            self.reader.items.filter(article=article).update(
                read_at=timezone.now() if read else None
            )

    def opened(self, article: Article) -> None:
        """Opening an article on the list marks it read."""
        if article.pk in self.article_ids:
            self.reader.items.filter(article=article, read_at__isnull=True).update(
                read_at=timezone.now()
            )

    def _forget(self):
        self.__dict__.pop("_ids", None)

    # --- The cookie ------------------------------------------------------------------------

    def update_cookie(self, response) -> None:
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
        elif self.cookie_was_invalid:
            # A cookie that names no list is dropped, so the visitor's pages are shared again.
            response.delete_cookie(COOKIE_NAME, samesite="Lax")


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
