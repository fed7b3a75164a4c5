"""How many requests for a genmæle one client (IP address) and one e-mail address may send an
hour: ``GENMAELE_REQUESTS_PER_CLIENT`` and ``GENMAELE_REQUESTS_PER_ADDRESS``.

Each request sent is a row on the editors' desk and a receipt mailed to the address typed in,
so the form could otherwise flood the desk, or someone's inbox. The counting is the
newsletter's (newsletter/ratelimit.py): shared counters in the cache that start at the first
request of the hour, counted in each process's memory while the cache is away, and the client
found the same way behind the site's proxy. Only a request that would be stored takes a slot:
a form sent back with an error costs nothing and counts nothing.

Unlike the newsletter's form, this one may say that it refused: it tells nothing about
anyone's address, and the reader must know that the request did not arrive.
"""

from __future__ import annotations

import hashlib
import logging

from django.conf import settings

from newsletter.ratelimit import client_address, take_slot

logger = logging.getLogger(__name__)

__all__ = ["allow_request", "client_address"]


def allow_request(address: str, client: str) -> bool:
    """Take a slot for one more request from ``client`` with ``address``; whether it may be
    stored. Logs a refusal (without the address)."""
    per_client = getattr(settings, "GENMAELE_REQUESTS_PER_CLIENT", 5)
    per_address = getattr(settings, "GENMAELE_REQUESTS_PER_ADDRESS", 3)
    if not take_slot(f"genmaele:client:{client}", per_client):
        logger.warning(
            "Genmæle: request refused, client %s is over its limit of %d an hour",
            client,
            per_client,
        )
        return False
    digest = hashed(address)
    if not take_slot(f"genmaele:address:{digest}", per_address):
        logger.warning(
            "Genmæle: request refused, address %s… (hashed) is over its limit of %d an hour",
            digest[:8],
            per_address,
        )
        return False
    return True


def hashed(address: str) -> str:
    # The cache is no place for personal data: the address is kept as a keyed hash.
    normalized = address.strip().lower()
    return hashlib.sha256(f"{settings.SECRET_KEY}:genmaele:{normalized}".encode()).hexdigest()[:32]
