"""The cache: one job a module, each imported where it is needed.

- ``store``: the shared cache reached so that it never fails a page; the versions of the
  content (every change, the structure, each article's last change) that keys carry and
  stored pages are checked against; the clock of the next scheduled publication.
- ``remembered``: values worked out once per content version (counts, ids, objects).
- ``fragments``: rendered parts of pages shared by every reader (``{% cache %}``).
- ``holes`` and ``pages``: whole public pages, shared by every reader, with holes filled per
  reader; the middleware that answers from them; the last good copy for database outages.
- ``invalidation``: when content is stale: after a change is committed (``connect_public``).
- ``sessions``: the session engine, in the database with a copy here that a cache fault can
  neither fail nor bring back once ended.
- ``readers``: each reader's state (their list, as pages show it), kept so that a stored page
  is filled for them without a query; readers found from their cookie or session alone.

The package builds on the models and Django only: nothing in it imports a view, the reading
list or any other module above it (tests/test_architecture.py).

Models never import the cache: the callers (views, context processors, template tags) ask it.
This package imports nothing at its top, so importing one module never pulls in the others.
"""


def forget_local_state() -> None:
    """Drop what this process remembers beside the shared cache (for tests, which empty the
    shared cache between them)."""
    from . import pages, readers, remembered, sessions, store

    pages.forget()
    remembered.forget()
    sessions.forget()
    store.forget()
    readers.forget_local_states()
