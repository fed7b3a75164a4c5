from django.contrib.sitemaps import Sitemap

from .models import Goal, GoalProgramme


class GoalSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Goal.objects.select_related("programme").order_by("pk")


class ProgrammeSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return GoalProgramme.objects.order_by("-first_year")
