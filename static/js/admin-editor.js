// The rich-text editor's editable area gets the field's label as its accessible name
// (django-prose-editor leaves it unnamed, and the <label> points at the hidden textarea).
(function () {
  "use strict";

  function nameEditors() {
    document.querySelectorAll(".ProseMirror[contenteditable]:not([aria-label])").forEach(function (area) {
      var row = area.closest(".form-row, .fieldBox, div[class*='field-']");
      var label = row && row.querySelector("label");
      area.setAttribute("aria-label", label ? label.textContent.replace(/:\s*$/, "") : "Brødtekst");
      area.setAttribute("aria-multiline", "true");
    });
  }

  new MutationObserver(nameEditors).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", nameEditors);
})();
