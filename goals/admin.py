"""Editors maintain programmes, goals, efforts and indicators; journalists may only read
them (to pick goals for their articles)."""

from django import forms
from django.contrib import admin
from django.db import models
from reversion.admin import VersionAdmin

from newsroom.forms import rich_text_field
from newsroom.inlines import DanishInlines

from .models import Effort, Goal, GoalProgramme, Indicator, Measurement


class GoalInline(admin.TabularInline):
    model = Goal
    fields = ["title", "slug", "position", "theme"]
    prepopulated_fields = {"slug": ["title"]}
    show_change_link = True
    extra = 0
    add_another = "Tilføj et mål"


@admin.register(GoalProgramme)
class GoalProgrammeAdmin(DanishInlines, VersionAdmin):
    list_display = ["title", "period", "is_current", "adopted_on", "adopted_by"]
    list_filter = ["is_current"]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [GoalInline]

    @admin.display(description="Periode")
    def period(self, programme):
        return programme.period


class GoalAdminForm(forms.ModelForm):
    description = rich_text_field("Beskrivelse")

    class Meta:
        model = Goal
        fields = ["programme", "title", "slug", "summary", "description", "position", "theme"]


class EffortInline(admin.TabularInline):
    model = Effort
    fields = ["text", "position"]
    extra = 1
    verbose_name_plural = "Indsatser (i rækkefølge)"
    add_another = "Tilføj en indsats"


class IndicatorInline(admin.TabularInline):
    model = Indicator
    fields = [
        "name",
        "unit",
        "baseline_value",
        "baseline_year",
        "target_value",
        "target_year",
        "position",
    ]
    show_change_link = True
    extra = 0
    verbose_name_plural = "Indikatorer (målinger tilføjes på indikatorens egen side)"
    add_another = "Tilføj en indikator"


@admin.register(Goal)
class GoalAdmin(DanishInlines, VersionAdmin):
    form = GoalAdminForm
    list_display = ["title", "programme", "position", "theme"]
    list_filter = ["programme"]
    list_select_related = ["programme"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [EffortInline, IndicatorInline]


class MeasurementInline(admin.TabularInline):
    model = Measurement
    fields = ["measured_on", "value", "source", "source_url"]
    extra = 1
    add_another = "Tilføj en måling"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.URLField):
            # A source typed without a scheme ("bl.dk/…") is read as https, as Django 6 will.
            kwargs["assume_scheme"] = "https"
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@admin.register(Indicator)
class IndicatorAdmin(DanishInlines, VersionAdmin):
    list_display = ["name", "goal", "unit", "baseline_value", "target_value", "target_year"]
    list_filter = ["goal__programme", "goal"]
    list_select_related = ["goal"]
    search_fields = ["name"]
    autocomplete_fields = ["goal"]
    inlines = [MeasurementInline]
