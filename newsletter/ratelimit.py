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
"""

from __future__ import annotations

import hashlib
import ipaddress
import logging
import threading
import time

from django.conf import settings
from django.core.cache import cache

from articles.caching.store import safe_add

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
    # The address is kept in the cache as a hash: the cache is no place for personal data.
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
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


def _take(name: str, limit: int) -> bool:
    key = f"newsletter-mails:{name}"
    count = _count_shared(key)
    if count is None:
        count = _count_local(key)
    return count <= limit


def _count_shared(key: str) -> int | None:
    """This key's count after counting one more, in the shared cache; None when the cache
    does not answer."""
    for _ in range(2):
        if safe_add(key, 0, WINDOW_SECONDS, unavailable=None) is None:
            return None
        try:
            return cache.incr(key)
        except ValueError:
            # Expired or evicted between add and incr: start it again, once.
            continue
        except Exception as error:  # the cache failed between the two calls
            logger.warning("Newsletter: rate limit counted in this process: %s", error)
            return None
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
