"""A form as a page rendered it, turned into the data a browser would send: so a test can
post back exactly what a user was shown (hidden fields included), not what the test thinks
the page holds."""

from __future__ import annotations

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, wanted):
        super().__init__(convert_charrefs=True)
        self.wanted = wanted
        self.depth = 0  # inside the wanted form while > 0
        self.fields: list[tuple[str, str]] = []
        self._textarea: list | None = None
        self._select: tuple[str, bool] | None = None
        self._option: list | None = None
        self._options: list[tuple[str, bool]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            if self.depth or self.wanted(attrs):
                self.depth += 1
            return
        if not self.depth:
            return
        name = attrs.get("name")
        if tag == "input" and name and "disabled" not in attrs:
            kind = (attrs.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.fields.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select, self._options = (name, "multiple" in attrs), []
        elif tag == "option" and self._select is not None:
            self._option = [attrs.get("value"), "", "selected" in attrs]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data
        if self._option is not None:
            self._option[1] += data

    def handle_endtag(self, tag):
        if tag == "form" and self.depth:
            self.depth -= 1
        elif tag == "textarea" and self._textarea is not None:
            # A browser drops the one newline that follows <textarea>.
            self.fields.append((self._textarea[0], self._textarea[1].removeprefix("\n")))
            self._textarea = None
        elif tag == "option" and self._option is not None:
            value, text, selected = self._option
            self._options.append((text if value is None else value, selected))
            self._option = None
        elif tag == "select" and self._select is not None:
            name, multiple = self._select
            chosen = [value for value, selected in self._options if selected]
            if not chosen and not multiple and self._options:
                chosen = [self._options[0][0]]
            self.fields += [(name, value) for value in chosen]
            self._select = None


def form_data(page: str, *, form_id: str | None = None, form_class: str | None = None) -> dict:
    """The fields of the form with ``form_id`` (or the first with ``form_class`` among its
    classes) in ``page``, as ``{name: [values]}`` for the test client's ``post``."""

    def wanted(attrs):
        if form_id is not None:
            return attrs.get("id") == form_id
        return form_class in (attrs.get("class") or "").split()

    reader = _FormReader(wanted)
    reader.feed(page)
    data: dict[str, list[str]] = {}
    for name, value in reader.fields:
        data.setdefault(name, []).append(value)
    assert data, f"no form {form_id or form_class} on the page"
    return data
