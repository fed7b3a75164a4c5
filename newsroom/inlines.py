"""Admin inlines that say "Tilføj et emne" as Danish does."""

import json
from functools import partial


class DanishInlines:
    """Django writes "Tilføj endnu en Emne" under each inline: its Danish has one article
    ("en") for every noun, and the noun capitalised. Each inline of a ModelAdmin with this
    mixin may say its own (``add_another = "Tilføj et emne"``)."""

    def get_inline_formsets(self, request, formsets, inline_instances, obj=None):
        inline_admin_formsets = super().get_inline_formsets(
            request, formsets, inline_instances, obj
        )
        for inline_admin_formset in inline_admin_formsets:
            text = getattr(inline_admin_formset.opts, "add_another", None)
            if text:
                data = json.loads(inline_admin_formset.inline_formset_data())
                data["options"]["addText"] = text
                inline_admin_formset.inline_formset_data = partial(json.dumps, data)
        return inline_admin_formsets
