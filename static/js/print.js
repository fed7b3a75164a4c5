// Læseliste til udskrift: a button that opens the browser's print dialog. The page is made
// for printing without it (static/css/print.css), so the button is shown only when this
// script runs: a reader without JavaScript never sees a button that does nothing.
(function () {
  "use strict";

  document.querySelectorAll("[data-print-actions]").forEach(function (actions) {
    var button = actions.querySelector("[data-print-button]");
    if (!button || typeof window.print !== "function") {
      return;
    }
    button.addEventListener("click", function () {
      window.print();
    });
    actions.hidden = false;
  });
})();
