"""Sending the weekly digest: once to every receiving subscriber, and resumable.

``send_due`` does a week's work: it makes the digest that is due (one per period, however
many senders ask: the period is unique), gives every receiving subscriber a pending
``Delivery`` for it (unique per digest and subscriber), and delivers them. Delivering
claims a batch of pending deliveries in one transaction (``claim``: ``SKIP LOCKED`` on
PostgreSQL, so two senders take different batches; SQLite takes one writer at a time),
sends each mail and marks it sent in its own transaction at once. A sender that is killed
leaves its claimed deliveries "sending"; the next run takes them back (at once when the
sender's process is gone from this host, else once its claim is older than ``LEASE``) and
sends them. Only a mail the server accepted in the instant before its delivery was marked
can be sent twice; none is lost.

What each subscriber gets is worked out in memory from the digest's articles, read once
(``content.articles_between``), and the topics of each batch, read once per batch
(``content.topics_of``): nothing is asked of the article table per subscriber.

An article taken down while a digest is being sent (unpublished, or deleted) leaves the mails
written after it: which of the digest's articles are still public is asked again, in one
query of ids (``still_public``, by ``Article.objects.published()``, the one definition of
public), for each batch and, within a batch, whenever the last answer is older than
``RECHECK_AFTER``. So a mail holds only articles that were public at most ``RECHECK_AFTER``
(one second) before it was handed to the mail server, however slow the server is: a query
a batch and one a second at most, never one a mail. (Before, the articles were read once a
run, and a run went on mailing an unpublished article for as long as it lasted: 2,873 mails
and 49.6 s in issue 19.) A run in which no article a mail could hold is public any more
stops: the digest's deliveries are left pending and the outcome says why; if an article
comes back on the site, the next run sends them.

A mail the server refuses for its recipient is tried again at the next run, up to
``MAX_ATTEMPTS`` times; a server that does not answer stops the run, leaving the rest
pending for the next.
"""

from __future__ import annotations

import logging
import os
import smtplib
import socket
import time as clock
import uuid
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils import timezone

from articles.caching.invalidation import content_changed
from articles.models import Article

from . import content
from .addresses import is_mailable
from .models import Delivery, Digest, Subscriber

logger = logging.getLogger(__name__)

BATCH = 200
# A claim older than this is taken to belong to a sender that is gone.
LEASE = timedelta(minutes=10)
# How far back a digest reaches for a subscriber whose last digest is long ago (or who is new).
REACH = timedelta(days=31)
MAX_ATTEMPTS = 5
# A digest shows at most this many articles; fewer than MIN_ARTICLES, and the subscriber's
# news wait for next week's digest ("thin" weeks are merged into the next).
MAX_ARTICLES = 30
MIN_ARTICLES = 1
# Within a batch, what is still public is asked again once its last answer is this old (s).
RECHECK_AFTER = 1.0

HOST = socket.gethostname()


# --- Which digest is due --------------------------------------------------------------------


def due_at(now: datetime) -> datetime:
    """When the latest digest fell due, at or before ``now``: the configured weekday and hour,
    Danish time."""
    local = timezone.localtime(now)
    monday = local.date() - timedelta(days=local.weekday())
    due_day = monday + timedelta(days=settings.NEWSLETTER_WEEKDAY)
    due = timezone.make_aware(datetime.combine(due_day, time(hour=settings.NEWSLETTER_HOUR)))
    return due if due <= now else due - timedelta(days=7)


def period_of(due: datetime) -> str:
    year, week, _ = timezone.localtime(due).isocalendar()
    return f"{year}-U{week:02d}"


def due_digest(now: datetime | None = None) -> Digest:
    """The digest due now, made if it is not there yet: its articles are those published
    after the previous digest (at most a week and a day before), up to the time it fell
    due."""
    now = now or timezone.now()
    due = due_at(now)
    period = period_of(due)
    existing = Digest.objects.filter(period=period).first()
    if existing is not None:
        return existing
    previous = Digest.objects.order_by("-number").first()
    starts = max(previous.ends_at, due - timedelta(days=8)) if previous else due - timedelta(days=7)
    try:
        with transaction.atomic():
            digest = Digest.objects.create(
                number=(previous.number + 1) if previous else 1,
                period=period,
                starts_at=starts,
                ends_at=due,
            )
            digest.articles.set([article.id for article in content.articles_between(starts, due)])
    except IntegrityError:  # another sender made it in the meantime
        digest = Digest.objects.get(period=period)
    return digest


def prepare(digest: Digest) -> int:
    """A pending delivery for every subscriber receiving the newsletter now who has none for
    this digest; returns how many were added. Safe to repeat and to run twice at once."""
    waiting = Subscriber.objects.receiving().exclude(deliveries__digest=digest)
    ids = list(waiting.values_list("pk", flat=True))
    for start in range(0, len(ids), 1000):
        Delivery.objects.bulk_create(
            [Delivery(digest=digest, subscriber_id=pk) for pk in ids[start : start + 1000]],
            ignore_conflicts=True,
        )
    return len(ids)


# --- Delivering -------------------------------------------------------------------------------


def sender_name() -> str:
    return f"{HOST}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def gone(claimed_by: str) -> bool:
    """Whether the sender that claimed something is known to be gone: a process of this host
    that no longer runs. (Another host's sender is waited out: LEASE.)"""
    host, _, rest = claimed_by.partition(":")
    pid = rest.partition(":")[0]
    if host != HOST or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def claim(digest: Digest, me: str, size: int = BATCH, skip=()) -> list[Delivery]:
    """Take up to ``size`` deliveries of ``digest`` to send: pending ones, and ones a sender
    that is gone had taken, but none in ``skip``. No two senders get the same."""
    now = timezone.now()
    with transaction.atomic():
        stale = Q(state=Delivery.State.SENDING, claimed_at__lt=now - LEASE)
        orphaned = [
            name
            for name in Delivery.objects.filter(digest=digest, state=Delivery.State.SENDING)
            .exclude(claimed_by=me)
            .values_list("claimed_by", flat=True)
            .distinct()
            if gone(name)
        ]
        if orphaned:
            stale |= Q(state=Delivery.State.SENDING, claimed_by__in=orphaned)
        ids = list(
            Delivery.objects.filter(digest=digest)
            .filter(Q(state=Delivery.State.PENDING) | stale)
            .exclude(pk__in=skip)
            .order_by("pk")
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)[:size]
        )
        Delivery.objects.filter(pk__in=ids).update(
            state=Delivery.State.SENDING, claimed_at=now, claimed_by=me
        )
    return list(Delivery.objects.filter(pk__in=ids, claimed_by=me).select_related("subscriber"))


def still_public(articles: list[content.DigestArticle]) -> list[content.DigestArticle]:
    """Those of ``articles`` the public may see now: one query, of their ids."""
    if not articles:
        return []
    public = set(
        Article.objects.published()
        .filter(pk__in=[article.id for article in articles])
        .values_list("pk", flat=True)
    )
    return [article for article in articles if article.id in public]


class PublicArticles:
    """The digest's articles that are still public, asked again when a batch begins and
    whenever the last answer is older than ``RECHECK_AFTER``."""

    def __init__(self, articles: list[content.DigestArticle]):
        self.all = articles
        self.current: list[content.DigestArticle] = []
        self.asked_at = float("-inf")
        self._were_there: bool | None = None

    def were_there(self, digest: Digest) -> bool:
        """Whether the digest had articles to send (so that none public means they were
        taken down, not a week without news): asked once a run, only when none is public."""
        if self._were_there is None:
            self._were_there = bool(self.all) or digest.articles.exists()
        return self._were_there

    def now(self, *, fresh: bool = False) -> list[content.DigestArticle]:
        if fresh or clock.monotonic() - self.asked_at >= RECHECK_AFTER:
            self.current = still_public(self.all)
            self.asked_at = clock.monotonic()
        return self.current


@dataclass
class Outcome:
    sent: int = 0
    nothing: int = 0
    retry: int = 0
    failed: int = 0
    stopped: str = ""
    errors: list[str] = field(default_factory=list)

    def __str__(self):
        text = (
            f"{self.sent} sendt, {self.nothing} uden nyt på emnerne, "
            f"{self.retry} prøves igen, {self.failed} opgivet"
        )
        return f"{text}; stoppet: {self.stopped}" if self.stopped else text


def deliver(digest: Digest, *, connection=None, limit: int | None = None) -> Outcome:
    """Send the digest's pending deliveries, batch by batch, until none is left (or ``limit``
    mails were handled, or the mail server stops answering)."""
    from .mails import digest_message

    me = sender_name()
    outcome = Outcome()
    articles = PublicArticles(content.articles_between(digest.ends_at - REACH, digest.ends_at))
    connection = connection or get_connection()
    handled = 0
    retry_later: set[int] = set()  # refused in this run: tried again in the next, not now
    try:
        connection.open()
    except (smtplib.SMTPException, OSError) as error:
        outcome.stopped = f"mailserveren svarer ikke: {error}"
        logger.warning("Newsletter %s not sent: %s", digest.number, outcome.stopped)
        return outcome
    try:
        while limit is None or handled < limit:
            size = BATCH if limit is None else min(BATCH, limit - handled)
            batch = claim(digest, me, size, skip=retry_later)
            if not batch:
                break
            if not articles.now(fresh=True) and articles.were_there(digest):
                # Every article a mail could hold has been taken down: nothing to send now.
                release(batch)
                outcome.stopped = "ingen af nyhedsbrevets artikler er udgivet længere"
                logger.warning("Newsletter %s stopped: %s", digest.number, outcome.stopped)
                return outcome
            subscribers = [delivery.subscriber_id for delivery in batch]
            topics = content.topics_of(subscribers)
            covered = dict(
                Delivery.objects.filter(subscriber_id__in=subscribers, state=Delivery.State.SENT)
                .values("subscriber_id")
                .annotate(until=Max("digest__ends_at"))
                .values_list("subscriber_id", "until")
            )
            corrections = content.corrections_for(subscribers, covered, digest.ends_at - REACH)
            for position, delivery in enumerate(batch):
                handled += 1
                try:
                    state = deliver_one(
                        delivery,
                        digest,
                        articles.now(),
                        topics,
                        covered,
                        connection,
                        digest_message,
                        corrections.get(delivery.subscriber_id, []),
                    )
                except (smtplib.SMTPException, OSError) as error:
                    # The server is gone, or refuses all mail for now: what is left of the batch
                    # waits for the next run.
                    release(batch[position:])
                    outcome.stopped = f"mailserveren svarer ikke: {error}"
                    logger.warning("Newsletter %s stopped: %s", digest.number, outcome.stopped)
                    return outcome
                setattr(outcome, state, getattr(outcome, state) + 1)
                if state == "retry":
                    retry_later.add(delivery.pk)
    finally:
        connection.close()
        if outcome.sent:
            # The digest is now in the archive (it is shown once anyone has had it).
            content_changed()
    return outcome


def deliver_one(
    delivery, digest, articles, topics, covered, connection, digest_message, corrections=()
) -> str:
    """Send one delivery's mail and mark it; returns what became of it (an Outcome field).
    ``corrections``: those published since the subscriber's last digest to articles they
    were mailed, listed under the new articles."""
    subscriber = delivery.subscriber
    if subscriber.state != Subscriber.State.CONFIRMED or subscriber.paused:
        finish(delivery, Delivery.State.NOTHING, error="afmeldt eller på pause")
        return "nothing"
    if not is_mailable(subscriber.email):
        # Taken before the form refused such addresses (addresses.py): never mailed.
        finish(delivery, Delivery.State.FAILED, error="adressen kan ikke modtage mail")
        return "failed"
    after = max(covered.get(subscriber.pk) or digest.ends_at - REACH, digest.ends_at - REACH)
    chosen = content.select(articles, topics.get(subscriber.pk, content.Topics()), after)
    if len(chosen) < MIN_ARTICLES:
        # Nothing new on their topics: no empty mail; the news wait for the next digest.
        finish(delivery, Delivery.State.NOTHING)
        return "nothing"
    chosen = chosen[:MAX_ARTICLES]
    # Its "Læs i browseren" link opens this delivery's page (browser.py), which shows the
    # articles recorded below, in this order.
    message = digest_message(
        subscriber,
        digest,
        chosen,
        connection=connection,
        delivery=delivery,
        corrections=corrections,
    )
    try:
        message.send()
    except (
        smtplib.SMTPRecipientsRefused,
        smtplib.SMTPSenderRefused,
        smtplib.SMTPDataError,
    ) as error:
        # This mail, not the server: tried again at the next run, a few times.
        return refused(delivery, str(error))
    finish(
        delivery,
        Delivery.State.SENT,
        article_ids=[article.id for article in chosen],
        covers_from=after,
    )
    return "sent"


def finish(delivery, state, *, error: str = "", article_ids=(), covers_from=None):
    """Mark one delivery, in its own transaction, at once: what is marked sent is never
    sent again. A sent one records the mail's articles in its order, and from when they were
    published: what its "Læs i browseren" page shows."""
    now = timezone.now()
    Delivery.objects.filter(pk=delivery.pk).update(
        state=state,
        sent_at=now if state == Delivery.State.SENT else None,
        article_ids=list(article_ids),
        covers_from=covers_from,
        last_error=error,
        claimed_by="",
    )


def refused(delivery, error: str) -> str:
    """The server refused the recipient: try again at the next run, a few times."""
    attempts = delivery.attempts + 1
    state = Delivery.State.FAILED if attempts >= MAX_ATTEMPTS else Delivery.State.PENDING
    Delivery.objects.filter(pk=delivery.pk).update(
        state=state, attempts=attempts, last_error=error[:1000], claimed_by=""
    )
    logger.warning("Newsletter mail refused (attempt %d): %s", attempts, error[:200])
    return "failed" if state == Delivery.State.FAILED else "retry"


def release(deliveries) -> None:
    Delivery.objects.filter(
        pk__in=[delivery.pk for delivery in deliveries], state=Delivery.State.SENDING
    ).update(state=Delivery.State.PENDING, claimed_by="", claimed_at=None)


def send_due(now: datetime | None = None, *, connection=None) -> tuple[Digest, Outcome]:
    """The week's work: purge unconfirmed subscriptions, make the due digest, give every
    receiving subscriber a delivery, deliver what is pending."""
    try:
        from .purge import purge_unconfirmed
    except ImportError:  # pragma: no cover - before subscribing is built
        purge_unconfirmed = None
    if purge_unconfirmed is not None:
        purge_unconfirmed(now or timezone.now())
    digest = due_digest(now)
    prepare(digest)
    return digest, deliver(digest, connection=connection)
