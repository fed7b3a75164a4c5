"""Unconfirmed subscriptions are not kept: a request to subscribe that was not confirmed
within ``CONFIRM_WITHIN`` is deleted, with its address and topics.

An address that had unsubscribed and then asked again without confirming goes back to what
it was: unsubscribed, without topics, with the dates that prove its unsubscribe. Deleting it
would let anyone erase that proof by typing the address into the form. The request it did not
confirm proves no consent and goes (consent.py); its earlier, confirmed consents stay.

A request to subscribe is handled by a task (``subscriptions.handle_request``) whose
arguments hold the address typed and the topics chosen; the task queue keeps a task after it
has run. Such tasks go ``CONFIRM_WITHIN`` after they ran, like the request itself, rather than
whenever the queue is pruned.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django_tasks_db.models import DBTaskResult

from .models import CONFIRM_WITHIN, Consent, Subscriber
from .subscriptions import Choice, handle_request, set_topics

State = Subscriber.State


def purge_unconfirmed(now: datetime) -> int:
    """Remove the subscriptions left unconfirmed since before ``now - CONFIRM_WITHIN``;
    their number."""
    stale = Subscriber.objects.filter(state=State.PENDING, created_at__lt=now - CONFIRM_WITHIN)
    with transaction.atomic():
        # Locked, so that one confirmed at this moment is neither deleted nor reverted.
        returning = list(stale.filter(unsubscribed_at__isnull=False).select_for_update())
        for subscriber in returning:
            subscriber.state = State.UNSUBSCRIBED
            subscriber.paused = False
            subscriber.save(update_fields=["state", "paused"])
            set_topics(subscriber, Choice())
        Consent.objects.filter(subscriber__in=returning, confirmed_at__isnull=True).delete()
        _, by_model = stale.filter(unsubscribed_at__isnull=True).delete()
    forget_requests(now)
    return len(returning) + by_model.get(Subscriber._meta.label, 0)


def forget_requests(now: datetime) -> int:
    """Delete the requests to subscribe that ran before ``now - CONFIRM_WITHIN`` from the
    task queue (they hold addresses); their number."""
    deleted, _ = (
        DBTaskResult.objects.finished()
        .filter(task_path=handle_request.module_path, finished_at__lt=now - CONFIRM_WITHIN)
        .delete()
    )
    return deleted
