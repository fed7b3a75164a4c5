"""The newsroom desk ("skrivebordet"): what waits for the logged-in user, shown where the
admin opens (almene/admin.py renders it).

- "Mine kladder": the user's own drafts, those an editor returned among them, each with its
  latest note; and the user's proposed changes an editor returned. Below it, "Sendt til
  redigering": their own articles in review and their changes still waiting, which they may
  still withdraw or update.
- "Citattjek": the quote checks of their own unpublished articles (or opened by them): which
  are still open and when they run out, and the sources' answers.
- For editors only: "Afventer redigering" (articles and changes waiting, oldest first),
  "Planlagt" (the next 14 days, day by day) and "Senest udgivet" (the last 10).

Each list costs one or two queries whatever its length: what a row shows of the article's
log (the latest note, who submitted or published it, and when) comes with the row as
Subquery annotations, never as a query per row. Journalists get only their own work; the
editors' lists are not even asked for on their behalf.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import (
    CharField,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, Concat, NullIf, Trim
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.timesince import timesince, timeuntil

from articles.models import Article, ArticleAuthor, ArticleEvent, PendingChange
from corrections.models import Correction
from quotecheck.models import QuoteAnswer, QuoteCheck

from . import roles

Status = Article.Status
Action = ArticleEvent.Action
State = PendingChange.State

SCHEDULE_DAYS = 14
RECENT_COUNT = 10
# How long a source's answer to a quote check stays on the desk.
ANSWER_DAYS = 14

# What a row of the desk shows of an article: the body and pictures stay in the database.
ROW_FIELDS = ("title", "status", "published_at", "updated_at", "section__name")


def article_row_fields() -> list[str]:
    """``ROW_FIELDS`` seen from a pending change."""
    return [f"article__{name}" for name in ROW_FIELDS]


def owned_by(user) -> Q:
    """``roles.is_own`` as a filter for a whole list: articles ``user`` created or stands in
    the byline of (an Exists, so an article with two of their bylines comes once)."""
    in_byline = ArticleAuthor.objects.filter(article=OuterRef("pk"), author__user=user)
    return Q(created_by=user) | Q(Exists(in_byline))


def person(path: str):
    """The name of the user at ``path``, in SQL: their full name, else their username (None
    when the account is gone)."""
    full_name = Trim(
        Concat(
            F(f"{path}__first_name"),
            Value(" "),
            F(f"{path}__last_name"),
            output_field=CharField(),
        )
    )
    return Coalesce(NullIf(full_name, Value("")), F(f"{path}__username"))


def events_of(article_ref: str = "pk", *actions: str, with_note: bool = False) -> QuerySet:
    """The log entries of the article at ``OuterRef(article_ref)``, newest first: the base of
    a Subquery that picks the latest one."""
    events = ArticleEvent.objects.filter(article=OuterRef(article_ref))
    if actions:
        events = events.filter(action__in=actions)
    else:
        # Steps beside the article's course (quote checks) say nothing of where it stands.
        events = events.exclude(action__in=ArticleEvent.ASIDE)
    if with_note:
        events = events.exclude(note="")
    return events.order_by("-created_at", "-pk")


def latest(events: QuerySet, **columns) -> dict:
    """Annotations taking ``columns`` (name: field or expression of the event) from the
    first of ``events``: ``latest(events, note_by=person("actor"))``."""
    annotations = {}
    for name, column in columns.items():
        if isinstance(column, str):
            annotations[name] = Subquery(events.values(column)[:1])
        else:
            annotations[name] = Subquery(events.annotate(_value=column).values("_value")[:1])
    return annotations


def waited(since: datetime | None, now: datetime) -> str:
    """How long something has waited, in Danish: "i 3 timer", "i 2 dage"."""
    if since is None:
        return ""
    if now - since < timedelta(minutes=1):
        return "i under et minut"
    return f"i {timesince(since, now, depth=1)}"


def change_review_url(article_pk: int) -> str:
    """Where an editor reviews a pending change: its own page where the admin has one, the
    article's change page otherwise."""
    try:
        return reverse("admin:articles_article_review_change", args=[article_pk])
    except NoReverseMatch:
        return reverse("admin:articles_article_change", args=[article_pk])


# --- Mine kladder and Sendt til redigering (everyone, their own work) ------------------------


def own_articles(user, now: datetime) -> tuple[list[Article], list[Article]]:
    """(own drafts newest change first, own articles in review oldest first). One query.

    Each draft carries its latest note (``note``, ``note_at``, ``note_by``) and whether an
    editor returned it (``returned``); each article in review when it was sent
    (``submitted_at``) and for how long it has waited (``waited``)."""
    noted = events_of(with_note=True)
    rows = list(
        Article.objects.in_newsroom()
        .filter(owned_by(user), status__in=[Status.DRAFT, Status.REVIEW])
        .select_related("section")
        .only(*ROW_FIELDS)
        .annotate(
            **latest(noted, note="note", note_at="created_at", note_by=person("actor")),
            **latest(events_of(), last_action="action"),
            **latest(events_of("pk", Action.SUBMITTED), submitted_at="created_at"),
        )
        .order_by("-updated_at", "-pk")
    )
    drafts, in_review = [], []
    for article in rows:
        if article.status == Status.DRAFT:
            article.returned = article.last_action == Action.RETURNED
            drafts.append(article)
        else:
            article.submitted_at = article.submitted_at or article.updated_at
            article.waited = waited(article.submitted_at, now)
            in_review.append(article)
    in_review.sort(key=lambda article: (article.submitted_at, article.pk))
    return drafts, in_review


def own_changes(user, now: datetime) -> tuple[list[PendingChange], list[PendingChange]]:
    """(own changes an editor returned, newest decision first; own changes still waiting,
    oldest first). One query. A returned change that a newer one for the same article
    followed is done with and left out."""
    newer = PendingChange.objects.filter(article=OuterRef("article")).filter(
        Q(created_at__gt=OuterRef("created_at"))
        | Q(created_at=OuterRef("created_at"), pk__gt=OuterRef("pk"))
    )
    rows = list(
        PendingChange.objects.filter(proposed_by=user, state__in=[State.RETURNED, State.PENDING])
        .exclude(Exists(newer))
        .select_related("article__section")
        .only("created_at", "state", "decided_at", "note", *article_row_fields())
        .annotate(decided_by_name=person("decided_by"))
        .order_by(Coalesce("decided_at", "created_at").desc(), "-pk")
    )
    returned = [change for change in rows if change.state == State.RETURNED]
    pending = [change for change in rows if change.state == State.PENDING]
    for change in pending:
        change.waited = waited(change.created_at, now)
    pending.sort(key=lambda change: (change.created_at, change.pk))
    return returned, pending


# --- Citattjek (everyone, their own articles' and the checks they opened) ---------------------


def quote_checks(user, now: datetime) -> list[QuoteCheck]:
    """The quote checks on ``user``'s desk, the soonest deadline first: of their own
    articles, or opened by them, while the article is not published (publishing closes them)
    nor in the trash; each still open, or answered in the last ``ANSWER_DAYS`` days. Each
    with its latest answer (``answer_verdict``, ``answer_at``, ``answer_text``) and, while
    open, how long it has left (``left``). One query."""
    in_byline = ArticleAuthor.objects.filter(article=OuterRef("article"), author__user=user)
    latest_answer = QuoteAnswer.objects.filter(quote_check=OuterRef("pk")).order_by(
        "-created_at", "-pk"
    )
    recent = QuoteAnswer.objects.filter(
        quote_check=OuterRef("pk"), created_at__gte=now - timedelta(days=ANSWER_DAYS)
    )
    rows = list(
        QuoteCheck.objects.filter(
            Q(created_by=user) | Q(article__created_by=user) | Q(Exists(in_byline)),
            article__trashed_at__isnull=True,
        )
        .exclude(article__status=Status.PUBLISHED)
        .filter(Q(state=QuoteCheck.State.OPEN, deadline__gt=now) | Q(Exists(recent)))
        .select_related("article")
        .only("source_name", "deadline", "state", "article__title", "article__status")
        .annotate(
            **latest(
                latest_answer,
                answer_verdict="verdict",
                answer_at="created_at",
                answer_text="corrections",
            )
        )
        .order_by("deadline", "pk")
    )
    verdicts = dict(QuoteAnswer.Verdict.choices)
    for check in rows:
        check.is_open = check.state == QuoteCheck.State.OPEN and check.deadline > now
        check.left = f"{timeuntil(check.deadline, now, depth=1)} tilbage" if check.is_open else ""
        check.answer_label = verdicts.get(check.answer_verdict, "")
    return rows


# --- Afventer redigering (editors) -------------------------------------------------------------


def articles_waiting(now: datetime) -> list[Article]:
    """Articles in review, the longest waiting first, by when they were (last) sent, else
    their last change; with who sent them (else who created them), their note and how long
    they have waited. One query."""
    submitted = events_of("pk", Action.SUBMITTED)
    rows = (
        Article.objects.in_newsroom()
        .filter(status=Status.REVIEW)
        .select_related("section")
        .only(*ROW_FIELDS)
        .annotate(**latest(submitted, submitted_note="note"))
        .annotate(
            submitted_at=Coalesce(Subquery(submitted.values("created_at")[:1]), "updated_at"),
            submitted_by=Coalesce(
                Subquery(submitted.annotate(_by=person("actor")).values("_by")[:1]),
                person("created_by"),
            ),
        )
        .order_by("submitted_at", "pk")
    )
    articles = list(rows)
    for article in articles:
        article.waited = waited(article.submitted_at, now)
    return articles


def changes_waiting(now: datetime) -> list[PendingChange]:
    """Proposed changes to published articles, the longest waiting first, with who proposed
    them, their note (on the log entry of the proposal) and how long they have waited. One
    query."""
    proposal = events_of("article", Action.CHANGE_PROPOSED, with_note=True).filter(
        created_at__gte=OuterRef("created_at")
    )
    changes = list(
        PendingChange.objects.filter(state=State.PENDING)
        .select_related("article__section")
        .only("created_at", "state", *article_row_fields())
        .annotate(proposed_by_name=person("proposed_by"), **latest(proposal, proposal_note="note"))
        .order_by("created_at", "pk")
    )
    for change in changes:
        change.waited = waited(change.created_at, now)
        change.review_url = change_review_url(change.article_id)
    return changes


def corrections_waiting(now: datetime) -> list[Correction]:
    """Corrections proposed by journalists, waiting for an editor to publish them, the
    longest waiting first. One query."""
    corrections = list(
        Correction.objects.filter(state=Correction.State.PROPOSED)
        .select_related("article")
        .annotate(proposed_by_name=person("proposed_by"))
        .order_by("created_at", "pk")
    )
    for correction in corrections:
        correction.waited = waited(correction.created_at, now)
    return corrections


# --- Planlagt and Senest udgivet (editors) -----------------------------------------------------


@dataclass
class Day:
    """A day of the schedule, in Copenhagen time, and the articles it publishes in order."""

    date: date
    articles: list[Article] = field(default_factory=list)


def scheduled_days(now: datetime, days: int = SCHEDULE_DAYS) -> list[Day]:
    """Published articles whose time comes within ``days`` days, day by day; days with none
    are left out. One query."""
    articles = (
        Article.objects.scheduled(now)
        .filter(published_at__lte=now + timedelta(days=days))
        .select_related("section")
        .only(*ROW_FIELDS)
        .order_by("published_at", "pk")
    )
    schedule: list[Day] = []
    for article in articles:
        day = timezone.localtime(article.published_at).date()
        if not schedule or schedule[-1].date != day:
            schedule.append(Day(day))
        schedule[-1].articles.append(article)
    return schedule


def recently_published(limit: int = RECENT_COUNT) -> list[Article]:
    """The newest ``limit`` articles the public can see, with who published (or scheduled)
    them: the actor of the latest such log entry. One query."""
    publications = events_of("pk", Action.PUBLISHED, Action.SCHEDULED)
    return list(
        Article.objects.published()
        .select_related("section")
        .only(*ROW_FIELDS)
        .annotate(**latest(publications, published_by=person("actor")))
        .order_by("-published_at", "-pk")[:limit]
    )


# --- The whole desk ----------------------------------------------------------------------------


def desk_for(user, now: datetime | None = None) -> dict:
    """Everything on ``user``'s desk, as lists (see the module's docstring). The editors'
    lists are there only for a user who may publish (``is_editor``)."""
    now = now or timezone.now()
    drafts, in_review = own_articles(user, now)
    returned_changes, pending_changes = own_changes(user, now)
    desk = {
        "now": now,
        "is_editor": roles.can_publish(user),
        "drafts": drafts,
        "returned_changes": returned_changes,
        "in_review": in_review,
        "pending_changes": pending_changes,
        "quote_checks": quote_checks(user, now),
    }
    if desk["is_editor"]:
        desk |= {
            "articles_waiting": articles_waiting(now),
            "changes_waiting": changes_waiting(now),
            "corrections_waiting": corrections_waiting(now),
            "scheduled_days": scheduled_days(now),
            "schedule_days": SCHEDULE_DAYS,
            "recently_published": recently_published(),
        }
    return desk
