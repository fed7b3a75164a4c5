from datetime import datetime

from django import template
from django.utils import timezone

from articles.templatetags.article_tags import DANISH_MONTHS
from newsroom import bundles
from newsroom.people import display_name

register = template.Library()


@register.filter
def person(user, unknown: str = "ukendt") -> str:
    """``{{ event.actor|person }}``: the user's name (newsroom.people.display_name)."""
    return display_name(user, unknown)


@register.filter
def short_date(value: datetime | None) -> str:
    """``7. dec. 2026`` in Danish local time, for the newsroom's lists. Django's "M" says
    "Dec" (it capitalises the month) and "b." says "maj." (May is never shortened): the
    months are the site's (Dansk Sprognævn's abbreviations)."""
    if not value:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{local.day}. {DANISH_MONTHS[local.month - 1]} {local.year}"


@register.filter
def short_datetime(value: datetime | None) -> str:
    """``7. dec. 2026 kl. 16:28`` in Danish local time."""
    if not value:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{short_date(local)} kl. {local:%H:%M}"


@register.simple_tag
def stylesheet_bundle(media) -> str:
    """The address of the page's stylesheets joined in one (newsroom/bundles.py)."""
    return bundles.stylesheet_url(media)


@register.simple_tag
def script_bundles(media, *deferred) -> str:
    """The page's scripts: its classic ones joined in one, its modules as they are, and
    ``deferred`` joined in one, deferred (newsroom/bundles.py)."""
    return bundles.scripts_html(media, [name for name in deferred if name])
