from datetime import datetime

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from articles.caching import holes
from articles.caching.store import versions

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
def fragment_version(article) -> str:
    """The version of an article's own fragments (its card, its page's head, text and
    metadata): new when the article changes, or anything that may show anywhere does, and
    not when another article is published. The time of the article's last save is in it
    too, where it was loaded, so that a preview of a draft, whose saves retire nothing, shows
    the draft as saved. (Cards defer it: they show published articles only, and asking for
    it would cost a query a card.)"""
    current = versions()
    saved = article.__dict__.get("updated_at")
    return f"{current.structure}.{current.article(article.pk)}.{saved.timestamp() if saved else 0}"


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


@register.simple_tag(takes_context=True)
def reading_list_button(context, article) -> str:
    """ "Læs senere" / "Tilføjet til læselisten" for one article: a plain POST form that
    works without JavaScript (static/js/reading-list.js makes it instant). It carries no
    per-visitor token, so the page stays the same for every visitor: the server checks the
    origin instead. On a public page it is a hole holding both states, filled for each
    reader (articles/caching/holes.py). Built in Python: it is on every card."""
    request = context.get("request")
    request_token = holes.token(request)
    if request_token:
        return mark_safe(
            holes.marker(request_token, "b", article.pk)
            + _button(context, article, on_list=False)
            + holes.marker(request_token, "o")
            + _button(context, article, on_list=True)
            + holes.marker(request_token, "e")
        )
    reading_list = context.get("reading_list")
    on_list = reading_list is not None and article.pk in reading_list.article_ids
    return _button(context, article, on_list=on_list)


@register.simple_tag(takes_context=True)
def reading_list_count(context) -> str:
    """The header's counter: the reader's saved articles the public can open."""
    request_token = holes.token(context.get("request"))
    if request_token:
        return mark_safe(holes.marker(request_token, "n"))
    reading_list = context.get("reading_list")
    return str(reading_list.count if reading_list is not None else 0)


@register.simple_tag(takes_context=True)
def hole(context, kind: str, article=None) -> str:
    """The bounds of the "Fik du læst disse?" band and its cards, which the page cache picks
    from for each reader: ``start``, ``card`` (an article), ``end card``, ``empty`` (what
    stands when no suggestion is left), ``end``."""
    request_token = holes.token(context.get("request"))
    if not request_token:
        return ""
    code = {"start": "s", "card": "c", "end card": "/c", "empty": "x", "end": "/s"}[kind]
    return mark_safe(holes.marker(request_token, code, article.pk if article else ""))


def _button(context, article, *, on_list: bool) -> str:
    urls = context["reading_list_urls"]
    return format_html(
        '<form class="reading-button" method="post" action="{}" data-reading-list-form '
        'data-article="{}"><input type="hidden" name="artikel" value="{}">'
        '<input type="hidden" name="naeste" value="{}">'
        '<button type="submit" class="reading-button__button" aria-pressed="{}">{}'
        '<span class="visually-hidden">: {}</span></button></form>',
        urls["remove"] if on_list else urls["add"],
        article.pk,
        article.pk,
        context["request"].get_full_path(),
        "true" if on_list else "false",
        "Tilføjet til læselisten" if on_list else "Læs senere",
        article.title,
    )


CARD_SIZES = "(min-width: 70rem) 22rem, (min-width: 40rem) 45vw, 100vw"


@register.simple_tag(takes_context=True)
def article_card(
    context,
    article,
    heading: str = "h3",
    hide_lead: bool = False,
    show_read_now: bool = False,
    first: bool = False,
) -> str:
    """An article card: thumbnail, section, date, title, lead and its reading-list button.
    ``heading``: the title's element (h2 in a list whose page has an h1 and nothing between);
    ``hide_lead``; ``show_read_now`` (a "Læs nu" link beside the button); ``first`` (the
    list's first card, above the fold on a phone: its picture is fetched at once).

    Built in Python, not an included template: a page shows up to 20 cards and a band of
    them is built again whenever it is retired; an included template cost 0.35 ms a card
    (and a cached one a round trip to the shared cache), this costs a tenth of that."""
    url = article.get_absolute_url()
    section = article.section
    card_picture = article.card_picture
    image = (
        format_html(
            '<div class="card__image">{}</div>',
            # The title beside it says what the card is about: the thumbnail is decorative.
            picture(card_picture, CARD_SIZES, "eager" if first else "lazy", decorative=True),
        )
        if card_picture
        else ""
    )
    heading = heading if heading in ("h2", "h3", "h4") else "h3"
    return format_html(
        '<article class="card">{}<div class="card__body">'
        '<p class="card__meta"><a href="{}">{}</a> · <time datetime="{}">{}</time>{}</p>'
        '<{} class="card__title"><a href="{}">{}</a></{}>{}'
        '<div class="card__actions">{}{}</div></div></article>',
        image,
        section.get_absolute_url(),
        section.name,
        iso_datetime(article.published_at),
        danish_date(article.published_at),
        # A corrected article says so wherever it is listed (corrections/).
        mark_safe(' <span class="card__corrected">Rettet</span>') if article.corrected_at else "",
        heading,
        url,
        article.title,
        heading,
        ""
        if hide_lead
        else format_html('<p class="card__lead">{}</p>', Truncator(article.lead).words(32)),
        format_html(
            '<a class="card__read-now" href="{}">'
            'Læs nu<span class="visually-hidden">: {}</span></a>',
            url,
            article.title,
        )
        if show_read_now
        else "",
        reading_list_button(context, article),
    )


@register.simple_tag
def picture(picture, sizes: str, loading: str = "lazy", decorative: bool = False) -> str:
    """One responsive image: WebP with a JPEG fallback, width and height set, lazy unless it
    is above the fold (``loading="eager"`` also asks for it first). ``loading="auto"`` leaves
    both to the browser: loaded at once, at normal priority, for the print view, where every
    image must be there when the reader prints. ``decorative=True`` gives an empty alt, for
    images whose neighbouring text says it all. Built in Python: it is on every card, and an
    included template costs several times as much."""
    if picture is None:
        return ""
    priority = mark_safe(
        {"eager": ' fetchpriority="high"', "auto": ""}.get(loading, ' loading="lazy"')
    )
    return format_html(
        '<picture><source type="image/webp" srcset="{}" sizes="{}">'
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}"{} decoding="async">'
        "</picture>",
        picture.srcset_webp,
        sizes,
        picture.src,
        picture.srcset_jpeg,
        sizes,
        picture.width,
        picture.height,
        "" if decorative else picture.alt,
        priority,
    )
