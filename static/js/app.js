// backhabits: progressive enhancement only; every page works without this file.
// The words a person reads come from the page, in its language (base.html's script-words
// element, tracker/templatetags/page_assets.py); %(name)s is filled in from `values`.
function backhabitsWord(key, values) {
  "use strict";
  var words = backhabitsWord.words;
  if (!words) {
    try {
      words = JSON.parse(document.getElementById("script-words").getAttribute("data-words")) || {};
    } catch (e) {
      words = {};
    }
    backhabitsWord.words = words;
  }
  var text = Object.prototype.hasOwnProperty.call(words, key) ? words[key] : "";
  return text.replace(/%\((\w+)\)s/g, function (whole, name) {
    return values && Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole;
  });
}
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var trigger = event.target.closest && event.target.closest("[data-print]");
    if (trigger) {
      event.preventDefault();
      window.print();
    }
    // "Copy" beside a share link; without JS the field is still there to select and copy.
    var copy = event.target.closest && event.target.closest("[data-copy]");
    if (copy) {
      var field = document.querySelector(copy.getAttribute("data-copy"));
      if (!field) return;
      field.select();
      var done = function () { copy.textContent = backhabitsWord("copied"); };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(field.value).then(done, function () {});
      } else if (document.execCommand && document.execCommand("copy")) {
        done();
      }
    }
  });
})();
(function () {
  "use strict";
  // The service worker lives at the site root so it can show reminders for the whole app.
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {});
  }

  function base64UrlToBytes(text) {
    var padded = (text + "===".slice((text.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    var raw = atob(padded);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { bytes[i] = raw.charCodeAt(i); }
    return bytes;
  }

  function setUpPush() {
    var form = document.getElementById("push-form");
    if (!form || !("serviceWorker" in navigator) || !("PushManager" in window)) { return; }
    var button = document.getElementById("push-button");
    var status = document.getElementById("push-status");
    button.hidden = false;
    status.textContent = "";
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      status.textContent = backhabitsWord("push_asking");
      Notification.requestPermission().then(function (permission) {
        if (permission !== "granted") { throw new Error(backhabitsWord("push_not_allowed")); }
        status.textContent = backhabitsWord("push_subscribing");
        return navigator.serviceWorker.ready;
      }).then(function (registration) {
        return registration.pushManager.subscribe({
          userVisibleOnly: true,
          applicationServerKey: base64UrlToBytes(form.dataset.vapidKey)
        });
      }).then(function (subscription) {
        var json = subscription.toJSON();
        form.elements.endpoint.value = json.endpoint;
        form.elements.p256dh.value = json.keys.p256dh;
        form.elements.auth.value = json.keys.auth;
        return fetch(form.action, { method: "POST", body: new FormData(form), credentials: "same-origin" });
      }).then(function (response) {
        if (!response.ok || response.redirected) { throw new Error(backhabitsWord("push_refused")); }
        status.textContent = backhabitsWord("push_on");
      }).catch(function (error) {
        // Our own errors are whole sentences; the browser's are its words, in its language.
        var ours = error.message === backhabitsWord("push_not_allowed") || error.message === backhabitsWord("push_refused");
        status.textContent = ours ? error.message : backhabitsWord("push_failed", { reason: error.message });
      });
    });
  }
  document.addEventListener("DOMContentLoaded", setUpPush);
})();
(function () {
  "use strict";
  // "Same as yesterday" fills the habits in place; without this script the button asks the
  // server to show the form again with them filled in. Nothing is saved until Save.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-fill-habits]");
    if (!button || !button.form) { return; }
    event.preventDefault();
    var form = button.form;
    var values = button.dataset;
    var filled = [];
    if (values.posture !== undefined) {
      var radio = form.querySelector('input[name="posture"][value="' + values.posture + '"]');
      if (radio) { radio.checked = true; filled.push(backhabitsWord("filled_posture")); }
    }
    if (values.exercise_minutes !== undefined && form.elements.exercise_minutes) {
      form.elements.exercise_minutes.value = values.exercise_minutes;
      filled.push(backhabitsWord("filled_exercise"));
    }
    var water = form.elements.water_ml || form.elements.water_oz;
    if (values.water_ml !== undefined && water) {
      water.value = values.water_ml;
      filled.push(backhabitsWord("filled_water"));
    }
    var status = document.getElementById("same-as-status");
    if (status) {
      status.textContent = backhabitsWord("filled_in", { items: filled.join(", ") });
    }
  });
})();

/* == Sign-up: the browser's time zone chosen, and the password's one rule followed as it is
   typed. Without this block the page still works: the list shows the server's default zone,
   the rule is written under the field, and the server checks every rule. == */
(function () {
  "use strict";
  function chooseBrowserZone() {
    // Only on a new form (the server marks it): a form shown again keeps what was chosen.
    var select = document.querySelector("select[data-browser-zone]");
    if (!select) { return; }
    var zone = "";
    var aliases = {};
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
      aliases = JSON.parse(select.getAttribute("data-browser-zone")) || {};
    } catch (e) {
      return;
    }
    // Browsers may say an old name (Chromium: "Asia/Calcutta"); the list has the current one.
    var name = Object.prototype.hasOwnProperty.call(aliases, zone) ? aliases[zone] : zone;
    for (var i = 0; i < select.options.length; i++) {
      if (select.options[i].value === name) {
        select.value = name;
        return;
      }
    }
  }

  function followPasswordRule() {
    var field = document.querySelector("input[type='password'][data-min-length]");
    if (!field) { return; }
    var least = parseInt(field.getAttribute("data-min-length"), 10) || 1;
    var hint = document.getElementById(field.id + "_helptext");
    if (hint) {
      var rule = hint.textContent;
      hint.setAttribute("aria-live", "polite");
      field.addEventListener("input", function () {
        var left = least - field.value.length;
        if (!field.value) {
          hint.textContent = rule;
        } else if (left > 0) {
          hint.textContent = rule + " " + backhabitsWord("password_to_go", { count: String(left) });
        } else {
          hint.textContent = rule + " " + backhabitsWord("password_long_enough");
        }
      });
    }
    // The password is asked once: this lets the person check what they typed.
    var toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "button button-secondary password-toggle";
    toggle.textContent = backhabitsWord("show_password");
    toggle.setAttribute("aria-controls", field.id);
    toggle.setAttribute("aria-pressed", "false");
    toggle.addEventListener("click", function () {
      var show = field.type === "password";
      field.type = show ? "text" : "password";
      toggle.setAttribute("aria-pressed", show ? "true" : "false");
    });
    field.insertAdjacentElement("afterend", toggle);
  }

  document.addEventListener("DOMContentLoaded", function () {
    chooseBrowserZone();
    followPasswordRule();
  });
})();
