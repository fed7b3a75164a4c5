"""The suppression list: what is left of an erased subscriber (privacy.py), a keyed hash of
their address and the time of the erasure.

The hash is an HMAC (SHA-256) keyed with the site's ``SECRET_KEY``, not a plain hash: a plain
hash of an address is undone by hashing a list of known addresses, and a keyed one cannot be
without the key. It is checked against the ``SECRET_KEY_FALLBACKS`` too, so rotating the key
the documented way keeps the list working; an entry made under a key that is gone from both
no longer matches anything (it then protects nobody, and still names nobody).
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.utils.crypto import salted_hmac

from .models import Subscriber, Suppression

SALT = "newsletter.suppression"


def address_hash(address: str, secret=None) -> str:
    normalized = Subscriber.normalize_email(address)
    return salted_hmac(SALT, normalized, secret=secret, algorithm="sha256").hexdigest()


def hashes(address: str) -> list[str]:
    """The address's hash under the current key and each fallback key."""
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", ())]
    return [address_hash(address, secret) for secret in secrets]


def erased_at(address: str) -> datetime | None:
    """When ``address`` was last erased, or None if it is not on the list."""
    return (
        Suppression.objects.filter(address_hash__in=hashes(address))
        .order_by("-erased_at")
        .values_list("erased_at", flat=True)
        .first()
    )


def suppress(address: str, at: datetime) -> Suppression:
    entry, _ = Suppression.objects.update_or_create(
        address_hash=address_hash(address), defaults={"erased_at": at}
    )
    return entry


def lift(address: str) -> int:
    """The address's owner has consented anew (confirmed a new subscription): off the list."""
    deleted, _ = Suppression.objects.filter(address_hash__in=hashes(address)).delete()
    return deleted
