"""The cache behind ``{% cache … using="fragments" %}``: rendered parts of pages that are the
same for every reader (cards, article bodies, author boxes), keyed by the content version.

A fragment never outlives the next scheduled publication (``store.lifetime``), as whole pages
do not: an author box naming the latest article must change when a scheduled one appears.
With Redis, fragments are also shared between processes (``SharedFragmentCache``): a
fragment one worker rendered is not rendered again by every other worker, nor by a fresh
worker after gunicorn recycles one, and a local hit still costs no round trip.

A page built afresh asks the shared cache for all its fragments in one round trip, before
the first is rendered (``prefetch_for``, ``{% prefetch_fragments %}`` in base.html), instead
of one round trip each as its ``{% cache %}`` tags come: an article page has eight.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from weakref import WeakKeyDictionary

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.utils import make_template_fragment_key
from django.template import Template, VariableDoesNotExist
from django.template.loader_tags import ExtendsNode
from django.templatetags.cache import CacheNode

from . import holes
from .store import MISSING, lifetime, safe_get, safe_get_many, set_later

# The fragments this request looked for in the shared cache and did not find: not looked for
# again (``SharedFragmentCache.get``). None outside a request (``one_request``).
_looked_for: ContextVar[set | None] = ContextVar("fragments_looked_for", default=None)


@contextmanager
def one_request():
    token = _looked_for.set(set())
    try:
        yield
    finally:
        _looked_for.reset(token)


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
            looked_for = _looked_for.get()
            if looked_for is not None and key in looked_for:
                return default  # prefetched: not in the shared cache either
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

    def prefetch(self, keys: list[str]) -> None:
        """Bring the fragments under ``keys`` that this process lacks from the shared cache
        in one round trip; those it does not hold either are not asked for again in this
        request (rendering them is always right: it is what a miss does)."""
        looked_for = _looked_for.get()
        if looked_for is None:
            return
        wanted = [key for key in dict.fromkeys(keys) if key not in looked_for]
        wanted = [key for key in wanted if not self.has_key(key)]
        if not wanted:
            return
        found = safe_get_many([self.shared_key(key) for key in wanted])
        for key in wanted:
            value = found.get(self.shared_key(key), MISSING)
            if value is MISSING:
                looked_for.add(key)
            else:
                LocMemCache.set(self, key, value, self.seconds(DEFAULT_TIMEOUT))

    @staticmethod
    def shared_key(key: str) -> str:
        # A fragment holds the page's hole markers, made with a token of the site's secret
        # key (holes.py): one rendered under another key (before the key was changed, or by
        # another site on the same Redis) would show its markers to readers as text. Each
        # key's fragments are kept apart.
        return f"fragment:{holes.site_token()}:{key}"


# The {% cache %} tags of each template, with those of the templates it extends: found once
# per compiled template (the loader keeps them for the life of the process).
_fragment_nodes: WeakKeyDictionary[Template, list[CacheNode]] = WeakKeyDictionary()


def fragment_nodes(template: Template) -> list[CacheNode]:
    nodes = _fragment_nodes.get(template)
    if nodes is None:
        nodes = list(template.nodelist.get_nodes_by_type(CacheNode))
        for extends in template.nodelist.get_nodes_by_type(ExtendsNode):
            parent = extends.parent_name.var
            if isinstance(parent, str):  # a name, not a variable (never one on this site)
                nodes += fragment_nodes(template.engine.get_template(parent))
        _fragment_nodes[template] = nodes
    return nodes


def prefetch_for(context) -> None:
    """Prefetch the fragments of the page ``context`` renders: the keys of its {% cache %}
    tags that use the "fragments" cache, worked out as the tags will. A tag inside a loop
    may come out with another key than it will use: that costs a key asked for in vain."""
    fragments = caches["fragments"]
    template = context.template
    if template is None or not isinstance(fragments, SharedFragmentCache):
        return
    keys = []
    for node in fragment_nodes(template):
        try:
            if node.cache_name is None or node.cache_name.resolve(context) != "fragments":
                continue
            vary_on = [value.resolve(context) for value in node.vary_on]
        except VariableDoesNotExist:
            continue
        keys.append(make_template_fragment_key(node.fragment_name, vary_on))
    fragments.prefetch(keys)
