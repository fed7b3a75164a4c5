"""``{% prefetch_fragments %}``: at the top of base.html, the page's cached fragments are
asked of the shared cache in one round trip (articles/caching/fragments.py)."""

from django import template

from articles.caching.fragments import prefetch_for

register = template.Library()


@register.simple_tag(takes_context=True)
def prefetch_fragments(context) -> str:
    prefetch_for(context)
    return ""
