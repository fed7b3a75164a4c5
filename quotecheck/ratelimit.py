"""Wrong links under /citattjek/ are slowed down: a client (IP address) that has asked for
``QUOTECHECK_WRONG_TOKENS_PER_CLIENT`` links that do not exist within an hour is answered 429
("for mange forsøg"), whatever it asks for, until its hour is over.

A token is 256 random bits, so guessing one is hopeless anyway; the limit keeps a guesser
from costing the database a lookup per try and makes a flood show in the log. The counting is
the newsletter's (newsletter/ratelimit.py): shared counters in the cache, started at the first
wrong link of the hour, counted in each process's memory while the cache is away, and the
client found the same way behind the site's proxy. A right link costs nothing and counts
nothing, so a source who opens their page again and again is never slowed down.

Answering 429 rather than making each wrong answer wait: the site's workers are synchronous,
and a request held in sleep would be a worker a guesser takes from everyone else.
"""

from __future__ import annotations

import logging

from django.conf import settings

from newsletter.ratelimit import WINDOW_SECONDS, client_address, slot_count, take_slot

logger = logging.getLogger(__name__)

__all__ = ["RETRY_AFTER", "blocked", "client_address", "count_wrong"]

RETRY_AFTER = WINDOW_SECONDS


def _limit() -> int:
    return getattr(settings, "QUOTECHECK_WRONG_TOKENS_PER_CLIENT", 20)


def _key(client: str) -> str:
    return f"quotecheck:wrong:{client}"


def blocked(client: str) -> bool:
    """Whether ``client`` has used up its wrong links for the hour."""
    return slot_count(_key(client)) >= _limit()


def count_wrong(client: str) -> bool:
    """Count a wrong link from ``client``; whether it was still within the limit."""
    within = take_slot(_key(client), _limit())
    if not within:
        logger.warning(
            "Citattjek: client %s asked for more than %d links that do not exist this hour",
            client,
            _limit(),
        )
    return within
