"""An article's content as an editor is shown it, and everything that differs between two.

A *snapshot* is the content of an article that readers see: its text, address, section,
picture with its alt text, caption and credit, goals, tags and byline. Snapshots come from
the live article (``snapshot_of``), from a change a journalist proposes
(``snapshot_with_change``) and from a saved version (``snapshot_of_version``).

``token_of`` fingerprints a snapshot: every control that makes text public carries the token
of what its page showed, and the workflow refuses to publish when the content's token has
moved on since (newsroom/workflow.py). ``compare`` lists what differs for the editor: every
difference a reader could see, so a review can never call a changed article "the same" (a
link whose target alone changed, a new picture, alt text, goals, tags, markup).
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from django.core.files.storage import default_storage
from django.utils.html import escape, format_html, strip_tags
from django.utils.safestring import SafeString, mark_safe

from articles.text import sanitize_html

# The text of an article, compared word by word.
TEXT_FIELDS = [
    ("title", "Titel"),
    ("slug", "Adresse (slug)"),
    ("lead", "Manchet"),
    ("body", "Brødtekst"),
    ("hero_alt", "Alternativ tekst"),
    ("hero_caption", "Billedtekst"),
    ("hero_credit", "Fotograf"),
]
# Relations, compared by the names readers see; the ids go into the token.
RELATION_FIELDS = [("section", "Sektion"), ("goals", "Almene mål"), ("tags", "Emner")]
BYLINE_LABEL = "Skribenter"
# What a saved version also holds that an editor may want to compare.
STATE_FIELDS = [("status", "Status"), ("published_at", "Udgivelsestidspunkt")]
BLOCK_END = re.compile(r"</(p|h2|h3|li|blockquote)>|<br\s*/?>", re.IGNORECASE)


@dataclass
class FieldChange:
    """One difference: ``diff`` is the new value with removed words in <del> and added words
    in <ins>. ``before``/``after`` show both sides whole where a word diff is not enough: the
    rendered body side by side, or the two pictures."""

    label: str
    diff: SafeString
    before: SafeString | None = None
    after: SafeString | None = None
    kind: str = "text"


# --- Snapshots ------------------------------------------------------------------------------


def snapshot_of(article, *, prefetched: bool = False) -> dict:
    """The content of ``article`` as readers see it: its fields as they stand in memory, its
    goals, tags and byline as the database holds them (or, for a list that prefetched
    ``goals``, ``tagged_items`` and ``bylines``, as they were fetched)."""
    snapshot = {name: getattr(article, name) or "" for name, _ in TEXT_FIELDS}
    snapshot["section"] = article.section_id
    snapshot["hero_image"] = article.hero_image.name if article.hero_image else ""
    if article.pk is None:
        snapshot.update(goals=[], tags=[], bylines=[])
    elif prefetched:
        snapshot["goals"] = sorted(goal.pk for goal in article.goals.all())
        snapshot["tags"] = sorted(item.tag_id for item in article.tagged_items.all())
        bylines = sorted(article.bylines.all(), key=lambda byline: (byline.position, byline.pk))
        snapshot["bylines"] = [byline.author_id for byline in bylines]
    else:
        # Asked of the database, never of a prefetched list that a form has saved over.
        from articles.models import Article, ArticleAuthor, TaggedArticle

        goals = Article.goals.through.objects.filter(article_id=article.pk)
        tags = TaggedArticle.objects.filter(content_object_id=article.pk)
        bylines = ArticleAuthor.objects.filter(article_id=article.pk).order_by("position", "pk")
        snapshot["goals"] = sorted(goals.values_list("goal_id", flat=True))
        snapshot["tags"] = sorted(tags.values_list("tag_id", flat=True))
        snapshot["bylines"] = list(bylines.values_list("author_id", flat=True))
    return snapshot


def snapshot_with_change(article, content: dict) -> dict:
    """The live article's snapshot with a pending change's content (``PendingChange.content``)
    put in: what readers would see once it is approved."""
    snapshot = snapshot_of(article)
    for name in [*(name for name, _ in TEXT_FIELDS), "section", "hero_image"]:
        if name in content:
            snapshot[name] = content[name] or ""
    if "goals" in content:
        snapshot["goals"] = sorted(int(pk) for pk in content["goals"])
    return snapshot


def snapshot_of_version(version) -> dict:
    """A saved version's content (django-reversion). Versions hold the article's own row and
    its goals; tags and byline are not part of them, so they are left out, not compared."""
    fields = version.field_dict
    snapshot = {name: fields.get(name) or "" for name, _ in TEXT_FIELDS}
    snapshot["section"] = fields.get("section_id")
    image = fields.get("hero_image")
    snapshot["hero_image"] = getattr(image, "name", image) or ""
    snapshot["goals"] = sorted(int(pk) for pk in fields.get("goals") or [])
    for name, _ in STATE_FIELDS:
        snapshot[name] = fields.get(name)
    return snapshot


def token_of(snapshot: dict) -> str:
    """A short fingerprint of a snapshot: equal tokens, equal content."""
    canonical = json.dumps(snapshot, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()[:24]


# --- Differences ------------------------------------------------------------------------------


def as_text(value) -> str:
    """Rich text as plain text with one line per block, so a diff reads like the article."""
    if value is None:
        return ""
    text = BLOCK_END.sub("\n", str(value))
    return strip_tags(text).strip()


def word_diff(old: str, new: str) -> SafeString:
    """``new`` with removed words in <del> and added words in <ins>; everything escaped. A word
    replaced by another is set apart from it by a space, as the two would otherwise read as
    one word ("stigerfalder"), on the screen and aloud."""
    old_words, new_words = re.split(r"(\s+)", old), re.split(r"(\s+)", new)
    parts = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for operation, a1, a2, b1, b2 in matcher.get_opcodes():
        if operation == "equal":
            parts.append(escape("".join(old_words[a1:a2])))
            continue
        removed, added = "".join(old_words[a1:a2]), "".join(new_words[b1:b2])
        if removed:
            parts.append(f"<del>{escape(removed)}</del>")
        if removed and added and not removed[-1].isspace() and not added[0].isspace():
            parts.append(" ")
        if added:
            parts.append(f"<ins>{escape(added)}</ins>")
    # Safe: every piece of text was escaped above.
    return mark_safe("".join(parts))


class _LinkCollector(HTMLParser):
    """The links of a piece of rich text, as "text → target" lines."""

    def __init__(self):
        super().__init__()
        self.links: list[list[str]] = []
        self._open: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._open = ["", dict(attrs).get("href") or ""]
            self.links.append(self._open)

    def handle_endtag(self, tag):
        if tag == "a":
            self._open = None

    def handle_data(self, data):
        if self._open is not None:
            self._open[0] += data


def links_of(html: str) -> str:
    collector = _LinkCollector()
    collector.feed(html or "")
    return "\n".join(f"{text.strip()} → {href}" for text, href in collector.links)


def body_changes(old: str, new: str) -> list[FieldChange]:
    """The body's text word by word with both versions rendered side by side, its links'
    targets, and, when neither shows the difference, its markup."""
    changes = []
    rendered_old, rendered_new = mark_safe(sanitize_html(old)), mark_safe(sanitize_html(new))
    if as_text(old) != as_text(new):
        changes.append(
            FieldChange(
                "Brødtekst",
                word_diff(as_text(old), as_text(new)),
                rendered_old,
                rendered_new,
                "body",
            )
        )
    if links_of(old) != links_of(new):
        changes.append(
            FieldChange(
                "Links i brødteksten", word_diff(links_of(old), links_of(new)), kind="links"
            )
        )
    if not changes:
        changes.append(
            FieldChange(
                "Opmærkning i brødteksten",
                word_diff(old, new),
                rendered_old,
                rendered_new,
                "body",
            )
        )
    return changes


def picture(name: str) -> SafeString:
    if not name:
        return mark_safe('<span class="version-diff__none">Intet billede</span>')
    return format_html(
        '<img src="{}" alt="" class="version-diff__picture" loading="lazy">',
        default_storage.url(name),
    )


def names_of(field: str, ids) -> dict[int, str]:
    """Names readers see for the ids of a relation."""
    from articles.models import Author, Section, Tag

    if field == "goals":
        from articles.models import Article

        model = Article.goals.field.related_model  # a lazy reference: no import of goals
    else:
        model = {"section": Section, "tags": Tag, "bylines": Author}[field]
    return {obj.pk: str(obj) for obj in model.objects.filter(pk__in=[i for i in ids if i])}


def compare(old: dict, new: dict) -> list[FieldChange]:
    """Everything that differs between two snapshots, in the order of the article form.
    Whatever differs is listed: when nothing is listed, the snapshots are equal."""
    changes: list[FieldChange] = []
    for name, label in TEXT_FIELDS:
        if name not in old or name not in new or old[name] == new[name]:
            continue
        if name == "body":
            changes += body_changes(old[name], new[name])
        else:
            changes.append(FieldChange(label, word_diff(str(old[name]), str(new[name]))))
    if (
        old.get("hero_image") != new.get("hero_image")
        and "hero_image" in old
        and "hero_image" in new
    ):
        changes.append(
            FieldChange(
                "Hovedbillede",
                mark_safe("<ins>Nyt billede</ins>" if new["hero_image"] else "<del>Fjernet</del>"),
                picture(old["hero_image"]),
                picture(new["hero_image"]),
                "picture",
            )
        )
    for name, label in [*RELATION_FIELDS, ("bylines", BYLINE_LABEL)]:
        if name not in old or name not in new or old[name] == new[name]:
            continue
        before = old[name] if isinstance(old[name], list) else [old[name]]
        after = new[name] if isinstance(new[name], list) else [new[name]]
        names = names_of(name, [*before, *after])
        changes.append(
            FieldChange(
                label,
                word_diff(
                    ", ".join(names.get(pk, "–") for pk in before),
                    ", ".join(names.get(pk, "–") for pk in after),
                ),
            )
        )
    for name, label in STATE_FIELDS:
        if name in old and name in new and old[name] != new[name]:
            changes.append(
                FieldChange(label, word_diff(str(old[name] or ""), str(new[name] or "")))
            )
    shared = old.keys() & new.keys()
    if not changes and any(old[name] != new[name] for name in shared):
        # Never silent: a difference this module does not know how to show is still shown.
        changes.append(FieldChange("Andet", mark_safe("<ins>Ændret</ins>")))
    return changes


def compare_versions(older, newer) -> list[FieldChange]:
    """What differs between two ``reversion.models.Version``s of an article."""
    return compare(snapshot_of_version(older), snapshot_of_version(newer))


def compare_with_live(article, content: dict) -> list[FieldChange]:
    """What a pending change (``PendingChange.content``) would change in the live
    ``article``."""
    return compare(snapshot_of(article), snapshot_with_change(article, content))
