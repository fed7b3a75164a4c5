// The admin's rich-text editor (django-prose-editor) made a Danish writing tool. Loaded with
// the editor's widget (newsroom/forms.py), in the page's <head>, so it hears each editor's
// "prose-editor:ready"; the form works without it.
//
// - The editable area gets its field's label as accessible name (the editor leaves it
//   unnamed, and the <label> points at the hidden textarea), and Danish spell-checking.
// - The toolbar's labels are Danish: the editor writes them in English without gettext, so
//   each is passed through gettext here; the Danish is in articles/locale/da (djangojs.po).
//   Tooltips name the keyboard shortcut as a Danish keyboard does ("Fed (Ctrl+B)").
// - Under an editor whose textarea asks for it (data-words-per-minute, the article body):
//   its words and reading time, updated when the writer pauses.
(function () {
  "use strict";

  var t = window.gettext || function (text) { return text; };
  var MAC = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
  // The editor's (Tiptap's) own shortcuts, by the English label of their button.
  var SHORTCUTS = {
    bold: "Mod+B",
    italic: "Mod+I",
    underline: "Mod+U",
    strike: "Mod+Shift+S",
    "insert link": "Mod+K",
    undo: "Mod+Z",
    redo: "Mod+Y",
    paragraph: "Mod+Alt+0",
    "heading 2": "Mod+Alt+2",
    "heading 3": "Mod+Alt+3",
    "unordered list": "Mod+Shift+8",
    "ordered list": "Mod+Shift+7",
    blockquote: "Mod+Shift+B",
  };
  // How a shortcut is written for the eye (Danish Windows says "Skift") and for assistive
  // technology (aria-keyshortcuts uses the key names of the UI Events standard).
  var SHOWN = MAC ? { Mod: "⌘", Alt: "⌥", Shift: "⇧" } : { Mod: "Ctrl", Alt: "Alt", Shift: "Skift" };
  var ARIA = { Mod: MAC ? "Meta" : "Control", Alt: "Alt", Shift: "Shift" };
  var PAUSE_MS = 1200;

  function keys(shortcut, names, joiner) {
    return shortcut.split("+").map(function (key) { return names[key] || key; }).join(joiner);
  }

  function danish(english) {
    var match = /^(.*): default$/.exec(english);
    if (match) return interpolate(t("%s: default"), [match[1]]);
    return t(english);
  }

  function interpolate(format, values) {
    return window.interpolate ? window.interpolate(format, values) : format.replace("%s", values[0]);
  }

  // A button or list entry in Danish. Its English label is kept in data-label, so that a
  // button the editor puts back (the lists' buttons are copies it makes of its own) is
  // recognised, and nothing is translated twice.
  function translate(element) {
    if (element.dataset.label) return;
    var english = element.getAttribute("aria-label") || element.title || element.textContent.trim();
    if (!english) return;
    element.dataset.label = english;
    var name = danish(english);
    var shortcut = SHORTCUTS[english];
    if (element.classList.contains("prose-menubar__option") || !element.classList.contains("material-icons")) {
      // A text button or list entry shows its label; its tags (<h2> for a heading) stay.
      var holder = element.firstElementChild || element;
      if (holder.textContent.trim() === english) holder.textContent = name;
    }
    if (element.matches(".prose-menubar__button")) {
      var pickerButton = element.closest(".prose-menubar__selected");
      if (pickerButton && english !== "Block style") {
        element.setAttribute("aria-label", interpolate(t("Block type: %s"), [name]));
      } else {
        element.setAttribute("aria-label", name);
      }
      element.title = shortcut ? name + " (" + keys(shortcut, SHOWN, MAC ? "" : "+") + ")" : name;
      if (shortcut) element.setAttribute("aria-keyshortcuts", keys(shortcut, ARIA, "+"));
    }
  }

  function translateMenu(menubar) {
    menubar.querySelectorAll(".prose-menubar__button, .prose-menubar__option").forEach(translate);
  }

  function watchMenu(menubar) {
    if (menubar.dataset.danish) return;
    menubar.dataset.danish = "1";
    translateMenu(menubar);
    // The lists' buttons show a copy of the entry at the cursor, made anew when it changes.
    new MutationObserver(function () { translateMenu(menubar); }).observe(menubar, {
      childList: true,
      subtree: true,
    });
  }

  function countWords(text) {
    // "300.000", "almene-boliger" and "10.32" are one word each.
    return (text.match(/[\p{L}\p{N}]+(?:[-'’.,:][\p{L}\p{N}]+)*/gu) || []).length;
  }

  function wordCountText(words, perMinute) {
    var text = words.toLocaleString("da-DK") + " ord";
    if (!words) return text;
    return text + " · ca. " + Math.max(1, Math.round(words / perMinute)) + " min. at læse";
  }

  function addWordCount(container, area, textarea) {
    var perMinute = parseInt(textarea.dataset.wordsPerMinute, 10);
    if (!perMinute || container.parentNode.querySelector(".word-count")) return;
    var counter = document.createElement("p");
    counter.className = "word-count";
    counter.id = textarea.id + "_words";
    // Polite, and changed only when the writer pauses: a screen reader hears the count
    // after a sentence, not after every key.
    counter.setAttribute("aria-live", "polite");
    counter.setAttribute("aria-atomic", "true");
    var update = function () {
      var text = wordCountText(countWords(area.innerText), perMinute);
      if (counter.textContent !== text) counter.textContent = text;
    };
    update();
    container.after(counter);
    area.setAttribute("aria-describedby", counter.id);
    var timer;
    // The editor tells its textarea of each change (django-prose-editor's onUpdate).
    textarea.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(update, PAUSE_MS);
    });
  }

  function prepare(container) {
    var area = container.querySelector(".ProseMirror[contenteditable]");
    var textarea = container.querySelector("textarea");
    if (!area || !textarea) return;
    if (!container.dataset.prepared) {
      container.dataset.prepared = "1";
      var row = container.closest(".form-row, .fieldBox, div[class*='field-']");
      var label = row && row.querySelector("label");
      area.setAttribute("aria-label", label ? label.textContent.replace(/:\s*$/, "") : "Brødtekst");
      area.setAttribute("aria-multiline", "true");
      area.setAttribute("spellcheck", "true");
      area.setAttribute("lang", "da");
      addWordCount(container, area, textarea);
      // The toolbar is built just after the editor (Tiptap's "create"), so it may come later.
      new MutationObserver(function () {
        var menubar = container.querySelector(":scope > .prose-menubar");
        if (menubar) watchMenu(menubar);
      }).observe(container, { childList: true });
    }
    var menubar = container.querySelector(":scope > .prose-menubar");
    if (menubar) watchMenu(menubar);
  }

  function prepareAll() {
    document.querySelectorAll(".prose-editor").forEach(prepare);
  }

  document.addEventListener("prose-editor:ready", function (event) {
    var container = event.target.closest(".prose-editor");
    if (container) prepare(container);
  });
  document.addEventListener("DOMContentLoaded", prepareAll);
  if (document.readyState !== "loading") prepareAll();
})();
