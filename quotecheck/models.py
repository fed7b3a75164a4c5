"""Quote checks ("citattjek"): a source reads their own statements in a draft before it is
published, through a link that shows them those paragraphs and nothing else, and answers.

A ``QuoteCheck`` is one source's check of one article: their name (and address), the
paragraphs the journalist chose for them (position, fingerprint and HTML when chosen:
paragraphs.py), a deadline, and a state. Its link holds a random token; only the token's hash
is kept, so the database (or a backup of it) gives no working link away. A
``QuoteAnswer`` is what the source sent: "Godkendt" or their corrections, with the paragraphs
exactly as their page showed them.

Every step (open, revoke, answer, close when the article is published) is the newsroom's
(newsroom/quotechecks.py, newsroom/workflow.py): each is logged on the article. Nothing here
is public content: no cached page shows it, so saving it retires nothing.
"""

from __future__ import annotations

import hashlib
import re
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

from articles.models import Article

from . import paragraphs as body

# The longest and default time a source is given to answer.
DEFAULT_DAYS = 2
MAX_DAYS = 14
# How many answers one link takes: enough for second thoughts, not a flood of mail.
MAX_ANSWERS = 10

# secrets.token_urlsafe(32): 256 random bits, 43 characters of the URL-safe alphabet.
TOKEN_BYTES = 32
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{43}")


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def digest_of(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class QuoteCheckQuerySet(models.QuerySet):
    def by_token(self, token: str) -> QuoteCheck | None:
        """The check a link's token names, or None (a token of the wrong shape is never
        looked up)."""
        if not isinstance(token, str) or not TOKEN_PATTERN.fullmatch(token):
            return None
        return (
            self.select_related("article", "created_by")
            .filter(token_digest=digest_of(token))
            .first()
        )


class QuoteCheck(models.Model):
    class State(models.TextChoices):
        OPEN = "open", "Åben"
        REVOKED = "revoked", "Trukket tilbage"
        CLOSED = "closed", "Lukket"

    article = models.ForeignKey(
        Article, verbose_name="artikel", on_delete=models.CASCADE, related_name="quote_checks"
    )
    token_digest = models.CharField("nøglens hash", max_length=64, unique=True, editable=False)
    source_name = models.CharField("kildens navn", max_length=200)
    source_email = models.EmailField("kildens e-mailadresse", blank=True)
    # [{"position": 3, "fingerprint": "…", "html": "<p>…</p>"}] in the article's order.
    paragraphs = models.JSONField("afsnit", default=list)
    deadline = models.DateTimeField("frist")
    state = models.CharField("tilstand", max_length=10, choices=State.choices, default=State.OPEN)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="oprettet af",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField("oprettet", default=timezone.now)
    closed_at = models.DateTimeField("lukket", null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="lukket af",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    closed_note = models.CharField("hvorfor lukket", max_length=200, blank=True)

    objects = QuoteCheckQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "citattjek"
        verbose_name_plural = "citattjek"
        indexes = [
            models.Index(fields=["article", "state"], name="quotecheck_article"),
            models.Index(fields=["state", "deadline"], name="quotecheck_open"),
        ]

    def __str__(self):
        return f"Citattjek til {self.source_name}: {self.article}"

    def is_live(self, now=None) -> bool:
        """Whether the link works now: open, before its deadline, on an article that is neither
        published (or scheduled) nor in the trash."""
        article = self.article
        return (
            self.state == self.State.OPEN
            and self.deadline > (now or timezone.now())
            and article.status != Article.Status.PUBLISHED
            and not article.in_trash
        )

    def located(self) -> list[body.Located]:
        """The chosen paragraphs looked for in the article's body as it is now."""
        return body.locate(self.paragraphs, body.split(self.article.body))

    def status_label(self, now=None) -> str:
        """Its state for the newsroom, in Danish: open, expired, revoked or closed."""
        if self.state == self.State.OPEN:
            if self.deadline <= (now or timezone.now()):
                return "Udløbet"
            if self.article.status == Article.Status.PUBLISHED or self.article.in_trash:
                return "Lukket"
            return "Åben"
        return self.get_state_display()


class QuoteAnswer(models.Model):
    class Verdict(models.TextChoices):
        APPROVED = "approved", "Godkendt"
        CORRECTIONS = "corrections", "Rettelser"

    quote_check = models.ForeignKey(
        QuoteCheck, verbose_name="citattjek", on_delete=models.CASCADE, related_name="answers"
    )
    verdict = models.CharField("svar", max_length=12, choices=Verdict.choices)
    corrections = models.TextField("rettelser", max_length=5000, blank=True)
    # The paragraphs as the source's page showed them: [{"position", "fingerprint", "html"}].
    paragraphs = models.JSONField("afsnit, som kilden så dem", default=list)
    # How many of the chosen paragraphs had changed or gone, and so were not shown.
    missing = models.PositiveSmallIntegerField("afsnit, der ikke blev vist", default=0)
    created_at = models.DateTimeField("modtaget", default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "svar på citattjek"
        verbose_name_plural = "svar på citattjek"

    def __str__(self):
        return f"{self.quote_check.source_name}: {self.get_verdict_display()}"
