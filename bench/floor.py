"""The floor for `make bench`: a bare Django view returning a fixed page from memory.

Served by the same gunicorn, with the same number of workers, it shows what the machine can
do at best; each page of the site is compared with it. Run as
``DJANGO_SETTINGS_MODULE=bench.floor gunicorn bench.floor:application``.
"""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="floor-only-not-a-secret-" + "x" * 40,
        ALLOWED_HOSTS=["*"],
        ROOT_URLCONF=__name__,
        MIDDLEWARE=[],
        INSTALLED_APPS=[],
        USE_TZ=True,
    )

PAGE = (b"<!doctype html><html lang=da><title>floor</title><body>" + b"x" * 1_000_000)[
    : int(os.environ.get("FLOOR_BYTES", "30000"))
]


def floor(request):
    return HttpResponse(PAGE, content_type="text/html; charset=utf-8")


urlpatterns = [path("", floor)]

application = get_wsgi_application()
