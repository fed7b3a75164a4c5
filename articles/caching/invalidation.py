"""One place that says when cached public content is stale: after a change is committed.

Both apps call ``connect_public`` with the models their public pages show; a save or delete
of any of them, or a change of an article's goals, replaces the content version once the
change is committed (``content_changed``). Bumped inside the transaction, a request in
between would read the new version with the old rows and keep the old page under it; after a
rollback nothing is bumped, as nothing changed. Bulk writes that send no signals (the demo
seeding's ``bulk_create``) call ``content_changed`` themselves.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from .store import bump_content_version


def content_changed(**kwargs) -> None:
    """Public content changed: every cached page, fragment and remembered value is retired
    once the change is committed (at once outside a transaction)."""
    transaction.on_commit(bump_content_version)


def connect_public(models, *, many_to_many=()) -> None:
    """Retire cached content whenever one of ``models`` is saved or deleted, or one of the
    ``many_to_many`` relations (their ``through`` models) changes."""
    for model in models:
        label = model._meta.label
        post_save.connect(content_changed, sender=model, dispatch_uid=f"cache-save-{label}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"cache-delete-{label}")
    for through in many_to_many:
        label = through._meta.label
        m2m_changed.connect(content_changed, sender=through, dispatch_uid=f"cache-m2m-{label}")
