"""Almene mål: the sector's goal programmes, their goals, efforts and indicators.

Articles are tied to goals through ``Article.goals`` (declared in ``articles`` by a lazy
reference); this app may use ``articles``, never the other way round.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from django.urls import reverse

from articles.fields import SanitizedHTMLField
from articles.models import Article
from articles.routing import slug_url


class GoalProgrammeQuerySet(models.QuerySet):
    def current(self):
        return self.filter(is_current=True).first()


class GoalProgramme(models.Model):
    title = models.CharField("titel", max_length=150)
    slug = models.SlugField("webadresse", max_length=150, unique=True)
    first_year = models.PositiveSmallIntegerField("første år")
    last_year = models.PositiveSmallIntegerField("sidste år")
    adopted_on = models.DateField("vedtaget", null=True, blank=True)
    adopted_by = models.CharField(
        "vedtaget af", max_length=200, blank=True, help_text="Fx BL's repræsentantskab."
    )
    intro = models.TextField("introduktion", blank=True)
    is_current = models.BooleanField(
        "gældende",
        default=False,
        help_text="Det gældende program vises på /almene-maal/ og forsiden. Kun ét ad gangen.",
    )

    objects = GoalProgrammeQuerySet.as_manager()

    class Meta:
        ordering = ["-first_year", "title"]
        verbose_name = "målprogram"
        verbose_name_plural = "målprogrammer"
        constraints = [
            # At most one current programme, whatever saves it.
            models.UniqueConstraint(
                fields=["is_current"], condition=Q(is_current=True), name="one_current_programme"
            ),
            models.CheckConstraint(
                condition=Q(first_year__lte=F("last_year")), name="programme_years_in_order"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        if self.is_current:
            return reverse("goals:overview")
        return reverse("goals:programme", kwargs={"slug": self.slug})

    def clean(self):
        if self.first_year and self.last_year and self.first_year > self.last_year:
            raise ValidationError({"last_year": "Det sidste år kan ikke ligge før det første."})
        if (
            self.is_current
            and GoalProgramme.objects.filter(is_current=True).exclude(pk=self.pk).exists()
        ):
            raise ValidationError(
                {"is_current": "Et andet program er gældende. Fjern markeringen der først."}
            )

    @property
    def period(self) -> str:
        return f"{self.first_year}-{self.last_year}"

    def goals_for_overview(self, summary: dict) -> list["Goal"]:
        """The goals with their efforts, published-article count and latest three articles,
        from ``summary`` (``overview_summary``, which the view keeps per content version:
        counting tens of thousands of linked articles on every view is what made this page
        slow). Three queries however many goals and articles there are."""
        from articles.models import cards_in_order

        goals = list(self.goals.prefetch_related("efforts"))
        latest = {
            article.pk: article
            for article in cards_in_order([pk for _, ids in summary.values() for pk in ids])
        }
        for goal in goals:
            count, ids = summary.get(goal.pk, (0, []))
            goal.published_count = count
            goal.latest = [latest[pk] for pk in ids if pk in latest]
        return goals

    def overview_summary(self) -> dict:
        """For each goal with published articles: (their number, ids of the latest three).
        Two queries however many goals there are."""
        links = Article.goals.through.objects.filter(
            goal__programme=self, article__in=Article.objects.published()
        )
        counts = links.values("goal_id").annotate(count=Count("pk")).order_by()
        latest = (
            links.annotate(
                place=Window(
                    RowNumber(),
                    partition_by=F("goal_id"),
                    order_by=[F("article__published_at").desc(), F("article_id").desc()],
                )
            )
            .filter(place__lte=3)
            .order_by("goal_id", "place")
            .values_list("goal_id", "article_id")
        )
        summary = {row["goal_id"]: (row["count"], []) for row in counts}
        for goal_id, article_id in latest:
            summary[goal_id][1].append(article_id)
        return summary


class Goal(models.Model):
    class Theme(models.TextChoices):
        """A fixed set of colours and icons (static/goals/), so the site stays consistent."""

        ROBUST = "robust", "Hus (grøn-blå)"
        GREEN = "groen", "Blad (grøn)"
        DEMOCRACY = "demokrati", "Talebobler (orange)"
        COMMUNITY = "faellesskab", "Hænder (rød)"
        WELFARE = "velfaerd", "Hjerte (lilla)"
        CITY = "by", "By (blå)"

    programme = models.ForeignKey(
        GoalProgramme, verbose_name="målprogram", on_delete=models.CASCADE, related_name="goals"
    )
    title = models.CharField("titel", max_length=150)
    slug = models.SlugField("webadresse", max_length=150, unique=True)
    summary = models.CharField("kort beskrivelse", max_length=250)
    description = SanitizedHTMLField("beskrivelse", blank=True)
    position = models.PositiveSmallIntegerField("placering", default=0)
    theme = models.CharField("farve og ikon", max_length=20, choices=Theme.choices)

    class Meta:
        ordering = ["programme", "position", "pk"]
        verbose_name = "mål"
        verbose_name_plural = "mål"

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return slug_url("goals:goal", self.slug)

    def published_articles(self):
        return Article.objects.published().filter(goals=self)


class Effort(models.Model):
    """An effort ("indsats"): one concrete thing done for a goal."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="efforts")
    text = models.CharField("indsats", max_length=250)
    position = models.PositiveSmallIntegerField("placering", default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = "indsats"
        verbose_name_plural = "indsatser"

    def __str__(self):
        return self.text


class Indicator(models.Model):
    """A measurable sign of progress, from a baseline toward a target."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField("navn", max_length=200)
    unit = models.CharField("enhed", max_length=40, help_text="Fx %, boliger, kg CO2e/m²/år.")
    baseline_value = models.DecimalField("udgangspunkt", max_digits=12, decimal_places=2)
    baseline_year = models.PositiveSmallIntegerField("udgangsår")
    target_value = models.DecimalField("mål", max_digits=12, decimal_places=2)
    target_year = models.PositiveSmallIntegerField("målår")
    position = models.PositiveSmallIntegerField("placering", default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = "indikator"
        verbose_name_plural = "indikatorer"
        constraints = [
            models.CheckConstraint(
                condition=Q(baseline_year__lte=F("target_year")),
                name="indicator_years_in_order",
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if self.baseline_year and self.target_year and self.baseline_year > self.target_year:
            raise ValidationError({"target_year": "Målåret kan ikke ligge før udgangsåret."})

    @property
    def latest_measurement(self) -> "Measurement | None":
        measurements = list(self.measurements.all())
        return measurements[-1] if measurements else None

    @property
    def progress(self) -> Decimal | None:
        """How far from baseline to target the latest measurement has come, 0–100 (%).
        Works whether higher or lower is better."""
        latest = self.latest_measurement
        span = self.target_value - self.baseline_value
        if latest is None or span == 0:
            return None
        share = (latest.value - self.baseline_value) / span * 100
        return max(Decimal(0), min(Decimal(100), share)).quantize(Decimal("1"))


class Measurement(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="measurements")
    measured_on = models.DateField("dato")
    value = models.DecimalField("værdi", max_digits=12, decimal_places=2)
    source = models.CharField("kilde", max_length=250)
    source_url = models.URLField("link til kilden", blank=True)

    class Meta:
        ordering = ["measured_on", "pk"]
        verbose_name = "måling"
        verbose_name_plural = "målinger"
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "measured_on"], name="one_measurement_per_day"
            ),
        ]

    def __str__(self):
        return f"{self.indicator}: {self.value} ({self.measured_on})"
