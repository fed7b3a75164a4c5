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
