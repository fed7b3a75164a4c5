"""One place that says when cached public content is stale: when a change is committed.

Both apps call ``connect_public`` with the models their public pages show; a save or delete
of any of them, or a change of an article's goals, counts up the content version in the
change's own transaction (``content_changed``, ``store.bump_content_version``). The new
version becomes visible to other requests exactly when the change does: never before (a
request would read the new version with the old rows and keep the old page under it), never
lost (after a rollback nothing changed, and a stalled cache plays no part). Bulk writes that
send no signals (the demo seeding's ``bulk_create``) call ``content_changed`` themselves.

A change confined to one article that stays public (published, edited, a byline or tag
changed) retires that article's page and the pages that list articles, not the pages of
other articles (``store.bump_content_version``); anything else retires every page.

Only changes readers could see retire anything. An object that can say so answers
``shown_publicly()`` (an article: published or scheduled, now or as loaded; a byline, tag or
link: of such an article); when it answers False (a draft saved, a tag made for a draft, an
author with drafts only) nothing is retired, so a newsroom at work on drafts, reviews and
notes leaves every reader's cached pages alone. Whatever cannot say (a section, a goal, a
relation seen from its other side, a bulk write) retires everything, as before. Notes,
pending changes, events, version records and the newsroom's mail are not connected at all:
no public page shows them.

A change that takes something public away (a published article unpublished, edited or
deleted) is a *takedown*: it also retires the last good copies of pages kept for database
outages, which otherwise outlive content versions (``pages.stale_response``).
"""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save

from .store import bump_content_version


def content_changed(sender=None, instance=None, **kwargs) -> None:
    """Public content changed: cached pages, fragments and remembered values are retired
    when the change commits. ``instance`` answers ``was_public()`` if it can be taken down
    (an article), and ``public_article()`` if the change can be confined to one public
    article (that article, a byline, a tag on it, a link from it)."""
    action = kwargs.get("action", "")  # a relation's change is told before and after
    if action.startswith("pre_"):
        return
    shown_publicly = getattr(instance, "shown_publicly", None)
    if shown_publicly is not None and not shown_publicly():
        return  # nothing a reader can see: a draft, or something only drafts have
    was_public = getattr(instance, "was_public", None)
    takes_away = action in ("", "post_remove", "post_clear")
    public_article = getattr(instance, "public_article", None)
    deleted = kwargs.get("signal") is post_delete and hasattr(instance, "was_public")
    bump_content_version(
        takedown=bool(takes_away and was_public and was_public()),
        # An article deleted, or no longer public, may be shown by any page: all retire.
        article=public_article() if public_article is not None and not deleted else None,
    )


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
