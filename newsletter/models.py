"""The newsletter ("Nyhedsbrev"): subscribers and the topics they follow, the weekly digests,
and the log of each digest's delivery to each subscriber.

Only what the newsletter needs is stored about a person: their address, the topics they
follow, and when they consented and (if so) unsubscribed. An unconfirmed subscription is
deleted after a week (``purge``); an unsubscribed address keeps only the address and the
dates that prove the unsubscribe.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Author, Section, Tag

# A subscription that is not confirmed within this time is deleted (and its link expires).
CONFIRM_WITHIN = timedelta(days=7)


def new_token() -> str:
    """The secret in a subscriber's links (preferences, unsubscribe): 192 random bits."""
    return secrets.token_urlsafe(24)


class SubscriberQuerySet(models.QuerySet):
    def receiving(self):
        """Confirmed subscribers who have not paused their newsletter."""
        return self.filter(state=Subscriber.State.CONFIRMED, paused=False)


class Subscriber(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", "Afventer bekræftelse"
        CONFIRMED = "confirmed", "Tilmeldt"
        UNSUBSCRIBED = "unsubscribed", "Afmeldt"

    # Stored in lower case (``normalize_email``), so one address is one subscription.
    email = models.EmailField("e-mailadresse", max_length=254, unique=True)
    state = models.CharField("tilstand", max_length=12, choices=State.choices)
    everything = models.BooleanField("alt", default=False, help_text="Alle nye artikler.")
    sections = models.ManyToManyField(Section, verbose_name="sektioner", blank=True)
    tags = models.ManyToManyField(Tag, verbose_name="emner", blank=True)
    authors = models.ManyToManyField(Author, verbose_name="skribenter", blank=True)
    goals = models.ManyToManyField("goals.Goal", verbose_name="almene mål", blank=True)
    paused = models.BooleanField("sat på pause", default=False)
    token = models.CharField(max_length=40, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField("tilmeldt", default=timezone.now)
    confirmed_at = models.DateTimeField("bekræftet (samtykke)", null=True, blank=True)
    unsubscribed_at = models.DateTimeField("afmeldt", null=True, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["email"]
        verbose_name = "abonnent"
        verbose_name_plural = "abonnenter"
        indexes = [models.Index(fields=["state", "created_at"], name="subscriber_state")]

    def __str__(self):
        return self.email

    @staticmethod
    def normalize_email(address: str) -> str:
        return (address or "").strip().lower()

    def preferences_url(self) -> str:
        return reverse("newsletter:preferences", kwargs={"token": self.token})

    def unsubscribe_url(self) -> str:
        return reverse("newsletter:unsubscribe", kwargs={"token": self.token})


class Digest(models.Model):
    """One issue of the newsletter: the articles published in its period, published on the
    site (``/nyhedsbrev/arkiv/<number>/``); each subscriber gets the ones on their topics."""

    number = models.PositiveIntegerField("nummer", unique=True)
    # The period it is due for, e.g. "2026-U49": one digest a period, however many senders.
    period = models.CharField("periode", max_length=20, unique=True)
    starts_at = models.DateTimeField("nyheder fra")
    ends_at = models.DateTimeField("nyheder til og med")
    created_at = models.DateTimeField("oprettet", default=timezone.now)
    articles = models.ManyToManyField(Article, verbose_name="artikler", blank=True)

    class Meta:
        ordering = ["-number"]
        get_latest_by = "number"
        verbose_name = "nyhedsbrev"
        verbose_name_plural = "nyhedsbreve"

    def __str__(self):
        return f"Nyhedsbrev nr. {self.number}"

    def get_absolute_url(self):
        return reverse("newsletter:digest", kwargs={"number": self.number})


class Delivery(models.Model):
    """A digest's delivery to one subscriber: the send log that makes sending idempotent and
    resumable. Made pending for every receiving subscriber when the digest is made; a sender
    claims a batch (``sending``, with the time it claimed it), sends, and marks each."""

    class State(models.TextChoices):
        PENDING = "pending", "Venter"
        SENDING = "sending", "Sendes"
        SENT = "sent", "Sendt"
        NOTHING = "nothing", "Intet nyt på emnerne"
        FAILED = "failed", "Fejlet"

    digest = models.ForeignKey(Digest, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    state = models.CharField("tilstand", max_length=10, choices=State.choices, default="pending")
    claimed_at = models.DateTimeField("taget", null=True, blank=True)
    # Which sender took it: "host:process:random", so a sender that died can be told from
    # one still at work (sending.claim).
    claimed_by = models.CharField("taget af", max_length=100, blank=True)
    sent_at = models.DateTimeField("sendt", null=True, blank=True)
    attempts = models.PositiveSmallIntegerField("forsøg", default=0)
    last_error = models.TextField("seneste fejl", blank=True)
    article_ids = models.JSONField("artikler", default=list, blank=True)

    class Meta:
        verbose_name = "forsendelse"
        verbose_name_plural = "forsendelser"
        constraints = [
            models.UniqueConstraint(
                fields=["digest", "subscriber"], name="one_delivery_per_subscriber"
            ),
        ]
        indexes = [
            models.Index(
                fields=["digest", "state"],
                condition=Q(state__in=["pending", "sending"]),
                name="delivery_open",
            ),
        ]

    def __str__(self):
        return f"{self.digest} → {self.subscriber}"
