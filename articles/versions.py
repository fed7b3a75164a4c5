"""What changed between two saved versions of an article (django-reversion), word by word."""

import difflib
import re
from dataclasses import dataclass

from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

COMPARED_FIELDS = [
    ("title", "Titel"),
    ("lead", "Manchet"),
    ("body", "Brødtekst"),
    ("hero_alt", "Alternativ tekst"),
    ("hero_caption", "Billedtekst"),
    ("hero_credit", "Fotograf"),
    ("status", "Status"),
    ("published_at", "Udgivelsestidspunkt"),
]
BLOCK_END = re.compile(r"</(p|h2|h3|li|blockquote)>|<br\s*/?>", re.IGNORECASE)


@dataclass
class FieldChange:
    label: str
    diff: SafeString


def as_text(value) -> str:
    """Rich text as plain text with one line per block, so a diff reads like the article."""
    if value is None:
        return ""
    text = BLOCK_END.sub("\n", str(value))
    return strip_tags(text).strip()


def word_diff(old: str, new: str) -> SafeString:
    """``new`` with removed words in <del> and added words in <ins>; everything escaped."""
    old_words, new_words = re.split(r"(\s+)", old), re.split(r"(\s+)", new)
    parts = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for operation, a1, a2, b1, b2 in matcher.get_opcodes():
        if operation == "equal":
            parts.append(escape("".join(old_words[a1:a2])))
            continue
        if operation in ("delete", "replace"):
            parts.append(f"<del>{escape(''.join(old_words[a1:a2]))}</del>")
        if operation in ("insert", "replace"):
            parts.append(f"<ins>{escape(''.join(new_words[b1:b2]))}</ins>")
    # Safe: every piece of text was escaped above.
    return mark_safe("".join(parts))


def compare_versions(older, newer) -> list[FieldChange]:
    """The fields that differ between two ``reversion.models.Version``s of an article."""
    old_fields, new_fields = older.field_dict, newer.field_dict
    changes = []
    for name, label in COMPARED_FIELDS:
        old, new = as_text(old_fields.get(name)), as_text(new_fields.get(name))
        if old != new:
            changes.append(FieldChange(label, word_diff(old, new)))
    return changes


# What a pending change may change, as the page compares it with the live article.
PENDING_COMPARED = [*COMPARED_FIELDS[:6], ("slug", "Adresse (slug)")]


def compare_with_live(article, content: dict) -> list[FieldChange]:
    """The fields a pending change (``PendingChange.content``) would change in the live
    ``article``, word by word; section, goals and picture by name."""
    changes = []
    for name, label in PENDING_COMPARED:
        if name not in content:
            continue
        old, new = as_text(getattr(article, name)), as_text(content[name])
        if old != new:
            changes.append(FieldChange(label, word_diff(old, new)))
    if content.get("section") not in (None, article.section_id):
        from .models import Section

        names = dict(
            Section.objects.filter(pk__in=[article.section_id, content["section"]]).values_list(
                "pk", "name"
            )
        )
        old, new = names.get(article.section_id, ""), names.get(content["section"], "")
        changes.append(FieldChange("Sektion", word_diff(old, new)))
    if "goals" in content:
        live_goals = {goal.pk: str(goal) for goal in article.goals.all()}
        proposed = set(content["goals"])
        if proposed != set(live_goals):
            goals = type(article).goals.field.related_model.objects.filter(pk__in=proposed)
            old = ", ".join(sorted(live_goals.values()))
            new = ", ".join(sorted(str(goal) for goal in goals))
            changes.append(FieldChange("Almene mål", word_diff(old, new)))
    if content.get("hero_image", article.hero_image.name) != article.hero_image.name:
        changes.append(FieldChange("Hovedbillede", mark_safe("<ins>Nyt billede</ins>")))
    return changes
