"""Answers while the database is away: a newsroom's answer, not a crash.

When PostgreSQL restarts or cannot be reached, every query raises ``OperationalError`` or
``InterfaceError`` (``articles.caching.pages.DATABASE_UNAVAILABLE``). Left alone, Django answers 500
and logs a traceback for each request. The site comes back by itself once the database does;
what matters is the answer in between:

- A GET for a page the page cache ever stored: that page's last good copy
  (``articles.caching.pages.stale_response``), marked ``X-Page-Cache: stale`` and ``no-store``.
- Anything else: 503 with ``Retry-After``. A script that asks for JSON (the reading list's
  buttons) gets ``{"fejl": …}``; a browser gets the Danish templates/503.html, rendered without
  the request or the database. A POST was not saved, and its page says so. For a form sent
  from this site it also offers to send the same again (the fields kept as hidden inputs):
  going back is no help while the database is away, since the admin's pages are never kept
  by the browser and would be asked for again.
- One WARNING line per outage for the whole site and an INFO line when it is over; no
  traceback and no ERROR line per request (gunicorn's access log still lists every 503).

Two ways in. ``DatabaseOutageMiddleware.process_exception`` answers errors from views and
from rendering their templates, the usual case, before Django's unhandled-exception path.
``server_error``, the site's handler500, answers a database error from anywhere else (a
middleware saving the session, the 404 page's template) that Django has already turned into
an unhandled exception.
"""

from __future__ import annotations

import logging
import os
import sys
import time

from django.db import DEFAULT_DB_ALIAS, connections
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.views import defaults

from articles.caching.pages import DATABASE_UNAVAILABLE, stale_response
from articles.caching.store import safe_add, safe_delete
from articles.reading_list import same_origin
from articles.views import wants_json

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
JSON_MESSAGE = "Det blev ikke gemt, fordi vi har tekniske problemer lige nu. Prøv igen om lidt."
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
# In the shared cache: the first process to notice an outage logs it, not every worker. The
# process that logged it removes the key when the database is back; it also lapses by itself,
# should that process never see the end.
OUTAGE_KEY = "database-outage"
OUTAGE_KEY_SECONDS = 10 * 60

# This process's view of the current outage: since when (monotonic), how many answers it
# gave without the database, and whether it was the one to log the outage.
_since: float | None = None
_answers = 0
_reported = False


def forget_outage() -> None:
    """Forget what this process knows of an outage (for tests)."""
    global _since, _answers, _reported
    _since, _answers, _reported = None, 0, False


def describe(error: Exception) -> str:
    # psycopg's messages run over several lines; the first says what happened.
    lines = str(error).strip().splitlines()
    return f"{type(error).__name__}: {lines[0]}" if lines else type(error).__name__


def outage_began(error: Exception) -> None:
    global _since, _answers, _reported
    _answers += 1
    if _since is not None:
        return
    _since = time.monotonic()
    _reported = safe_add(OUTAGE_KEY, os.getpid(), OUTAGE_KEY_SECONDS)
    if _reported:
        logger.warning(
            "Database unavailable, answering with stored pages or 503 until it is back: %s",
            describe(error),
        )


def outage_ended() -> None:
    if _reported:
        logger.info(
            "Database available again after %.1f s; this process answered %d requests without it",
            time.monotonic() - _since,
            _answers,
        )
        safe_delete(OUTAGE_KEY)
    forget_outage()


def resend_fields(request) -> tuple[list[tuple[str, str]] | None, bool]:
    """(The fields of a POST to send again as they came, whether files were sent). None when
    it cannot be offered: a form from another site (this page must not lend it our origin),
    a body that is not a form, or a password (never written into a page)."""
    if not same_origin(request):
        return None, False
    try:
        fields = [(name, value) for name, values in request.POST.lists() for value in values]
        files = bool(request.FILES)
    except Exception:  # a body Django refuses to parse (too large, too many fields)
        return None, False
    if not fields or any("password" in name.lower() for name, _ in fields):
        return None, files
    return fields, files


def outage_response(request, error: Exception) -> HttpResponse:
    """The 503 for a request the database could not serve (the middleware may still swap in
    the page's last good copy)."""
    outage_began(error)
    if wants_json(request):
        response = JsonResponse({"fejl": JSON_MESSAGE}, status=503)
    else:
        sent = request.method not in SAFE_METHODS
        resend, files = resend_fields(request) if sent else (None, False)
        context = {
            "sent": sent,
            "resend": resend,
            "files": files,
            "action": request.get_full_path(),
        }
        # Without the request: no context processors, which would ask the database.
        response = HttpResponse(render_to_string("503.html", context), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    response.database_outage = True
    # Django's request logger would log an ERROR line for each 503 (and a traceback on the
    # handler500 path); the outage has its own line above. This is the flag Django sets on a
    # response it has logged; tests/test_outage.py checks that the logger stays quiet.
    response._has_been_logged = True
    return response


class DatabaseOutageMiddleware:
    """Outside every middleware but the page cache: a page's last good copy goes out with the
    headers it was stored with, as a stored page does; a 503 passes through the others on its
    way out and gets the site's security headers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(response, "database_outage", False):
            if request.method in ("GET", "HEAD") and not wants_json(request):
                stale = stale_response(request)
                if stale is not None:
                    return stale
        # A request answered with a live database connection ends this process's outage:
        # after a failure Django closes the broken connection at the end of the request.
        elif _since is not None and connections[DEFAULT_DB_ALIAS].connection is not None:
            outage_ended()
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_UNAVAILABLE):
            return outage_response(request, exception)
        return None


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """handler500. Django calls it while handling the exception, so ``sys.exc_info()`` tells
    a database outage (answered as above) from a real error (the 500 page)."""
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_UNAVAILABLE):
        return outage_response(request, error)
    return defaults.server_error(request, template_name)
