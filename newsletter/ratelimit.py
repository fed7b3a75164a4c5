"""How many mails the subscription forms may cause: ``NEWSLETTER_MAILS_PER_ADDRESS`` to one
address and ``NEWSLETTER_MAILS_PER_CLIENT`` from one client (IP address) an hour.

The forms answer the same whatever happens (no probing), so they could otherwise be used to
flood someone's inbox with confirmation mails, or to send mail to many addresses from one
machine. Each mail takes a slot from both counters before anything is written or sent; over
either limit, nothing is sent and the form answers as always.

The counters live in Django's cache (Redis in production), so every process counts together.
A counter is made by ``add`` with the window's timeout, then counted up by ``incr``, which
is atomic in Redis and keeps the timeout: the hour begins at the first mail, not on the
clock, so a burst across a full hour cannot get twice the limit.

When the cache does not answer, each process counts in its own memory instead. Refusing
every mail while Redis is down would block subscribing for as long as the outage lasts;
letting every mail through would make an outage an open door for flooding. Counting per
process keeps subscribing working and the mails bounded: at most the limit times the number
of processes an hour, and the counters are small and expire by themselves.

A slot is for a mail that leaves. A mail the mail server could not take gives its address's
slot back (``give_back``), so an outage of the mail server does not use up the address's
hour; when it is tried again later it takes a slot anew (``allow_again``), and beyond the
limit it is not sent (the address has had its mails this hour). The client's slot is not
given back: the client did send the form, and the task that sends the mail does not know the
client (no IP address is stored with it).
"""

from __future__ import annotations

import hashlib
import ipaddress
import logging
import threading
import time

from django.conf import settings
from django.core.cache import cache

from articles.caching.store import cache_available, safe_add, safe_get, safe_incr

logger = logging.getLogger(__name__)

WINDOW_SECONDS = 60 * 60

# The counters of this process, for while the cache is away: key -> (count, until).
LOCAL_MAX_KEYS = 10_000
_local: dict[str, tuple[int, float]] = {}
_local_lock = threading.Lock()

# Proxies on the same host (the README's nginx): their X-Forwarded-For names the client. The
# same default as gunicorn's FORWARDED_ALLOW_IPS; a proxy elsewhere is named in the setting.
DEFAULT_TRUSTED_PROXIES = ("127.0.0.1", "::1")


def allow_mail(address: str, client: str) -> bool:
    """Take a slot for one more mail to ``address`` (normalized) caused by ``client``;
    whether it may be sent. Logs a refusal (without the address)."""
    if not _take(f"client:{client}", settings.NEWSLETTER_MAILS_PER_CLIENT):
        logger.warning(
            "Newsletter: mail refused, client %s is over its limit of %d an hour",
            client,
            settings.NEWSLETTER_MAILS_PER_CLIENT,
        )
        return False
    digest = _hashed(address)
    if not _take(f"address:{digest}", settings.NEWSLETTER_MAILS_PER_ADDRESS):
        logger.warning(
            "Newsletter: mail refused, address %s… (hashed) is over its limit of %d an hour "
            "(client %s)",
            digest[:8],
            settings.NEWSLETTER_MAILS_PER_ADDRESS,
            client,
        )
        return False
    return True


def allow_again(address: str) -> bool:
    """Take a slot for a mail to ``address`` that is tried again (its first attempt gave its
    slot back); whether it may be sent now."""
    digest = _hashed(address)
    if _take(f"address:{digest}", settings.NEWSLETTER_MAILS_PER_ADDRESS):
        return True
    logger.warning(
        "Newsletter: mail tried again not sent, address %s… (hashed) has had its %d mails "
        "this hour",
        digest[:8],
        settings.NEWSLETTER_MAILS_PER_ADDRESS,
    )
    return False


def give_back(address: str) -> None:
    """Give back the slot a mail to ``address`` took, as the mail did not leave. Never below
    nothing, and a counter that has expired meanwhile is left alone (its slot went with it)."""
    key = f"newsletter-mails:address:{_hashed(address)}"
    if not cache_available():
        # Counted in this process's memory while the cache is away (the worker's memory is
        # not the web process's): nothing to give back that could be found again.
        return
    try:
        if cache.decr(key) < 0:
            cache.incr(key)
    except ValueError:
        pass  # expired: nothing is held any more
    except Exception as error:  # the cache failed: the slot expires with its hour
        logger.warning("Newsletter: rate-limit slot not given back: %s", error)


def _hashed(address: str) -> str:
    # The address is kept in the cache as a hash: the cache is no place for personal data.
    return hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]


def _take(name: str, limit: int) -> bool:
    return take_slot(f"newsletter-mails:{name}", limit)


def take_slot(key: str, limit: int) -> bool:
    """Count one more under ``key`` for the hour (shared, or in this process while the cache
    is away); whether it is within ``limit``. Other forms count their own keys with it (the
    request for a genmæle, accountability/ratelimit.py)."""
    count = _count_shared(key)
    if count is None:
        count = _count_local(key)
    return count <= limit


def slot_count(key: str) -> int:
    """How many are counted under ``key`` this hour, without counting one more: for a limit
    that refuses everything once it is reached (quotecheck/ratelimit.py)."""
    if cache_available():
        value = safe_get(key)
        if cache_available():  # it answered (a failure marks it away)
            try:
                return int(value or 0)
            except (TypeError, ValueError):
                return 0
    with _local_lock:
        count, until = _local.get(key, (0, 0.0))
        return count if until > time.monotonic() else 0


def _count_shared(key: str) -> int | None:
    """This key's count after counting one more, in the shared cache; None when the cache
    does not answer."""
    for _ in range(2):
        if safe_add(key, 0, WINDOW_SECONDS, unavailable=None) is None:
            return None
        try:
            # Through the store, so a cache that stalls between the two calls is marked
            # down for every other caller too, and costs its timeout once.
            return safe_incr(key)
        except ValueError:
            # Expired or evicted between add and incr: start it again, once.
            continue
    return None


def _count_local(key: str) -> int:
    now = time.monotonic()
    with _local_lock:
        count, until = _local.get(key, (0, 0.0))
        if until <= now:
            count, until = 0, now + WINDOW_SECONDS
            if len(_local) >= LOCAL_MAX_KEYS:
                for stale in [k for k, (_, u) in _local.items() if u <= now]:
                    del _local[stale]
                if len(_local) >= LOCAL_MAX_KEYS:
                    # So many clients during an outage is a flood: refuse rather than grow.
                    return 1 << 30
        _local[key] = (count + 1, until)
        return count + 1


def forget() -> None:
    """Drop this process's own counters (for tests)."""
    with _local_lock:
        _local.clear()


def client_address(request) -> str:
    """The client a request comes from, for its counter: the peer address, or, from a proxy
    on this host, the address that proxy saw (the last one in X-Forwarded-For, the only one
    a client cannot forge). An IPv6 client counts by its /64: one household or machine
    usually holds the whole network."""
    remote = request.META.get("REMOTE_ADDR", "") or ""
    trusted = getattr(settings, "NEWSLETTER_TRUSTED_PROXIES", DEFAULT_TRUSTED_PROXIES)
    if remote in trusted:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
        if forwarded:
            remote = forwarded
    try:
        ip = ipaddress.ip_address(remote)
    except ValueError:
        # Not an address (a misconfigured proxy): still one counter per value, in a safe key.
        return "other-" + hashlib.sha256(remote.encode(errors="replace")).hexdigest()[:16]
    if ip.version == 6:
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)
