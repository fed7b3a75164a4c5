"""Demo content for Almene mål, loaded by ``manage.py seed_demo`` (through the
``demo_content_seeded`` signal, as articles does not know about goals)."""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.dispatch import receiver

from articles.demo.seed import demo_content_seeded
from articles.models import Article

from . import demo_content
from .models import Effort, Goal, GoalProgramme, Indicator, Measurement


@receiver(demo_content_seeded)
def seed_goals(sender, **kwargs):
    with transaction.atomic():
        for programme_data in demo_content.PROGRAMMES:
            seed_programme(programme_data)


def seed_programme(data: dict) -> GoalProgramme:
    if data["is_current"]:
        GoalProgramme.objects.filter(is_current=True).exclude(slug=data["slug"]).update(
            is_current=False
        )
    programme, _ = GoalProgramme.objects.update_or_create(
        slug=data["slug"],
        defaults={
            "title": data["title"],
            "first_year": data["first_year"],
            "last_year": data["last_year"],
            "adopted_on": date.fromisoformat(data["adopted_on"]),
            "adopted_by": data["adopted_by"],
            "intro": data["intro"],
            "is_current": data["is_current"],
        },
    )
    for position, goal_data in enumerate(data["goals"]):
        seed_goal(programme, position, goal_data, link_articles=data["is_current"])
    return programme


def seed_goal(programme, position: int, data: dict, link_articles: bool) -> Goal:
    goal, created = Goal.objects.update_or_create(
        slug=data["slug"],
        defaults={
            "programme": programme,
            "title": data["title"],
            "summary": data["summary"],
            "description": data["description"],
            "position": position,
            "theme": data["theme"],
        },
    )
    if created or not goal.efforts.exists():
        goal.efforts.all().delete()
        Effort.objects.bulk_create(
            Effort(goal=goal, text=text, position=index)
            for index, text in enumerate(data["efforts"])
        )
    if created or not goal.indicators.exists():
        for index, indicator_data in enumerate(data["indicators"]):
            seed_indicator(goal, index, indicator_data)
    if link_articles:
        # The demo articles about the goal's subjects; an article may serve several goals.
        articles = Article.objects.filter(tagged_items__tag__name__in=data["article_tags"])
        goal.articles.add(*articles.distinct())
    return goal


def seed_indicator(goal, position: int, data: dict) -> Indicator:
    indicator = Indicator.objects.create(
        goal=goal,
        name=data["name"],
        unit=data["unit"],
        baseline_value=Decimal(data["baseline_value"]),
        baseline_year=data["baseline_year"],
        target_value=Decimal(data["target_value"]),
        target_year=data["target_year"],
        position=position,
    )
    Measurement.objects.bulk_create(
        Measurement(
            indicator=indicator,
            measured_on=date.fromisoformat(measurement["date"]),
            value=Decimal(measurement["value"]),
            source=measurement["source"],
        )
        for measurement in data["measurements"]
    )
    return indicator
