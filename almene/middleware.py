"""Requests the site refuses before any view sees them, and answers it compresses."""

from urllib.parse import unquote

from django.http import HttpResponseBadRequest
from django.middleware.gzip import GZipMiddleware
from django.template.loader import render_to_string


def has_nul(request) -> bool:
    """Whether the address, once its percent-encoding is decoded, holds a NUL character.

    Decoded as ``request.GET`` decodes it (UTF-8, bad bytes replaced), so ``%00`` and a raw
    NUL count and an overlong ``%c0%80`` does not (it becomes U+FFFD, as in ``request.GET``).
    """
    return "\x00" in request.path_info or "\x00" in unquote(request.META.get("QUERY_STRING", ""))


class RejectNulMiddleware:
    """Answers 400 Bad Request to any request whose address holds a NUL character.

    PostgreSQL text cannot hold NUL: a query parameter that reaches a text lookup (a search
    filter's slug, an admin filter's value) made the database raise ``DataError`` and the site
    answer 500. No link of ours, and no browser typing an address, produces one, so refusing
    the whole request here protects every view, the admin's included, and every parameter
    added later, instead of cleaning each one in its view.

    It sits after the middleware that only add headers, so the 400 carries the same security
    headers as every page, and before anything that reads the request. The page cache in front
    of it stores only pages a view answered, which such a request now never reaches.

    POST bodies are not checked here: Django's form fields refuse NUL themselves, and the
    reading list's forms read only an id (``parse_id``) and a local address.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_nul(request):
            # Rendered without the request: no context processors, no database.
            return HttpResponseBadRequest(render_to_string("400.html"))
        return self.get_response(request)


# What is worth compressing: text. Fonts, images and PDFs are compressed already, and WhiteNoise
# sends its own compressed copies of the static files.
COMPRESSIBLE_TYPES = (
    "text/",
    "application/json",
    "application/manifest+json",
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "application/javascript",
)


class TextCompressionMiddleware(GZipMiddleware):
    """Django's gzip for the site's text: pages, feeds, JSON answers, the service worker. A
    phone on a slow connection gets a page about a fifth of its size (make audit measured what
    that is worth). Outermost, so that it compresses every answer; a stored public page comes
    compressed already from the page cache (articles/caching/pages.py) and is left alone.

    Django's own answer to BREACH stays: a random-length name in each gzip header, so that a
    page's length says nothing about a secret (a CSRF token) in it."""

    def process_response(self, request, response):
        if getattr(response, "encoded_by_page_cache", False):
            return response  # gzipped or not for this request, and varying on it, already
        content_type = response.get("Content-Type", "")
        if not content_type.startswith(COMPRESSIBLE_TYPES):
            return response
        return super().process_response(request, response)
