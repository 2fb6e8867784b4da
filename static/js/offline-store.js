// backhabits: days saved on this phone without a connection, and sending them once it is back.
// Loaded by the pages (offline.js) and by the service worker (importScripts), so both send the
// same way. Each day carries the id this phone gave it; the server stores an id once.
var BackhabitsDays = (function () {
  "use strict";
  var DB = "backhabits-offline", STORE = "days";

  // The words it shows: in a page, from the page (app.js's backhabitsWord); in the service
  // worker, the ones it was served with (self.BackhabitsWords, templates/tracker/sw.js).
  function word(key) {
    if (typeof backhabitsWord === "function") return backhabitsWord(key);
    return (self.BackhabitsWords && self.BackhabitsWords[key]) || "";
  }

  function open() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB, 1);
      request.onupgradeneeded = function () { request.result.createObjectStore(STORE, { keyPath: "id" }); };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function withStore(mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(STORE, mode);
        var result = work(tx.objectStore(STORE));
        tx.oncomplete = function () { db.close(); resolve(result && result.result !== undefined ? result.result : result); };
        tx.onerror = function () { db.close(); reject(tx.error); };
      });
    });
  }

  function all() {
    return withStore("readonly", function (store) { return store.getAll(); }).then(function (days) {
      return (days || []).sort(function (a, b) { return a.saved_at < b.saved_at ? -1 : 1; });
    });
  }

  function put(day) { return withStore("readwrite", function (store) { store.put(day); }); }
  function remove(id) { return withStore("readwrite", function (store) { store.delete(id); }); }

  function body(day) {
    var form = new URLSearchParams();
    day.fields.forEach(function (pair) { form.append(pair[0], pair[1]); });
    form.set("day_id", day.id);
    form.set("date", day.date);
    form.set("saved_at", day.saved_at);
    return form;
  }

  // Sends each waiting day; a day leaves the phone only once the server has answered for it.
  function sendOne(day, url, csrf) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      redirect: "manual",  // a redirect to log in is not an answer: the day stays
      // A page's own token is the freshest (logging in again replaces it); the service
      // worker has only the one saved with the day.
      headers: { "X-CSRFToken": csrf || day.csrf, "Content-Type": "application/x-www-form-urlencoded" },
      body: body(day)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (answer) {
        var stored = (response.status === 200 || response.status === 201) && answer.date;
        if (stored || response.status === 409) {
          return remove(day.id).then(function () { return { day: day, answer: answer, sent: true }; });
        }
        if (response.status === 400) {
          // The server's own words say what it kept (a day's symptoms always are) and why the
          // rest was refused; the copy stays here, not sent again, until the person removes it.
          day.error = answer.message || word("day_not_saved");
          day.error_names_day = Boolean(answer.message);
          day.symptoms_saved = Boolean(answer.symptoms_saved);
          return put(day).then(function () { return { day: day, answer: answer, sent: false }; });
        }
        return { day: day, answer: answer, sent: false };  // logged out, say: try again later
      });
    });
  }

  // `account`: only the days saved while that person was signed in (a page knows who is);
  // the service worker sends all, and the server keeps back any not for the one signed in.
  function sendAll(url, csrf, account) {
    var run = function () {
      return all().then(function (days) {
        var results = [];
        var mine = days.filter(function (day) { return !day.error && (!account || day.account === account); });
        return mine.reduce(function (chain, day) {
          return chain.then(function () {
            return sendOne(day, day.url || url, csrf).then(function (result) { results.push(result); });
          });
        }, Promise.resolve()).then(function () { return results; });
      });
    };
    // One sender at a time across the page and the service worker.
    if (self.navigator && navigator.locks) {
      return navigator.locks.request("backhabits-send-days", run);
    }
    return run();
  }

  // What to tell the person about the days just sent. A refused day's message stays with
  // its copy (offline.js shows it); a care prompt it opened is told here too.
  function news(results) {
    var lines = results.filter(function (r) { return r.sent && r.answer.message; })
      .map(function (r) { return r.answer.message; });
    if (results.some(function (r) { return r.answer.care; })) {
      lines.push(word("care_waiting"));
    }
    return lines;
  }

  return { all: all, put: put, remove: remove, sendAll: sendAll, news: news };
})();
