"""What the subscription pages do to a subscriber: ask to subscribe, confirm, change topics,
pause, unsubscribe. Each change is made in a transaction that holds the subscriber's row, so
two requests for one address (a double click, two tabs) are made one after the other.

Asking to subscribe answers nothing: the form's page is the same whatever the address's
state (no probing). Only the owner of the address learns it, from the mail they get. Nor
does its timing tell: the request does the same work for every address (it takes its
rate-limit slots and queues one task, ``handle_request``), and what depends on the address's
state (making or restarting the subscription, or nothing for one already subscribed, and
which mail it gets) is done by that task, in the worker. Doing the subscriber's writes in the
request made a new address answer measurably slower than a subscribed one (issue 19:
median 63 ms against 36 ms), which told anyone timing the form who is subscribed.

The task's arguments hold the address and the chosen topics until the task has run; the
queue's finished tasks are pruned daily (README).

Each step is recorded as proof of consent (consent.py): the request (with the consent text
the form showed, the source and the referring page), its confirmation, a change of topics,
and the unsubscribe. A request for an address that was erased after the request was made
(privacy.py) is not carried out: the erasure wins over a request still in the queue.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from articles.models import Author, Section, Tag
from goals.models import Goal

from . import confirmation, consent, suppression
from .models import Subscriber, TopicChange
from .ratelimit import allow_mail

State = Subscriber.State


@dataclass(frozen=True)
class Choice:
    """The topics chosen in a form: everything, or sections, tags, authors and goals."""

    everything: bool = False
    sections: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    authors: list = field(default_factory=list)
    goals: list = field(default_factory=list)

    def as_ids(self) -> dict:
        """The choice as a task's argument can hold it: the topics by id."""
        return {
            "everything": self.everything,
            **{
                name: [getattr(topic, "pk", topic) for topic in getattr(self, name)]
                for name in AXES
            },
        }

    @classmethod
    def from_ids(cls, ids: dict) -> Choice:
        """The choice of ``as_ids``, without a topic deleted since (one query an axis)."""
        return cls(
            everything=bool(ids.get("everything")),
            **{
                name: list(model.objects.filter(pk__in=ids.get(name) or ()))
                for name, model in AXES.items()
            },
        )


AXES = {"sections": Section, "tags": Tag, "authors": Author, "goals": Goal}


def request_subscription(
    email: str, choice: Choice, client: str, sign_up: consent.SignUp | None = None
) -> None:
    """The subscribe form was sent: within the rate limits, queue ``handle_request`` for the
    address; beyond them nothing is written or sent. The same work for every address."""
    address = Subscriber.normalize_email(email)
    if not allow_mail(address, client):
        return
    sign_up = sign_up or consent.SignUp(requested_at=timezone.now())
    handle_request.enqueue(address, choice.as_ids(), sign_up.as_dict())


# What handle_request did with a request for an address erased after it was made.
ERASED = "slettet"


# Before the digests in the worker's queue: someone is waiting for the mail it sends.
@task(priority=50)
def handle_request(address: str, topics: dict, sign_up: dict | None = None) -> str:
    """A request to subscribe ``address`` (normalized) to ``topics`` (``Choice.as_ids``), in
    the worker: start (or restart) the double opt-in, or tell a subscribed address that it
    is. ``sign_up``: ``consent.SignUp.as_dict`` (absent from a task queued before sign-ups
    were recorded). Returns which mail it queued."""
    choice = Choice.from_ids(topics)
    details = consent.SignUp.from_dict(sign_up)
    erased = suppression.erased_at(address)
    if erased is not None and (details.requested_at is None or details.requested_at <= erased):
        # Asked before the address was erased (the task waited in the queue): the erasure
        # wins, nothing is made or sent. A request made after it is a new one (privacy.py).
        return ERASED
    with transaction.atomic():
        subscriber, _ = Subscriber.objects.select_for_update().get_or_create(
            email=address, defaults={"state": State.PENDING}
        )
        if subscriber.state == State.CONFIRMED:
            # Anyone may type in an address: its subscription is left as it is, and its
            # owner is told, with the way to their preferences.
            confirmation.send_later(subscriber, confirmation.ALREADY_SUBSCRIBED)
            return confirmation.ALREADY_SUBSCRIBED
        # New, pending or unsubscribed: a new request to subscribe, with these topics, that
        # is kept for CONFIRM_WITHIN from now (purge.py). An unsubscribed address keeps the
        # dates of its consent and unsubscribe until it confirms again.
        subscriber.state = State.PENDING
        subscriber.created_at = timezone.now()
        subscriber.paused = False
        subscriber.save(update_fields=["state", "created_at", "paused"])
        set_topics(subscriber, choice)
        consent.record_request(subscriber, choice, details)
        confirmation.send_later(subscriber, confirmation.CONFIRM)
    return confirmation.CONFIRM


def resend_confirmation(subscriber: Subscriber, client: str) -> None:
    """A new confirmation link, for the owner of an expired one: within the rate limits,
    and only while the subscription waits for it."""
    if subscriber.state != State.PENDING or not allow_mail(subscriber.email, client):
        return
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if subscriber.state != State.PENDING:
            return
        # The request is renewed with its link: it is kept for CONFIRM_WITHIN again.
        subscriber.created_at = timezone.now()
        subscriber.save(update_fields=["created_at"])
        confirmation.send_later(subscriber, confirmation.CONFIRM)


def confirm(subscriber: Subscriber) -> Subscriber:
    """Confirm a pending subscription: its consent is dated now. A confirmed one is left as
    it is (the link was used twice)."""
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if subscriber.state == State.PENDING:
            subscriber.state = State.CONFIRMED
            subscriber.confirmed_at = timezone.now()
            subscriber.unsubscribed_at = None  # a new consent replaces the old unsubscribe
            subscriber.save(update_fields=["state", "confirmed_at", "unsubscribed_at"])
            consent.record_confirmation(subscriber, subscriber.confirmed_at)
            # The owner of an erased address has consented anew: it is off the list.
            suppression.lift(subscriber.email)
    return subscriber


def unsubscribe(subscriber: Subscriber) -> Subscriber:
    """Unsubscribe at once. Only what proves it is kept: the address, the state and the
    dates of consent and unsubscribe; the topics go. Unsubscribing again changes nothing."""
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if subscriber.state != State.UNSUBSCRIBED:
            subscriber.state = State.UNSUBSCRIBED
            subscriber.unsubscribed_at = timezone.now()
            consent.record_withdrawal(subscriber, subscriber.unsubscribed_at)
        subscriber.paused = False
        subscriber.save(update_fields=["state", "unsubscribed_at", "paused"])
        change_topics(subscriber, Choice(), TopicChange.Via.UNSUBSCRIBE)
    return subscriber


def save_topics(subscriber: Subscriber, choice: Choice) -> bool:
    """New topics from the preferences page; False for an unsubscribed address, which must
    subscribe again (and confirm) to get mail."""
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if subscriber.state == State.UNSUBSCRIBED:
            return False
        change_topics(subscriber, choice, TopicChange.Via.PREFERENCES)
    return True


def set_paused(subscriber: Subscriber, paused: bool) -> bool:
    """Pause or resume a confirmed subscription; False for any other."""
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if subscriber.state != State.CONFIRMED:
            return False
        if subscriber.paused != paused:
            subscriber.paused = paused
            subscriber.save(update_fields=["paused"])
    return True


def change_topics(subscriber: Subscriber, choice: Choice, via: str) -> None:
    """Set the topics of a subscription and record what changed (consent.py)."""
    before = consent.snapshot_of(subscriber)
    set_topics(subscriber, choice)
    consent.record_topic_change(subscriber, before, consent.snapshot_of_choice(choice), via)


def set_topics(subscriber: Subscriber, choice: Choice) -> None:
    if subscriber.everything != choice.everything:
        subscriber.everything = choice.everything
        subscriber.save(update_fields=["everything"])
    subscriber.sections.set(choice.sections)
    subscriber.tags.set(choice.tags)
    subscriber.authors.set(choice.authors)
    subscriber.goals.set(choice.goals)
