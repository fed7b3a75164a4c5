from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.views.generic import TemplateView

from articles.caching.remembered import remembered, remembered_object
from articles.views import PublishedArticleListView

from .charts import chart_for
from .models import Goal, GoalProgramme


class ProgrammeView(TemplateView):
    """/almene-maal/: the current programme and its goals; earlier ones by their slug."""

    template_name = "goals/programme.html"

    def get_programme(self) -> GoalProgramme:
        if "slug" in self.kwargs:
            return get_object_or_404(GoalProgramme, slug=self.kwargs["slug"], is_current=False)
        programme = GoalProgramme.objects.current()
        if programme is None:
            raise Http404("Der er ikke vedtaget et gældende målprogram.")
        return programme

    def get_context_data(self, **kwargs):
        programme = self.get_programme()
        return super().get_context_data(
            programme=programme,
            goals=programme.goals_for_overview(
                remembered(f"goals-overview:{programme.pk}", programme.overview_summary)
            ),
            other_programmes=GoalProgramme.objects.exclude(pk=programme.pk),
            current_goals_page=True,
            **kwargs,
        )


class GoalView(PublishedArticleListView):
    """/almene-maal/<slug>/: the goal, its efforts and indicators, and its articles."""

    template_name = "goals/goal.html"

    @cached_property
    def goal(self) -> Goal:
        # Efforts and indicators are read by the page's cached fragment, only when rendered.
        return remembered_object(Goal.objects.select_related("programme"), slug=self.kwargs["slug"])

    def base_queryset(self):
        return self.goal.published_articles()

    def count_name(self):
        return f"goal:{self.goal.pk}"

    def get_context_data(self, **kwargs):
        return super().get_context_data(goal=self.goal, charts=self.charts, **kwargs)

    def charts(self):
        """Called by the template's fragment when it is rendered."""
        indicators = self.goal.indicators.prefetch_related("measurements")
        return [chart_for(indicator) for indicator in indicators]
