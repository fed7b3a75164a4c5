from django.db import models

from .text import sanitize_html


class SanitizedHTMLField(models.TextField):
    """Rich-text HTML that is sanitized on its way into the database.

    Sanitizing in the field, not in a form, covers every path that stores a value: model
    forms and the admin, ``save()`` from a shell or an import, ``bulk_create()`` and
    ``QuerySet.update()`` (the last two never call ``save()`` but do call ``get_prep_value``).
    """

    description = "Sanitized rich-text HTML"

    def pre_save(self, model_instance, add):
        # Also clean the attribute, so the saved instance holds what the database holds.
        value = sanitize_html(getattr(model_instance, self.attname) or "")
        setattr(model_instance, self.attname, value)
        return value

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None:
            return value
        return sanitize_html(value)
