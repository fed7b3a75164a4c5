from datetime import datetime

from django import template
from django.utils import timezone

register = template.Library()

# Danish month abbreviations as Dansk Sprognævn writes them: "maj" is never shortened.
DANISH_MONTHS = (
    "jan.",
    "feb.",
    "mar.",
    "apr.",
    "maj",
    "jun.",
    "jul.",
    "aug.",
    "sep.",
    "okt.",
    "nov.",
    "dec.",
)


@register.filter
def danish_date(value: datetime | None) -> str:
    """``07. feb. 2024`` in Danish local time."""
    if not value:
        return ""
    local = timezone.localtime(value)
    return f"{local.day:02d}. {DANISH_MONTHS[local.month - 1]} {local.year}"


@register.filter
def danish_datetime(value: datetime | None) -> str:
    """``07. feb. 2024 kl. 16:12`` in Danish local time (summer or winter time alike)."""
    if not value:
        return ""
    local = timezone.localtime(value)
    return f"{danish_date(value)} kl. {local:%H:%M}"


@register.filter
def iso_datetime(value: datetime | None) -> str:
    """``2024-02-07T16:12:00+01:00``: the machine-readable value for ``<time datetime>``."""
    if not value:
        return ""
    return timezone.localtime(value).isoformat(timespec="seconds")


@register.filter
def highlight_snippet(snippet: str) -> str:
    """A search snippet as safe HTML with the matching words in <mark>."""
    from articles.search import highlighted

    return highlighted(snippet)
