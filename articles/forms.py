from django_prose_editor.fields import ProseEditorFormField
from django_prose_editor.widgets import AdminProseEditorWidget

from .text import BODY_EDITOR_EXTENSIONS, sanitize_html


def rich_text_field(label: str) -> ProseEditorFormField:
    """The admin's rich-text editor, offering what the site renders and storing what the
    sanitizer keeps (article bodies, goal descriptions)."""
    return ProseEditorFormField(
        label=label,
        required=False,
        config={"extensions": BODY_EDITOR_EXTENSIONS},
        sanitize=sanitize_html,
        widget=AdminProseEditorWidget,
    )
