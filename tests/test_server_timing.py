"""The load test's CPU per page: a Server-Timing header when BACKHABITS_SERVER_TIMING is on."""

import re

from django.urls import reverse

TIMING = "backhabits.server_timing.ServerTimingMiddleware"


def test_off_by_default(client, settings, db):
    assert TIMING not in settings.MIDDLEWARE
    assert "Server-Timing" not in client.get(reverse("healthz"))


def test_each_answer_says_the_cpu_it_took(logged_in_client, settings):
    settings.MIDDLEWARE = [TIMING, *settings.MIDDLEWARE]
    for url in (reverse("healthz"), reverse("tracker:home"), reverse("tracker:checkin")):
        response = logged_in_client.get(url)
        assert response.status_code == 200
        cpu = re.fullmatch(r"cpu;dur=([0-9]+\.[0-9]{2})", response["Server-Timing"])
        assert cpu and float(cpu.group(1)) > 0
