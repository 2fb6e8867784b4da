{% load static %}// backhabits service worker: shows reminder notifications and opens the app on a tap.
"use strict";
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
