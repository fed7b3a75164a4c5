// Offline reading: registers the service worker (/sw.js), tells it whose copies this browser
// may keep (the owner cookie, for workers that cannot read cookies themselves), sends what was
// queued while offline, and on the reading list page tells the worker which articles to keep
// (and shows what could not be kept). Without this script, or without service workers, the
// site works as before; it only adds the offline copies.
(function () {
  "use strict";

  if (!("serviceWorker" in navigator)) {
    return;
  }

  // articles/reading_list.py, OWNER_COOKIE: the public id of the reader whose list this is.
  var OWNER_COOKIE = "laeseliste-ejer";

  function ownerCookie() {
    var cookies = document.cookie ? document.cookie.split("; ") : [];
    for (var i = 0; i < cookies.length; i++) {
      if (cookies[i].indexOf(OWNER_COOKIE + "=") === 0) {
        return cookies[i].slice(OWNER_COOKIE.length + 1);
      }
    }
    return "";
  }

  function tell(worker) {
    // First whose copies may stay: another reader's go. A kept copy of theirs already on the
    // screen gives way to what the worker now answers (the offline page, offline).
    var owner = new MessageChannel();
    owner.port1.onmessage = function (event) {
      if (event.data && event.data.dropped && document.querySelector(".offline-notice")) {
        window.location.reload();
      }
    };
    worker.postMessage({ type: "owner", value: ownerCookie() }, [owner.port2]);

    // Anything marked read or removed while offline goes to the server now.
    worker.postMessage({ type: "flush" });

    var list = document.querySelector("[data-offline-list]");
    if (!list) {
      return;
    }
    var articles;
    try {
      articles = JSON.parse(list.getAttribute("data-offline-list"));
    } catch (error) {
      return;
    }
    var channel = new MessageChannel();
    channel.port1.onmessage = function (event) {
      var notKept = (event.data && event.data.notKept) || [];
      var status = document.querySelector("[data-offline-status]");
      if (!status) {
        return;
      }
      if (notKept.length) {
        status.textContent =
          notKept.length === 1
            ? "1 af dine gemte artikler kunne ikke gemmes til offline-læsning: der er ikke plads til flere. Fjern nogle artikler, du har læst."
            : notKept.length +
              " af dine gemte artikler kunne ikke gemmes til offline-læsning: der er ikke plads til flere. Fjern nogle artikler, du har læst.";
        status.hidden = false;
      } else {
        status.hidden = true;
      }
      document.documentElement.setAttribute("data-offline-synced", "true");
    };
    worker.postMessage({ type: "sync", articles: articles }, [channel.port2]);
  }

  function register() {
    navigator.serviceWorker
      .register("/sw.js", { scope: "/" })
      .then(function () {
        return navigator.serviceWorker.ready;
      })
      .then(function (registration) {
        if (registration.active) {
          tell(registration.active);
        }
      })
      .catch(function () {
        // No worker (a private window, a browser that refuses): the site works without it.
      });
  }

  // After the page has loaded: the worker and the copies it fetches must not compete with
  // the page the reader is waiting for.
  if (document.readyState === "complete") {
    register();
  } else {
    window.addEventListener("load", register);
  }
})();
