from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.urls import reverse
from django.views.generic import ListView, TemplateView

from articles.caching.remembered import published_count, remembered
from articles.models import Article, Tag
from articles.search import clean_query, search
from articles.views import DanishPaginationMixin
from corrections.models import Correction
from goals.models import Goal


class HomeView(TemplateView):
    """The front page: the top story, the pinned and latest articles, the archive link."""

    template_name = "home.html"
    card_count = 12

    def get_context_data(self, **kwargs):
        published = Article.objects.published().for_cards()
        # Editors choose the top story and pin a few articles; the newest fill the rest.
        featured = list(
            published.exclude(front_page=Article.FrontPage.NONE).order_by(
                "front_page_order", "-published_at", "-pk"
            )
        )
        top_story = next((a for a in featured if a.front_page == Article.FrontPage.TOP), None)
        pinned = [article for article in featured if article.front_page == Article.FrontPage.PINNED]
        newest = list(
            published.exclude(pk__in=[article.pk for article in featured]).order_by(
                "-published_at", "-pk"
            )[: self.card_count + 1]
        )
        if top_story is None and newest:
            top_story = newest.pop(0)
        return super().get_context_data(
            top_story=top_story,
            latest_articles=(pinned + newest)[: self.card_count],
            published_count=published_count(),
            # Each correction is news too: in the newest list for a few days (corrections/).
            recent_corrections=remembered(
                "front-page-corrections", lambda: list(Correction.objects.for_front_page()[:3])
            ),
            current_goals=list(
                Goal.objects.filter(programme__is_current=True).select_related("programme")
            ),
            **kwargs,
        )


class SearchView(DanishPaginationMixin, ListView):
    """/soeg/?q=…: published articles matching the words, with filters for section, tag,
    goal and year that the pagination links keep. Any input gives a page, never an error."""

    template_name = "search.html"
    context_object_name = "hits"
    # The hits are a ranked list of ids, not a queryset: pages are sliced from it.
    paginator_class = Paginator

    def get_queryset(self):
        self.query = clean_query(self.request.GET.get("q"))
        self.filters = {
            name: self.request.GET.get(name, "").strip()[:100]
            for name in ("sektion", "emne", "maal", "aar")
        }
        articles = Article.objects.published()
        if self.filters["sektion"]:
            articles = articles.filter(section__slug=self.filters["sektion"])
        if self.filters["emne"]:
            articles = articles.filter(tagged_items__tag__slug=self.filters["emne"])
        if self.filters["maal"]:
            articles = articles.filter(goals__slug=self.filters["maal"])
        year = self.filters["aar"]
        if year.isascii() and year.isdigit() and 1900 <= int(year) <= 2100:
            articles = articles.filter(published_at__year=int(year))
        else:
            self.filters["aar"] = ""
        return search(self.query, articles, scope=urlencode(self.filters))

    def get_context_data(self, **kwargs):
        return (
            super().get_context_data(**kwargs)
            | search_options()
            | {
                "query": self.query,
                "filters": self.filters,
                "suggestion": self.object_list.suggestion,
                "more_hits": self.object_list.more,
                "max_hits": self.object_list.limit,
            }
        )


def search_options() -> dict:
    """The search form's choices, the same for every search until the content changes."""
    published = Article.objects.published()
    return remembered(
        "search-options",
        lambda: {
            "goals": list(Goal.objects.filter(programme__is_current=True)),
            "tags": list(Tag.objects.public().order_by("name")),
            "years": [day.year for day in published.dates("published_at", "year", order="DESC")],
        },
    )


def robots_txt(request):
    """Search engines may read the site, not the admin, the reading list, search results or
    sources' quote checks."""
    sitemap = request.build_absolute_uri(reverse("sitemap-index"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /laeseliste/",
        "Disallow: /soeg/",
        "Disallow: /citattjek/",
        f"Sitemap: {sitemap}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def permission_denied(request, exception=None):
    """403 in Danish, saying what the user may do instead: in the newsroom, with its header
    and the reason the workflow gave (its refusals are written in Danish for the user);
    elsewhere, in the site's own layout."""
    from django.contrib import admin
    from django.shortcuts import render

    from newsroom import roles
    from newsroom.workflow import TransitionRefused

    user = request.user
    in_newsroom = user.is_authenticated and user.is_staff
    context = {
        "base_template": "admin/base_site.html" if in_newsroom else "base.html",
        # Django's own refusals carry no reason, or an English one: only the workflow's.
        "reason": str(exception) if isinstance(exception, TransitionRefused) else "",
        "in_newsroom": in_newsroom,
        "may_publish": in_newsroom and roles.can_publish(user),
    }
    if in_newsroom:
        context |= admin.site.each_context(request) | {"title": "Det har du ikke adgang til"}
    return render(request, "403.html", context, status=403)
