"""A goal's page and feed of its published articles: the goal's ``Listing``, given by
goals/urls.py to the articles app's one list view and one feed (articles/listings.py)."""

from functools import partial

from articles.listings import Listing

from .charts import chart_for
from .models import Goal


def charts(goal: Goal) -> list:
    """The goal's indicators as charts. Called by the page's cached fragment, only when it is
    rendered; so are the goal's efforts."""
    indicators = goal.indicators.prefetch_related("measurements")
    return [chart_for(indicator) for indicator in indicators]


GOAL = Listing(
    name="goal",
    objects=lambda: Goal.objects.select_related("programme"),
    lookup="goals",
    template_name="goals/goal.html",
    feed_title=lambda goal: f"{goal.title} – Almene mål – Almene Nyheder",
    feed_description=lambda goal: goal.summary,
    context=lambda goal: {"charts": partial(charts, goal)},
)
