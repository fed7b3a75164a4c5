"""The address of an object by its slug, worked out once per process.

``reverse()`` walks the URL patterns on every call (about 50 µs here), and a page asks for
dozens of addresses: every card links its article and its section, the navigation every
section. An address depends only on the view, the slug, the script prefix and the URL conf,
so it is kept under those."""

from functools import lru_cache

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse


def slug_url(viewname: str, slug: str) -> str:
    return _slug_url(viewname, slug, get_script_prefix(), get_urlconf())


@lru_cache(maxsize=20_000)
def _slug_url(viewname: str, slug: str, prefix: str, urlconf) -> str:
    return reverse(viewname, kwargs={"slug": slug}, urlconf=urlconf)


@receiver(setting_changed)
def _forget_on_new_urlconf(*, setting, **kwargs):
    if setting == "ROOT_URLCONF":
        _slug_url.cache_clear()
