from django import forms
from django.urls import reverse
from django_prose_editor.fields import ProseEditorFormField
from django_prose_editor.widgets import AdminProseEditorWidget

from articles.text import BODY_EDITOR_EXTENSIONS, sanitize_html


class DanishProseEditorWidget(AdminProseEditorWidget):
    """The editor with its dialogs in Danish. The editor reads ``window.gettext`` when its
    modules run; the catalogue (articles/locale/da) is a classic script, so it has run by
    then, wherever it stands in the page."""

    @property
    def media(self):
        return super().media + forms.Media(js=[reverse("editor-jsi18n")])


def rich_text_field(label: str) -> ProseEditorFormField:
    """The admin's rich-text editor, offering what the site renders and storing what the
    sanitizer keeps (article bodies, goal descriptions)."""
    return ProseEditorFormField(
        label=label,
        required=False,
        config={"extensions": BODY_EDITOR_EXTENSIONS},
        sanitize=sanitize_html,
        widget=DanishProseEditorWidget,
    )
