"""benchmarks/reference_urls.py, the two reference views bench_instructions.py counts beside the
pages (`empty` and `chrome`): signed in, they answer as described, and the app's own URLs still
answer under them; signed out, they send to the log-in page like any signed-in page."""

import pytest
from django.urls import reverse

from benchmarks import reference_urls

pytestmark = pytest.mark.urls("benchmarks.reference_urls")


def test_empty_answers_two_bytes_signed_in(logged_in_client):
    response = logged_in_client.get(reference_urls.EMPTY)
    assert response.status_code == 200 and response.content == b"ok"


def test_chrome_draws_the_frame_with_no_content(logged_in_client):
    page = logged_in_client.get(reference_urls.CHROME).content.decode()
    assert 'class="site-footer"' in page and 'id="main"' in page
    assert "<h1" not in page  # no page's own content


@pytest.mark.parametrize("path", [reference_urls.EMPTY, reference_urls.CHROME])
def test_signed_out_they_send_to_the_log_in_page(client, db, path):
    response = client.get(path)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_the_apps_pages_answer_under_them(logged_in_client):
    assert logged_in_client.get("/healthz").status_code == 200
    assert logged_in_client.get(reverse("tracker:home")).status_code == 200
