import json
from functools import wraps

from django.core.paginator import Paginator
from django.http import (
    Http404,
    HttpResponseForbidden,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, ListView, TemplateView

from .caching.readers import is_offline_copy
from .caching.remembered import cached_count, published_count, remembered, remembered_object
from .listings import Listing
from .models import Article, ArticleSlugRedirect
from .reading_list import FULL_MESSAGE, MAX_ITEMS, ReadingListFull, same_origin


def parse_id(value) -> int | None:
    """A database id from user input, or None: ASCII digits only, within a 64-bit integer."""
    value = str(value)
    if not (value.isascii() and value.isdigit()) or len(value) > 18:
        return None
    return int(value) or None


def page_number(value) -> int:
    """A page number from the query string; anything that is not a positive whole number
    written in ASCII digits means the first page."""
    if not isinstance(value, str) or not (value.isascii() and value.isdigit()):
        return 1
    # Cut short: past 18 digits it is past the end of any listing (a 404) anyway, and int()
    # refuses a number of over 4,300 digits.
    return max(int(value.lstrip("0")[:19] or "0"), 1)


class IdFirstPaginator(Paginator):
    """Reads a page's ids first, then only those rows. However deep the page, the skipping is
    done in the publication-order index (an index-only scan), not by fetching and throwing
    away whole rows; the rows then come in one small query."""

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        ids = list(self.object_list.values_list("pk", flat=True)[bottom : bottom + self.per_page])
        rows = self.object_list.filter(pk__in=ids).in_bulk() if ids else {}
        return self._get_page([rows[pk] for pk in ids if pk in rows], number, self)


class DanishPaginationMixin:
    """20 a page, ``?side=N``; a bad page number means page 1, one past the end a 404."""

    paginate_by = 20
    page_kwarg = "side"
    paginator_class = IdFirstPaginator

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        number = page_number(self.request.GET.get(self.page_kwarg))
        if number > paginator.num_pages:
            raise Http404("Siden findes ikke.")
        page = paginator.page(number)
        return paginator, page, page.object_list, page.has_other_pages()


class PublishedArticleListView(DanishPaginationMixin, ListView):
    """The paginated card listings: the archive and the section, tag, author and goal pages."""

    template_name = "articles/article_list.html"
    context_object_name = "articles"

    def base_queryset(self):
        return Article.objects.published()

    def count_name(self) -> str:
        """Names the listing's article count in the cache."""
        return "published"

    def get_queryset(self):
        return self.base_queryset().for_cards().order_by("-published_at", "-pk")

    def get_paginator(self, queryset, per_page, **kwargs):
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        paginator.count = cached_count(self.count_name(), self.base_queryset())
        return paginator


class ArchiveView(PublishedArticleListView):
    template_name = "articles/archive.html"


class ObjectArticlesView(PublishedArticleListView):
    """The published articles of one object: a section, a tag, an author or a goal, as its
    ``Listing`` (articles/listings.py, goals/listings.py) says, given by the URL conf:
    ``ObjectArticlesView.as_view(listing=SECTION)``."""

    listing: Listing | None = None

    def get_template_names(self):
        return [self.listing.template_name]

    @cached_property
    def subject(self):
        """The section, tag, author or goal the page is about."""
        return self.listing.get(self.kwargs["slug"])

    def base_queryset(self):
        return self.listing.articles(self.subject)

    def count_name(self):
        return f"{self.listing.name}:{self.subject.pk}"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **{self.listing.name: self.subject}, **self.listing.context(self.subject), **kwargs
        )


class Neighbours:
    """The other articles on an article's page: related articles ("Læs også"), suggestions
    ("Fik du læst disse?") and each author's latest other article ("Om skribenten"), fetched
    only when a band's fragment is rendered, and then all their cards in one query. The
    suggestions are every candidate: the page shows each reader the first few not on their
    list (articles/caching/holes.py), so the page itself is the same for all."""

    def __init__(self, article: Article):
        self.article = article

    @cached_property
    def _ids(self) -> tuple[list[int], list[int]]:
        article = self.article
        return remembered(f"article-neighbours:{article.pk}", article.neighbours)

    @cached_property
    def _cards(self) -> dict[int, Article]:
        related_ids, candidate_ids = self._ids
        return (
            Article.objects.published()
            .for_cards()
            .in_bulk([*related_ids, *candidate_ids, *self.article.byline_latest_ids])
        )

    def _in_order(self, ids: list[int]) -> list[Article]:
        return [self._cards[pk] for pk in ids if pk in self._cards]

    @property
    def related(self) -> list[Article]:
        return self._in_order(self._ids[0])

    @property
    def suggestions(self) -> list[Article]:
        return self._in_order(self._ids[1])

    def author_boxes(self):
        return self.article.author_boxes(cards=self._cards)


def article_page_context(article: Article) -> dict:
    """Everything around the article on its page. ``article`` must come from
    ``ArticleQuerySet.for_page()``; the public page and the admin's preview share this. What
    the page's fragments show is asked for only when a fragment is rendered."""
    return {
        "article": article,
        "neighbours": Neighbours(article),
        "published_count": published_count(),
    }


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return Article.objects.published().for_page()

    def get_object(self, queryset=None):
        # Remembered per content version (and never past the next scheduled publication):
        # a page built again, for a cache miss, then asks nothing of the database.
        return remembered_object(self.get_queryset(), slug=self.kwargs["slug"])

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            # An earlier address of a published article leads to where it is now.
            redirect_to = (
                ArticleSlugRedirect.objects.filter(
                    old_slug=kwargs["slug"], article__in=Article.objects.published()
                )
                .select_related("article")
                .first()
            )
            if redirect_to is None:
                raise
            return redirect(redirect_to.article, permanent=True)

    def get_context_data(self, **kwargs):
        if not is_offline_copy(self.request):
            self.request.reading_list.opened(self.object)
        return super().get_context_data(**article_page_context(self.object), **kwargs)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        # A reader who gets this page from the page cache has it marked read there too.
        response.opens_article = self.object.pk
        return response


class ReadingListView(TemplateView):
    """/laeseliste/: the reader's saved articles, newest added first. Always private."""

    template_name = "articles/reading_list.html"

    @method_decorator(never_cache)
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        reading_list = self.request.reading_list
        items = list(reading_list.items())
        return super().get_context_data(
            items=items,
            # What the service worker keeps for offline reading (static/js/offline.js).
            offline_articles=json.dumps(
                [
                    {
                        "adresse": item.article.get_absolute_url(),
                        "gemt": item.added_at.isoformat(),
                        # A copy kept before the article was corrected is fetched again.
                        "rettet": item.article.corrected_at.isoformat()
                        if item.article.corrected_at
                        else "",
                    }
                    for item in items
                ]
            ),
            unavailable_count=reading_list.unavailable_count(),
            list_full=self.request.GET.get("fuld") == "1",
            max_items=MAX_ITEMS,
            **kwargs,
        )


class ReadingListPrintView(TemplateView):
    """/laeseliste/udskriv/: the reader's saved articles in full, one after the other, for
    the browser's print or "Gem som PDF" (static/css/print.css does the paper). Private, like
    the list."""

    template_name = "articles/reading_list_print.html"

    @method_decorator(never_cache)
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            items=list(self.request.reading_list.items_in_full()),
            printed_on=timezone.localdate(),
            **kwargs,
        )


def wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def redirect_back(request):
    """Back to the page the button was on (a local address only), else to the list."""
    target = request.POST.get("naeste", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("articles:reading_list")
    return HttpResponseRedirect(target)


def reading_list_change(change):
    """A POST view that changes the reading list: refused unless it comes from this site
    (see reading_list.same_origin), answered with JSON for scripts and a redirect back for
    plain forms."""

    @require_POST
    @csrf_exempt  # protected by same_origin() instead: the buttons are on shared pages
    @wraps(change)
    def view(request):
        if not same_origin(request):
            return HttpResponseForbidden("Forespørgslen kom ikke fra Almene Nyheder.")
        reading_list = request.reading_list
        article = article_named(reading_list, request.POST.get("artikel", ""))
        try:
            if article is None:
                raise Http404("Artiklen findes ikke.")
            change(request, reading_list, article)
        except Http404:
            if wants_json(request):
                return JsonResponse({"fejl": "Artiklen findes ikke."}, status=404)
            raise
        except ReadingListFull:
            if wants_json(request):
                return JsonResponse({"fejl": FULL_MESSAGE}, status=409)
            return HttpResponseRedirect(reverse("articles:reading_list") + "?fuld=1")
        if wants_json(request):
            return JsonResponse(
                {
                    "artikel": article.pk,
                    "paa_listen": article.pk in reading_list.article_ids,
                    "antal": reading_list.count,
                    # For the service worker, which keeps a copy of each saved article.
                    "adresse": article.get_absolute_url(),
                }
            )
        return redirect_back(request)

    return view


def article_named(reading_list, raw_id) -> Article | None:
    """The article a reading-list button names: a published one, or one already on this
    reader's list (saved before it was unpublished: they may still remove it). Any other id
    is answered as if it did not exist, so the buttons cannot be used to tell which ids
    belong to drafts."""
    article_id = parse_id(raw_id)
    article = Article.objects.filter(pk=article_id).first() if article_id else None
    if article is None or article.is_published or article.pk in reading_list.article_ids:
        return article
    return None


@reading_list_change
def add_to_reading_list(request, reading_list, article):
    if not article.is_published:
        raise Http404("Artiklen findes ikke.")
    reading_list.add(article)


@reading_list_change
def remove_from_reading_list(request, reading_list, article):
    reading_list.remove(article)


@reading_list_change
def mark_read(request, reading_list, article):
    reading_list.mark_read(article, read=request.POST.get("laest") != "0")
