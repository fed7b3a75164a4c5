from django.conf import settings
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from articles.caching.store import content_version
from articles.models import Section


def site(request):
    """Site-wide values for the base layout: the name and the header's sections."""
    return {
        "site_name": settings.SITE_NAME,
        # Lazy: asked for once per page at most, and only by templates that show it.
        "nav_sections": SimpleLazyObject(Section.objects.in_order),
        # Lazy: no query for a visitor without a list (articles.middleware).
        "reading_list": getattr(request, "reading_list", None),
        # Part of every fragment cache key: a change to content makes new fragments.
        "content_version": SimpleLazyObject(content_version),
        "reading_list_urls": {
            "add": reverse("articles:reading_list_add"),
            "remove": reverse("articles:reading_list_remove"),
        },
    }
