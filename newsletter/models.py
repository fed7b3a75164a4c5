"""The newsletter ("Nyhedsbrev"): subscribers and the topics they follow, the weekly digests,
and the log of each digest's delivery to each subscriber.

Only what the newsletter needs is stored about a person: their address, the topics they
follow, and when they consented and (if so) unsubscribed. An unconfirmed subscription is
deleted after a week (``purge``); an unsubscribed address keeps only the address and the
dates that prove the unsubscribe.

The proof of consent (GDPR art. 7(1)) is kept beside it (consent.py): each sign-up's
``Consent``, with the exact ``ConsentText`` the person agreed to, when they asked and
confirmed, the topics they chose and where on the site they signed up; and each later change
of topics (``TopicChange``). An editor can export one person's data and erase it
(privacy.py); an erased address leaves only a keyed hash on the ``Suppression`` list, and each
export and erasure leaves a ``PrivacyLogEntry`` (who, when, which subscriber number: no
personal data of the subscriber).
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
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
        permissions = [("export_subscriber", "Kan eksportere en abonnents data")]

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
    # The articles the mail held, in its order; and from when they were published (the
    # subscriber's own window: since their last digest, a month at most). "Læs i browseren"
    # (browser.py) shows exactly these.
    article_ids = models.JSONField("artikler", default=list, blank=True)
    covers_from = models.DateTimeField("artikler udgivet efter", null=True, blank=True)

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


# --- Proof of consent (consent.py) and the data kept after an erasure (privacy.py) -----------


class ConsentText(models.Model):
    """A version of the wording a subscriber agrees to, shown above the subscribe form's button.
    A version once agreed to is never changed (``save`` refuses): a new wording is a new
    version, and the form shows the newest."""

    number = models.PositiveIntegerField("version", unique=True, editable=False)
    text = models.TextField("tekst")
    created_at = models.DateTimeField("oprettet", default=timezone.now, editable=False)

    class Meta:
        ordering = ["-number"]
        get_latest_by = "number"
        verbose_name = "samtykketekst"
        verbose_name_plural = "samtykketekster"

    def __str__(self):
        return f"Samtykketekst version {self.number}"

    def save(self, *args, **kwargs):
        if self.in_use:
            raise ValueError(
                "A consent text someone has agreed to is never changed: make a new version."
            )
        if self.number is None:
            latest = ConsentText.objects.order_by("-number").values_list("number", flat=True)
            self.number = (latest.first() or 0) + 1
        super().save(*args, **kwargs)

    @property
    def in_use(self) -> bool:
        return self.pk is not None and self.consents.exists()


class Consent(models.Model):
    """One request to subscribe and its confirmation: the proof that the person agreed to
    ``wording``, to these topics, when and where. A new request (after an unsubscribe, say)
    is a new record; an unsubscribe dates the withdrawal."""

    class Source(models.TextChoices):
        # Where the form was sent from: a hidden field of the form, never more than these.
        SUBSCRIBE_PAGE = "tilmeldingsside", "Tilmeldingssiden"
        SECTION_LINK = "sektion", "Link fra en sektionsside"
        TAG_LINK = "emne", "Link fra en emneside"
        AUTHOR_LINK = "skribent", "Link fra en skribentside"
        GOAL_LINK = "maal", "Link fra en side om Almene mål"
        FOOTER = "sidefod", "Formular i sidefoden"
        ARTICLE = "artikel", "Formular på en artikelside"
        UNKNOWN = "ukendt", "Ukendt"

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="consents")
    wording = models.ForeignKey(
        ConsentText,
        on_delete=models.PROTECT,
        related_name="consents",
        verbose_name="samtykketekst",
    )
    requested_at = models.DateTimeField("tilmeldt (formularen sendt)")
    confirmed_at = models.DateTimeField("bekræftet (dobbelt opt-in)", null=True, blank=True)
    withdrawn_at = models.DateTimeField("trukket tilbage (afmeldt)", null=True, blank=True)
    # The topics chosen, by id and by the name they had then: {"alt": bool, "sektioner":
    # [{"id": 3, "navn": "Klima"}], "emner": [...], "skribenter": [...], "maal": [...]}.
    topics = models.JSONField("valgte emner", default=dict)
    source = models.CharField("kilde", max_length=20, choices=Source.choices)
    # The page of this site the person came from (a path, without its query), or "".
    referrer = models.CharField("henvisende side", max_length=200, blank=True)
    note = models.CharField("bemærkning", max_length=300, blank=True)

    class Meta:
        ordering = ["requested_at", "pk"]
        verbose_name = "samtykke"
        verbose_name_plural = "samtykker"

    def __str__(self):
        return f"Samtykke {self.pk} (tekst version {self.wording.number})"


class TopicChange(models.Model):
    """A change of a subscriber's topics after they signed up: what was added and removed."""

    class Via(models.TextChoices):
        PREFERENCES = "indstillinger", "Indstillinger"
        UNSUBSCRIBE = "afmelding", "Afmelding"

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="topic_changes"
    )
    changed_at = models.DateTimeField("ændret", default=timezone.now)
    via = models.CharField("hvor", max_length=20, choices=Via.choices)
    # As ``Consent.topics``, each side holding only what changed.
    added = models.JSONField("tilføjet", default=dict)
    removed = models.JSONField("fjernet", default=dict)

    class Meta:
        ordering = ["changed_at", "pk"]
        verbose_name = "ændring af emner"
        verbose_name_plural = "ændringer af emner"

    def __str__(self):
        return f"Ændring af emner {self.pk}"


class Suppression(models.Model):
    """An erased address, kept as a keyed hash only (privacy.py explains why): a request to
    subscribe it that was made before the erasure is not carried out."""

    address_hash = models.CharField("adresse (hash)", max_length=64, unique=True)
    erased_at = models.DateTimeField("slettet")

    class Meta:
        verbose_name = "spærret adresse"
        verbose_name_plural = "spærrede adresser"

    def __str__(self):
        return f"Spærret adresse {self.address_hash[:12]}…"


class PrivacyLogEntry(models.Model):
    """An export or erasure of a subscriber's data: who did it and when, and the subscriber's
    number, never their address."""

    class Action(models.TextChoices):
        EXPORT = "eksport", "Eksport"
        ERASURE = "sletning", "Sletning"

    action = models.CharField("handling", max_length=10, choices=Action.choices)
    subscriber_number = models.PositiveBigIntegerField("abonnent nr.")
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="udført af",
    )
    # Kept if the user account is deleted later.
    done_by_name = models.CharField("brugernavn", max_length=150)
    done_at = models.DateTimeField("tidspunkt", default=timezone.now)

    class Meta:
        ordering = ["-done_at", "-pk"]
        verbose_name = "eksport eller sletning"
        verbose_name_plural = "log over eksport og sletning"

    def __str__(self):
        return f"{self.get_action_display()} af abonnent nr. {self.subscriber_number}"
