from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from articles.caching.remembered import remembered

from .models import GoalProgramme


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
