"""Whole public pages, kept for every reader until a change they show, with holes for what is
personal.

A public page (``public_page``) is rendered once per address, the same for every reader, and
kept until a change it shows (``freshness``: a page that lists articles, any change to a
public article; an article's page, a change to that article, or to others once it has shown
them for ARTICLE_PAGE_LAG_SECONDS; every page, a change that may show anywhere). Where a
reader's state shows, the templates leave a *hole* (``holes.py``): the header's counter, each
"Læs senere" button, and the suggestions that leave out what is on the reader's list. The
stored entry holds the page for a visitor without a list, ready to send, and the page's parts
around its holes. ``PageCacheMiddleware``, the outermost layer of the site, answers from it
before any other middleware runs:

- a visitor with no cookies of ours gets the stored page as it is (public, cacheable by
  browsers and shared caches for PUBLIC_CACHE_SECONDS, ``Vary: Cookie``);
- a reader with a reading list, or a logged-in reader, gets it with the holes filled from
  their reading list (``readers.reader_state``: kept in the cache until their list
  changes, so usually no query at all), marked private.

What is stored is never personal: holes are filled per answer, from the reader's own state,
and only after the page was taken from, or put into, the store. Pages are stored with the
headers every other middleware added (the security headers, the CSP), and each is also kept
for a day as the page's last good copy, for answers while the database is away
(``stale_response``, almene/outage.py) and while a retired page is being rebuilt
(``claim_rebuild``).
"""

from __future__ import annotations

import gzip
import hashlib
import time
import zlib
from collections import OrderedDict
from functools import wraps

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.text import compress_string

from . import fragments, holes, readers
from .store import (
    delete_later,
    lifetime,
    safe_add,
    safe_delete,
    safe_get,
    set_later,
    takedown_mark,
    versions,
    versions_pinned,
    writes_at_end,
)

# What psycopg's failures to reach the database (refused, shut down, starting up, connection
# lost) become in Django.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)

# Each process also keeps the pages it served last: a hit then costs no round trip to Redis.
# They are checked as the shared ones are (``freshness``), so a change retires these too.
LOCAL_PAGES_MAX = 300
_local_pages: OrderedDict[str, tuple] = OrderedDict()

# Headers of a stored page that are worked out again for each answer, never replayed.
PER_ANSWER_HEADERS = frozenset({"cache-control", "x-page-cache", "set-cookie", "content-length"})


def forget() -> None:
    _local_pages.clear()


def page_cache_key(request) -> str:
    """The page's address under the structure version: a change that may show anywhere (a
    section, a takedown) retires every page by its key; any other change is checked on each
    answer (``freshness``)."""
    # Scheme and host are part of the key: pages hold absolute URLs (canonical, Open Graph).
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return f"pages:{hashlib.sha256(address.encode()).hexdigest()[:32]}:{versions().structure}"


# What a stored page is, checked at each answer (``freshness``).
FRESH, LAGGING, RETIRED = "fresh", "lagging", "retired"


def freshness(number: int, article: int | None, rendered_at: float) -> str:
    """Whether a page rendered at content version ``number`` (``article``: the page of that
    article) is still the page to give.

    A page that lists articles (the front page, a section, a tag, the archive, search, the
    feeds) is retired by any change to a public article. An article's page is retired by a
    change to that article; what it shows of others (the cards of "Læs også" and "Fik du
    læst disse?", the author's latest article, the number of articles) may lag behind their
    changes for ARTICLE_PAGE_LAG_SECONDS, and is then *lagging*: rebuilt by one request at a
    time while the others still get it (``public_page``). A publication thus rebuilds the
    few pages that list it at once, not every article page on the site with them; taking an
    article down retires every page whatever it is (the structure version, in the key)."""
    now = versions()
    if article is None:
        return FRESH if number >= now.number else RETIRED
    if now.article(article) > number:
        return RETIRED
    if number >= now.number or time.time() - rendered_at < settings.ARTICLE_PAGE_LAG_SECONDS:
        return FRESH
    return LAGGING


def accepts_gzip(request) -> bool:
    return bool(re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))


# A stored page varies on the cookie (a reader with a list gets it filled for them) and on
# Accept-Encoding (it is given gzipped or not): worked out once when it is stored, not for
# every answer, where patching headers was a sizeable share of a hit's work.
STORED_VARY = ("Cookie", "Accept-Encoding")


def stored_headers(response) -> tuple:
    patch_vary_headers(response, STORED_VARY)
    return tuple(
        (name, value) for name, value in response.items() if name.lower() not in PER_ANSWER_HEADERS
    )


def _varies_as_stored(headers: tuple) -> bool:
    """Whether headers read from the shared cache were stored with STORED_VARY (a page
    stored by an earlier release of this code may lack Accept-Encoding)."""
    vary = next((value.lower() for name, value in headers if name.lower() == "vary"), "")
    return all(field.lower() in vary for field in STORED_VARY)


# --- The store --------------------------------------------------------------------------------


def get_page(key: str, lagging: bool = False, request=None):
    """(page for a visitor without a list, the same gzipped, its parts and holes, headers,
    article the page opens, seconds left, freshness) of a stored page, or None; a lagging
    page only if asked for. A page the shared cache did not have for ``request`` is not
    asked for again in the same request (the middleware asks first, then the view)."""
    entry = _local_pages.get(key)
    if entry is not None and _freshness_of(entry) == FRESH:
        _local_pages.move_to_end(key)  # least recently served pages leave first
    else:
        # Not here, or not fresh here: another process may have stored it again since.
        if getattr(request, "page_cache_absent", None) != key:
            entry = safe_get(key) or entry
        if entry is None:
            if request is not None:
                request.page_cache_absent = key
            return None
        if not _varies_as_stored(entry[3]):
            return None
        _keep_locally(key, entry)
    state = _freshness_of(entry)
    if state == RETIRED or (state == LAGGING and not lagging):
        return None
    content, gzipped, page, headers, opens, expires = entry[:6]
    return content, gzipped, page, headers, opens, int(expires - time.time()), state


def _freshness_of(entry) -> str:
    *_, opens, expires, number, rendered_at = entry
    return RETIRED if expires <= time.time() else freshness(number, opens, rendered_at)


def _keep_locally(key: str, entry) -> None:
    _local_pages[key] = entry
    _local_pages.move_to_end(key)
    while len(_local_pages) > LOCAL_PAGES_MAX:
        _local_pages.popitem(last=False)


def store_page(
    key: str, response, page: holes.Page | None, timeout: int, number: int
) -> tuple[bytes, tuple]:
    """Keep a finished page, with the headers every middleware gave it. ``response`` carries
    the page as a visitor without a list sees it, built from what was read after the content
    version ``number``. It is kept gzipped too, compressed once here rather than for every
    visitor: it holds nothing personal and no secret, so it needs none of the random padding
    against BREACH that TextCompressionMiddleware adds."""
    headers = stored_headers(response)
    gzipped = compress_string(response.content)
    entry = (
        response.content,
        gzipped,
        page,
        headers,
        getattr(response, "opens_article", None),
        time.time() + timeout,
        number,
        time.time(),
    )
    set_later(key, entry, timeout)
    _keep_locally(key, entry)  # the page it replaces may be here, lagging or retired
    return gzipped, headers


def answer_from_store(request, key: str, state, lagging: bool = False):
    """The stored page for this request as a response, filled for ``state`` (None: a
    visitor without a list), or None when none is stored; a lagging page (``freshness``)
    only if asked for, marked ``X-Page-Cache: previous`` and asked for again by browsers."""
    stored = get_page(key, lagging, request)
    if stored is None:
        return None
    content, gzipped, page, headers, opens, seconds_left, fresh = stored
    if state is None and fresh == FRESH:
        # The headers vary on Accept-Encoding already (STORED_VARY): a shared cache keeps the
        # two apart, and TextCompressionMiddleware leaves the answer alone.
        if accepts_gzip(request):
            response = HttpResponse(gzipped, headers=headers)
            response["Content-Encoding"] = "gzip"
        else:
            response = HttpResponse(content, headers=headers)
        response.encoded_by_page_cache = True
        response["Cache-Control"] = public_cache_control(seconds_left)
        response["X-Page-Cache"] = "hit"
        return response
    if state is None:
        response = HttpResponse(content, headers=headers)
    else:
        response = HttpResponse(page.fill(state) if page is not None else content, headers=headers)
        if opens is not None and not readers.is_offline_copy(request):
            readers.opened_by_state(request, state, opens)
    response["X-Page-Cache"] = "hit" if fresh == FRESH else "previous"
    # A stored page has no Cache-Control and varies on Cookie already: set, not patched.
    response["Cache-Control"] = PRIVATE if state is not None else "no-cache"
    return response


# --- Headers ----------------------------------------------------------------------------------


def public_cache_control(timeout: int) -> str:
    """Cache-Control for a page that is the same for every visitor without a reading list:
    browsers and shared caches keep it for at most PUBLIC_CACHE_SECONDS, and never past
    ``timeout`` or the next scheduled publication."""
    return f"public, max-age={lifetime(min(settings.PUBLIC_CACHE_SECONDS, timeout))}"


def shared_headers(response, timeout: int, state: str):
    """Headers for a page that is the same for every visitor without a reading list (a view
    that sets its own Cache-Control is never stored, nor given these)."""
    response["Cache-Control"] = public_cache_control(timeout)
    patch_vary_headers(response, ["Cookie"])
    response["X-Page-Cache"] = state
    return response


PRIVATE = "private, no-cache"


def private_headers(response):
    """Headers for a page filled for one reader: kept by no shared cache, asked for again."""
    patch_cache_control(response, private=True, no_cache=True)
    patch_vary_headers(response, ["Cookie"])
    return response


# --- Views ------------------------------------------------------------------------------------


def public_page(view):
    """Cache headers, the full-page cache and the personal holes, for a public page. The page
    is filled and stored by PageCacheMiddleware once every middleware has added its
    headers."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        holes.open_for(request)
        use_cache = request.method in ("GET", "HEAD") and settings.PAGE_CACHE_SECONDS > 0
        # The keys, and so the content version and the takedown mark, are fixed before
        # anything is read from the database: a page built from what was read before a change
        # was committed must be stored under the version that change retires, and its last
        # good copy under the mark a takedown retires, never under the ones they bring.
        key = page_cache_key(request) if use_cache else ""
        copy_key = stale_page_key(request) if use_cache else ""
        number = versions().number
        if use_cache:
            state = readers.state_of(request)
            response = answer_from_store(request, key, state, lagging=True)
            if response is not None and response["X-Page-Cache"] != "previous":
                return response
            if response is not None:
                # Lagging behind other articles' changes: one request at a time rebuilds it.
                if not claim_rebuild(request, key):
                    return response
            elif (
                state is None
                and not readers.is_personal(request)
                and not claim_rebuild(request, key)
            ):
                # Retired or expired, and rebuilt by another request (or the site's rebuild
                # slots are taken): its last copy is given while it can be (nothing was taken
                # down since, stale_page_key); without one, this request rebuilds it too. The
                # claim comes first, so that the request that rebuilds (most) never reads,
                # unpacks and drops the copy.
                previous = last_good_copy(request)
                if previous is not None:
                    return previous

        try:
            response = view(request, *args, **kwargs)
        except Exception:
            let_go(request, key)  # the next request tries, not in REBUILD_SECONDS
            raise
        if response.status_code != 200 or response.has_header("Cache-Control"):
            let_go(request, key)  # nothing to store
            return response
        timeout = lifetime(settings.PAGE_CACHE_SECONDS) if use_cache else 0
        if use_cache and getattr(response, "opens_article", None) is not None:
            # An article's page shows a scheduled article only in its cards, which may lag:
            # it need not end at the publication, when every article page would end at once.
            lag = min(settings.PAGE_CACHE_SECONDS, settings.ARTICLE_PAGE_LAG_SECONDS)
            timeout = max(timeout, lag)
        if timeout:
            response.page_cache = (key, copy_key, timeout, number)
        else:
            let_go(request, key)
        if readers.is_personal(request):
            return private_headers(response)
        return shared_headers(
            response, timeout or settings.PUBLIC_CACHE_SECONDS, state="miss" if use_cache else "off"
        )

    return wrapper


# --- The last good copy of each page, for when the database is away -------------------------

# Beside each page it stores, PageCacheMiddleware keeps a copy under the page's address alone
# (no content version), for a day: when the database does not answer, a reader gets the last
# good copy of the page (almene/outage.py) instead of an error, even after a change retired
# the page or it expired, unless something public was taken away since (``stale_page_key``).
# The copy is the page as a visitor without a list sees it, so no reader's state is ever
# shown to another. Compressed: copies live a day instead of minutes, and HTML shrinks
# several times over.
STALE_PAGE_SECONDS = 24 * 60 * 60


def stale_page_key(request) -> str:
    """The copy's key carries the takedown mark: once something public is taken away, no copy
    made before can come back, even while the database that would say so is away."""
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    return f"stale-page:{takedown_mark()}:{digest}"


def store_stale_copy(copy_key: str, gzipped: bytes, headers: tuple) -> None:
    """Keep the page, gzipped as ``store_page`` compressed it (compressing it again would
    cost a cold page a third of a millisecond more), as the last good copy under
    ``copy_key`` (``stale_page_key``, read before the page was built)."""
    seconds = getattr(settings, "STALE_PAGE_SECONDS", STALE_PAGE_SECONDS)
    if seconds > 0:
        set_later(copy_key, (gzipped, headers), seconds)


def _decompressed(content: bytes) -> bytes:
    """A copy's page: gzipped, or, kept by an earlier release (copies live a day), zlib's."""
    try:
        return gzip.decompress(content)
    except gzip.BadGzipFile:
        return zlib.decompress(content)


def stale_response(request):
    """The last good copy of this request's page, as a response, or None. Marked stale and
    kept by no browser or shared cache: it is to be replaced as soon as the database is back."""
    response = last_good_copy(request, state="stale")
    if response is not None:
        response["Cache-Control"] = "no-store"
    return response


def last_good_copy(request, state: str = "previous"):
    """The last good copy of this request's page (``X-Page-Cache: state``), or None: none is
    kept, or something public was taken down since it was made. Asked for again by browsers
    on every view (``no-cache``): the page is being rebuilt."""
    try:
        key = stale_page_key(request)
    except DatabaseError:  # this process never read the takedown mark: no copy is safe
        return None
    entry = safe_get(key)
    try:
        content, headers = entry
        response = HttpResponse(_decompressed(content), headers=headers)
    except (TypeError, ValueError, EOFError, zlib.error):  # none, or not a copy this code wrote
        return None
    response["Cache-Control"] = "no-cache"
    response["X-Page-Cache"] = state
    return response


# --- One rebuild at a time --------------------------------------------------------------------

# When a change retires pages, or one expires, a page is rebuilt by one request while the
# others get its last good copy (stale-while-revalidate with a single flight). A publication
# retires every page at once: so that the rebuilds do not take every worker at the same moment
# (readers waiting behind them), at most PAGE_REBUILDS_AT_ONCE pages are rebuilt at a time
# on the whole site while their last copies can be given; the rest are given their copy, and
# rebuilt as slots free up, within seconds. A claim lapses after REBUILD_SECONDS, so a rebuild
# that failed, or a process that died, holds nothing up for long.
REBUILD_SECONDS = 5


def claim_rebuild(request, key: str) -> bool:
    """Whether this request is to rebuild the page stored under ``key`` (the page's address
    and content version): not while another request rebuilds it or the site's rebuild slots
    are taken. While the cache does not answer, every request rebuilds."""
    if not safe_add(rebuild_key(key), 1, REBUILD_SECONDS):
        return False
    for slot in range(settings.PAGE_REBUILDS_AT_ONCE):
        if safe_add(f"rebuild-slot:{slot}", 1, REBUILD_SECONDS):
            request.rebuild_slot = slot
            return True
    safe_delete(rebuild_key(key))
    return False


def let_go(request, key: str) -> None:
    """Let go of the claim on a page stored now (so that the next time it is retired or
    expires, a scheduled publication keeping the content version, a request rebuilds it), or
    one that could not be rebuilt (the view failed, or answered what is not stored), and of
    its slot."""
    slot = getattr(request, "rebuild_slot", None)
    if slot is None:
        return
    delete_later([rebuild_key(key), f"rebuild-slot:{slot}"])
    request.rebuild_slot = None


def rebuild_key(key: str) -> str:
    return f"rebuild:{key}"


# --- The middleware ---------------------------------------------------------------------------


class PageCacheMiddleware:
    """The outermost layer of the site (after the HTTPS redirect): answers a stored page
    before any other middleware runs, filled for the reader when they have a list or are
    logged in, and fills and stores the pages ``public_page`` rendered, with the headers all
    the other middleware added (security headers, the CSP, X-Frame-Options).

    A visitor with no cookies of ours costs a dictionary lookup; a reader whose state is in
    the cache costs one or two cache reads more. Anyone else goes the long way, where
    ``public_page`` decides. A response that sets a cookie is never stored."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.static_prefix = settings.STATIC_URL or "/static/"

    def __call__(self, request):
        with versions_pinned(), writes_at_end(), fragments.one_request():
            return self.answer(request)

    def answer(self, request):
        if (
            request.method in ("GET", "HEAD")
            and settings.PAGE_CACHE_SECONDS > 0
            and not request.path_info.startswith(self.static_prefix)
            # An http:// request that is to be sent to https:// goes on to that redirect.
            and (request.is_secure() or not settings.SECURE_SSL_REDIRECT)
        ):
            try:
                known, state = readers.quick_state(request)
                if known:
                    response = answer_from_store(request, page_cache_key(request), state)
                    if response is not None:
                        return response
            except DATABASE_UNAVAILABLE:
                # Cutting a stored page's lifetime short, or a reader's state, may ask the
                # database. Without it, go the long way: the view meets the same error and is
                # answered with the page's last good copy or a 503 (almene/outage.py).
                pass
        response = self.get_response(request)
        page = holes.take(request, response)
        if page is not None:
            # What a visitor without a list sees: what is stored, if anything is …
            response.content = page.fill(None)
        marked = getattr(response, "page_cache", None)
        if marked and response.status_code == 200 and not response.cookies:
            key, copy_key, timeout, number = marked
            gzipped, headers = store_page(key, response, page, timeout, number)
            store_stale_copy(copy_key, gzipped, headers)
            let_go(request, key)
        if page is not None:
            # … and what this reader sees, filled only now.
            state = readers.state_of(request)
            if state is not None:
                response.content = page.fill(state)
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response
