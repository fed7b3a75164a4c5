// The article change form saves itself (issue #21; what is saved where: newsroom/autosave.py).
//
// 3 s after the last edit in any field (the body's editor writes its hidden textarea and
// fires "input" on it; select2 fields fire jQuery's "change") the whole form is posted to the
// autosave address with the page's token ("shown"), which each save renews, so the "Gem"
// button never conflicts with the page's own autosave. Until the server has an edit, a copy
// of the form is kept in localStorage (one per user and article); a newer copy found on
// opening the form is offered back. Leaving the page sends what is pending with a keepalive
// request, and the browser warns only when something would really be lost.
(function () {
  "use strict";

  var DELAY = 3000;
  var RETRIES = [2000, 5000, 15000, 30000, 60000];
  var KEEPALIVE_LIMIT = 60000; // browsers refuse keepalive bodies over 64 KiB
  // Kept in the browser copy, never sent by an autosave: the status buttons and "Gem" save them.
  var NOT_AUTOSAVED = ["published_at_0", "published_at_1", "workflow_note"];
  var SENDING = { save: true, propose: true, create: true };

  var box, status, form, config, mode, shownField;
  var savedKey = null; // what the server holds of the autosaved fields
  var loaded = null; // the form as the page showed it
  var timer = null;
  var retry = 0;
  var inFlight = false;
  var again = false;
  var failing = false;
  var submitting = false;
  var waiting = null; // the button of a submit held back until the autosave under way ends

  function jq() {
    return window.django && window.django.jQuery;
  }

  // --- The form's state --------------------------------------------------------------------

  function fields() {
    var values = {};
    var labels = {};
    Array.prototype.forEach.call(form.elements, function (element) {
      var name = element.name;
      if (!name || element.disabled || name === "csrfmiddlewaretoken") return;
      var type = (element.type || "").toLowerCase();
      if (["hidden", "file", "submit", "button", "reset", "image"].indexOf(type) !== -1) return;
      if (element.closest(".empty-form")) return; // the inline's template row
      if (type === "checkbox" || type === "radio") {
        if (element.checked) (values[name] = values[name] || []).push(element.value);
        return;
      }
      if (element.tagName === "SELECT") {
        var chosen = Array.prototype.filter.call(element.options, function (option) {
          return option.selected && option.value !== "";
        });
        values[name] = chosen.map(function (option) {
          labels[name + "=" + option.value] = option.textContent;
          return option.value;
        });
        return;
      }
      values[name] = element.value;
    });
    return { values: values, labels: labels };
  }

  function keyOf(values, all) {
    return JSON.stringify(
      Object.keys(values)
        .sort()
        .filter(function (name) {
          return all || NOT_AUTOSAVED.indexOf(name) === -1;
        })
        .map(function (name) {
          return [name, values[name]];
        })
    );
  }

  function serverChanged(values) {
    return keyOf(values, false) !== savedKey;
  }

  function unsaved(values) {
    // Something the server does not hold: an autosaved field not yet sent, or a field only
    // "Gem" and the status buttons save.
    return serverChanged(values) || NOT_AUTOSAVED.some(function (name) {
      return JSON.stringify(values[name]) !== JSON.stringify(loaded.values[name]);
    });
  }

  function readyToCreate() {
    var title = form.elements.title;
    var section = form.elements.section;
    return title && title.value.trim() !== "" && section && section.value !== "";
  }

  // --- The copy in the browser ---------------------------------------------------------------

  function readCopy() {
    try {
      return JSON.parse(window.localStorage.getItem(config.key) || "null");
    } catch (error) {
      return null;
    }
  }

  function keepCopy(state) {
    try {
      window.localStorage.setItem(
        config.key,
        JSON.stringify({ time: Date.now(), shown: shownField ? shownField.value : "", values: state.values, labels: state.labels })
      );
    } catch (error) {
      // Storage full or refused: the server copy is all there is.
    }
  }

  function dropCopy(key) {
    try {
      window.localStorage.removeItem(key || config.key);
    } catch (error) {
      // Nothing kept, nothing to drop.
    }
  }

  // --- Saying what happens --------------------------------------------------------------------

  function say(text, kind) {
    status.textContent = text;
    status.className = "autosave__status" + (kind ? " autosave__status--" + kind : "");
  }

  function clock(time) {
    var date = new Date(time);
    return ("0" + date.getHours()).slice(-2) + "." + ("0" + date.getMinutes()).slice(-2);
  }

  // --- Saving ---------------------------------------------------------------------------------

  function edited() {
    if (submitting) return;
    var state = fields();
    if (unsaved(state.values)) keepCopy(state);
    else dropCopy();
    window.clearTimeout(timer);
    if (!SENDING[mode]) {
      if (mode === "local" && unsaved(state.values)) say(config.message, "local");
      return;
    }
    if (serverChanged(state.values)) timer = window.setTimeout(save, DELAY);
  }

  function body() {
    var data = new FormData(form);
    Array.prototype.forEach.call(form.querySelectorAll("input[type=file]"), function (input) {
      data.delete(input.name); // a picture is uploaded by "Gem", not on every pause
    });
    NOT_AUTOSAVED.forEach(function (name) {
      // As the page showed them: a half-typed publication time is no error to show.
      if (data.has(name)) data.set(name, (loaded.values[name] || ""));
    });
    return data;
  }

  function bodySize(data) {
    var size = 0;
    data.forEach(function (value, name) {
      size += name.length + String(value).length * 3 + 64; // UTF-8 at worst
    });
    return size;
  }

  function save() {
    window.clearTimeout(timer);
    if (!SENDING[mode] || submitting) return;
    if (inFlight) {
      again = true;
      return;
    }
    var state = fields();
    if (!serverChanged(state.values)) return;
    if (mode === "create" && !readyToCreate()) {
      say("Gemmes af sig selv, når artiklen har en titel og en sektion.", "local");
      return;
    }
    var sentKey = keyOf(state.values, false);
    inFlight = true;
    say("Gemmer …", "saving");
    send(body(), false)
      .then(function (response) {
        return response
          .json()
          .catch(function () {
            return null;
          })
          .then(function (answer) {
            handle(response.status, answer, sentKey);
          });
      })
      .catch(function () {
        handle(0, null, sentKey);
      })
      .then(function () {
        inFlight = false;
        if (waiting) {
          var button = waiting;
          waiting = null;
          if (button === true) form.requestSubmit();
          else form.requestSubmit(button);
          return;
        }
        if (again) {
          again = false;
          save();
        }
      });
  }

  function send(data, keepalive) {
    return window.fetch(config.url, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      keepalive: keepalive,
      headers: { Accept: "application/json", "X-CSRFToken": data.get("csrfmiddlewaretoken") || "" },
    });
  }

  function handle(code, answer, sentKey) {
    if (code === 200 && answer && answer.shown !== undefined) {
      failing = false;
      retry = 0;
      savedKey = sentKey;
      if (shownField) shownField.value = answer.shown;
      if (answer.inlines) rowsSaved(answer.inlines);
      if (answer.change_url) created(answer);
      say("Gemt kl. " + answer.saved_at, "saved");
      edited(); // edits made while it was saving: kept, and saved next
      return;
    }
    var message = answer && answer.message;
    if (code === 400 || code === 403) {
      failing = true; // not tried again until the next edit
      say(message || "Ikke gemt.", "error");
    } else if (code === 409) {
      failing = true;
      mode = answer && answer.mode === "local" ? "local" : "paused";
      if (answer && answer.mode === "local") config.message = message;
      say(message || "Ikke gemt: artiklen er ændret et andet sted.", "error");
    } else {
      failing = true;
      say("Kunne ikke gemme – prøver igen", "error");
      var wait = RETRIES[Math.min(retry, RETRIES.length - 1)];
      retry += 1;
      timer = window.setTimeout(save, wait);
    }
  }

  function created(answer) {
    // The new article exists now: the page is its change form, saved under its own key.
    var state = fields();
    dropCopy();
    config.url = answer.url;
    config.key = answer.key;
    mode = "save";
    window.history.replaceState(window.history.state, "", answer.change_url);
    if (unsaved(state.values)) keepCopy(state);
  }

  // A row the autosave added to the byline, tags or related articles gets its id, and the
  // look of a saved row (a "Slet?" box instead of the remove link), so that the next save
  // changes it instead of adding it again. Unfilled rows left between saved ones are removed.
  function rowsSaved(inlines) {
    Object.keys(inlines).forEach(function (prefix) {
      var rows = inlines[prefix];
      var initial = form.elements[prefix + "-INITIAL_FORMS"];
      if (!initial) return;
      var last = -1;
      Object.keys(rows.ids).forEach(function (index) {
        index = Number(index);
        var id = form.elements[prefix + "-" + index + "-id"];
        if (!id) return;
        if (!id.value) becomesSaved(prefix, index, rows.can_delete);
        id.value = rows.ids[index];
        last = Math.max(last, index);
      });
      var gaps = [];
      for (var index = 0; index < last; index += 1) {
        var id = form.elements[prefix + "-" + index + "-id"];
        var row = document.getElementById(prefix + "-" + index);
        if (id && !id.value && row && rowIsEmpty(row)) gaps.push(row);
      }
      gaps.forEach(function (row) {
        var remove = row.querySelector(".inline-deletelink");
        if (remove) remove.click(); // Django's own handler numbers the rows again
      });
      var count = 0;
      while (form.elements[prefix + "-" + count + "-id"] && form.elements[prefix + "-" + count + "-id"].value) count += 1;
      initial.value = String(Math.max(Number(initial.value), count));
    });
  }

  function rowIsEmpty(row) {
    return !Array.prototype.some.call(row.querySelectorAll("input, select, textarea"), function (element) {
      var type = (element.type || "").toLowerCase();
      if (type === "hidden" || type === "checkbox") return false;
      return element.value !== "" && !/-position$/.test(element.name);
    });
  }

  function becomesSaved(prefix, index, canDelete) {
    var row = document.getElementById(prefix + "-" + index);
    if (!row) return;
    row.classList.add("has_original");
    var remove = row.querySelector(".inline-deletelink");
    if (remove) {
      var cell = remove.closest("td, div");
      remove.parentNode.removeChild(remove);
      if (canDelete && cell) {
        var box = document.createElement("input");
        box.type = "checkbox";
        box.name = prefix + "-" + index + "-DELETE";
        box.id = "id_" + prefix + "-" + index + "-DELETE";
        box.setAttribute("aria-label", "Slet");
        cell.appendChild(box);
      }
    }
  }

  // --- Leaving the page -------------------------------------------------------------------------

  function leaving() {
    if (submitting) return;
    var state = fields();
    if (!unsaved(state.values)) return;
    keepCopy(state);
    if (!SENDING[mode] || !serverChanged(state.values)) return;
    if (mode === "create" && !readyToCreate()) return;
    var data = body();
    if (bodySize(data) > KEEPALIVE_LIMIT) return; // the browser copy stays
    try {
      send(data, true).catch(function () {});
    } catch (error) {
      // Refused by the browser: the copy stays, offered next time.
    }
  }

  function reallyLost() {
    if (submitting) return false;
    var state = fields();
    if (!unsaved(state.values)) return false;
    var onlyServerFields = !NOT_AUTOSAVED.some(function (name) {
      return JSON.stringify(state.values[name]) !== JSON.stringify(loaded.values[name]);
    });
    // Sent as the page closes: nothing lost, unless it cannot be sent or is refused.
    var sendable =
      SENDING[mode] && !failing && (mode !== "create" || readyToCreate()) && bodySize(body()) <= KEEPALIVE_LIMIT;
    return !(onlyServerFields && sendable);
  }

  // --- Offering a copy back ----------------------------------------------------------------------

  function offer() {
    var copy = readCopy();
    if (!copy || !copy.values) return;
    var current = fields().values;
    if (keyOf(copy.values, true) === keyOf(current, true)) {
      dropCopy(); // the server has it all
      return;
    }
    var newer = copy.time > Number(config.updated || 0) || (shownField && copy.shown === shownField.value);
    if (!newer) {
      dropCopy();
      return;
    }
    var restore = document.getElementById("autosave-restore");
    document.getElementById("autosave-restore-text").textContent =
      "Du har ændringer fra kl. " + clock(copy.time) + ", der ikke blev gemt.";
    restore.hidden = false;
    restore.querySelector("[data-autosave=restore]").addEventListener("click", function () {
      restore.hidden = true;
      put(copy);
      edited();
      var focus = form.elements.title;
      if (focus) focus.focus();
    });
    restore.querySelector("[data-autosave=discard]").addEventListener("click", function () {
      restore.hidden = true;
      dropCopy();
      say("", "");
    });
  }

  function addRows(values) {
    // Rows the copy has and the page has not (added after the last save): added the way
    // the "Tilføj …" link adds them.
    Object.keys(values).forEach(function (name) {
      var match = /^(.+)-(\d+)-[^-]+$/.exec(name);
      if (!match) return;
      var total = form.elements[match[1] + "-TOTAL_FORMS"];
      var group = document.getElementById(match[1] + "-group");
      var guard = 20;
      while (total && group && Number(total.value) <= Number(match[2]) && guard--) {
        var add = group.querySelector(".add-row a");
        if (!add) return;
        add.click();
      }
    });
  }

  function put(copy) {
    addRows(copy.values);
    var done = {};
    Array.prototype.forEach.call(form.elements, function (element) {
      var name = element.name;
      if (!name || element.disabled || name === "csrfmiddlewaretoken") return;
      var type = (element.type || "").toLowerCase();
      if (["hidden", "file", "submit", "button", "reset", "image"].indexOf(type) !== -1) return;
      if (element.closest(".empty-form")) return;
      var value = copy.values[name];
      if (type === "checkbox" || type === "radio") {
        element.checked = !!value && value.indexOf(element.value) !== -1;
        return;
      }
      if (value === undefined || done[name]) return;
      done[name] = true;
      if (element.tagName === "SELECT") {
        var wanted = [].concat(value);
        wanted.forEach(function (choice) {
          var exists = Array.prototype.some.call(element.options, function (option) {
            return option.value === choice;
          });
          if (!exists) element.add(new Option(copy.labels[name + "=" + choice] || choice, choice));
        });
        Array.prototype.forEach.call(element.options, function (option) {
          option.selected = wanted.indexOf(option.value) !== -1;
        });
        if (jq()) jq()(element).trigger("change");
        return;
      }
      element.value = value;
      // The body's editor: its editable area carries the editor (Tiptap's view.dom.editor).
      var area = element.tagName === "TEXTAREA" && element.closest(".prose-editor");
      var editor = area && Array.prototype.find.call(area.querySelectorAll(".ProseMirror"), function (node) {
        return node.editor;
      });
      if (editor) editor.editor.commands.setContent(value);
    });
  }

  // --- Starting -------------------------------------------------------------------------------

  function start() {
    box = document.getElementById("autosave");
    form = box && box.closest("form");
    if (!form || !window.fetch || !window.FormData || !window.localStorage) return;
    status = document.getElementById("autosave-status");
    config = box.dataset;
    mode = config.mode;
    shownField = form.elements.shown;
    if (mode === "propose" && shownField && !shownField.value) shownField.value = config.proposal;
    box.hidden = false;
    loaded = fields();
    // A page shown again with errors holds what was typed, not what is saved.
    savedKey = document.querySelector(".errornote") ? null : keyOf(loaded.values, false);
    if (savedKey === null) keepCopy(loaded);
    else offer();

    form.addEventListener("input", edited);
    form.addEventListener("change", edited);
    if (jq()) jq()(form).on("change", edited); // select2 tells jQuery only
    document.addEventListener("formset:added", edited);
    document.addEventListener("formset:removed", edited);
    form.addEventListener("submit", function (event) {
      window.clearTimeout(timer);
      if (inFlight) {
        // "Gem" waits for the autosave under way: it then carries the token that autosave
        // renews (and, on a new article, goes to the article it created), so the page never
        // conflicts with its own save nor makes the article twice.
        event.preventDefault();
        waiting = event.submitter || true;
        say("Gemmer …", "saving");
        return;
      }
      submitting = true; // "Gem" or a status button: that request saves it all
      dropCopy();
    });
    window.addEventListener("pagehide", leaving);
    window.addEventListener("beforeunload", function (event) {
      if (reallyLost()) {
        event.preventDefault();
        event.returnValue = "";
      }
    });
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) submitting = false; // back from the next page: the form is live again
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
