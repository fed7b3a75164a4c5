/* Names for the admin's controls that have none of their own, tied to the label one sees.

   The admin's autocomplete boxes (select2: section, goals, byline, tags, related articles)
   build their own elements beside the hidden <select>: a combobox, the text of the choice
   and, for several choices, a search field. None of them is named by the field's <label>,
   so a screen reader says "combobox" and nothing more. And in a table of inline rows (byline,
   tags) the column heading is the only label: the row's inputs are not tied to it.

   Each such element gets aria-labelledby pointing at the visible label (the field's <label>,
   or its column heading, which is given an id for it). Runs when the page is ready (after
   Django's autocomplete.js has built the boxes: jQuery's ready handlers run in order), for
   each inline row added later (Django's "formset:added"), and for the search field of a
   dropdown when it opens. Pages without the admin's jQuery have nothing to do. */
"use strict";
(function () {
  function idFor(element, suggestion) {
    if (!element.id) element.id = suggestion;
    return element.id;
  }

  // The visible label of a form control: its <label for>, or the heading of its column in a
  // tabular inline (Django's <th class="column-NAME"> over <td class="field-NAME">).
  function labelOf(control) {
    if (control.id) {
      const label = document.querySelector('label[for="' + CSS.escape(control.id) + '"]');
      if (label) return label;
    }
    const cell = control.closest("td");
    const table = control.closest("table");
    if (!cell || !table) return null;
    const field = Array.from(cell.classList).find((name) => name.startsWith("field-"));
    if (!field) return cell.classList.contains("delete") ? heading(table, "th.delete, th:last-child") : null;
    return heading(table, "thead th.column-" + CSS.escape(field.slice("field-".length)));
  }

  function heading(table, selector) {
    const th = table.querySelector(selector);
    return th && th.textContent.trim() ? th : null;
  }

  function labelledBy(control, label, prefix) {
    if (!label || control.hasAttribute("aria-label")) return;
    const id = idFor(label, prefix + "-label");
    const own = (control.getAttribute("aria-labelledby") || "").split(" ").filter(Boolean);
    if (!own.includes(id)) control.setAttribute("aria-labelledby", [id, ...own].join(" "));
  }

  function nameAutocomplete(select) {
    const label = labelOf(select);
    const box = select.nextElementSibling;
    if (!label || !box || !box.classList.contains("select2")) return;
    // The combobox: its own name is the text of the choice; the label goes first.
    box.querySelectorAll('[role="combobox"]').forEach((combobox) => labelledBy(combobox, label, select.id));
    // The text of the choice (role "textbox") and the search field of several choices.
    box.querySelectorAll(".select2-selection__rendered[role], .select2-search__field").forEach(
      (element) => labelledBy(element, label, select.id),
    );
  }

  function nameInlineInputs(root) {
    root.querySelectorAll(".tabular tr.form-row").forEach((row) => {
      row.querySelectorAll("input:not([type=hidden]), select, textarea").forEach((control) => {
        if (control.labels && control.labels.length) return;
        labelledBy(control, labelOf(control), control.id || control.name);
      });
    });
  }

  function nameAll(root) {
    root.querySelectorAll("select.admin-autocomplete").forEach(nameAutocomplete);
    nameInlineInputs(root);
  }

  const $ = window.django && window.django.jQuery;
  if (!$) return;
  $(function () {
    nameAll(document);
  });
  document.addEventListener("formset:added", (event) => nameAll(event.target.closest("table") || document));
  // The dropdown's search field is made when the dropdown first opens. An open combobox
  // must name the list it controls (ARIA 1.2: aria-controls); select2 4.0 says aria-owns.
  $(document).on("select2:open", (event) => {
    const label = labelOf(event.target);
    const search = document.querySelector(".select2-container--open .select2-search__field");
    if (label && search) labelledBy(search, label, event.target.id);
    const box = event.target.nextElementSibling;
    const combobox = box && box.querySelector('[role="combobox"][aria-owns]');
    if (combobox) combobox.setAttribute("aria-controls", combobox.getAttribute("aria-owns"));
  });
  $(document).on("select2:close", (event) => {
    const box = event.target.nextElementSibling;
    const combobox = box && box.querySelector('[role="combobox"]');
    if (combobox) combobox.removeAttribute("aria-controls");
  });
})();
