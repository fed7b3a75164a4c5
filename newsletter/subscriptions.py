"""What the subscription pages do to a subscriber: ask to subscribe, confirm, change topics,
pause, unsubscribe. Each change is made in a transaction that holds the subscriber's row, so
two requests for one address (a double click, two tabs) are made one after the other.

Asking to subscribe answers nothing: the form's page is the same whatever the address's
state (no probing). Only the owner of the address learns it, from the mail they get.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from . import confirmation
from .models import Subscriber
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


def request_subscription(email: str, choice: Choice, client: str) -> None:
    """The subscribe form was sent: start (or restart) the double opt-in for ``email``, or
    tell a subscribed address that it is. Within the rate limits only; beyond them nothing
    is written or sent."""
    address = Subscriber.normalize_email(email)
    if not allow_mail(address, client):
        return
    with transaction.atomic():
        subscriber, _ = Subscriber.objects.select_for_update().get_or_create(
            email=address, defaults={"state": State.PENDING}
        )
        if subscriber.state == State.CONFIRMED:
            # Anyone may type in an address: its subscription is left as it is, and its
            # owner is told, with the way to their preferences.
            confirmation.send_later(subscriber, confirmation.ALREADY_SUBSCRIBED)
            return
        # New, pending or unsubscribed: a new request to subscribe, with these topics, that
        # is kept for CONFIRM_WITHIN from now (purge.py). An unsubscribed address keeps the
        # dates of its consent and unsubscribe until it confirms again.
        subscriber.state = State.PENDING
        subscriber.created_at = timezone.now()
        subscriber.paused = False
        subscriber.save(update_fields=["state", "created_at", "paused"])
        set_topics(subscriber, choice)
        confirmation.send_later(subscriber, confirmation.CONFIRM)


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
    return subscriber


def unsubscribe(subscriber: Subscriber) -> Subscriber:
    """Unsubscribe at once. Only what proves it is kept: the address, the state and the
    dates of consent and unsubscribe; the topics go. Unsubscribing again changes nothing."""
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if subscriber.state != State.UNSUBSCRIBED:
            subscriber.state = State.UNSUBSCRIBED
            subscriber.unsubscribed_at = timezone.now()
        subscriber.paused = False
        subscriber.save(update_fields=["state", "unsubscribed_at", "paused"])
        set_topics(subscriber, Choice())
    return subscriber


def save_topics(subscriber: Subscriber, choice: Choice) -> bool:
    """New topics from the preferences page; False for an unsubscribed address, which must
    subscribe again (and confirm) to get mail."""
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if subscriber.state == State.UNSUBSCRIBED:
            return False
        set_topics(subscriber, choice)
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


def set_topics(subscriber: Subscriber, choice: Choice) -> None:
    if subscriber.everything != choice.everything:
        subscriber.everything = choice.everything
        subscriber.save(update_fields=["everything"])
    subscriber.sections.set(choice.sections)
    subscriber.tags.set(choice.tags)
    subscriber.authors.set(choice.authors)
    subscriber.goals.set(choice.goals)
