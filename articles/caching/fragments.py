"""The cache behind ``{% cache … using="fragments" %}``: rendered parts of pages that are the
same for every reader (cards, article bodies, author boxes), keyed by the content version.

A fragment never outlives the next scheduled publication (``store.lifetime``), as whole pages
do not: an author box naming the latest article must change when a scheduled one appears.
With Redis, fragments are also shared between processes (``SharedFragmentCache``): a
fragment one worker rendered is not rendered again by every other worker, nor by a fresh
worker after gunicorn recycles one, and a local hit still costs no round trip.
"""

from __future__ import annotations

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache

from .store import MISSING, lifetime, safe_get, set_later


class FragmentCache(LocMemCache):
    """Fragments in this process's memory, kept no longer than the next scheduled
    publication allows."""

    def seconds(self, timeout) -> int:
        seconds = self.default_timeout if timeout is DEFAULT_TIMEOUT else timeout
        return lifetime(seconds if seconds is not None else 24 * 60 * 60)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        seconds = self.seconds(timeout)
        if seconds:
            super().set(key, value, seconds, version)
        return seconds


class SharedFragmentCache(FragmentCache):
    """Fragments in this process's memory and, behind it, in the shared cache."""

    def get(self, key, default=None, version=None):
        value = super().get(key, MISSING, version)
        if value is MISSING:
            value = safe_get(self.shared_key(key), MISSING)
            if value is MISSING:
                return default
            LocMemCache.set(self, key, value, self.seconds(DEFAULT_TIMEOUT), version)
        return value

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        seconds = super().set(key, value, timeout, version)
        if seconds:
            set_later(self.shared_key(key), value, seconds)
        return seconds

    @staticmethod
    def shared_key(key: str) -> str:
        return f"fragment:{key}"
