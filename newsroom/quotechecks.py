"""Quote checks ("citattjek", issue 23): every step of one, and who may take it.

Danish practice puts quotes before the source before publication, and a source must never see
other people's quotes. On an unpublished article, its own journalist or an editor opens a check
for one source: the source's name (and address), the paragraphs that hold their statements
(ticked from the article's paragraphs, quotecheck/paragraphs.py) and a deadline (two days by
default, fourteen at most). The check's link, ``/citattjek/<token>/``, shows the article's title
and those paragraphs as they stand now, nothing else, and takes the source's answer.

| step         | who                                  | logged as          | mailed to            |
| ------------ | ------------------------------------ | ------------------ | -------------------- |
| open_check   | own journalist, editor; unpublished  | Citattjek sendt    | the source: the link |
| choose_again | the same; an open check              | afsnit valgt igen  | nobody               |
| revoke       | the same; an open check              | trukket tilbage    | nobody               |
| answer       | the source, through a live link      | Citattjek besvaret | writers and opener   |
| (close)      | publish, trash (workflow.py)         | (the publication)  | nobody               |

The answer's mail goes to the article's journalists and whoever opened the check, with the
paragraphs as the source saw them; the source's mail holds only the link (when an address was
given), never the text, which stays behind the link and its deadline.

A link stops working at its deadline, when it is revoked, and when the article is published
or put in the trash (``QuoteCheck.is_live``); the page then answers 410. Each step is logged on
the article (``ArticleEvent``, steps beside its course: ``ArticleEvent.ASIDE``) and mailed
through the newsroom's queue in the same transaction, so a mail server that is down loses
nothing. Every choice and every answer binds to what its page showed: the paragraphs a
journalist ticked must still stand where the page showed them (``ParagraphsMovedOn``), and a
source's answer is refused when the paragraphs changed after their page was drawn
(``ShownMovedOn``); what they answered is kept exactly as their page showed it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from difflib import SequenceMatcher

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.safestring import SafeString

from articles.models import Article, ArticleEvent
from quotecheck import paragraphs as body
from quotecheck.models import (
    DEFAULT_DAYS,
    MAX_ANSWERS,
    MAX_DAYS,
    QuoteAnswer,
    QuoteCheck,
    digest_of,
    new_token,
)

from . import roles, workflow
from .notifications import danish_time, queue_mail, writers_of
from .people import display_name
from .versions import word_diff

Action = ArticleEvent.Action
TransitionRefused = workflow.TransitionRefused


class ParagraphsMovedOn(TransitionRefused):
    """The body changed after the page listing its paragraphs was shown: what was ticked is
    not what stands there now."""


class CheckClosed(Exception):
    """The link no longer works (deadline, revoked, the article published or trashed)."""


class ShownMovedOn(Exception):
    """The paragraphs changed after the source's page was drawn: their answer would approve
    text they did not see."""


class TooManyAnswers(Exception):
    """The link has taken ``MAX_ANSWERS`` answers."""


# --- Who may do what ------------------------------------------------------------------------


def may_check_quotes(actor, article: Article) -> bool:
    """Who sees an article's quote checks (sources' names and addresses, their answers) and
    may revoke them: its own journalists and the editors; nobody while it is in the trash."""
    if article.pk is None or article.in_trash:
        return False
    return roles.can_publish(actor) or roles.is_own(actor, article)


def may_open(actor, article: Article) -> bool:
    """Who may open a check, or choose its paragraphs again: the same people, while the
    article is not published (a check comes before publication)."""
    return may_check_quotes(actor, article) and article.status != Article.Status.PUBLISHED


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise TransitionRefused(message)


# --- Opening, choosing again, revoking --------------------------------------------------------


def default_deadline(now: datetime | None = None) -> datetime:
    """Two days from now, on the next whole quarter of an hour (Danish time)."""
    local = timezone.localtime(now or timezone.now()) + timedelta(days=DEFAULT_DAYS)
    rounded = local.replace(second=0, microsecond=0)
    if rounded < local:
        rounded += timedelta(minutes=1)
    return rounded + timedelta(minutes=(-rounded.minute) % 15)


def check_deadline(deadline: datetime, now: datetime | None = None) -> datetime:
    """``deadline`` if it lies ahead and at most ``MAX_DAYS`` days away; else a Danish
    ValidationError."""
    now = now or timezone.now()
    if deadline is None:
        raise ValidationError("Vælg en frist.", code="deadline")
    if deadline <= now:
        raise ValidationError("Fristen skal ligge ude i fremtiden.", code="deadline")
    # A minute's grace: the form's default is drawn before it is sent.
    if deadline > now + timedelta(days=MAX_DAYS, minutes=1):
        raise ValidationError(f"Fristen kan højst være {MAX_DAYS} dage fra nu.", code="deadline")
    return deadline


def choice_value(paragraph: body.Paragraph) -> str:
    """A paragraph's checkbox value: where it stands and its fingerprint, so that a choice
    binds to the paragraph the page showed."""
    return f"{paragraph.position}:{paragraph.fingerprint}"


def _picked(article: Article, chosen: list[str]) -> list[dict]:
    """The paragraphs of ``article`` (as it is now) that ``chosen`` (checkbox values) name, in
    the article's order; ``ParagraphsMovedOn`` if any is not where the page showed it."""
    paragraphs = body.split(article.body)
    picked = {}
    for value in chosen:
        position, _, fingerprint = str(value).partition(":")
        index = int(position) if position.isdigit() else -1
        if not (0 <= index < len(paragraphs) and paragraphs[index].fingerprint == fingerprint):
            raise ParagraphsMovedOn(
                f"»{article}« er ændret, siden siden blev vist, så afsnittene står ikke, hvor "
                "de stod. Intet er sendt: vælg afsnittene igen."
            )
        picked[index] = paragraphs[index]
    if not picked:
        raise ValidationError("Vælg de afsnit, kilden skal se.", code="paragraphs")
    return [body.chosen_record(picked[index]) for index in sorted(picked)]


def open_check(
    article: Article,
    actor,
    *,
    source_name: str,
    chosen: list[str],
    deadline: datetime,
    source_email: str = "",
) -> tuple[QuoteCheck, str]:
    """Open a check of ``article`` for one source: (the check, its token). The token is in
    the link and, with an address, in the mail to the source; only its hash is kept, so it
    is given to the caller now and never again."""
    source_name = " ".join((source_name or "").split())
    if not source_name:
        raise ValidationError("Skriv kildens navn.", code="source_name")
    check_deadline(deadline)
    _require(
        may_open(actor, article),
        "Du kan kun sende citattjek fra dine egne artikler, før de er udgivet.",
    )
    with transaction.atomic():
        locked = Article.objects.select_for_update().get(pk=article.pk)
        _require(
            may_open(actor, locked),
            f"»{locked}« er udgivet eller ligger i papirkurven: citattjek sendes før udgivelsen.",
        )
        token = new_token()
        check = QuoteCheck.objects.create(
            article=locked,
            token_digest=digest_of(token),
            source_name=source_name,
            source_email=(source_email or "").strip(),
            paragraphs=_picked(locked, chosen),
            deadline=deadline,
            created_by=actor,
        )
        count = len(check.paragraphs)
        event = workflow.log_aside(
            locked,
            actor,
            Action.QUOTE_CHECK_OPENED,
            f"Til {source_name}: {count} afsnit, frist {danish_time(deadline, weekday=False)}."
            + (" Linket er sendt på mail." if check.source_email else ""),
        )
        if check.source_email:
            _mail_source(check, token, event)
    return check, token


def choose_again(check: QuoteCheck, actor, chosen: list[str]) -> QuoteCheck:
    """New paragraphs for an open check (the text changed, the source said more): the same
    link shows them from now on."""
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=check.article_id)
        locked = QuoteCheck.objects.select_for_update().get(pk=check.pk)
        _require(may_open(actor, article), "Du kan ikke ændre dette citattjek.")
        _require(locked.state == QuoteCheck.State.OPEN, "Citattjekket er lukket.")
        locked.paragraphs = _picked(article, chosen)
        locked.save(update_fields=["paragraphs"])
        workflow.log_aside(
            article,
            actor,
            Action.QUOTE_CHECK_CHANGED,
            f"Til {locked.source_name}: nu {len(locked.paragraphs)} afsnit.",
        )
    check.__dict__.update(paragraphs=locked.paragraphs)
    return check


def revoke(check: QuoteCheck, actor) -> QuoteCheck:
    """The journalist takes the link back: from the commit on it answers 410."""
    with transaction.atomic():
        locked = QuoteCheck.objects.select_for_update().select_related("article").get(pk=check.pk)
        _require(may_check_quotes(actor, locked.article), "Du kan ikke ændre dette citattjek.")
        _require(locked.state == QuoteCheck.State.OPEN, "Citattjekket er allerede lukket.")
        locked.state = QuoteCheck.State.REVOKED
        locked.closed_at, locked.closed_by = timezone.now(), actor
        locked.closed_note = "Trukket tilbage."
        locked.save(update_fields=["state", "closed_at", "closed_by", "closed_note"])
        workflow.log_aside(
            locked.article,
            actor,
            Action.QUOTE_CHECK_REVOKED,
            f"Linket til {locked.source_name} virker ikke længere.",
        )
    check.__dict__.update(
        state=locked.state, closed_at=locked.closed_at, closed_by_id=locked.closed_by_id
    )
    return check


# --- The source's answer ---------------------------------------------------------------------


def answer(check: QuoteCheck, verdict: str, corrections: str, *, shown: str) -> QuoteAnswer:
    """The source's answer through the link: "Godkendt" or their corrections, binding to the
    paragraphs their page showed (``shown``, ``paragraphs.shown_token``). Kept with those
    paragraphs as they saw them, logged on the article and mailed to its journalists and to
    whoever opened the check. ``CheckClosed``, ``ShownMovedOn`` or ``TooManyAnswers``
    otherwise."""
    verdict = QuoteAnswer.Verdict(verdict)
    corrections = (corrections or "").strip()
    if verdict == QuoteAnswer.Verdict.CORRECTIONS and not corrections:
        raise ValidationError("Skriv dine rettelser.", code="corrections")
    with transaction.atomic():
        locked = QuoteCheck.objects.select_for_update().get(pk=check.pk)
        locked.article = Article.objects.get(pk=locked.article_id)
        if not locked.is_live():
            raise CheckClosed
        located = locked.located()
        if body.shown_token(located) != shown or not any(item.found for item in located):
            raise ShownMovedOn
        if locked.answers.count() >= MAX_ANSWERS:
            raise TooManyAnswers
        seen = [body.chosen_record(item.paragraph) for item in located if item.found]
        missing = sum(not item.found for item in located)
        reply = QuoteAnswer.objects.create(
            quote_check=locked,
            verdict=verdict,
            corrections=corrections,
            paragraphs=seen,
            missing=missing,
        )
        note = f"{locked.source_name}: {verdict.label}."
        if corrections:
            note += f"\n{corrections}"
        if missing:
            note += f"\n({missing} af de valgte afsnit var ændret og blev ikke vist.)"
        event = workflow.log_aside(locked.article, None, Action.QUOTE_CHECK_ANSWERED, note)
        _mail_answer(locked, reply, event)
    return reply


# --- Mail ------------------------------------------------------------------------------------


def check_url(token: str) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("quotecheck:check", args=[token])


def admin_url(article: Article) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(
        "admin:articles_article_quote_checks", args=[article.pk]
    )


def _mail_source(check: QuoteCheck, token: str, event: ArticleEvent) -> None:
    """The link, to the source: nothing of the text itself, which stays behind the link and
    its deadline (a mail is forwarded and kept)."""
    journalist = check.created_by
    context = {
        "site_name": settings.SITE_NAME,
        "source_name": check.source_name,
        "title": " ".join(check.article.title.split()),
        "journalist": display_name(journalist, "Redaktionen"),
        "journalist_email": getattr(journalist, "email", ""),
        "url": check_url(token),
        "deadline": danish_time(check.deadline),
        "count": len(check.paragraphs),
    }
    with translation.override(settings.LANGUAGE_CODE), timezone.override(settings.TIME_ZONE):
        subject = f"Citattjek: dine udtalelser i »{context['title']}«"
        text = render_to_string("quotecheck/mail/request.txt", context).strip() + "\n"
        html = render_to_string("quotecheck/mail/request.html", context | {"subject": subject})
    queue_mail(check.source_email, subject, text, html, event=event)


def _mail_answer(check: QuoteCheck, reply: QuoteAnswer, event: ArticleEvent) -> None:
    """The answer, with the paragraphs as the source saw them, to the article's journalists
    and whoever opened the check: each once, by address."""
    recipients, seen = [], set()
    opener = check.created_by
    candidates = list(writers_of(check.article))
    if opener is not None and opener.is_active and opener.email:
        candidates.append(opener)
    for user in candidates:
        address = user.email.strip().lower()
        if address and address not in seen:
            seen.add(address)
            recipients.append(user)
    if not recipients:
        return
    title = " ".join(check.article.title.split())
    context = {
        "site_name": settings.SITE_NAME,
        "source_name": check.source_name,
        "title": title,
        "verdict": reply.get_verdict_display(),
        "approved": reply.verdict == QuoteAnswer.Verdict.APPROVED,
        "corrections": reply.corrections,
        "paragraphs": [body.text_of(item["html"]) for item in reply.paragraphs],
        "missing": reply.missing,
        "url": admin_url(check.article),
    }
    with translation.override(settings.LANGUAGE_CODE), timezone.override(settings.TIME_ZONE):
        subject = (
            f"Citattjek besvaret: {reply.get_verdict_display()} fra {check.source_name} (»{title}«)"
        )
        for user in recipients:
            personal = context | {"first_name": (user.first_name or "").strip(), "subject": subject}
            text = render_to_string("quotecheck/mail/answer.txt", personal).strip() + "\n"
            html = render_to_string("quotecheck/mail/answer.html", personal)
            queue_mail(user.email, subject, text, html, event=event)


# --- What the newsroom sees -------------------------------------------------------------------


@dataclass
class SeenParagraph:
    """A paragraph as the source saw it, and what became of it: ``state`` "same" (still in
    the article word for word), "changed" (``diff``: the text now, with what was removed and
    added marked) or "gone"."""

    text: str
    state: str
    diff: SafeString | None = None


def changes_since(seen: list[dict], paragraphs: list[body.Paragraph]) -> list[SeenParagraph]:
    """Each paragraph the source saw against the article now: for the journalist, who sees
    the whole text (never shown to a source). A changed paragraph is the most similar one
    still in the article, if any is alike enough."""
    fingerprints = {paragraph.fingerprint for paragraph in paragraphs}
    result = []
    for item in seen:
        text = body.text_of(item.get("html", ""))
        if item.get("fingerprint") in fingerprints:
            result.append(SeenParagraph(text, "same"))
            continue
        best, best_ratio = None, 0.5
        for paragraph in paragraphs:
            ratio = SequenceMatcher(None, text, paragraph.text, autojunk=False).ratio()
            if ratio > best_ratio:
                best, best_ratio = paragraph, ratio
        if best is None:
            result.append(SeenParagraph(text, "gone"))
        else:
            result.append(SeenParagraph(text, "changed", word_diff(text, best.text)))
    return result


def checks_of(article: Article) -> list[QuoteCheck]:
    """``article``'s checks, newest first, each with its chosen paragraphs located in the body
    now (``located``) and its answers with what changed since (``answers_seen``)."""
    checks = list(
        article.quote_checks.select_related("created_by", "closed_by").prefetch_related("answers")
    )
    paragraphs = body.split(article.body)
    for check in checks:
        check.article = article
        check.now_located = body.locate(check.paragraphs, paragraphs)
        check.answers_seen = [
            (reply, changes_since(reply.paragraphs, paragraphs)) for reply in check.answers.all()
        ]
    return checks
