"""A page the service worker keeps never sets the CSRF cookie: an answer that landed after a
log-in would otherwise put the signed-out secret back and the next form post would be refused."""

from django.conf import settings
from django.urls import reverse

from tracker.middleware import KEEPING_HEADER


def test_a_kept_page_fetch_leaves_the_csrf_cookie_alone(client, db):
    url = reverse("tracker:offline")
    assert settings.CSRF_COOKIE_NAME in client.get(url).cookies  # a page view sets it
    kept = client.get(url, headers={KEEPING_HEADER: "1"})
    assert kept.status_code == 200
    assert settings.CSRF_COOKIE_NAME not in kept.cookies


def test_the_service_worker_asks_so_for_every_page_it_keeps(client, db):
    worker = client.get("/sw.js").content.decode()
    assert f'"{KEEPING_HEADER}": "1"' in worker
