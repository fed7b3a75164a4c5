"""What a page hands the service worker (templates/articles/sw.js): the mark that tells it
when to ask which of its offline copies are still public (``articles.offline.copies_mark``)."""

from django import template
from django.utils.html import format_html

from articles.offline import MARK_NAME, copies_mark

register = template.Library()


@register.simple_tag
def offline_mark():
    """``<meta name="offline-kopier" content="…">``: in the page's head, outside every
    fragment cache, so the mark is the one the page was answered with."""
    return format_html('<meta name="{}" content="{}">', MARK_NAME, copies_mark())
