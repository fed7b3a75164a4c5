// Læseliste: makes the "Læs senere" buttons instant. Without this script they are plain
// POST forms that reload the page; with it, the same endpoints answer JSON and the buttons
// and the header counter change in place.
(function () {
  "use strict";

  var ADD = "/laeseliste/tilfoej/";
  var REMOVE = "/laeseliste/fjern/";

  function announce(text) {
    var status = document.querySelector("[data-reading-list-status]");
    if (status) {
      status.textContent = text;
    }
  }

  // Every button for the article on the page (it may be on several cards) shows the new state;
  // the first text node is the visible label, the hidden span after it names the article.
  function showState(articleId, onList) {
    var selector = "form[data-reading-list-form][data-article='" + articleId + "']";
    document.querySelectorAll(selector).forEach(function (form) {
      var button = form.querySelector("button");
      form.action = onList ? REMOVE : ADD;
      button.setAttribute("aria-pressed", onList ? "true" : "false");
      button.firstChild.textContent = onList ? "Tilføjet til læselisten" : "Læs senere";
    });
    announce(onList ? "Tilføjet til læselisten" : "Fjernet fra læselisten");
  }

  function showCount(count) {
    document.querySelectorAll("[data-reading-list-count]").forEach(function (counter) {
      counter.textContent = String(count);
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches("form[data-reading-list-form]") || !window.fetch) {
      return;
    }
    event.preventDefault();
    var button = form.querySelector("button");
    button.disabled = true;
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        return response.json().then(function (data) {
          return { ok: response.ok, data: data };
        });
      })
      .then(function (result) {
        button.disabled = false;
        if (!result.ok) {
          announce(result.data.fejl || "Det lykkedes ikke. Prøv igen.");
          return;
        }
        showState(result.data.artikel, result.data.paa_listen);
        if (result.data.antal !== null && result.data.antal !== undefined) {
          showCount(result.data.antal);
        }
        if (result.data.i_koe) {
          // Offline: the service worker sends it when the connection returns.
          announce("Du er offline. Ændringen sendes, når du er online igen.");
        }
      })
      .catch(function () {
        // Anything unexpected: fall back to the plain form, which always works.
        button.disabled = false;
        form.submit();
      });
  });
})();
