"""The check-in form's opening (the offline emergency advice, the form tag and its first
heading) is drawn once for each day, address, country's numbers and language and kept
(tracker.days.pages.form_opening_html): it is the markup checkin_panel.html drew, whatever it
is kept for, with each request's own CSRF token."""

import datetime as dt
import json
from pathlib import Path

import pytest
from django.template import engines
from django.test import RequestFactory
from django.urls import set_script_prefix
from django.utils import translation

from tracker.care import countries, redflags
from tracker.csrf import STAND_IN, token_for
from tracker.days import pages
from tracker.kept import Kept

# The opening as checkin_panel.html drew it, before it became a partial of its own.
_TEMPLATE = (
    Path(__file__).parent.parent / "data" / "checkin_form_opening_template.html"
).read_text()
DAYS = [dt.date(2026, 3, 2), dt.date(2025, 12, 31)]  # handed to the drawing only: no clock


@pytest.fixture
def kept(monkeypatch):
    store = Kept(400)
    monkeypatch.setattr(pages, "OPENING_DRAWN", store)
    return store


def _request(user, path="/checkin/"):
    request = RequestFactory().get(path)
    request.user = user
    return request


def _as_the_panel_drew_it(request, *, day, action_url, offline_shell, contacts) -> str:
    context = {
        "day": day,
        "action_url": action_url,
        "offline_shell": offline_shell,
        "emergency_contacts": contacts,
        "emergency_sets": json.dumps(redflags.emergency_symptom_sets()),
    }
    return engines["django"].from_string(_TEMPLATE).render(context, request).strip()


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_kept_opening_is_what_the_panel_drew_for_every_day_address_and_country(
    user, kept, language
):
    shapes = [
        (day, action_url, offline_shell, country)
        for day in DAYS
        for action_url in ("/checkin/", "/checkin/2026-03-01/")
        for offline_shell in (False, True)
        for country in ("GB", "ES", "")
    ]
    drawn = []
    with translation.override(language):
        for day, action_url, offline_shell, country in [*shapes, *reversed(shapes)]:
            contacts = countries.contacts_for(country)
            request = _request(user)
            opening = pages.form_opening_html(
                request, day=day, action_url=action_url, offline_shell=offline_shell,
                contacts=contacts,
            )  # fmt: skip
            assert opening == _as_the_panel_drew_it(
                request, day=day, action_url=action_url, offline_shell=offline_shell,
                contacts=contacts,
            )  # fmt: skip
            assert token_for(request) in opening and STAND_IN not in opening
            drawn.append(opening.replace(token_for(request), "token"))
    assert len(set(drawn)) == len(kept._items) == len(shapes)  # each drawn once, then kept


def test_a_kept_opening_follows_the_sites_address_and_the_rules(user, kept, monkeypatch):
    contacts = countries.contacts_for("GB")
    shape = {"day": DAYS[0], "action_url": "/checkin/", "offline_shell": False}
    try:
        for prefix in ("/", "/app/", "/"):
            set_script_prefix(prefix)
            request = _request(user)
            opening = pages.form_opening_html(request, contacts=contacts, **shape)
            assert opening == _as_the_panel_drew_it(request, contacts=contacts, **shape)
    finally:
        set_script_prefix("/")
    assert len(kept._items) == 2
    monkeypatch.setattr(redflags, "emergency_symptom_sets", lambda: [["a", "b"]])
    request = _request(user)
    opening = pages.form_opening_html(request, contacts=contacts, **shape)
    assert opening == _as_the_panel_drew_it(request, contacts=contacts, **shape)
    assert "[[&quot;a&quot;, &quot;b&quot;]]" in opening


def test_each_check_in_page_has_its_own_token_and_its_own_day(client, user):
    import re

    client.force_login(user)
    drawn = [
        client.get(path).content.decode()
        for path in ("/checkin/", "/checkin/", "/checkin/2026-03-01/")
    ]
    tokens = []
    for html in drawn:
        # The page's own token (base.html's htmx header) is the one in the kept form opening.
        token = re.search(r'"x-csrftoken": "([^"]+)"', html).group(1)
        form = html[html.index('<form method="post" action="/checkin/') :]
        assert f'name="csrfmiddlewaretoken" value="{token}"' in form[: form.index("</form>")]
        assert STAND_IN not in html
        tokens.append(token)
    assert len(set(tokens)) == 3
    assert 'data-day="2026-03-01"' in drawn[2] and 'action="/checkin/2026-03-01/"' in drawn[2]
