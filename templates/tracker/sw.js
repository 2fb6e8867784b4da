{% load static page_assets %}// backhabits service worker: shows reminder notifications and opens the app on a tap; keeps
// the app shell, the check-in form, the emergency advice, "When to seek help" and a page saying
// what needs a connection, and sends the days saved meanwhile (static/js/offline-store.js). No
// page with a day's answers or a care alert is kept.
"use strict";
// The words it shows, in the language of the request that fetched this file (a person's
// setting, else the browser's): a change of language changes the file, and the browser then
// installs it afresh. offline-store.js reads them here too.
self.BackhabitsWords = {% script_words_object %};
var WORDS = self.BackhabitsWords;
importScripts("{% static 'js/offline-store.js' %}");
// A new name whenever what is kept changes: activating deletes every other name's cache.
var SHELL = "backhabits-shell-v2";
var ASSETS = [
  "{% static 'css/app.css' %}",
  "{% static 'js/app.js' %}",
  "{% static 'js/offline-store.js' %}",
  "{% static 'js/offline.js' %}",
  "{% static 'django_htmx/htmx-2.min.js' %}",
  "{% static 'icons/icon.svg' %}",
  "{% static 'icons/icon-192.png' %}",
  "{% url 'tracker:manifest' %}"
];
var CHECKIN_SHELL = "{% url 'tracker:checkin_shell' %}";
var EMERGENCY = "{% url 'tracker:offline_emergency' %}";
var NEEDS_NETWORK = "{% url 'tracker:offline' %}";
var SEEK_HELP = "{% url 'tracker:offline_seek_help' %}";
var SYNC = "{% url 'tracker:checkin_sync' %}";
var PAGES = [CHECKIN_SHELL, EMERGENCY, NEEDS_NETWORK, SEEK_HELP];
// Offline, each of these addresses opens the kept page; any other page opens NEEDS_NETWORK.
// Only today's check-in: an earlier day's page would save the kept form under today.
var KEPT_FOR = {};
["/", "/checkin/", CHECKIN_SHELL].forEach(function (path) { KEPT_FOR[path] = CHECKIN_SHELL; });
KEPT_FOR[EMERGENCY] = EMERGENCY;
KEPT_FOR[NEEDS_NETWORK] = NEEDS_NETWORK;
KEPT_FOR[SEEK_HELP] = SEEK_HELP;
KEPT_FOR["{% url 'tracker:guide_section' 'when-to-seek-help' %}"] = SEEK_HELP;

// The pages are the person's own (their lists, their emergency number): kept only when the
// answer is the page itself, never a redirect to log in.
function keepPages(urls, credentials) {
  return caches.open(SHELL).then(function (cache) {
    return Promise.all(urls.map(function (url) {
      // The header asks the server not to set the CSRF cookie (tracker.middleware).
      var headers = { "X-Backhabits-Keeping": "1" };
      return fetch(url, { credentials: credentials, redirect: "manual", headers: headers }).then(function (response) {
        if (response.status === 200) return cache.put(url, response);
      }).catch(function () {});
    }));
  });
}

// Signed out (static/js/offline.js says so on every page then): every page kept for a person
// goes, and the pages anyone may see are kept as anyone sees them, without cookies, so a phone
// signed out still has "When to seek help" and the offline page, with the default numbers.
// Only when something was kept for a person, or nothing yet: most pages cost a cache look-up.
var PUBLIC_PAGES = [NEEDS_NETWORK, SEEK_HELP];
function keptForAPerson(response) {
  return response ? response.clone().text().then(function (text) {
    return text.indexOf(" data-signed-in=") !== -1;
  }) : Promise.resolve(false);
}
function forgetPerson() {
  return caches.open(SHELL).then(function (cache) {
    return Promise.all(PAGES.map(function (url) { return cache.match(url); })).then(function (kept) {
      var missing = PUBLIC_PAGES.some(function (url) { return !kept[PAGES.indexOf(url)]; });
      return Promise.all(kept.map(keptForAPerson)).then(function (personal) {
        if (!personal.some(Boolean) && !missing) return;
        return Promise.all(PAGES.map(function (url) { return cache.delete(url); }))
          .then(function () { return keepPages(PUBLIC_PAGES, "omit"); });
      });
    });
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) { return cache.addAll(ASSETS); })
    .then(function () { return keepPages(PAGES, "same-origin"); })
    .then(function () { return self.skipWaiting(); }));
});
self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name !== SHELL; })
      .map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});
self.addEventListener("message", function (event) {
  if (event.data === "refresh") event.waitUntil(keepPages(PAGES, "same-origin"));
  if (event.data === "forget") event.waitUntil(forgetPerson());
});
self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // Online, the network answers as always; offline, a kept page does, or the page saying
    // this one needs a connection (with the check-in and the emergency advice), never the
    // browser's own error.
    var kept = KEPT_FOR[url.pathname];
    event.respondWith(fetch(request).catch(function () {
      return caches.match(kept || NEEDS_NETWORK).then(function (response) {
        return response || caches.match(NEEDS_NETWORK);
      }).then(function (response) { return response || Response.error(); });
    }));
    return;
  }
  if (ASSETS.indexOf(url.pathname) !== -1) {
    event.respondWith(fetch(request).then(function (response) {
      var copy = response.clone();
      if (response.ok) caches.open(SHELL).then(function (cache) { cache.put(request, copy); });
      return response;
    }).catch(function () { return caches.match(request); }));
  }
});
self.addEventListener("sync", function (event) {
  if (event.tag !== "backhabits-send-days") return;
  event.waitUntil(BackhabitsDays.sendAll(SYNC).then(function (results) {
    var news = BackhabitsDays.news(results);
    if (!news.length) return;
    return self.clients.matchAll({ type: "window" }).then(function (windows) {
      windows.forEach(function (client) { client.postMessage({ type: "backhabits-days-sent", news: news }); });
    });
  }));
});
// Where each tap leads: the notification's body, "Log pain" and "Done today".
var OPEN = {
  "": "/checkin/",
  "log-pain": "/checkin/?focus=discomfort",
  "done-today": "/checkin/"
};
self.addEventListener("push", function (event) {
  var data = {};
  try { data = event.data ? event.data.json() : {}; } catch (e) { data = {}; }
  var urls = {};
  Object.keys(OPEN).forEach(function (action) { urls[action] = OPEN[action]; });
  if (data.url) { urls[""] = data.url; }  // a care alert's reminder opens the alert
  event.waitUntil(self.registration.showNotification(data.title || "backhabits", {
    body: data.body || WORDS.push_body,
    icon: "{% static 'icons/icon-192.png' %}",
    tag: "backhabits-reminder",
    actions: [
      { action: "log-pain", title: (data.actions && data.actions["log-pain"]) || WORDS.log_pain },
      { action: "done-today", title: (data.actions && data.actions["done-today"]) || WORDS.done_today }
    ],
    data: { urls: urls }
  }));
});
self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  var urls = (event.notification.data && event.notification.data.urls) || OPEN;
  var url = urls[event.action || ""] || OPEN[""];
  event.waitUntil(self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (windows) {
    for (var i = 0; i < windows.length; i++) {
      if (new URL(windows[i].url).pathname + new URL(windows[i].url).search === url && "focus" in windows[i]) {
        return windows[i].focus();
      }
    }
    return self.clients.openWindow(url);
  }));
});
