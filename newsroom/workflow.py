"""Every change of an article's state, in one place.

An article is a draft ("Kladde"), ready for review ("Klar til redigering") or published
("Udgivet"; with a publication time in the future it is scheduled). Only an editor, someone
who may publish (``roles.can_publish``), makes anything public, changes when, or takes it
down; journalists write, send their own articles for review and take them back, and propose
changes to their published articles, which wait for an editor.

Each transition here checks the actor's right, saves the article with its status and
publication time (``Article.save`` refuses such a change made anywhere else), records a
version naming the actor (django-reversion), writes an entry in the article's log
(``ArticleEvent``: who, when, from → to, the note) and queues the newsroom's mail, all in one
transaction; cached pages are retired and mails sent after the commit. The admin's change
form, its bulk actions, its history, recover and review views and the shell all come here.

| transition            | from            | to        | journalist (own) | editor |
| --------------------- | --------------- | --------- | ---------------- | ------ |
| submit_for_review     | draft           | review    | yes              | yes    |
| withdraw              | review          | draft     | yes              | yes    |
| return_to_author      | review          | draft     | no               | yes, with a note |
| publish (now/at)      | draft, review   | published | no               | yes    |
| set_publication_time  | any             | same      | no               | yes    |
| unpublish             | review, published | draft   | no               | yes    |
| propose_change        | published       | same      | yes              | (edits go live) |
| update_open_change    | pending change  | same      | yes (autosave)   | no     |
| approve_change        | pending change  | same      | no               | yes    |
| return_change         | pending change  | same      | no               | yes, with a note |
| restore_version       | any             | same      | own unpublished  | yes    |
| recover (restore_version of a deleted article) | deleted | draft | own | yes |
| trash (the admin's delete) | any         | draft, in the trash | own unpublished | yes |
| restore_from_trash    | in the trash    | draft     | own              | yes    |
| place_on_front_page   | published (top story), any (pinned) | same | no | yes |
| propose_correction    | published       | same      | yes              | yes    |
| publish_correction    | proposed correction | published | no           | yes    |
| withdraw_correction   | any correction  | withdrawn, a dated note | no | yes, with a reason |

Quote checks ("citattjek", newsroom/quotechecks.py) are steps beside this table: a journalist
(on their own unpublished article) or an editor opens one for a source, and the source answers
through its link. Publishing an article (``publish``, a publication time that takes effect) and
putting it in the trash close its open checks in the same transaction: their links answer 410.

The rules of the steps an article's form offers are asked of ``check`` by the form itself
before it saves anything, so they are written once, here.

An editor's approval publishes exactly what that editor was shown. Every control that makes
text public (publish or schedule from the change form, approve a pending change, bulk
publish) carries the token of the content its page showed (``content_token``,
``change_token``: fingerprints of newsroom/versions.py's snapshots). The transition locks the
article, and when the content has moved on since, nothing is published: ``ContentMovedOn``,
with a Danish message, and the page shows the new difference. Called without a token (the
shell), the article as the caller holds it in memory is what was shown.
"""

from __future__ import annotations

from datetime import datetime

import reversion
from django.core import serializers
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from articles.models import (
    STATE_FIELDS,
    Article,
    ArticleEvent,
    ContentVersion,
    PendingChange,
    Section,
    refresh_renditions,
    state_change,
)
from articles.text import unique_slug
from corrections.models import Correction
from quotecheck.models import QuoteCheck

from . import roles
from .versions import snapshot_of, snapshot_with_change, token_of

Status = Article.Status
Action = ArticleEvent.Action

# What restoring a version, or a pending change, brings: the article's text, picture and
# goals. Who can see it (status, publication time, front page) and the curated links are
# never part of it.
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


class ContentMovedOn(TransitionRefused):
    """The content changed after the page that asked for this was shown: what was approved is
    not what would go live."""


class RestoreFailed(Exception):
    """A saved version cannot be brought back (its section is gone, say). Danish message."""


# --- Who may do what ------------------------------------------------------------------------


def _is_own(actor, article: Article) -> bool:
    # An article not yet saved is being written by the actor.
    return article.pk is None or roles.is_own(actor, article)


def may_edit(actor, article: Article) -> bool:
    """Whether ``actor``'s saved changes to ``article`` go live at once. Editors may change
    any article. A journalist may change their own articles while they are not published; a
    change to a published (or scheduled) article is proposed instead (``may_propose``)."""
    if article.in_trash:
        return False  # restored first (``restore_from_trash``), then edited
    if roles.can_publish(actor):
        return True
    return article.status != Status.PUBLISHED and _is_own(actor, article)


def may_trash(actor, article: Article) -> bool:
    """Editors may put any article in the trash (a published one leaves the site); a
    journalist their own while it is not published."""
    if article.pk is None or article.in_trash:
        return False
    if roles.can_publish(actor):
        return True
    return article.status != Status.PUBLISHED and roles.is_own(actor, article)


def may_restore(actor, article: Article) -> bool:
    """Whoever could have put it there may take it out of the trash."""
    return article.in_trash and (roles.can_publish(actor) or roles.is_own(actor, article))


def may_propose(actor, article: Article) -> bool:
    """Whether ``actor`` may propose a change to ``article`` for an editor to approve: a
    journalist's own published article."""
    return (
        not roles.can_publish(actor)
        and not article.in_trash
        and article.status == Status.PUBLISHED
        and article.pk is not None
        and roles.is_own(actor, article)
    )


def may_change(actor, article: Article) -> bool:
    """Whether ``actor`` may open ``article``'s form to change it, either way."""
    return may_edit(actor, article) or may_propose(actor, article)


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


def _require(allowed: bool, message: str = "Du har ikke ret til at ændre artiklens status sådan."):
    if not allowed:
        raise TransitionRefused(message)


def _require_note(note: str, message: str) -> str:
    note = (note or "").strip()
    if not note:
        raise ValidationError(message, code="note_required")
    return note


# --- The rules of each step, asked by the steps and by the forms that offer them ---------------

NOT_IN_REVIEW = "»{article}« venter ikke på redigering."
NOTE_FOR_AUTHOR = "Skriv en note til skribenten om, hvad der skal rettes."


def check(
    actor,
    article: Article,
    step: str,
    *,
    note: str = "",
    content: Article | None = None,
    author_count: int | None = None,
):
    """Whether ``actor`` may take ``step`` ("submit", "withdraw", "return", "publish",
    "unpublish") with ``article`` now: raises ``TransitionRefused`` (Danish) if not, or a
    ``ValidationError`` coded "note_required" when only the note is missing. ``content``: the
    article as it would be saved (a form's input), checked for what publishing needs, with
    ``author_count`` authors (by default, those saved).

    The transitions below call it, and so does the admin's form before it saves anything,
    so the rules are written once."""
    _require(not article.in_trash, f"»{article}« ligger i papirkurven. Gendan den først.")
    match step:
        case "submit":
            _require(article.status == Status.DRAFT, f"»{article}« er ikke en kladde.")
            _require(may_move(actor, article, Status.REVIEW))
        case "withdraw":
            _require(article.status == Status.REVIEW, NOT_IN_REVIEW.format(article=article))
            _require(may_move(actor, article, Status.DRAFT))
        case "return":
            _require(roles.can_publish(actor))
            _require(article.status == Status.REVIEW, NOT_IN_REVIEW.format(article=article))
            _require_note(note, NOTE_FOR_AUTHOR)
        case "publish":
            _require(roles.can_publish(actor))
            if missing := (content or article).missing_for_publishing(author_count):
                # On the article's own form, "Artiklen"; in a list of several, its title.
                name = "Artiklen" if content is not None else f"»{article}«"
                raise TransitionRefused(
                    f"{name} kan ikke udgives endnu. Den mangler {join_danish(missing)}."
                )
        case "unpublish":
            _require(roles.can_publish(actor))
            _require(article.status != Status.DRAFT, f"»{article}« er allerede en kladde.")
        case _:
            raise ValueError(f"Unknown step: {step}")


# --- Transitions ----------------------------------------------------------------------------


def created(article: Article, actor) -> ArticleEvent:
    """Log that ``actor`` created ``article`` (saved by the admin's add form)."""
    with transaction.atomic():
        return _record(article, actor, Action.CREATED, from_status="")


def submit_for_review(article: Article, actor, note: str = "") -> ArticleEvent:
    """Draft → ready for review ("Send til redigering"), with an optional note to the
    editors, who are told by mail."""
    check(actor, article, "submit")
    return _move(article, actor, Status.REVIEW, Action.SUBMITTED, note)


def withdraw(article: Article, actor) -> ArticleEvent:
    """Ready for review → draft, by its journalist ("Træk tilbage til kladde")."""
    check(actor, article, "withdraw")
    return _move(article, actor, Status.DRAFT, Action.WITHDRAWN)


def return_to_author(article: Article, actor, note: str) -> ArticleEvent:
    """Ready for review → draft, by an editor, with a note saying what to fix ("Send
    tilbage"); the article's journalists are told by mail."""
    check(actor, article, "return", note=note)
    return _move(article, actor, Status.DRAFT, Action.RETURNED, note.strip())


def publish(
    article: Article,
    actor,
    at: datetime | None = None,
    note: str = "",
    *,
    shown: str | None = None,
) -> ArticleEvent:
    """Publish now, or at ``at`` (or the article's publication time) if that lies ahead:
    scheduled, it appears by itself. Refused unless the article has everything a published
    article needs, and unless its content is still what the editor was shown (``shown``, a
    ``content_token``; by default the article as ``article`` holds it)."""
    check(actor, article, "publish")
    if at is not None:
        article.published_at = at
    elif article.published_at is None:
        article.published_at = timezone.now()
    action = Action.SCHEDULED if article.published_at > timezone.now() else Action.PUBLISHED
    return _move(article, actor, Status.PUBLISHED, action, note, shown=shown)


def set_publication_time(
    article: Article, actor, at: datetime | None, *, shown: str | None = None
) -> ArticleEvent | None:
    """An editor's new publication time. For a published article it takes effect: a time
    ahead schedules it again (it leaves the site until then), a past one publishes it. For
    an unpublished one it is the time it will have once published."""
    _require(roles.can_publish(actor), "Kun en redaktør kan ændre udgivelsestidspunktet.")
    if at == article.published_at:
        return None
    if article.status == Status.PUBLISHED:
        _require(at is not None, "En udgivet artikel skal have et udgivelsestidspunkt.")
        article.published_at = at
        action = Action.SCHEDULED if at > timezone.now() else Action.PUBLISHED
        return _move(article, actor, Status.PUBLISHED, action, shown=shown)
    with transaction.atomic(), reversion.create_revision(), state_change():
        article.published_at = at
        article.save(update_fields=["published_at", "updated_at"])
        _version(actor, "Udgivelsestidspunkt ændret")
    return None


def unpublish(article: Article, actor, note: str = "") -> ArticleEvent:
    """Back to draft: a published article leaves the site, a submitted one leaves review.
    Editors only (a journalist takes their own back from review with ``withdraw``)."""
    check(actor, article, "unpublish")
    return _move(article, actor, Status.DRAFT, Action.UNPUBLISHED, note)


# --- The front page and the trash -------------------------------------------------------------

FrontPage = Article.FrontPage
PLACEMENT_FIELDS = ["front_page", "front_page_order", "updated_at"]


def place_on_front_page(
    article: Article, actor, placement: str, order: int | None = None
) -> ArticleEvent | None:
    """Where ``article`` stands on the front page: the top story, pinned (``order``: lower
    first) or not placed. Editors only (``roles.can_curate``), logged. A published article
    made the top story replaces the one before it, which goes back among the others (its own
    step in its log). None when nothing changes."""
    _require(roles.can_curate(actor), "Kun en redaktør kan placere artikler på forsiden.")
    _require(not article.in_trash, f"»{article}« ligger i papirkurven. Gendan den først.")
    placement = FrontPage(placement or FrontPage.NONE)
    order = article.front_page_order if order is None else order
    if placement == FrontPage.NONE:
        order = 0
    if (placement, order) == (article.front_page, article.front_page_order):
        return None
    if placement == FrontPage.TOP:
        _require(
            article.status == Status.PUBLISHED,
            "Kun en udgivet eller planlagt artikel kan være tophistorie.",
        )
    with transaction.atomic(), reversion.create_revision(), state_change():
        if placement == FrontPage.TOP:
            # One top story at a time: the one before goes back among the others. Two editors
            # choosing at once take turns on the content version's row (which every public
            # change writes), so the second sees the first's choice and replaces it: locking
            # the current top story alone would let both through.
            ContentVersion.objects.select_for_update().filter(pk=1).first()
            for previous in Article.objects.select_for_update().filter(front_page=FrontPage.TOP):
                if previous.pk != article.pk:
                    _place(previous, actor, FrontPage.NONE, 0, note=f"Afløst af »{article}«.")
        event = _place(article, actor, placement, order)
        _version(actor, event.get_action_display())
        return event


def _place(article: Article, actor, placement: str, order: int, note: str = "") -> ArticleEvent:
    article.front_page, article.front_page_order = placement, order
    article.save(update_fields=PLACEMENT_FIELDS)
    where = {
        FrontPage.TOP: "Forsidens tophistorie.",
        FrontPage.PINNED: f"Fastgjort på forsiden som nr. {order}.",
        FrontPage.NONE: "Ikke længere fremhævet på forsiden.",
    }[placement]
    return _record(
        article, actor, Action.PLACED, from_status=article.status, note=f"{where} {note}".strip()
    )


def trash(article: Article, actor, note: str = "") -> ArticleEvent:
    """Into the newsroom's trash ("Papirkurv"), instead of deleting: the article becomes a
    draft off the front page (a published one leaves the site at once), its log and versions
    stay, and it can be restored (``restore_from_trash``). The admin's delete comes here."""
    _require(
        may_trash(actor, article),
        "Du kan kun lægge dine egne artikler, der ikke er udgivet, i papirkurven."
        if not roles.can_publish(actor)
        else f"»{article}« ligger allerede i papirkurven.",
    )
    from_status = article.status
    with transaction.atomic(), reversion.create_revision(), state_change():
        article.status = Status.DRAFT
        article.front_page, article.front_page_order = FrontPage.NONE, 0
        article.trashed_at = timezone.now()
        article.save(update_fields=[*STATE_FIELDS, "updated_at"])
        close_quote_checks(article, actor, "Artiklen blev lagt i papirkurven.")
        # A proposed change to it waits for nothing any more.
        article.pending_changes.filter(state=PendingChange.State.PENDING).update(
            state=PendingChange.State.RETURNED,
            decided_by=actor if getattr(actor, "is_authenticated", False) else None,
            decided_at=timezone.now(),
            note="Artiklen blev lagt i papirkurven.",
        )
        _version(actor, Action.TRASHED.label)
        return _record(article, actor, Action.TRASHED, from_status=from_status, note=note)


def restore_from_trash(article: Article, actor) -> ArticleEvent:
    """Out of the trash, as a draft: only an editor's explicit publish makes it public again."""
    _require(may_restore(actor, article), "Du kan ikke gendanne denne artikel.")
    with transaction.atomic(), reversion.create_revision(), state_change():
        article.trashed_at = None
        article.save(update_fields=["trashed_at", "updated_at"])
        _version(actor, Action.UNTRASHED.label)
        return _record(article, actor, Action.UNTRASHED, from_status=Status.DRAFT)


# --- Corrections ("Rettelser") -------------------------------------------------------------------


def may_propose_correction(actor, article: Article) -> bool:
    """Editors, and the article's own journalists, may write a correction of a published
    article; only an editor publishes it."""
    return (
        article.status == Status.PUBLISHED
        and not article.in_trash
        and (roles.can_publish(actor) or roles.is_own(actor, article))
    )


def propose_correction(
    article: Article, actor, kind: str, text: str, ruling_url: str = "", *, publish: bool = False
) -> Correction:
    """A correction written for an editor to publish (editors are told by mail), or, with
    ``publish``, an editor's own, published at once (one step in the log: "Rettelse udgivet")."""
    _require(
        may_propose_correction(actor, article),
        "Du kan kun foreslå rettelser til dine egne udgivne artikler.",
    )
    if publish:
        _require(roles.can_publish(actor), "Kun en redaktør kan udgive en rettelse.")
    correction = Correction(article=article, kind=kind, text=text.strip(), ruling_url=ruling_url)
    _require_complete(correction)
    correction.proposed_by = actor
    with transaction.atomic():
        if publish:
            correction.save()
            publish_correction(correction, actor)  # versioned and logged there
            return correction
        with reversion.create_revision():
            correction.save()
            _version(actor, Action.CORRECTION_PROPOSED.label)
        _record(
            article,
            actor,
            Action.CORRECTION_PROPOSED,
            from_status=article.status,
            note=f"{correction.get_kind_display()}: {correction.text}",
        )
    return correction


def publish_correction(correction: Correction, actor) -> ArticleEvent:
    """An editor publishes a correction: above its article's text at once, on /rettelser/,
    in its feed and the front page's newest list, in the article's metadata; the article's
    writers are told by mail."""
    _require(roles.can_publish(actor), "Kun en redaktør kan udgive en rettelse.")
    with transaction.atomic(), reversion.create_revision(), state_change():
        locked = (
            Correction.objects.select_for_update().select_related("article").get(pk=correction.pk)
        )
        _require(locked.state == Correction.State.PROPOSED, "Rettelsen er allerede udgivet.")
        article = locked.article
        _require(
            article.status == Status.PUBLISHED and not article.in_trash,
            "Kun en udgivet artikel kan rettes offentligt.",
        )
        _require_complete(locked)
        now = timezone.now()
        locked.state, locked.published_at, locked.published_by = (
            Correction.State.PUBLISHED,
            now,
            actor,
        )
        locked.save(update_fields=["state", "published_at", "published_by"])
        article.corrected_at = now
        article.save(update_fields=["corrected_at", "updated_at"])
        correction.__dict__.update(locked.__dict__)
        _version(actor, Action.CORRECTION_PUBLISHED.label)
        return _record(
            article,
            actor,
            Action.CORRECTION_PUBLISHED,
            from_status=article.status,
            note=f"{locked.get_kind_display()}: {locked.text}",
        )


def withdraw_correction(correction: Correction, actor, note: str) -> ArticleEvent:
    """An editor withdraws a published correction (it was itself wrong): it is never deleted
    silently, but leaves a dated note with the reason where it stood. A proposal not yet
    published is withdrawn the same way, and was never shown."""
    _require(roles.can_publish(actor), "Kun en redaktør kan trække en rettelse tilbage.")
    note = _require_note(note, "Skriv, hvorfor rettelsen trækkes tilbage. Det vises for læserne.")
    with transaction.atomic(), reversion.create_revision(), state_change():
        locked = (
            Correction.objects.select_for_update().select_related("article").get(pk=correction.pk)
        )
        _require(
            locked.state != Correction.State.WITHDRAWN, "Rettelsen er allerede trukket tilbage."
        )
        was_shown = locked.state == Correction.State.PUBLISHED
        locked.state, locked.withdrawn_at, locked.withdrawal_note = (
            Correction.State.WITHDRAWN,
            timezone.now(),
            note,
        )
        if not was_shown:
            locked.published_at = None
        locked.save(update_fields=["state", "withdrawn_at", "withdrawal_note", "published_at"])
        article = locked.article
        if was_shown:
            article.corrected_at = locked.withdrawn_at
            article.save(update_fields=["corrected_at", "updated_at"])
        correction.__dict__.update(locked.__dict__)
        _version(actor, Action.CORRECTION_WITHDRAWN.label)
        return _record(
            article, actor, Action.CORRECTION_WITHDRAWN, from_status=article.status, note=note
        )


def _require_complete(correction: Correction) -> None:
    if not correction.text.strip():
        raise ValidationError("Skriv rettelsens tekst.", code="text_required")
    if correction.kind == Correction.Kind.RULING and not correction.ruling_url:
        raise ValidationError(
            "En kendelse fra Pressenævnet skal have et link til kendelsen.", code="ruling_url"
        )


def _move(
    article: Article,
    actor,
    to_status: str,
    action: str,
    note: str = "",
    *,
    shown: str | None = None,
) -> ArticleEvent:
    _require(may_move(actor, article, to_status))
    from_status = article.status
    with transaction.atomic(), reversion.create_revision(), state_change():
        if to_status == Status.PUBLISHED:
            _require_shown(article, content_token(article) if shown is None else shown)
        article.status = to_status
        article.save(update_fields=["status", "published_at", "updated_at"])
        if to_status == Status.PUBLISHED:
            close_quote_checks(article, actor, "Artiklen blev udgivet.")
        _version(actor, ArticleEvent.Action(action).label)
        return _record(article, actor, action, from_status=from_status, note=note)


def close_quote_checks(article: Article, actor, why: str) -> int:
    """Close ``article``'s open quote checks (inside the caller's transaction): from the commit
    on, their links answer 410. The source's page refuses a published or trashed article's
    checks by itself too (``QuoteCheck.is_live``); this records when and why. How many."""
    return QuoteCheck.objects.filter(article=article, state=QuoteCheck.State.OPEN).update(
        state=QuoteCheck.State.CLOSED,
        closed_at=timezone.now(),
        closed_by=actor if getattr(actor, "is_authenticated", False) else None,
        closed_note=why,
    )


def _version(actor, comment: str) -> None:
    reversion.set_user(actor if getattr(actor, "is_authenticated", False) else None)
    reversion.set_comment(comment)


def log_aside(article: Article, actor, action: str, note: str = "") -> ArticleEvent:
    """Log a step beside the article's own course (``ArticleEvent.ASIDE``: a quote check's,
    newsroom/quotechecks.py), inside the caller's transaction. ``actor`` None: not someone in
    the newsroom (a source answering)."""
    assert action in ArticleEvent.ASIDE, action
    return _record(article, actor, action, from_status=article.status, note=note)


def _record(article, actor, action, *, from_status, note="") -> ArticleEvent:
    """The log entry for a step (inside its transaction), and the mail it brings."""
    from .notifications import queue_mail_for

    event = ArticleEvent.objects.create(
        article=article,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        from_status=from_status,
        to_status=article.status,
        published_at=article.published_at if article.status == Status.PUBLISHED else None,
        note=note or "",
    )
    queue_mail_for(event)
    return event


def join_danish(items: list[str]) -> str:
    """Joins ["a", "b", "c"] as "a, b og c"."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} og {items[-1]}"


# --- What the editor was shown ------------------------------------------------------------------


def content_token(article: Article, *, prefetched: bool = False) -> str:
    """The fingerprint of ``article``'s content as readers would see it: carried by every
    page that offers to publish it."""
    return token_of(snapshot_of(article, prefetched=prefetched))


def change_token(change: PendingChange, article: Article) -> str:
    """The fingerprint of a review page: the live article and the change proposed to it."""
    return token_of(
        {"live": snapshot_of(article), "change": snapshot_with_change(article, change.content)}
    )


def _require_shown(article: Article, shown: str) -> None:
    """Lock ``article`` until the transaction ends, and refuse to go on unless its content is
    what the page that asked showed (``shown``)."""
    locked = Article.objects.select_for_update().get(pk=article.pk)
    if content_token(locked) != shown:
        raise ContentMovedOn(
            f"»{locked}« er ændret, siden du åbnede den. Intet er udgivet: "
            "se ændringerne, før du udgiver."
        )


# --- Pending changes to published articles ----------------------------------------------------


def open_change(article: Article) -> PendingChange | None:
    """The change waiting for an editor's approval, if any."""
    return article.pending_changes.filter(state=PendingChange.State.PENDING).first()


def content_of(article: Article, goal_ids) -> dict:
    """``article``'s content as it stands in memory (an edit not saved), for a pending change.
    A new picture is stored now, under its own random name with its renditions, so the live
    article's picture is untouched until the change is approved."""
    refresh_renditions(article, "hero_image", "hero_renditions", ("hero", "card"))
    image = article.hero_image
    if image and not image._committed:
        image.save(image.name, image.file, save=False)
    content = {field: getattr(article, field) for field in CONTENT_FIELDS}
    content["section"] = article.section_id
    content["hero_image"] = image.name if image else ""
    content["goals"] = sorted(int(pk) for pk in goal_ids)
    return content


def with_content(article: Article, content: dict) -> Article:
    """``article`` with ``content`` (from ``content_of``) put in, in memory only."""
    for field in CONTENT_FIELDS:
        if field in content:
            setattr(article, "section_id" if field == "section" else field, content[field])
    # The change's renditions belong to its picture: none to make again.
    article._loaded_image_names = {"hero_image": article.hero_image.name}
    return article


def propose_change(article: Article, actor, content: dict, note: str = "") -> PendingChange:
    """A journalist's edit of their published article, kept apart until an editor approves
    it; the public page stays as it was. A later edit before then updates the same change."""
    _require(
        may_propose(actor, article),
        "Kun artiklens egne skribenter kan foreslå ændringer til en udgivet artikel.",
    )
    with transaction.atomic():
        change = (
            PendingChange.objects.select_for_update()
            .filter(article=article, state=PendingChange.State.PENDING)
            .first()
        )
        if change is None:
            change = PendingChange(article=article, proposed_by=actor)
        change.content, change.updated_at = content, timezone.now()
        change.proposed_by = actor
        change.save()
        _record(article, actor, Action.CHANGE_PROPOSED, from_status=article.status, note=note)
    return change


def proposal_token(change: PendingChange | None) -> str:
    """The fingerprint of a pending change's proposed content: what a journalist's page last
    saved of it (``update_open_change``). Empty when there is no change."""
    return token_of(change.content) if change is not None else ""


def update_open_change(article: Article, actor, content: dict, *, shown: str) -> PendingChange:
    """A journalist goes on writing the change they sent for approval (the change form's
    autosave, newsroom/autosave.py): the change waiting for an editor takes the new content.
    No log entry and no mail: it was sent once, and an editor approves only the change as
    their review page showed it (``change_token``), so an approval never takes text the
    editor did not see. Refused when no change waits (an editor decided it meanwhile: a new
    proposal is the journalist's explicit "Send ændringer til godkendelse") or when the
    change is no longer what the journalist's page last saved (``shown``)."""
    _require(
        may_propose(actor, article),
        "Kun artiklens egne skribenter kan foreslå ændringer til en udgivet artikel.",
    )
    with transaction.atomic():
        change = (
            PendingChange.objects.select_for_update()
            .filter(article=article, state=PendingChange.State.PENDING)
            .first()
        )
        if change is None:
            raise ContentMovedOn(
                f"Ændringerne til »{article}« er afgjort af en redaktør, siden du åbnede "
                "artiklen, så intet er gemt. Send dem til godkendelse igen for at gemme dem."
            )
        if proposal_token(change) != shown:
            raise ContentMovedOn(
                f"Ændringerne til »{article}« er ændret et andet sted, siden du åbnede "
                "artiklen, så intet er gemt. Genindlæs siden for at se dem."
            )
        change.content, change.updated_at = content, timezone.now()
        change.save(update_fields=["content", "updated_at"])
    change.refresh_from_db(fields=["content"])  # as the database holds it: its token
    return change


def approve_change(change: PendingChange, actor, *, shown: str | None = None) -> ArticleEvent:
    """An editor approves a pending change: it goes live, the article's ``updated_at`` set,
    the log saying who approved it. Refused when the change or the live article moved on
    since the review page was shown (``shown``, a ``change_token``; by default the change as
    ``change`` holds it), or when it would change nothing."""
    _require(roles.can_publish(actor), "Kun en redaktør kan godkende ændringer.")
    with transaction.atomic(), reversion.create_revision():
        # The article first, then the change: the order a journalist's save takes them in.
        article = Article.objects.select_for_update().get(pk=change.article_id)
        locked = PendingChange.objects.select_for_update().get(pk=change.pk)
        _require(locked.state == PendingChange.State.PENDING, "Ændringen er allerede afgjort.")
        expected = change_token(change, article) if shown is None else shown
        if change_token(locked, article) != expected:
            raise ContentMovedOn(
                f"Ændringerne til »{article}« er ændret, siden du åbnede dem. Intet er "
                "udgivet: se den nye forskel, før du godkender."
            )
        if snapshot_with_change(article, locked.content) == snapshot_of(article):
            raise TransitionRefused(
                "Ændringerne er de samme som den udgivne artikel, så der er intet at godkende. "
                "Send dem tilbage til skribenten med en note."
            )
        change = locked
        with_content(article, change.content)
        _unique_slug(article)
        article.save()
        goals = Article.goals.field.related_model.objects  # a lazy reference: no import
        article.goals.set(goals.filter(pk__in=change.content.get("goals", [])))
        _decide(change, actor, PendingChange.State.APPROVED)
        _version(actor, "Ændringer godkendt")
        return _record(article, actor, Action.CHANGE_APPROVED, from_status=article.status)


def return_change(change: PendingChange, actor, note: str) -> ArticleEvent:
    """An editor sends a pending change back to its journalist with a note; the public page
    stays as it is."""
    _require(roles.can_publish(actor), "Kun en redaktør kan sende ændringer tilbage.")
    _require(change.state == PendingChange.State.PENDING, "Ændringen er allerede afgjort.")
    note = _require_note(note, NOTE_FOR_AUTHOR)
    with transaction.atomic():
        _decide(change, actor, PendingChange.State.RETURNED, note)
        article = change.article
        return _record(
            article, actor, Action.CHANGE_RETURNED, from_status=article.status, note=note
        )


def _decide(change: PendingChange, actor, state: str, note: str = "") -> None:
    change.state, change.decided_by, change.decided_at = state, actor, timezone.now()
    change.note = note
    change.save(update_fields=["state", "decided_by", "decided_at", "note"])


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
    deserialized = _read_version(version)
    old = deserialized.object

    live = Article.objects.filter(pk=old.pk).first()
    # A journalist's published article changes only by an editor's approval: restoring an
    # old version of it is a proposed change (``version_content``), never a live edit.
    _require(
        live is None or may_edit(actor, live),
        "En udgivet artikel kan kun ændres med en redaktørs godkendelse. "
        "Den gendannede version sendes til godkendelse i stedet.",
    )
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
    _unique_slug(article)
    # The version's renditions belong to its picture: no need to make them again.
    article._loaded_image_names = {"hero_image": article.hero_image.name}
    with reversion.create_revision():
        article.save(force_insert=live is None)
        if "goals" in deserialized.m2m_data:
            goals = Article.goals.field.related_model.objects  # a lazy reference: no import
            article.goals.set(goals.filter(pk__in=deserialized.m2m_data["goals"]))
        reversion.set_user(actor)
        action = Action.RESTORED if live is not None else Action.RECOVERED
        _record(article, actor, action, from_status=live.status if live else "")
    return article


def _read_version(version):
    try:
        deserialized = next(
            serializers.deserialize(version.format, version.serialized_data, ignorenonexistent=True)
        )
    except (serializers.base.DeserializationError, StopIteration) as error:
        raise RestoreFailed("Versionen kan ikke læses.") from error
    if not Section.objects.filter(pk=deserialized.object.section_id).exists():
        raise RestoreFailed("Versionens sektion findes ikke længere. Vælg en anden sektion.")
    return deserialized


def version_content(version) -> dict:
    """A saved version's content in the form of a pending change's (``content_of``), to be
    proposed for approval rather than written into the live article."""
    deserialized = _read_version(version)
    old = deserialized.object
    content = {field: getattr(old, field) for field in CONTENT_FIELDS}
    content["section"] = old.section_id
    content["hero_image"] = old.hero_image.name if old.hero_image else ""
    content["goals"] = sorted(int(pk) for pk in deserialized.m2m_data.get("goals", []))
    return content


def _unique_slug(article: Article) -> None:
    # The slug may have been taken by another article meanwhile.
    if Article.objects.filter(slug=article.slug).exclude(pk=article.pk).exists():
        article.slug = unique_slug(Article.objects.all(), article.title, exclude_pk=article.pk)


def _user_exists(pk) -> bool:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(pk=pk).exists()


def change_in_progress(article: Article) -> PendingChange | None:
    """The change a journalist works on for a published article: the one waiting for
    approval, or else the one last sent back to them, unless an editor has changed the
    article since."""
    change = open_change(article)
    if change is None:
        change = (
            article.pending_changes.filter(
                state=PendingChange.State.RETURNED, decided_at__gte=article.updated_at
            )
            .order_by("-decided_at")
            .first()
        )
    return change


def latest_note(article: Article) -> ArticleEvent | None:
    """The note that still speaks to the article as it is, for the top of its page: the
    latest step's, when it came with one (a return, a submission). A later step leaves it
    behind: a published article no longer says "Sendt til redigering"."""
    latest = article.events.exclude(action__in=ArticleEvent.ASIDE).select_related("actor").first()
    return latest if latest is not None and latest.note else None
