{% load static %}// backhabits service worker: shows reminder notifications and opens the app on a tap; keeps
// the app shell and the check-in form for checking in without a connection, and sends the days
// saved meanwhile (static/js/offline-store.js). No page with a day's answers is kept.
"use strict";
importScripts("{% static 'js/offline-store.js' %}");
var SHELL = "backhabits-shell-v1";
var ASSETS = [
  "{% static 'css/app.css' %}",
  "{% static 'js/app.js' %}",
  "{% static 'js/offline-store.js' %}",
  "{% static 'js/offline.js' %}",
  "{% static 'django_htmx/htmx-2.min.js' %}",
  "{% static 'icons/icon.svg' %}",
  "{% static 'icons/icon-192.png' %}",
  "{% static 'manifest.webmanifest' %}"
];
var CHECKIN_SHELL = "{% url 'tracker:checkin_shell' %}";
var EMERGENCY = "{% url 'tracker:offline_emergency' %}";
var SYNC = "{% url 'tracker:checkin_sync' %}";
var PAGES = [CHECKIN_SHELL, EMERGENCY];

// The two pages are the person's own (their lists, their emergency number): kept only when
// the answer is the page itself, never a redirect to log in.
function keepPages() {
  return caches.open(SHELL).then(function (cache) {
    return Promise.all(PAGES.map(function (url) {
      return fetch(url, { credentials: "same-origin", redirect: "manual" }).then(function (response) {
        if (response.status === 200) return cache.put(url, response);
      }).catch(function () {});
    }));
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) { return cache.addAll(ASSETS); })
    .then(keepPages).then(function () { return self.skipWaiting(); }));
});
self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name !== SHELL; })
      .map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});
self.addEventListener("message", function (event) {
  if (event.data === "refresh") event.waitUntil(keepPages());
  if (event.data === "forget") event.waitUntil(caches.delete(SHELL));
});
self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // Online, the network answers as always; offline, the check-in form and the emergency
    // advice come from what was kept.
    // Only today's check-in: an earlier day's page would save the kept form under today.
    var kept = url.pathname === EMERGENCY ? EMERGENCY
      : ["/", "/checkin/", CHECKIN_SHELL].indexOf(url.pathname) !== -1 ? CHECKIN_SHELL : null;
    if (!kept) return;
    event.respondWith(fetch(request).catch(function () {
      return caches.match(kept).then(function (response) { return response || Response.error(); });
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
    body: data.body || "How is your back today?",
    icon: "{% static 'icons/icon-192.png' %}",
    tag: "backhabits-reminder",
    actions: [
      { action: "log-pain", title: "Log pain" },
      { action: "done-today", title: "Done today" }
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
