"""The mails of subscribing: the confirmation mail (double opt-in) and the mail to an address
that is already subscribed, and the signed links they carry.

A confirmation link holds the subscriber's ``token`` signed with a timestamp
(``TimestampSigner`` with a salt of its own): it cannot be made without the secret key, it
expires after ``CONFIRM_WITHIN``, and an expired link still names its subscriber genuinely,
so its page can offer to send a new one. The token alone (no signature, no expiry) opens the
preferences and unsubscribe pages, which every mail links to.

Mails are sent outside the request by a task (django-tasks): enqueued once the transaction
that changed the subscriber has committed, run at once in development and tests and by
``manage.py task_worker`` in production. A slow or absent mail server then never holds up
the form.

A mail the mail server could not take (it is down, refuses connections, or answers "try
again later") is not lost: the task puts itself back in the queue to be tried again after a
growing pause (``RETRY_AFTER``: within the first minutes for a short outage, up to about half
a day in all, well inside the link's 7 days), and gives up, logged as an error, after
``MAX_ATTEMPTS``. Each failed attempt gives its address's rate-limit slot back (the mail did
not leave), and an attempt tried again takes one anew (ratelimit.py). Only a backend that
runs tasks at once (development, ``TASKS_IMMEDIATE``) cannot wait: there the mail is given up
at once, logged.
"""

from __future__ import annotations

import logging
import smtplib
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from . import ratelimit
from .addresses import is_mailable
from .content import absolute
from .models import CONFIRM_WITHIN, Subscriber

logger = logging.getLogger(__name__)

SALT = "newsletter.confirm"

# The kinds of mail.
CONFIRM = "confirm"
ALREADY_SUBSCRIBED = "already-subscribed"

SUBJECTS = {
    CONFIRM: "Bekræft dit abonnement på {site_name}",
    ALREADY_SUBSCRIBED: "Du er allerede tilmeldt nyhedsbrevet fra {site_name}",
}
TEMPLATES = {
    CONFIRM: "newsletter/mail/confirm",
    ALREADY_SUBSCRIBED: "newsletter/mail/already_subscribed",
}
# Which state each kind of mail is for: a subscriber who moved on before the task ran (say,
# confirmed from an earlier mail) is not sent a mail that no longer fits.
FOR_STATE = {
    CONFIRM: Subscriber.State.PENDING,
    ALREADY_SUBSCRIBED: Subscriber.State.CONFIRMED,
}


# --- Links -----------------------------------------------------------------------------------


class _Signer(signing.TimestampSigner):
    """The confirmation links' signer; ``at`` makes a link as it was made at that time."""

    def __init__(self, at: datetime | None = None):
        # "." rather than ":" between the parts: nothing in a link for a mail client to
        # mistake for a scheme or a port.
        super().__init__(salt=SALT, sep=".")
        self.at = at

    def timestamp(self):
        if self.at is None:
            return super().timestamp()
        return signing.b62_encode(int(self.at.timestamp()))


def confirm_path(subscriber: Subscriber, at: datetime | None = None) -> str:
    """The path of ``subscriber``'s confirmation page, signed now (or at ``at``)."""
    value = _Signer(at).sign(subscriber.token)
    return reverse("newsletter:confirm", kwargs={"token": value})


@dataclass(frozen=True)
class Link:
    token: str  # the subscriber's token
    expired: bool


def read_link(value: str) -> Link | None:
    """What a confirmation link says, or None when it is not one of ours."""
    signer = _Signer()
    try:
        return Link(signer.unsign(value, max_age=CONFIRM_WITHIN), expired=False)
    except signing.SignatureExpired:
        # Genuine but old: it still tells whose link it was.
        return Link(signer.unsign(value), expired=True)
    except (signing.BadSignature, ValueError):
        return None


# --- Mail ------------------------------------------------------------------------------------


def send_later(subscriber: Subscriber, kind: str) -> None:
    """Send ``subscriber`` the mail ``kind`` once the current transaction commits."""
    transaction.on_commit(partial(_enqueue, subscriber.pk, kind), robust=True)


def _enqueue(subscriber_id: int, kind: str) -> None:
    send_subscriber_mail.enqueue(subscriber_id, kind)


# The pauses before each new attempt at a mail the server could not take: short at first (a
# mail server restarting), then longer; 6 attempts over about 5 hours and 20 minutes.
RETRY_AFTER = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=15),
    timedelta(hours=1),
    timedelta(hours=4),
)
MAX_ATTEMPTS = len(RETRY_AFTER) + 1


class MailNotSent(Exception):
    """A subscription mail given up: the worker records the task as failed, with this."""


# Before the digests in the worker's queue: someone is waiting for this mail.
@task(priority=50)
def send_subscriber_mail(subscriber_id: int, kind: str, attempt: int = 1) -> str:
    """Send the mail ``kind`` to the subscriber (``attempt``: which try this is); what became
    of it. The first attempt holds the rate-limit slot its request took."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    holds_slot = attempt == 1
    if subscriber is None or subscriber.state != FOR_STATE[kind]:
        # Moved on (confirmed from an earlier mail, unsubscribed, purged): not sent.
        if subscriber is not None and holds_slot:
            ratelimit.give_back(subscriber.email)
        return "passer ikke længere"
    if not is_mailable(subscriber.email):
        # Stored before the form refused such addresses (an IP address as its domain, say).
        if holds_slot:
            ratelimit.give_back(subscriber.email)
        logger.warning(
            "Newsletter: %s mail to subscriber %s not sent: address", kind, subscriber.pk
        )
        return "adressen kan ikke bruges"
    if not holds_slot and not ratelimit.allow_again(subscriber.email):
        return "ikke sendt: adressen har fået sine mails i denne time"
    try:
        compose(subscriber, kind).send()
    except (smtplib.SMTPException, OSError) as error:
        ratelimit.give_back(subscriber.email)  # it did not leave
        return try_again_later(subscriber, kind, attempt, error)
    return "sendt" if attempt == 1 else f"sendt i forsøg {attempt}"


def try_again_later(subscriber: Subscriber, kind: str, attempt: int, error: Exception) -> str:
    """Queue the next attempt at a mail the server did not take, after its pause; or give
    it up (raising ``MailNotSent``) after the last attempt, or when it was refused for good."""
    backend = send_subscriber_mail.get_backend()
    if attempt >= MAX_ATTEMPTS or refused_for_good(error) or not backend.supports_defer:
        logger.error(
            "Newsletter: %s mail to subscriber %s not sent, given up after attempt %d of %d: %s",
            kind,
            subscriber.pk,
            attempt,
            MAX_ATTEMPTS,
            error,
        )
        raise MailNotSent(f"{kind} mail not sent after attempt {attempt}: {error}") from error
    at = timezone.now() + RETRY_AFTER[attempt - 1]
    send_subscriber_mail.using(run_after=at).enqueue(subscriber.pk, kind, attempt + 1)
    logger.warning(
        "Newsletter: %s mail to subscriber %s not sent (attempt %d of %d), tried again at %s: %s",
        kind,
        subscriber.pk,
        attempt,
        MAX_ATTEMPTS,
        at.isoformat(timespec="seconds"),
        error,
    )
    return f"ikke sendt i forsøg {attempt}; prøves igen {at.isoformat(timespec='seconds')}"


def refused_for_good(error: Exception) -> bool:
    """Whether the server refused the recipient permanently (5xx for every recipient): trying
    again cannot help. Anything else (a server that is down, "451 try later") may pass."""
    if isinstance(error, smtplib.SMTPRecipientsRefused) and error.recipients:
        return all(code >= 500 for code, _ in error.recipients.values())
    return False


def compose(
    subscriber: Subscriber, kind: str, now: datetime | None = None
) -> EmailMultiAlternatives:
    """The mail ``kind`` for ``subscriber``: a text part and an HTML part."""
    with translation.override(settings.LANGUAGE_CODE), timezone.override(settings.TIME_ZONE):
        context = mail_context(subscriber, kind, now)
        text = render_to_string(TEMPLATES[kind] + ".txt", context).strip() + "\n"
        html = render_to_string(TEMPLATES[kind] + ".html", context)
    message = EmailMultiAlternatives(
        subject=context["subject"],
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[subscriber.email],
        # An automatic mail: no out-of-office replies to it (RFC 3834).
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative(html, "text/html")
    return message


def mail_context(subscriber: Subscriber, kind: str, now: datetime | None = None) -> dict:
    context = {
        "subject": SUBJECTS[kind].format(site_name=settings.SITE_NAME),
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL.rstrip("/") + "/",
        "preferences_url": absolute(subscriber.preferences_url()),
        "topics": topic_names(subscriber),
        "topics_heading": "Du har valgt" if kind == CONFIRM else "Du følger",
        "paused": subscriber.paused,
        "valid_days": CONFIRM_WITHIN.days,
    }
    if kind == CONFIRM:
        context["confirm_url"] = absolute(confirm_path(subscriber, at=now))
    return context


def topic_names(subscriber: Subscriber) -> list[tuple[str, list[str]]]:
    """What the subscriber follows, for a mail: [(axis, [names])], "Alt" alone if all."""
    if subscriber.everything:
        return [("Alt", [])]
    axes = [
        ("Sektioner", [section.name for section in subscriber.sections.all()]),
        ("Emner", [tag.name for tag in subscriber.tags.all()]),
        ("Skribenter", [author.name for author in subscriber.authors.all()]),
        ("Almene mål", [goal.title for goal in subscriber.goals.all()]),
    ]
    return [(axis, names) for axis, names in axes if names]
