"""Values worked out once per content version: counts, lists of ids, objects by slug.

Kept in the shared cache (cut short before the next scheduled publication) and, for a few
seconds at a time, in this process, so the pages' hot paths make no round trip.
"""

from __future__ import annotations

import time
from collections import OrderedDict

from django.shortcuts import get_object_or_404

from . import store
from .store import MISSING, lifetime, safe_get, set_later, versioned

LOCAL_VALUES_MAX = 2000
LOCAL_VALUE_SECONDS = 5.0
_local_values: OrderedDict[str, tuple[float, object]] = OrderedDict()


def remembered(name: str, compute, timeout: float = 60 * 60):
    """``compute()``, worked out once per content version: kept in the shared cache for
    ``timeout`` seconds (cut short before the next scheduled publication) and, for a few
    seconds at a time, in this process."""
    key = versioned(name)
    now = time.monotonic()
    entry = _local_values.get(key)
    if entry is not None and entry[0] > now:
        _local_values.move_to_end(key)
        return entry[1]
    value = safe_get(key, MISSING)
    timeout = lifetime(timeout)
    if value is MISSING:
        value = compute()
        if timeout:
            set_later(key, value, timeout)
    if timeout:
        _local_values[key] = (now + min(timeout, LOCAL_VALUE_SECONDS), value)
        while len(_local_values) > LOCAL_VALUES_MAX:
            _local_values.popitem(last=False)
    return value


def remembered_object(queryset, **lookup):
    """``get_object_or_404(queryset, **lookup)``, remembered per content version like
    ``remembered``. Only found objects are kept: an unknown slug costs a query every time
    rather than a place in the cache."""
    model = queryset.model._meta.label_lower
    name = ":".join(f"{key}={value}" for key, value in sorted(lookup.items()))
    return remembered(f"object:{model}:{name}", lambda: get_object_or_404(queryset, **lookup))


def cached_count(name: str, queryset) -> int:
    """``queryset.count()``, counted once per content version (and again when a scheduled
    article appears): counting thousands of joined rows on every page view is what makes a
    large archive slow."""
    return remembered(f"count:{name}", queryset.count)


def published_count() -> int:
    """The number of published articles ("Se alle artikler (N)"), shown on most pages: counted
    with the next scheduled publication, in one query (``store.publication_clock``)."""
    return store.published_count()


def forget() -> None:
    _local_values.clear()
