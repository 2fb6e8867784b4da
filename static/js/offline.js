// backhabits: the check-in without a connection. Save keeps the day on this phone; back online
// (the `online` event, Background Sync, or the next page load) each waiting day is sent once.
// An emergency answer never waits: the emergency advice opens at once, from a kept page.
(function () {
  "use strict";
  if (!("indexedDB" in window) || typeof BackhabitsDays === "undefined") return;

  // The page's words (app.js reads them from base.html's script-words element).
  var word = typeof backhabitsWord === "function" ? backhabitsWord : function () { return ""; };

  function localToday() {
    var now = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  function newId() {
    if (crypto.randomUUID) return crypto.randomUUID();
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40; bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
  }

  function dayWords(iso) {
    var parts = iso.split("-");
    var date = new Date(Number(parts[0]), Number(parts[1]) - 1, Number(parts[2]));
    // In the page's language (its lang), not the browser's.
    var lang = document.documentElement.lang || undefined;
    return date.toLocaleDateString(lang, { weekday: "long", day: "numeric", month: "long" });
  }

  function status() { return document.getElementById("offline-status"); }

  function show(lines) {
    var box = status();
    if (!box) return;
    box.textContent = "";
    lines.forEach(function (line) {
      var p = document.createElement("p");
      p.className = "message message-success";
      p.textContent = line;
      box.appendChild(p);
    });
  }

  // What was last said (saved here, or sent), kept above the list of days still waiting.
  var said = [];

  function showWaiting(news) {
    if (news && news.length) said = news.slice();
    return BackhabitsDays.all().then(function (days) {
      var lines = said.slice();
      var waiting = days.filter(function (day) { return !day.error; });
      if (waiting.length) {
        lines.push(word("waiting_days", { days: waiting.map(function (day) {
          return dayWords(day.date);
        }).join("; ") }));
      }
      show(lines);
      if (!status()) return;
      // A day the server refused stays, with what the server said it kept of it (its symptoms
      // are always saved), until the person enters the rest again and removes this copy.
      days.filter(function (day) { return day.error; }).forEach(function (day) {
        var told = document.createElement("p");
        told.className = day.symptoms_saved ? "message" : "message message-error";
        told.setAttribute("data-refused-day", day.id);
        told.textContent = day.error_names_day ? day.error : word("refused_day", { day: dayWords(day.date), message: day.error });
        status().appendChild(told);
        var button = document.createElement("button");
        button.type = "button";
        button.className = "button button-secondary";
        button.setAttribute("data-discard-day", day.id);
        button.textContent = word("remove_copy", { day: dayWords(day.date) });
        status().appendChild(button);
      });
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-discard-day]");
    if (button) BackhabitsDays.remove(button.getAttribute("data-discard-day")).then(function () { showWaiting(); });
  });

  function emergencyTicked(form) {
    var sets = [];
    try { sets = JSON.parse(form.getAttribute("data-emergency-sets") || "[]"); } catch (e) { sets = []; }
    var ticked = {};
    form.querySelectorAll('input[name="symptoms"]:checked').forEach(function (box) { ticked[box.value] = true; });
    return sets.some(function (codes) { return codes.every(function (code) { return ticked[code]; }); });
  }

  function saveHere(form) {
    var fields = [];
    var csrf = "";
    new FormData(form).forEach(function (value, name) {
      if (name === "csrfmiddlewaretoken") { csrf = value; return; }
      if (typeof value === "string") fields.push([name, value]);
    });
    var account = document.body.getAttribute("data-signed-in") || "";
    fields.push(["account", account]);
    var day = {
      id: newId(),
      account: account,
      date: form.hasAttribute("data-offline-shell") ? localToday() : form.getAttribute("data-day"),
      saved_at: new Date().toISOString(),
      fields: fields,
      csrf: csrf,
      url: form.getAttribute("data-sync-url")
    };
    return BackhabitsDays.put(day).then(function () {
      if (navigator.serviceWorker && navigator.serviceWorker.ready) {
        navigator.serviceWorker.ready.then(function (registration) {
          if (registration.sync) return registration.sync.register("backhabits-send-days");
        }).catch(function () {});
      }
      return day;
    });
  }

  function pageToken() {
    try { return JSON.parse(document.body.getAttribute("hx-headers") || "{}")["x-csrftoken"] || ""; } catch (e) { return ""; }
  }

  function send(form) {
    if (!document.body.hasAttribute("data-signed-in")) return showWaiting();
    var url = form ? form.getAttribute("data-sync-url") : null;
    var account = document.body.getAttribute("data-signed-in");
    return BackhabitsDays.sendAll(url, pageToken(), account).then(function (results) {
      return showWaiting(BackhabitsDays.news(results));
    }).catch(function () { return showWaiting(); });
  }

  // Days the service worker sent (Background Sync) are reported here too.
  if (navigator.serviceWorker) {
    navigator.serviceWorker.addEventListener("message", function (event) {
      if (event.data && event.data.type === "backhabits-days-sent") showWaiting(event.data.news);
    });
  }

  function keepHere(form) {
    var emergency = emergencyTicked(form);
    return saveHere(form).then(function (day) {
      if (emergency) {
        var url = form.getAttribute("data-emergency-url");
        // The kept advice if there is one; else the copy this page carries.
        return caches.match(url).then(function (kept) {
          if (kept) { window.location.href = url; return; }
          var fallback = document.querySelector("[data-emergency-fallback]");
          if (fallback) { fallback.hidden = false; fallback.scrollIntoView(); }
        });
      }
      form.reset();
      var saved = word("saved_here", { day: dayWords(day.date) });
      // The message, not the page's top (open care alerts lead it), comes into view.
      return Promise.resolve(showWaiting([saved])).then(function () {
        var box = status();
        if (box) box.scrollIntoView({ block: "start" });
      });
    });
  }

  // A connection that is there but does not answer: htmx could not send, so the day waits here.
  document.addEventListener("htmx:sendError", function (event) {
    var form = event.target.closest && event.target.closest("form[data-offline-form]");
    if (form && event.target === form) keepHere(form);
  });

  document.addEventListener("submit", function (event) {
    var form = event.target.closest && event.target.closest("form[data-offline-form]");
    if (!form || navigator.onLine) return;
    // No connection: htmx and the browser would both fail; the day waits on this phone.
    event.preventDefault();
    event.stopImmediatePropagation();
    var button = event.submitter;
    if (button && button.name === "fill") {
      showWaiting([word("same_needs_connection")]);
      return;
    }
    if (button && button.name === "water") {
      // A water tap, offline: it goes into the water answer, saved with the check-in.
      var water = form.querySelector('input[name="water_ml"], input[name="water_oz"]');
      if (water && button.value === "add") {
        // One tap's amount in the person's unit, from the page (tracker.days.units).
        var step = Number(button.getAttribute("data-quick-add")) || 0;
        water.value = String((Number(water.value) || 0) + step);
      }
      return;
    }
    keepHere(form);
  }, true);

  // The kept pages (templates/tracker/sw.js) are the person's own: refreshed from a check-in
  // page, or twice a day from any page while signed in; forgotten once signed out (the service
  // worker then keeps the offline page and "When to seek help" as anyone sees them).
  function keepPages(form) {
    if (!navigator.serviceWorker || !navigator.serviceWorker.controller) return;
    var signedIn = document.body.hasAttribute("data-signed-in");
    var last = Number(localStorage.getItem("backhabits-kept-at") || 0);
    if (!signedIn) {
      navigator.serviceWorker.controller.postMessage("forget");
      localStorage.removeItem("backhabits-kept-at");
    } else if (form || Date.now() - last > 12 * 3600 * 1000) {
      navigator.serviceWorker.controller.postMessage("refresh");
      localStorage.setItem("backhabits-kept-at", String(Date.now()));
    }
  }

  function start() {
    var form = document.querySelector("form[data-offline-form]");
    if (navigator.onLine) {
      keepPages(form);
      send(form);
    } else {
      showWaiting();
    }
  }

  window.addEventListener("online", function () { send(document.querySelector("form[data-offline-form]")); });
  document.addEventListener("DOMContentLoaded", start);
})();
// Offline, the nav marks the pages that need a connection (base.html's data-needs-network
// links), a line under the header says what still works, and the page shown in place of one
// that could not be reached (tracker/offline.html) offers to try again, and does so by itself
// once the connection is back. Without this script nothing changes: those links lead to that
// page, which says the same.
(function () {
  "use strict";
  var word = typeof backhabitsWord === "function" ? backhabitsWord : function () { return ""; };

  function markLinks(offline) {
    document.documentElement.toggleAttribute("data-offline", offline);
    document.querySelectorAll("a[data-needs-network]").forEach(function (link) {
      var note = link.querySelector("[data-offline-mark]");
      if (offline && !note) {
        note = document.createElement("span");
        note.className = "visually-hidden";
        note.setAttribute("data-offline-mark", "");
        note.textContent = " " + word("needs_connection");
        link.appendChild(note);
      } else if (!offline && note) {
        note.remove();
      }
    });
    var line = document.getElementById("offline-note");
    // Not on the page shown in place of another: it says so itself.
    var needed = document.querySelector("a[data-needs-network]") && !document.querySelector("[data-retry]");
    if (offline && !line && needed) {
      line = document.createElement("p");
      line.id = "offline-note";
      line.className = "offline-note";
      line.setAttribute("role", "status");
      // Signed out, nothing of the check-in is kept on the phone.
      line.textContent = document.body.hasAttribute("data-signed-in")
        ? word("offline_signed_in")
        : word("offline_signed_out");
      var main = document.getElementById("main");
      if (main) main.insertBefore(line, main.firstChild);
    } else if (!offline && line) {
      line.remove();
    }
  }

  // The page shown in place of another while the phone says it is online: the connection came
  // back in steps (the phone reports it before pages can reach the server), or the server did
  // not answer. Try again by itself after 1, 2, 4 and 8 s, then leave it to "Try again". The
  // count lives in sessionStorage, per address, as reloading forgets everything else.
  var RETRIES = 4;
  var retryKey = "backhabits-retries:" + window.location.pathname;

  function retriesMade() {
    try { return Number(window.sessionStorage.getItem(retryKey)) || 0; } catch (e) { return RETRIES; }
  }

  function setRetries(count) {
    try {
      if (count) window.sessionStorage.setItem(retryKey, String(count));
      else window.sessionStorage.removeItem(retryKey);
    } catch (e) { /* no storage (a private window): no retries by itself */ }
  }

  function retryWhileOnline() {
    var made = retriesMade();
    if (!navigator.onLine || made >= RETRIES) return;
    setRetries(made + 1);
    window.setTimeout(function () {
      if (navigator.onLine) window.location.reload();
    }, 1000 * Math.pow(2, made));
  }

  function start() {
    markLinks(!navigator.onLine);
    var retry = document.querySelector("[data-retry]");
    if (retry) {
      retry.hidden = false;
      retry.addEventListener("click", function () { window.location.reload(); });
      // Opened at its own address, reloading gives the same page: nothing to try again.
      if (window.location.pathname !== retry.getAttribute("data-own-address")) retryWhileOnline();
    } else {
      setRetries(0); // the page itself arrived
    }
  }

  window.addEventListener("offline", function () { markLinks(true); });
  window.addEventListener("online", function () {
    markLinks(false);
    // Back online on the page shown in place of another: that page, now it can be reached.
    if (navigator.onLine && document.querySelector("[data-retry]")) {
      setRetries(0);
      window.location.reload();
    }
  });
  document.addEventListener("DOMContentLoaded", start);
})();
