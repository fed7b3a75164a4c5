"""Cache headers for the public pages.

A visitor without a reading list (and not logged in) gets the same page as every other such
visitor: it may be kept by browsers and shared caches for PUBLIC_CACHE_SECONDS. A page for a
reader with a list, or for a logged-in user, is private and must be revalidated. ``Vary:
Cookie`` keeps a shared cache from handing one to the other: the reading-list cookie is what
makes a page personal.
"""

from functools import wraps

from django.conf import settings
from django.utils.cache import patch_cache_control, patch_vary_headers


def public_page(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code != 200 or response.has_header("Cache-Control"):
            return response
        reading_list = getattr(request, "reading_list", None)
        if reading_list is not None and reading_list.is_personal:
            patch_cache_control(response, private=True, no_cache=True)
        else:
            patch_cache_control(response, public=True, max_age=settings.PUBLIC_CACHE_SECONDS)
        patch_vary_headers(response, ["Cookie"])
        return response

    return wrapper
