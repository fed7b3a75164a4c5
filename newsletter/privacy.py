"""One subscriber's data, for an editor in the admin: exported (GDPR art. 15 and 20: a JSON
file with everything kept about them) and erased (art. 17). Each export and erasure is
logged (``PrivacyLogEntry``, and the ``newsletter.privacy`` logger): who did it, when, and the
subscriber's number, never their address.

**What an erasure deletes:** the subscriber (address, topics, pause, dates), every consent
record with its topics and source, the history of topic changes, the send log's rows of the
digests mailed to them (which articles each held), and the task queue's requests and mails
that name them (a request holds the address typed). The consent texts stay: they are the
site's wording, not the person's data.

**What it keeps, and why:** a keyed hash of the address and the time of the erasure, on the
suppression list (suppression.py), and nothing else about the person. The law allows keeping
what is needed to honour the erasure (art. 17(3)(b) with art. 6(1)(c), and the accountability
of art. 5(2)), and the hash is needed for one thing: a request to subscribe that was queued
before the erasure (the form answers at once; the worker makes the subscription later) would
otherwise bring the person back once the queue reaches it. Such a request is dropped
(subscriptions.handle_request). A request made *after* the erasure is a new one and goes
through the double opt-in like any other: only the address's owner can confirm it, and
erasing someone must not bar them from subscribing again of their own will. When they confirm,
the address leaves the list (their new consent replaces the erasure). The hash is keyed with
the site's secret, so it cannot be undone by hashing a list of known addresses, and it tells
nobody who was erased. The consent records themselves are not kept as proof for the mails sent
before the erasure: the person asked for their data to go, and the log shows that it did.

A digest that only this subscriber was ever sent has no sent delivery left afterwards, so the
public archive no longer lists it (archive.public_digests).
"""

from __future__ import annotations

import json
import logging

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from articles.models import Article

from . import consent, suppression
from .confirmation import send_subscriber_mail
from .content import absolute
from .models import Consent, Delivery, PrivacyLogEntry, Subscriber, TopicChange
from .subscriptions import handle_request

logger = logging.getLogger(__name__)

Action = PrivacyLogEntry.Action


def log(action: str, subscriber_number: int, user) -> PrivacyLogEntry:
    """Record an export or erasure: who, when, which subscriber number. No address."""
    entry = PrivacyLogEntry.objects.create(
        action=action,
        subscriber_number=subscriber_number,
        done_by=user,
        done_by_name=user.get_username(),
        done_at=timezone.now(),
    )
    logger.info("Newsletter subscriber %s: %s by user %s", subscriber_number, action, user.pk)
    return entry


def queued_tasks(subscriber: Subscriber):
    """The task queue's rows that name the subscriber: requests to subscribe their address
    and the subscription mails sent to them."""
    return DBTaskResult.objects.filter(
        Q(task_path=handle_request.module_path, args_kwargs__args__0=subscriber.email)
        | Q(task_path=send_subscriber_mail.module_path, args_kwargs__args__0=subscriber.pk)
    )


# --- Export --------------------------------------------------------------------------------------


def when(value) -> str | None:
    return timezone.localtime(value).isoformat() if value else None


def export(subscriber: Subscriber) -> dict:
    """Everything kept about ``subscriber``, as a JSON-ready dict (Danish keys: the file is for
    the person it describes)."""
    consents = list(
        Consent.objects.filter(subscriber=subscriber)
        .select_related("wording")
        .order_by("requested_at", "pk")
    )
    changes = list(TopicChange.objects.filter(subscriber=subscriber).order_by("changed_at", "pk"))
    deliveries = list(
        Delivery.objects.filter(subscriber=subscriber)
        .select_related("digest")
        .order_by("digest__number")
    )
    article_ids = {pk for delivery in deliveries for pk in delivery.article_ids}
    articles = {
        article.pk: article
        for article in Article.objects.filter(pk__in=article_ids).select_related("section")
    }
    tasks = list(queued_tasks(subscriber).order_by("enqueued_at"))
    return {
        "udtræk": {
            "dannet": when(timezone.now()),
            "om": "Alt, hvad nyhedsbrevet gemmer om abonnenten. Der registreres ingen "
            "åbninger, klik eller IP-adresser.",
        },
        "abonnent": {
            "nummer": subscriber.pk,
            "e-mailadresse": subscriber.email,
            "tilstand": subscriber.get_state_display(),
            "sat_på_pause": subscriber.paused,
            "emner_nu": consent.snapshot_of(subscriber),
            "tilmeldt": when(subscriber.created_at),
            "bekræftet": when(subscriber.confirmed_at),
            "afmeldt": when(subscriber.unsubscribed_at),
        },
        "samtykker": [
            {
                "tekst_version": record.wording.number,
                "tekst": record.wording.text,
                "formularen_sendt": when(record.requested_at),
                "bekræftet": when(record.confirmed_at),
                "trukket_tilbage": when(record.withdrawn_at),
                "emner": record.topics,
                "kilde": record.source,
                "kilde_beskrivelse": record.get_source_display(),
                "henvisende_side": record.referrer,
                "bemærkning": record.note,
            }
            for record in consents
        ],
        "ændringer_af_emner": [
            {
                "tidspunkt": when(change.changed_at),
                "hvor": change.get_via_display(),
                "tilføjet": change.added,
                "fjernet": change.removed,
            }
            for change in changes
        ],
        "nyhedsbreve": [
            {
                "nummer": delivery.digest.number,
                "periode": delivery.digest.period,
                "tilstand": delivery.get_state_display(),
                "sendt": when(delivery.sent_at),
                "forsøg": delivery.attempts,
                "seneste_fejl": delivery.last_error,
                "artikler_udgivet_efter": when(delivery.covers_from),
                "artikler": [
                    {
                        "id": pk,
                        "titel": articles[pk].title,
                        "adresse": absolute(articles[pk].get_absolute_url()),
                    }
                    if pk in articles
                    else {"id": pk, "titel": None, "adresse": None}
                    for pk in delivery.article_ids
                ],
            }
            for delivery in deliveries
        ],
        "opgaver_i_køen": [
            {
                "opgave": "tilmelding" if task.task_path == handle_request.module_path else "mail",
                "i_kø": when(task.enqueued_at),
                "afsluttet": when(task.finished_at),
                "status": task.status,
                "argumenter": task.args_kwargs,
                "resultat": task.return_value,
            }
            for task in tasks
        ],
    }


def export_json(subscriber: Subscriber, user) -> bytes:
    """The export as a file, logged."""
    data = export(subscriber)
    log(Action.EXPORT, subscriber.pk, user)
    return json.dumps(data, ensure_ascii=False, indent=2).encode()


# --- Erasure -------------------------------------------------------------------------------------


def erase(subscriber: Subscriber, user) -> int:
    """Delete the subscriber's data, keep the address's keyed hash on the suppression list,
    log it; the subscriber's number."""
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        number = subscriber.pk
        suppression.suppress(subscriber.email, timezone.now())
        queued_tasks(subscriber).delete()
        # The consents, topic changes and deliveries go with it (CASCADE).
        subscriber.delete()
        log(Action.ERASURE, number, user)
    return number
