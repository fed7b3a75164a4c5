"""Accountable journalism (issue 22): the kolofon, kept by the editors, and readers' requests
for a genmæle (a right of reply, medieansvarsloven § 36).

The kolofon is one row (``Kolofon.current``): the medium, its publisher, the responsible
editor by name and how to reach the editorial office. It is public content: saving it retires
every cached page (accountability/signals.py), since /om/ and /klagevejledning/ show it.

A ``GenmaeleRequest`` is what a reader sent from /genmaele/: the article as they named it (and
the published article it was found to be, with its publication time as it was when the request
arrived), their reply and how to reach them. It is personal data, shown to editors only
(accountability/admin.py), and on no public page, so it is not connected to the page cache.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

# A request for a genmæle is to reach the editor within four weeks of the publication
# (medieansvarsloven § 36). A time limit counted in weeks runs out at the end of the day with
# the same weekday, four weeks on, in Danish time: an article published on a Friday at 23:30
# may be answered until the Friday four weeks later at 23:59:59.
GENMAELE_WEEKS = 4
DANISH_TIME = ZoneInfo("Europe/Copenhagen")


def genmaele_deadline(published_at: datetime) -> date:
    """The last day (Danish time) a request for a genmæle on an article published at
    ``published_at`` is in time."""
    return timezone.localtime(published_at, DANISH_TIME).date() + timedelta(weeks=GENMAELE_WEEKS)


def arrived_in_time(published_at: datetime | None, received_at: datetime) -> bool | None:
    """Whether a request received at ``received_at`` is within the four weeks; None when the
    publication time is not known (the article was not found)."""
    if published_at is None:
        return None
    return timezone.localtime(received_at, DANISH_TIME).date() <= genmaele_deadline(published_at)


class Kolofon(models.Model):
    """The medium's kolofon: one row, kept by the editors in the admin."""

    medium = models.CharField("mediets navn", max_length=150, default="Almene Nyheder")
    about = models.TextField(
        "om mediet",
        blank=True,
        help_text="Et par linjer om, hvad mediet skriver om og for hvem.",
    )
    publisher = models.CharField("udgiver", max_length=200)
    address = models.TextField("udgiverens adresse", help_text="Gade og nummer, postnummer og by.")
    cvr = models.CharField("CVR-nummer", max_length=20, blank=True)
    editor = models.CharField(
        "ansvarshavende redaktør",
        max_length=150,
        help_text="Fulde navn på den ansvarshavende redaktør efter medieansvarsloven.",
    )
    email = models.EmailField("redaktionens e-mail")
    phone = models.CharField("redaktionens telefon", max_length=30)
    registered_with_pressenaevnet = models.BooleanField(
        "anmeldt til Pressenævnet",
        default=True,
        help_text="Mediet er anmeldt til Pressenævnet efter medieansvarslovens § 8.",
    )
    registered_on = models.DateField("anmeldt den", null=True, blank=True)
    updated_at = models.DateTimeField("ændret", auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="ændret af",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    class Meta:
        verbose_name = "kolofon"
        verbose_name_plural = "kolofon"
        constraints = [
            models.CheckConstraint(condition=Q(pk=1), name="one_kolofon"),
        ]

    def __str__(self):
        return f"Kolofon for {self.medium}"

    def save(self, *args, **kwargs):
        self.pk = 1  # there is one
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("accountability:kolofon")

    @classmethod
    def current(cls) -> Kolofon | None:
        return cls.objects.filter(pk=1).first()

    @property
    def address_lines(self) -> list[str]:
        return [line.strip() for line in self.address.splitlines() if line.strip()]


class GenmaeleRequest(models.Model):
    """A reader's request for a genmæle, from /genmaele/."""

    class Status(models.TextChoices):
        OPEN = "open", "Åben"
        ANSWERED = "answered", "Besvaret"
        REJECTED = "rejected", "Afvist"

    received_at = models.DateTimeField("modtaget", default=timezone.now, editable=False)
    article_text = models.CharField(
        "artikel som læseren skrev den",
        max_length=500,
        help_text="Adressen eller titlen, som læseren skrev den.",
    )
    article = models.ForeignKey(
        "articles.Article",
        verbose_name="artikel",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="genmaele_requests",
        help_text="Den udgivne artikel, anmodningen gælder. Vælg den, hvis sitet ikke fandt den.",
    )
    # As it was when the request arrived: the four weeks run from the publication then.
    article_published_at = models.DateTimeField("artiklen udgivet", null=True, blank=True)
    text = models.TextField("genmæle")
    name = models.CharField("navn", max_length=150)
    email = models.EmailField("e-mail", max_length=254)
    phone = models.CharField("telefon", max_length=30, blank=True)
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.OPEN)
    note = models.TextField(
        "redaktionens note",
        blank=True,
        help_text="Hvad blev svaret, eller hvorfor blev anmodningen afvist. Kun for redaktionen.",
    )
    handled_at = models.DateTimeField("behandlet", null=True, blank=True, editable=False)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="behandlet af",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    # The receipt mailed to the reader, in the newsroom's mail queue (newsroom/notifications.py).
    receipt = models.ForeignKey(
        "articles.EditorialMail",
        verbose_name="kvittering",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    class Meta:
        ordering = ["-received_at", "-pk"]
        get_latest_by = "received_at"
        verbose_name = "genmæle"
        verbose_name_plural = "genmæler"
        indexes = [
            models.Index(fields=["received_at"], condition=Q(status="open"), name="genmaele_open"),
        ]

    def __str__(self):
        title = self.article.title if self.article_id and self.article else self.article_text
        return f"Genmæle til »{title}«"

    @property
    def deadline(self) -> date | None:
        if self.article_published_at is None:
            return None
        return genmaele_deadline(self.article_published_at)

    @property
    def in_time(self) -> bool | None:
        """Whether it arrived within four weeks of the publication (None: not known)."""
        return arrived_in_time(self.article_published_at, self.received_at)

    @property
    def days_after_publication(self) -> int | None:
        if self.article_published_at is None:
            return None
        published = timezone.localtime(self.article_published_at, DANISH_TIME).date()
        return (timezone.localtime(self.received_at, DANISH_TIME).date() - published).days
