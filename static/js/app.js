// backhabits: progressive enhancement only; every page works without this file.
(function () {
  "use strict";
  function fillTimezone() {
    var field = document.querySelector('input[name="timezone"][type="hidden"]');
    if (!field || field.value) return;
    try {
      field.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch (e) {
      /* the server falls back to its default zone */
    }
  }
  document.addEventListener("DOMContentLoaded", fillTimezone);
})();
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var trigger = event.target.closest && event.target.closest("[data-print]");
    if (trigger) {
      event.preventDefault();
      window.print();
    }
  });
})();
