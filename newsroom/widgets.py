"""Admin widgets whose parts are labelled for a screen reader.

Django's admin shows a date and time as two inputs after the words "Dato:" and "Tid:", plain
text with no <label>: the field's own label is a <legend> over both, so neither input has a
name of its own (axe: "label", critical). Here the words are the inputs' labels.
"""

from django.contrib.admin.widgets import AdminSplitDateTime


class LabelledSplitDateTime(AdminSplitDateTime):
    # In the app's templates: forms are rendered by Django's form renderer, which looks in
    # the apps' template folders and not in the project's templates/.
    template_name = "newsroom/widgets/split_datetime.html"
