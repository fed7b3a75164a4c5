"""/rettelser/: every correction readers may see, newest first, with a link to its article;
and its RSS feed. Both are public pages, kept like the others until a correction or an article
changes (articles/caching)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed
from django.views.generic import ListView

from articles.caching.remembered import cached_count
from articles.views import DanishPaginationMixin

from .models import Correction


def stream():
    return Correction.objects.public().select_related("article", "article__section")


class CorrectionListView(DanishPaginationMixin, ListView):
    template_name = "corrections/list.html"
    context_object_name = "corrections"

    def get_queryset(self):
        return stream()

    def get_paginator(self, queryset, per_page, **kwargs):
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        # Counted once per content version, as the article lists' counts are.
        paginator.count = cached_count("corrections", Correction.objects.public())
        return paginator


class CorrectionFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "da"
    title = "Almene Nyheder: rettelser"
    description = "Rettelser, præciseringer, opdateringer, genmæler og Pressenævnets kendelser."
    limit = 30

    def link(self):
        return reverse("corrections:list")

    def items(self):
        return stream()[: self.limit]

    def item_title(self, item):
        title = f"{item.get_kind_display()}: {item.article.title}"
        return f"Trukket tilbage – {title}" if item.is_withdrawn else title

    def item_description(self, item):
        if item.is_withdrawn:
            return f"Rettelsen er trukket tilbage: {item.withdrawal_note}"
        return item.text

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        return f"rettelse-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published_at or item.withdrawn_at

    def item_updateddate(self, item):
        return item.withdrawn_at or item.published_at
