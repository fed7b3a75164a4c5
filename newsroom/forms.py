"""The admin's form widgets: the Danish rich-text editor and the picture chooser."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django_prose_editor.fields import ProseEditorFormField
from django_prose_editor.widgets import AdminProseEditorWidget

from articles.text import BODY_EDITOR_EXTENSIONS, sanitize_html


class DanishProseEditorWidget(AdminProseEditorWidget):
    """The editor in Danish. The editor reads ``window.gettext`` when its modules run; the
    catalogue (articles/locale/da) is a classic script, so it has run by then, wherever it
    stands in the page. static/js/admin-editor.js, a classic script in the <head> too, hears
    each editor as it is made and puts its toolbar's labels through that catalogue."""

    @property
    def media(self):
        # Its Danish comes with the admin's own catalogue (almene/admin.py), loaded in every
        # admin page's <head> before any module runs.
        return super().media + forms.Media(js=["js/admin-editor.js"])


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


class PictureInput(forms.ClearableFileInput):
    """A picture field that shows its current picture, not its file name: a thumbnail from
    the picture's renditions (``picture``, the name of a ``Picture`` property of the model,
    e.g. ``Article.hero_picture``), linking to the original, then the file chooser and the
    box that removes the picture. Plain HTML: it needs no JavaScript."""

    def __init__(self, picture: str, attrs=None):
        super().__init__(attrs)
        self.picture = picture

    def thumbnail_url(self, value) -> str:
        picture = getattr(getattr(value, "instance", None), self.picture, None)
        # The smallest rendition (480 px wide); a picture whose renditions are not made yet
        # shows its original, scaled down by the stylesheet.
        return picture.phone_webp if picture is not None else value.url

    def render(self, name, value, attrs=None, renderer=None):
        context = self.get_context(name, value, attrs)
        widget = context["widget"]
        file_input = format_html(
            '<input type="file" name="{}"{}>', widget["name"], flatatt(widget["attrs"])
        )
        if not widget["is_initial"]:
            return format_html('<div class="picture-input">{}</div>', file_input)
        clear = ""
        if not widget["required"]:
            clear = format_html(
                '<label class="picture-input__clear"><input type="checkbox" name="{}" id="{}"{}>'
                " Fjern billedet</label>",
                widget["checkbox_name"],
                widget["checkbox_id"],
                " disabled" if widget["attrs"].get("disabled") else "",
            )
        return format_html(
            '<div class="picture-input picture-input--current">'
            '<a class="picture-input__current" href="{}" target="_blank" rel="noopener">'
            '<img class="picture-input__thumbnail" src="{}" alt="Nuværende billede (åbner i fuld'
            ' størrelse)" loading="lazy"></a>'
            '<div class="picture-input__controls">{}'
            '<span class="picture-input__change">Skift billede:</span> {}</div></div>',
            value.url,
            self.thumbnail_url(value),
            clear,
            file_input,
        )
