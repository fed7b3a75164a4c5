from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.views.generic import DetailView, ListView

from .models import Article, ArticleSlugRedirect, Author, Section, Tag


def page_number(value) -> int:
    """A page number from the query string; anything that is not a positive whole number
    written in ASCII digits means the first page."""
    if not isinstance(value, str) or not (value.isascii() and value.isdigit()):
        return 1
    return max(int(value), 1)


class PublishedArticleListView(ListView):
    """The paginated card listings: the archive and the section, tag and author pages."""

    paginate_by = 20
    page_kwarg = "side"
    template_name = "articles/article_list.html"
    context_object_name = "articles"

    def base_queryset(self):
        return Article.objects.published()

    def get_queryset(self):
        return self.base_queryset().for_cards().order_by("-published_at", "-pk")

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        number = page_number(self.request.GET.get(self.page_kwarg))
        if number > paginator.num_pages:
            raise Http404("Siden findes ikke.")
        page = paginator.page(number)
        return paginator, page, page.object_list, page.has_other_pages()


class ArchiveView(PublishedArticleListView):
    template_name = "articles/archive.html"


class SectionView(PublishedArticleListView):
    template_name = "articles/section.html"

    @cached_property
    def section(self):
        return get_object_or_404(Section, slug=self.kwargs["slug"])

    def base_queryset(self):
        return super().base_queryset().filter(section=self.section)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            section=self.section, current_section_slug=self.section.slug, **kwargs
        )


class TagView(PublishedArticleListView):
    template_name = "articles/tag.html"

    @cached_property
    def tag(self):
        return get_object_or_404(Tag, slug=self.kwargs["slug"])

    def base_queryset(self):
        return super().base_queryset().filter(tagged_items__tag=self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class AuthorView(PublishedArticleListView):
    template_name = "articles/author.html"

    @cached_property
    def author(self):
        return get_object_or_404(Author, slug=self.kwargs["slug"])

    def base_queryset(self):
        return super().base_queryset().filter(bylines__author=self.author)

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)


def article_page_context(article: Article) -> dict:
    """Everything around the article on its page. ``article`` must come from
    ``ArticleQuerySet.for_page()``; the public page and the admin's preview share this."""
    related = article.related_for_display()
    return {
        "article": article,
        "related_articles": related,
        "author_boxes": article.author_boxes(),
        "suggestions": article.suggestions(exclude_ids=[item.pk for item in related]),
        "published_count": Article.objects.published().count(),
    }


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return Article.objects.published().for_page()

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
        return super().get_context_data(**article_page_context(self.object), **kwargs)
