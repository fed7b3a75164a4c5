// The article form's preview panel ("Forhåndsvisning"): the admin's preview of the article,
// as it was last saved, in a frame at a phone's or a computer's width, scaled down to fit
// the panel. Without this script the panel stays hidden and the "Forhåndsvis" link remains.
//
// The frame loads anew with the page, so after every save. A save that does not load the
// page (autosave) announces itself with an "article:saved" event on the document, and the
// preview reloads then too.
(function () {
  "use strict";

  var STORED_WIDTH = "almene.previewWidth";

  function setUp() {
    var panel = document.querySelector(".writing-preview");
    if (!panel) return;
    var viewport = panel.querySelector(".writing-preview__viewport");
    var frame = panel.querySelector(".writing-preview__frame");
    var buttons = panel.querySelectorAll(".writing-preview__width");
    var widths = Array.prototype.map.call(buttons, function (button) {
      return parseInt(button.dataset.width, 10);
    });
    var width = widths[0];
    try {
      // The width chosen last time, on any article.
      var stored = parseInt(localStorage.getItem(STORED_WIDTH), 10);
      if (widths.indexOf(stored) !== -1) width = stored;
    } catch (error) {
      // Storage refused (private mode): the first width, the phone's.
    }

    // The frame is as wide as the screen it imitates and scaled to the panel's width, so
    // the page lays itself out as on that screen; a phone's narrower frame is centred.
    function fit() {
      var scale = Math.min(1, viewport.clientWidth / width);
      frame.style.width = width + "px";
      frame.style.height = viewport.clientHeight / scale + "px";
      frame.style.left = (viewport.clientWidth - width * scale) / 2 + "px";
      frame.style.transform = "scale(" + scale + ")";
    }

    function show(newWidth) {
      width = newWidth;
      buttons.forEach(function (button) {
        button.setAttribute("aria-pressed", String(parseInt(button.dataset.width, 10) === width));
      });
      panel.dataset.width = String(width);
      fit();
    }

    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        show(parseInt(button.dataset.width, 10));
        try {
          localStorage.setItem(STORED_WIDTH, String(width));
        } catch (error) {
          // Not remembered; shown all the same.
        }
      });
    });

    panel.hidden = false;
    document.querySelector(".writing-screen").classList.add("writing-screen--preview");
    show(width);
    if ("ResizeObserver" in window) new ResizeObserver(fit).observe(viewport);
    else window.addEventListener("resize", fit);
    // The preview comes after the form: the writer can start while it loads.
    function load() {
      frame.src = frame.dataset.src;
    }
    var later = window.requestIdleCallback || function (fn) { setTimeout(fn, 200); };
    if (document.readyState === "complete") later(load);
    else window.addEventListener("load", function () { later(load); });

    document.addEventListener("article:saved", function () {
      frame.src = frame.dataset.src;
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
