"""A correction of a published article, as Danish press ethics asks: made on the editor's own
initiative and shown so readers notice it (Pressenævnet's rules, A.7), on the article and as
its own item in the news stream. Never deleted silently: a withdrawn correction leaves a dated
note where it stood."""

from __future__ import annotations

from datetime import timedelta

import reversion
from django.conf import settings
from django.db import models
from django.utils import timezone

from articles.models import Article

# How long a published correction stands in the front page's newest list.
FRONT_PAGE_DAYS = 3


class CorrectionQuerySet(models.QuerySet):
    def shown(self):
        """What readers see: published corrections, and those withdrawn after they were
        published, as dated notes (a proposal withdrawn was never shown)."""
        return self.filter(
            state__in=[Correction.State.PUBLISHED, Correction.State.WITHDRAWN],
            published_at__isnull=False,
        )

    def public(self):
        """Shown corrections of articles the public may see, newest first."""
        return (
            self.shown()
            .filter(article__in=Article.objects.published())
            .order_by("-published_at", "-pk")
        )

    def for_front_page(self):
        since = timezone.now() - timedelta(days=FRONT_PAGE_DAYS)
        return (
            self.public()
            .filter(state=Correction.State.PUBLISHED, published_at__gte=since)
            .select_related("article")
        )


@reversion.register()
class Correction(models.Model):
    class Kind(models.TextChoices):
        CORRECTION = "rettelse", "Rettelse"
        CLARIFICATION = "praecisering", "Præcisering"
        UPDATE = "opdatering", "Opdatering"
        REPLY = "genmaele", "Genmæle"
        RULING = "kendelse", "Pressenævnets kendelse"

    class State(models.TextChoices):
        PROPOSED = "proposed", "Foreslået"
        PUBLISHED = "published", "Udgivet"
        WITHDRAWN = "withdrawn", "Trukket tilbage"

    article = models.ForeignKey(
        Article, verbose_name="artikel", on_delete=models.CASCADE, related_name="corrections"
    )
    kind = models.CharField("type", max_length=20, choices=Kind.choices, default=Kind.CORRECTION)
    text = models.TextField(
        "tekst",
        max_length=5000,
        help_text="Hvad der var forkert, og hvad der er rigtigt. Vises over artiklens tekst.",
    )
    ruling_url = models.URLField(
        "link til kendelsen",
        blank=True,
        help_text="Pressenævnets kendelse på pressenaevnet.dk (skal udfyldes ved en kendelse).",
    )
    state = models.CharField(
        "tilstand", max_length=10, choices=State.choices, default=State.PROPOSED
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="foreslået af",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField("oprettet", default=timezone.now)
    published_at = models.DateTimeField("udgivet", null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="udgivet af",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField("trukket tilbage", null=True, blank=True)
    withdrawal_note = models.TextField("begrundelse for tilbagetrækning", blank=True)

    objects = CorrectionQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at", "-pk"]
        verbose_name = "rettelse"
        verbose_name_plural = "rettelser"
        indexes = [models.Index(fields=["state", "-published_at"], name="correction_stream")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.article}"

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#rettelse-{self.pk}"

    @property
    def is_ruling(self) -> bool:
        return self.kind == self.Kind.RULING

    @property
    def is_withdrawn(self) -> bool:
        return self.state == self.State.WITHDRAWN

    # The cache's questions (articles/caching/invalidation.py).

    def shown_publicly(self) -> bool:
        return self.published_at is not None and self.article.status == Article.Status.PUBLISHED

    def public_article(self) -> int:
        return self.article_id
