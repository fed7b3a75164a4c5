"""Every change of an article's state, in one place.

An article is a draft ("Kladde"), ready for review ("Klar til redigering") or published
("Udgivet"; with a publication time in the future it is scheduled). Only an editor, someone
who may publish (``roles.can_publish``), makes anything public or takes it down; journalists
write, send their own articles for review and take them back. The admin's change form, its
bulk actions and its history and recover views all come here, so the rules hold on every
path, not only where a form happens to check them.

Each transition checks the actor's right, records a version (django-reversion) naming the
actor, and saves through ``Article.save()``, so cached pages are retired after the commit and
the search words follow (articles/signals.py).
"""

from __future__ import annotations

import reversion
from django.core import serializers
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from . import roles
from .models import Article, Section
from .text import unique_slug

Status = Article.Status

# Who can see an article and where: never changed by restoring a version of its content.
STATE_FIELDS = ("status", "published_at", "front_page", "front_page_order", "created_by")
# What restoring a version brings back: the article's text, picture and goals.
CONTENT_FIELDS = (
    "title",
    "slug",
    "section",
    "lead",
    "body",
    "hero_image",
    "hero_alt",
    "hero_caption",
    "hero_credit",
    "hero_renditions",
)


class TransitionRefused(PermissionDenied):
    """The actor may not make this change, or the article is not ready for it. The message
    is Danish, for the newsroom."""


class RestoreFailed(Exception):
    """A saved version cannot be brought back (its section is gone, say). Danish message."""


# --- Who may do what ------------------------------------------------------------------------


def may_edit(actor, article: Article) -> bool:
    """Whether ``actor`` may save changes to ``article``. Editors may change any article.
    A journalist may change their own articles while they are not published: a change to a
    published (or scheduled) article would reach the public with no editor, so it is an
    editor's to make."""
    if roles.can_publish(actor):
        return True
    return article.status != Status.PUBLISHED and _is_own(actor, article)


def may_move(actor, article: Article, to_status: str) -> bool:
    """Whether ``actor`` may move ``article`` from its current status to ``to_status``."""
    if to_status == article.status:
        return True
    if roles.can_publish(actor):
        return True
    # Journalists move their own unpublished articles between draft and review, no further.
    return (
        to_status in (Status.DRAFT, Status.REVIEW)
        and article.status != Status.PUBLISHED
        and _is_own(actor, article)
    )


def _is_own(actor, article: Article) -> bool:
    # An article not yet saved is being written by the actor.
    return article.pk is None or roles.is_own(actor, article)


def _require(allowed: bool, message: str = "Du har ikke ret til at ændre artiklens status sådan."):
    if not allowed:
        raise TransitionRefused(message)


# --- Transitions ----------------------------------------------------------------------------


def submit_for_review(article: Article, actor) -> Article:
    """Draft → ready for review ("Send til redigering")."""
    _require(article.status == Status.DRAFT, f"»{article}« er ikke en kladde.")
    return _move(article, actor, Status.REVIEW, "Sendt til redigering")


def publish(article: Article, actor) -> Article:
    """Publish now, or at the article's publication time if that lies ahead (scheduled).
    Refused unless the article has everything a published article needs."""
    _require(roles.can_publish(actor))
    if missing := article.missing_for_publishing():
        raise TransitionRefused(
            f"»{article}« kan ikke udgives endnu. Den mangler {join_danish(missing)}."
        )
    if article.published_at is None:
        article.published_at = timezone.now()
    comment = "Planlagt til udgivelse" if article.published_at > timezone.now() else "Udgivet"
    return _move(article, actor, Status.PUBLISHED, comment)


def unpublish(article: Article, actor) -> Article:
    """Back to draft: a published article leaves the site, a submitted one leaves review."""
    return _move(article, actor, Status.DRAFT, "Gjort til kladde")


def move(article: Article, actor, to_status: str) -> Article:
    """The transition that leads to ``to_status``, for the change form's status buttons.
    Staying where it is is no transition (an editor's new time for a published article is
    an edit of the article, saved by the form)."""
    if to_status == article.status:
        return article
    if to_status == Status.PUBLISHED:
        return publish(article, actor)
    if to_status == Status.REVIEW:
        return submit_for_review(article, actor)
    return unpublish(article, actor)


def _move(article: Article, actor, to_status: str, comment: str) -> Article:
    _require(may_move(actor, article, to_status))
    with transaction.atomic(), reversion.create_revision():
        article.status = to_status
        article.save(update_fields=["status", "published_at", "updated_at"])
        reversion.set_user(actor if getattr(actor, "is_authenticated", False) else None)
        reversion.set_comment(comment)
    return article


def join_danish(items: list[str]) -> str:
    """Joins ["a", "b", "c"] as "a, b og c"."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} og {items[-1]}"


# --- Restoring saved versions ---------------------------------------------------------------


def restore_version(version, actor) -> Article:
    """Write a saved version's content (text, picture, goals) into its article, or bring a
    deleted article back, and return it.

    Restoring never changes who can see the article: status, publication time, front-page
    placement and author of record stay as they are live, and a deleted article comes back
    as a draft off the front page. Only an editor's explicit publish makes it public again.
    Curated related articles, bylines and tags are not part of a version and stay as they
    are. Django-reversion's own revert writes the whole old row, state included, which is
    how a journalist could republish what an editor had taken down.

    The caller checks that ``actor`` may change the article and runs this in a transaction
    (the admin rolls it back when the restored form is only shown, not saved).
    """
    try:
        deserialized = next(
            serializers.deserialize(version.format, version.serialized_data, ignorenonexistent=True)
        )
    except (serializers.base.DeserializationError, StopIteration) as error:
        raise RestoreFailed("Versionen kan ikke læses.") from error
    old = deserialized.object
    if not Section.objects.filter(pk=old.section_id).exists():
        raise RestoreFailed("Versionens sektion findes ikke længere. Vælg en anden sektion.")

    live = Article.objects.filter(pk=old.pk).first()
    if live is None:
        article = old
        article.status = Status.DRAFT
        article.front_page = Article.FrontPage.NONE
        article.front_page_order = 0
        if article.created_by_id is not None and not _user_exists(article.created_by_id):
            article.created_by = None
    else:
        article = live
        for field in CONTENT_FIELDS:
            setattr(article, field, getattr(old, field))
    # The slug may have been taken by another article since.
    if Article.objects.filter(slug=article.slug).exclude(pk=article.pk).exists():
        article.slug = unique_slug(Article.objects.all(), article.title, exclude_pk=article.pk)
    # The version's renditions belong to its picture: no need to make them again.
    article._loaded_image_names = {"hero_image": article.hero_image.name}
    with reversion.create_revision():
        article.save(force_insert=live is None)
        if "goals" in deserialized.m2m_data:
            goals = Article.goals.field.related_model.objects  # a lazy reference: no import
            article.goals.set(goals.filter(pk__in=deserialized.m2m_data["goals"]))
        reversion.set_user(actor)
    return article


def _user_exists(pk) -> bool:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(pk=pk).exists()
