"""The cache: one job a module, each imported where it is needed.

- ``store``: the shared cache reached so that it never fails a page; the content version
  every key carries; the clock of the next scheduled publication.
- ``remembered``: values worked out once per content version (counts, ids, objects).
- ``fragments``: rendered parts of pages shared by every reader (``{% cache %}``).
- ``holes`` and ``pages``: whole public pages, shared by every reader, with holes filled per
  reader; the middleware that answers from them; the last good copy for database outages.
- ``invalidation``: when content is stale: after a change is committed (``connect_public``).
- ``sessions``: the session engine, in the database with a copy here that a cache fault can
  neither fail nor bring back once ended.

Models never import the cache: the callers (views, context processors, template tags) ask it.
This package imports nothing at its top, so importing one module never pulls in the others.
"""


def forget_local_state() -> None:
    """Drop what this process remembers beside the shared cache (for tests, which empty the
    shared cache between them)."""
    from articles import reading_list

    from . import pages, remembered, sessions, store

    pages.forget()
    remembered.forget()
    sessions.forget()
    store.forget()
    reading_list.forget_local_states()
