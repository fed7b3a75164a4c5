"""Holes in a public page for what is personal, so that the page itself is shared.

A public page is rendered the same for every reader. Where a reader's own state shows, the
template tags (articles/templatetags/article_tags.py) write a marker instead: the header's
counter, each "Læs senere" button (both of its states, ready), and the "Fik du læst disse?"
band (every candidate card, to leave out what is on the reader's list). ``take`` turns the
rendered page into a ``Page``: its parts and holes, with no reader in it. ``Page.fill`` puts
a reader's state in; ``fill(None)`` gives the page a visitor without a list sees.

The markers carry a token derived from the site's secret key, so no text in an article can
pass for one, and the same for every request and process, so that rendered fragments holding
holes can be kept and shared like any other. They are only written for requests a public page
marked (``open_for``); every other page (the reading list itself) renders the reader's state
as is.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
from dataclasses import dataclass
from functools import cache

from django.conf import settings

logger = logging.getLogger("articles.caching")

START, END = "\ue000", "\ue001"
ATTRIBUTE = "page_holes"
# How many suggestions the band shows, of the candidates it carries.
SUGGESTIONS_SHOWN = 4


@cache
def site_token() -> str:
    return hmac.new(settings.SECRET_KEY.encode(), b"page-holes", hashlib.sha256).hexdigest()[:16]


def open_for(request) -> None:
    """Have the templates leave holes in this request's page (public_page does)."""
    setattr(request, ATTRIBUTE, site_token())


def token(request) -> str | None:
    """The request's marker token, when its page is to have holes."""
    return getattr(request, ATTRIBUTE, None) if request is not None else None


def marker(request_token: str, kind: str, argument: object = "") -> str:
    return f"{START}{request_token}{kind}{argument}{END}"


# --- The parts of a page ------------------------------------------------------------------------


@dataclass(frozen=True)
class Count:
    """The header's reading-list counter."""

    def text(self, state) -> str:
        return str(state.count) if state is not None else "0"


@dataclass(frozen=True)
class Button:
    """A "Læs senere" button, in both its states."""

    article: int
    off: str
    on: str

    def text(self, state) -> str:
        return self.on if state is not None and self.article in state.ids else self.off


@dataclass(frozen=True)
class Suggestions:
    """ "Fik du læst disse?": the first few candidates not on the reader's list, or, when
    none is left, the band's empty form."""

    head: str
    cards: tuple[tuple[int, str], ...]
    tail: str
    empty: str

    def text(self, state) -> str:
        ids = state.ids if state is not None else frozenset()
        shown = [card for article, card in self.cards if article not in ids][:SUGGESTIONS_SHOWN]
        return f"{self.head}{''.join(shown)}{self.tail}" if shown else self.empty


COUNT = Count()


@dataclass(frozen=True)
class Page:
    """A rendered page in parts: text, and holes filled per reader."""

    parts: tuple

    def fill(self, state) -> bytes:
        """The page for ``state`` (a readers.ReaderState), or for a visitor without a
        list (None)."""
        return "".join(
            part if part.__class__ is str else part.text(state) for part in self.parts
        ).encode()


# --- From a rendered page to its parts ---------------------------------------------------------


def take(request, response) -> Page | None:
    """The parts and holes of ``response``'s page, if it was rendered with holes; None for
    any other response (not HTML, or a page without holes)."""
    request_token = token(request)
    if (
        not request_token
        or response.streaming
        or not response.get("Content-Type", "").startswith("text/html")
    ):
        return None
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    text = response.content.decode(response.charset or "utf-8")
    if START + request_token not in text:
        return None
    try:
        return parse(text, request_token)
    except (ValueError, IndexError) as error:
        # A template mistake: send the page without its holes rather than fail the reader.
        logger.error("The holes of %s could not be read: %s", request.path, error)
        return Page((re.sub(f"{START}{request_token}[^{END}]*{END}", "", text),))


def parse(text: str, request_token: str) -> Page:
    pieces = re.split(f"{START}{request_token}([a-z/]+)(\\d*){END}", text)
    parts: list = [pieces[0]]
    target = parts
    button = None
    band: dict | None = None
    card: tuple[int, list] | None = None
    between: list = []
    for index in range(1, len(pieces), 3):
        kind, argument, after = pieces[index], pieces[index + 1], pieces[index + 2]
        match kind:
            case "n":
                target.append(COUNT)
            case "b":
                button = [int(argument), after]
                continue  # the text after it is the button "off"
            case "o":
                button.append(after)
                continue  # … and this is the button "on"
            case "e":
                target.append(Button(*button))
                button = None
            case "s":
                band = {"head": [], "cards": []}
                target = band["head"]
            case "c":
                card = (int(argument), [])
                target = card[1]
            case "/c":
                band["cards"].append((card[0], flat(card[1])))
                card, between = None, []
                target = between  # what stands between cards is left out
            case "x":
                band["tail"] = flat(between)
                band["empty"] = []
                target = band["empty"]
            case "/s":
                parts.append(
                    Suggestions(
                        head=flat(band["head"]),
                        cards=tuple(band["cards"]),
                        tail=band["tail"],
                        empty=flat(band["empty"]),
                    )
                )
                band, target = None, parts
            case _:
                raise ValueError(f"unknown hole {kind!r}")
        target.append(after)
    if button is not None or band is not None or card is not None:
        raise ValueError("a hole was left open")
    return Page(tuple(merge(parts)))


def flat(parts: list) -> str:
    """Parts inside a suggestion card, as text: a suggestion is never on the reader's list
    (that is why it is suggested), so its button is always "off"."""
    return "".join(part if isinstance(part, str) else part.text(None) for part in parts)


def merge(parts: list):
    """Neighbouring texts as one, so that filling joins as few pieces as possible."""
    text = []
    for part in parts:
        if isinstance(part, str):
            text.append(part)
            continue
        if text:
            yield "".join(text)
            text = []
        yield part
    if text:
        yield "".join(text)
