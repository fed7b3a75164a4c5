"""An article's body as the paragraphs a quote check chooses from, and where a chosen paragraph
stands now.

The body is sanitized HTML (articles/fields.py). Its *paragraphs* are its top-level blocks: a
paragraph, a sub-heading, a quote (with its attribution), a whole list; text standing loose at
the top level between them is a block of its own. They are found with a real HTML parser (the
standard library's, as newsroom/versions.py reads links), never with patterns, and written out
again from what the parser saw, so the same block always gives the same HTML.

Each block has a *fingerprint*: a hash of that HTML. A check keeps, for each paragraph the
journalist ticked, its position and fingerprint (and its HTML, for the newsroom's view of what
changed). ``locate`` finds them in the body as it is now: at the same position, or moved (the
same fingerprint elsewhere); a paragraph whose fingerprint is nowhere in the body has changed
or gone, and is reported as such, never replaced by whatever stands in its place now (that
could be someone else's quote).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

from articles.text import sanitize_html

# Elements that have no end tag (of those the sanitizer lets through, only <br>).
VOID = frozenset({"br", "hr", "img", "wbr"})
# Top-level elements that are blocks of their own; anything else at the top level is loose
# text, gathered with its neighbours into one block.
BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "div"})
KINDS = {
    "p": "Afsnit",
    "h2": "Mellemrubrik",
    "h3": "Mellemrubrik",
    "blockquote": "Citat",
    "ul": "Liste",
    "ol": "Liste",
}


@dataclass(frozen=True)
class Paragraph:
    """One top-level block of a body: where it stands (0 first), its tag, its HTML."""

    position: int
    tag: str
    html: str

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.html)

    @property
    def kind(self) -> str:
        """What it is, in Danish, for the newsroom's list of paragraphs."""
        return KINDS.get(self.tag, "Tekst")

    @property
    def text(self) -> str:
        return text_of(self.html)


def fingerprint(html: str) -> str:
    return hashlib.sha256(html.encode()).hexdigest()[:32]


class _Splitter(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, list[str]]] = []  # (tag, pieces of HTML)
        self.depth = 0
        self.loose = False  # the current block is loose text at the top level

    def _piece(self, html: str, *, tag: str | None = None):
        if self.depth == 0 and (tag in BLOCKS or not self.loose):
            self.blocks.append((tag if tag in BLOCKS else "", []))
            self.loose = tag not in BLOCKS
        self.blocks[-1][1].append(html)

    def handle_starttag(self, tag, attrs):
        attributes = "".join(
            f' {name}="{escape(value or "", quote=True)}"' for name, value in attrs
        )
        self._piece(f"<{tag}{attributes}>", tag=tag)
        if tag not in VOID:
            self.depth += 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in VOID or self.depth == 0:
            return  # a stray end tag (the sanitizer leaves none)
        self.depth -= 1
        self.blocks[-1][1].append(f"</{tag}>")
        if self.depth == 0 and tag in BLOCKS:
            self.loose = False

    def handle_data(self, data):
        if self.depth == 0 and not self.loose and not data.strip():
            return  # white space between blocks
        self._piece(escape(data, quote=False))


def split(body: str) -> list[Paragraph]:
    """The top-level blocks of ``body`` (sanitized again first, so what is split is what
    readers would see), in order."""
    splitter = _Splitter()
    splitter.feed(sanitize_html(body or ""))
    splitter.close()
    paragraphs = []
    for tag, pieces in splitter.blocks:
        html = "".join(pieces).strip()
        if html:
            paragraphs.append(Paragraph(len(paragraphs), tag, html))
    return paragraphs


class _Text(HTMLParser):
    BREAKS = frozenset({"p", "li", "h2", "h3", "blockquote", "br"})

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.BREAKS:
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


def text_of(html: str) -> str:
    """A block's words, a line for each paragraph or list item in it."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


@dataclass(frozen=True)
class Located:
    """A chosen paragraph looked for in the body now: ``paragraph`` where it stands (None:
    changed or gone), and the paragraph as it was chosen (``chosen``: position, fingerprint,
    html)."""

    chosen: dict
    paragraph: Paragraph | None

    @property
    def found(self) -> bool:
        return self.paragraph is not None

    @property
    def moved(self) -> bool:
        return self.found and self.paragraph.position != self.chosen["position"]


def locate(chosen: list[dict], paragraphs: list[Paragraph]) -> list[Located]:
    """Each of ``chosen`` ({"position", "fingerprint", …}) in ``paragraphs`` (the body now):
    where its position still holds it, there; else the first block elsewhere with its
    fingerprint that no other chosen paragraph took; else None. In the order of the
    ``chosen`` list."""
    taken: set[int] = set()
    results: dict[int, Paragraph | None] = {}
    # Paragraphs still where they were first, so that a moved one cannot take their place.
    for index, item in enumerate(chosen):
        position = item.get("position")
        if (
            isinstance(position, int)
            and 0 <= position < len(paragraphs)
            and paragraphs[position].fingerprint == item.get("fingerprint")
        ):
            results[index] = paragraphs[position]
            taken.add(position)
    for index, item in enumerate(chosen):
        if index in results:
            continue
        results[index] = next(
            (
                paragraph
                for paragraph in paragraphs
                if paragraph.position not in taken
                and paragraph.fingerprint == item.get("fingerprint")
            ),
            None,
        )
        if results[index] is not None:
            taken.add(results[index].position)
    return [Located(item, results[index]) for index, item in enumerate(chosen)]


def shown_token(located: list[Located]) -> str:
    """The fingerprint of what a source's page shows (each chosen paragraph found, or not):
    their answer binds to it, so an answer never approves text the page did not show."""
    shown = [item.paragraph.fingerprint if item.found else "-" for item in located]
    return hashlib.sha256("|".join(shown).encode()).hexdigest()[:24]


def chosen_record(paragraph: Paragraph) -> dict:
    """What a check keeps of a paragraph it was given."""
    return {
        "position": paragraph.position,
        "fingerprint": paragraph.fingerprint,
        "html": paragraph.html,
    }
