"""Notification mail to the newsroom: who hears of a step in an article's editorial life.

``queue_mail_for(event)`` is called by newsroom/workflow.py inside the transaction that wrote
the event. It writes one ``EditorialMail`` row per recipient (each can be retried alone, and
nobody sees the others' addresses) and sends them once the transaction has committed. A
rolled-back action therefore mails nobody, and a mail server that is down never fails the
action: the rows stay unsent, the failure is logged, and ``manage.py send_editorial_mail``
(cron, every few minutes) sends them later. ``queue_mail`` puts any other app's mail in the
same queue (a reader's receipt for a request for a genmæle, accountability/receipts.py).

Who hears of what:

- sent for review, changes proposed to a published article: the editors who follow the
  article's section (``Section.followers``) and may still publish; when no such follower can
  be mailed, every editor (anyone who may publish: ``articles.publish_article`` by group or
  user permission, or a superuser);
- returned, published, scheduled, changes approved or returned: the article's journalists,
  the user who created it and the users of the authors in its byline;
- anything else: nobody.

Never the person who acted, never an inactive user or one without an address, and each
person once.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import smtplib
import time
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import connection as db_connection
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import dateformat, timezone, translation

from articles.models import Article, ArticleEvent, EditorialMail

from .people import display_name

logger = logging.getLogger(__name__)

Action = ArticleEvent.Action

# Whom each action concerns.
FOR_EDITORS = {Action.SUBMITTED, Action.CHANGE_PROPOSED, Action.CORRECTION_PROPOSED}
FOR_JOURNALISTS = {
    Action.RETURNED,
    Action.PUBLISHED,
    Action.SCHEDULED,
    Action.CHANGE_APPROVED,
    Action.CHANGE_RETURNED,
    # Its writers hear when their article goes in the trash: they may want it back.
    Action.TRASHED,
    Action.CORRECTION_PUBLISHED,
    Action.CORRECTION_WITHDRAWN,
}

# Subject prefixes, and what the actor did, around the article's title: "Anna Holm
# {before} »Titel«{after}".
SUBJECTS = {
    Action.SUBMITTED: "Til redigering",
    Action.CHANGE_PROPOSED: "Ændringer til godkendelse",
    Action.RETURNED: "Sendt tilbage",
    Action.PUBLISHED: "Udgivet",
    Action.SCHEDULED: "Planlagt",
    Action.CHANGE_APPROVED: "Ændringer godkendt",
    Action.CHANGE_RETURNED: "Ændringer sendt tilbage",
    Action.TRASHED: "Lagt i papirkurven",
    Action.CORRECTION_PROPOSED: "Rettelse til godkendelse",
    Action.CORRECTION_PUBLISHED: "Rettelse udgivet",
    Action.CORRECTION_WITHDRAWN: "Rettelse trukket tilbage",
}
SENTENCES = {
    Action.SUBMITTED: ("har sendt artiklen", " til redigering."),
    Action.CHANGE_PROPOSED: (
        "har foreslået ændringer til den udgivne artikel",
        ". Ændringerne venter på godkendelse; den udgivne artikel er uændret indtil da.",
    ),
    Action.RETURNED: ("har sendt artiklen", " tilbage til skribenten."),
    Action.PUBLISHED: ("har udgivet artiklen", "."),
    Action.SCHEDULED: ("har planlagt artiklen", " til udgivelse{when}."),
    Action.CHANGE_APPROVED: (
        "har godkendt ændringerne til artiklen",
        ". De er nu en del af den udgivne artikel.",
    ),
    Action.CHANGE_RETURNED: (
        "har sendt ændringerne til artiklen",
        " tilbage. Den udgivne artikel er uændret.",
    ),
    Action.TRASHED: (
        "har lagt artiklen",
        " i papirkurven. Den vises ikke på sitet, men kan gendannes fra papirkurven.",
    ),
    Action.CORRECTION_PROPOSED: (
        "har foreslået en rettelse til artiklen",
        ". Rettelsen vises først, når en redaktør har udgivet den.",
    ),
    Action.CORRECTION_PUBLISHED: (
        "har udgivet en rettelse til artiklen",
        ". Den står over artiklens tekst og på siden med rettelser.",
    ),
    Action.CORRECTION_WITHDRAWN: (
        "har trukket en rettelse til artiklen",
        " tilbage. En dateret note med begrundelsen står, hvor rettelsen stod.",
    ),
}

# The command gives up on a mail after this many failed attempts (the row is kept).
MAX_ATTEMPTS = 10
# How long after it was written a mail that has failed ``n`` times is tried again: the first
# retry at the command's next run, then further and further apart, about a day in all.
RETRY_AFTER = [
    timedelta(0),
    timedelta(0),
    timedelta(minutes=10),
    timedelta(minutes=30),
    timedelta(hours=1),
    timedelta(hours=2),
    timedelta(hours=4),
    timedelta(hours=8),
    timedelta(hours=16),
    timedelta(hours=24),
]
assert len(RETRY_AFTER) == MAX_ATTEMPTS

# Errors that concern one message only; anything else (the server refused the connection,
# hung up or timed out) concerns every mail after it, which then fail without waiting again.
MESSAGE_ERRORS = (
    smtplib.SMTPRecipientsRefused,
    smtplib.SMTPSenderRefused,
    smtplib.SMTPDataError,
    ValueError,  # a bad header or address
    UnicodeError,
)

# After the mail server has failed, mails written by later actions wait this many seconds for
# the command instead of trying at once: a bulk action on many articles waits for a server that
# does not answer once (EMAIL_TIMEOUT), not once for each article.
PAUSE_AFTER_FAILURE = 60
_server_failed_at: float | None = None  # time.monotonic() of this process's last failure

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


# --- Writing the mails -----------------------------------------------------------------------


def queue_mail_for(event: ArticleEvent) -> list[EditorialMail]:
    """Write the mails ``event`` calls for, one per recipient, and send them once the current
    transaction commits. Call it inside the transaction that wrote the event."""
    recipients = recipients_for(event)
    if not recipients:
        return []
    mails = EditorialMail.objects.bulk_create(
        [_compose(event, user, reason) for user, reason in recipients]
    )
    # bulk_create sets primary keys on PostgreSQL and SQLite alike.
    pks = [mail.pk for mail in mails]
    # robust: whatever happens while sending, the action has committed and its request goes on.
    transaction.on_commit(functools.partial(_send_after_commit, pks), robust=True)
    return mails


def queue_mail(
    to: str, subject: str, text: str, html: str = "", *, event: ArticleEvent | None = None
) -> EditorialMail:
    """Write one mail to ``to`` in the same queue, and send it once the current transaction
    commits: for another app's mail that must survive a mail server that is down (the
    receipt of a reader's request for a genmæle, accountability/receipts.py; a quote check's
    link to its source and its answer to the writers, quotechecks.py). Call it inside the
    transaction that wrote what the mail tells of; ``event``: the log entry it tells of."""
    mail = EditorialMail.objects.create(
        event=event, to=[to.strip()], subject=_one_line(subject)[:250], text=text, html=html
    )
    transaction.on_commit(functools.partial(_send_after_commit, [mail.pk]), robust=True)
    return mail


def _send_after_commit(pks: list[int]):
    if _server_failed_at is not None and time.monotonic() - _server_failed_at < PAUSE_AFTER_FAILURE:
        logger.info(
            "Editorial mail: the mail server failed less than %d s ago; %d mail(s) left for "
            "`manage.py send_editorial_mail`",
            PAUSE_AFTER_FAILURE,
            len(pks),
        )
        return
    send_queued_mail(pks)


def recipients_for(event: ArticleEvent) -> list[tuple]:
    """[(user, why they get it)] for ``event``, in a stable order, each address once."""
    article = event.article
    User = get_user_model()
    reachable = (
        User._default_manager.filter(is_active=True)
        .exclude(email="")
        .exclude(pk=event.actor_id)  # a None actor excludes nobody
        .order_by("pk")
    )
    if event.action in FOR_EDITORS:
        editors = User._default_manager.with_perm("articles.publish_article", backend=MODEL_BACKEND)
        reachable = reachable.filter(pk__in=editors.values("pk"))
        section = article.section
        followers = list(reachable.filter(followed_sections=section))
        if followers:
            users, reason = followers, f"du følger sektionen »{section}«"
        else:
            users = list(reachable)
            reason = f"du er redaktør, og ingen anden redaktør følger sektionen »{section}«"
    elif event.action in FOR_JOURNALISTS:
        users = list(writers_of(article, reachable))
        reason = "du er skribent på artiklen"
    else:
        return []
    seen, recipients = set(), []
    for user in users:
        address = user.email.strip().lower()
        if address and address not in seen:
            seen.add(address)
            recipients.append((user, reason))
    return recipients


def writers_of(article: Article, users=None):
    """The article's journalists among ``users`` (by default every active user with an
    address): who created it and the users of the authors in its byline."""
    if users is None:
        users = (
            get_user_model()
            ._default_manager.filter(is_active=True)
            .exclude(email="")
            .order_by("pk")
        )
    return users.filter(
        Q(pk=article.created_by_id) | Q(author_profile__bylines__article=article)
    ).distinct()


def _compose(event: ArticleEvent, user, reason: str) -> EditorialMail:
    with translation.override(settings.LANGUAGE_CODE), timezone.override(settings.TIME_ZONE):
        context = mail_context(event, user, reason)
        subject = _one_line(context["subject"])[:250]
        text = render_to_string("mail/article_event.txt", context).strip() + "\n"
        html = render_to_string("mail/article_event.html", context)
    return EditorialMail(
        event=event, to=[user.email.strip()], subject=subject, text=text, html=html
    )


def mail_context(event: ArticleEvent, user, reason: str) -> dict:
    """What the templates under templates/mail/ are given. Call with Danish and Danish time
    active (``_compose`` does)."""
    article: Article = event.article
    title = _one_line(article.title)
    actor = event.actor
    before, after = SENTENCES[event.action]
    subject = f"{SUBJECTS[event.action]}: »{title}«"
    when = ""
    published_at = event.published_at or article.published_at
    if event.action == Action.SCHEDULED and published_at is not None:
        when = " " + danish_time(published_at)
        subject += f" udgives {danish_time(published_at, weekday=False)}"
    site_url = settings.SITE_URL.rstrip("/")
    public = event.action in (Action.PUBLISHED, Action.CHANGE_APPROVED) and (
        article.status == Article.Status.PUBLISHED
        and article.published_at is not None
        and article.published_at <= timezone.now()
    )
    return {
        "subject": subject,
        "site_name": settings.SITE_NAME,
        "first_name": (user.first_name or "").strip(),
        "actor_name": display_name(actor) if actor else "Nogen",
        "before": before,
        "title": title,
        "after": after.format(when=when),
        "note": event.note.strip(),
        "change_url": site_url + reverse("admin:articles_article_change", args=[article.pk]),
        "public_url": site_url + article.get_absolute_url() if public else "",
        "reason": reason,
    }


def danish_time(value, weekday: bool = True) -> str:
    """'torsdag den 3. december 2026 kl. 09:00' in Danish time; the year only when it is not
    this year, and without the weekday for a subject ('3. december kl. 09:00')."""
    local = timezone.localtime(value)
    with translation.override("da"):
        year = "" if local.year == timezone.localtime().year else " Y"
        day = r"l \d\e\n j. F" if weekday else "j. F"
        return dateformat.format(local, day + year + r" \k\l. H:i")


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


# --- Sending ---------------------------------------------------------------------------------


def due_mail():
    """Unsent mails to try now, oldest first: new ones, and failed ones whose wait is over
    (``RETRY_AFTER``), until they have failed ``MAX_ATTEMPTS`` times."""
    now = timezone.now()
    due = Q()
    for attempts, wait in enumerate(RETRY_AFTER):
        due |= Q(attempts=attempts, created_at__lte=now - wait)
    return EditorialMail.objects.filter(due, sent_at__isnull=True).order_by("created_at", "pk")


def send_queued_mail(mails=None, *, limit=200) -> tuple[int, int]:
    """Send ``mails`` (rows or their primary keys), or else up to ``limit`` due mails, oldest
    first, through Django's configured mail backend. Returns (sent, failed).

    Each mail is sent in its own transaction that holds its row locked (on PostgreSQL; rows
    another sender holds are skipped) and marks it sent, so two senders never send a mail
    twice. A failure counts an attempt, keeps the error on the row and logs one WARNING line;
    nothing is raised, so this can run after an editor's action has committed."""
    sent = failed = 0
    sender = _Sender()
    try:
        if mails is None:
            pks = list(due_mail().values_list("pk", flat=True)[:limit])
        else:
            pks = [getattr(mail, "pk", mail) for mail in mails]
        for pk in pks:
            outcome = sender.send(pk)
            sent += outcome is True
            failed += outcome is False
    except Exception as error:  # the database, say: the mails wait for the next run
        logger.warning("Editorial mail: sending stopped: %s", _describe(error))
    finally:
        sender.close()
    if sender.broken is not None:
        logger.warning(
            "Editorial mail: mail server unavailable, %d mail(s) not sent (%s); "
            "`manage.py send_editorial_mail` tries again",
            sender.broken_count,
            _describe(sender.broken),
        )
    return sent, failed


class _Sender:
    """One connection to the mail server for a batch, opened when the first mail needs it.
    Once the server has failed the batch, the remaining mails fail with the same error
    without waiting for the server again."""

    def __init__(self):
        self.connection = None
        self.broken: Exception | None = None
        self.broken_count = 0

    def send(self, pk) -> bool | None:
        """True: sent; False: failed; None: not ours to send (sent, or being sent)."""
        self._open()  # before the row is locked: no lock is held while the server is awaited
        lock = {"skip_locked": True} if _has_skip_locked() else {}
        with transaction.atomic():
            mail = (
                EditorialMail.objects.select_for_update(**lock)
                .filter(pk=pk, sent_at__isnull=True)
                .first()
            )
            if mail is None:
                return None
            error = self.broken
            if error is None:
                try:
                    self._message(mail).send()
                except MESSAGE_ERRORS as message_error:
                    error = message_error
                    logger.warning(
                        "Editorial mail %s to %s not sent (attempt %d): %s",
                        mail.pk,
                        ", ".join(mail.to),
                        mail.attempts + 1,
                        _describe(error),
                    )
                except Exception as server_error:
                    error = self.broken = server_error
                    self.close()
                    _remember_server_failure(failed=True)
                else:
                    _remember_server_failure(failed=False)
            if error is None:
                mail.sent_at = timezone.now()
                mail.save(update_fields=["sent_at"])
                return True
            if error is self.broken:
                self.broken_count += 1
            mail.attempts += 1
            mail.last_error = _describe(error)[:2000]
            mail.save(update_fields=["attempts", "last_error"])
            if mail.attempts >= MAX_ATTEMPTS:
                logger.error(
                    "Editorial mail %s to %s given up after %d attempts: %s",
                    mail.pk,
                    ", ".join(mail.to),
                    mail.attempts,
                    mail.last_error,
                )
            return False

    def _open(self):
        if self.connection is not None or self.broken is not None:
            return
        try:
            self.connection = get_connection(fail_silently=False)
            self.connection.open()  # kept open for the batch (send() would close its own)
        except Exception as error:
            self.broken = error
            self.close()
            _remember_server_failure(failed=True)

    def _message(self, mail: EditorialMail) -> EmailMultiAlternatives:
        message = EmailMultiAlternatives(
            subject=mail.subject,
            body=mail.text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=mail.to,
            connection=self.connection,
            # An automatic message (RFC 3834): out-of-office replies should not answer it.
            headers={"Auto-Submitted": "auto-generated"},
        )
        if mail.html:
            message.attach_alternative(mail.html, "text/html")
        return message

    def close(self):
        if self.connection is not None:
            with contextlib.suppress(Exception):  # a server that hung up
                self.connection.close()
            self.connection = None


def _remember_server_failure(failed: bool):
    global _server_failed_at
    _server_failed_at = time.monotonic() if failed else None


def _has_skip_locked() -> bool:
    # SQLite has no SELECT … FOR UPDATE at all (Django leaves it out); its transactions here
    # take the write lock when they begin (transaction_mode IMMEDIATE), which serializes them.
    return db_connection.features.has_select_for_update_skip_locked


def _describe(error: Exception) -> str:
    return f"{type(error).__name__}: {error}".strip()
