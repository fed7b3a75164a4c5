"""Danish-aware slugs and the HTML sanitizer for rich text."""

import nh3
from django.utils.text import slugify

# Reading speed for a reading time ("ca. 2 min. at læse"): an adult reading Danish news
# prose on a screen. The article form shows it under the body; a page showing a reading time
# must use the same figure, so the newsroom and the readers see one number.
WORDS_PER_MINUTE = 200

# Django's slugify drops æ, ø and å; Danish URLs spell them out instead (Læseliste → laeseliste).
DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def danish_slugify(value: str, max_length: int = 200) -> str:
    slug = slugify(str(value).translate(DANISH_LETTERS))[:max_length].strip("-")
    return slug


def unique_slug(queryset, value: str, max_length: int = 200, exclude_pk=None) -> str:
    """A slug from ``value`` that no row of ``queryset`` has yet: ``title``, ``title-2``, …"""
    base = danish_slugify(value, max_length) or "artikel"
    taken_queryset = queryset.filter(slug__startswith=base)
    if exclude_pk is not None:
        taken_queryset = taken_queryset.exclude(pk=exclude_pk)
    taken = set(taken_queryset.values_list("slug", flat=True))
    if base not in taken:
        return base
    number = 2
    while True:
        suffix = f"-{number}"
        candidate = f"{base[: max_length - len(suffix)]}{suffix}"
        if candidate not in taken:
            return candidate
        number += 1


# What journalists can write, and so what the site renders: paragraphs, sub-headings, bold,
# italic, links, lists and quotes. A quote may be a pull quote ("Fremhævet citat") and may end
# in an attribution paragraph ("Kildeangivelse"):
#   <blockquote class="pull-quote"><p>…</p><p class="attribution">Navn, titel</p></blockquote>
# The editor (django-prose-editor) offers exactly these features, and the sanitizer's rules are
# derived from the same configuration, so that the two can never disagree.
BODY_EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
    "NodeClass": {
        "cssClasses": {
            "blockquote": {
                "title": "Citat",
                "cssClasses": [{"className": "pull-quote", "title": "Fremhævet citat"}],
            },
            "paragraph": {
                "title": "Afsnit",
                "cssClasses": [{"className": "attribution", "title": "Kildeangivelse"}],
            },
        }
    },
}

# Node types of the editor and the tags they become.
_NODE_TAGS = {"blockquote": "blockquote", "paragraph": "p"}


def _sanitizer_rules(extensions: dict) -> dict:
    """nh3 arguments for what ``extensions`` can produce, with two tightenings: class values
    only from the configured list (not any class), and links always get our ``rel``."""
    from django_prose_editor.config import allowlist_from_extensions

    rules = allowlist_from_extensions(extensions)
    attributes = {tag: set(names) for tag, names in rules["attributes"].items()}
    allowed_classes = {}
    for node_type, config in extensions.get("NodeClass", {}).get("cssClasses", {}).items():
        tag = _NODE_TAGS[node_type]
        classes = config["cssClasses"] if isinstance(config, dict) else config
        allowed_classes[tag] = {c["className"] if isinstance(c, dict) else c for c in classes}
    for names in attributes.values():
        names.discard("class")
    attributes["a"] = (attributes.get("a", set()) - {"rel", "target"}) | {"href", "title"}
    return {
        "tags": set(rules["tags"]),
        "attributes": {tag: names for tag, names in attributes.items() if names},
        "allowed_classes": allowed_classes,
        "url_schemes": set(rules.get("url_schemes") or {"http", "https", "mailto"}),
    }


BODY_RULES = _sanitizer_rules(BODY_EDITOR_EXTENSIONS)


def drop_empty_attribute(tag: str, attribute: str, value: str) -> str | None:
    """The editor's link dialog leaves ``title=""`` when no title is given: drop it."""
    return value if value.strip() else None


def sanitize_html(html: str) -> str:
    """Keep only the markup the editor can produce; scripts, styles, event handlers and
    ``javascript:`` links never survive."""
    if not html:
        return ""
    return nh3.clean(
        html,
        **BODY_RULES,
        attribute_filter=drop_empty_attribute,
        clean_content_tags={"script", "style"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()
