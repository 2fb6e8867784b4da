"""Odd values typed into the offline sync, check-in, PEG, own-list, share and settings forms, and
into their addresses: an answer, never a 500."""

import uuid

import pytest
from django.test import Client
from django.utils import timezone

BAD = ["", "x", "-1", "9" * 50, "1e9", "NaN", "\u00b2", "[1]", "null", "0x10"]


@pytest.mark.parametrize("value", BAD)
def test_odd_values_in_these_forms_never_give_a_500(logged_in_client, user, value):
    c = logged_in_client
    posts = [
        (
            "/checkin/sync/",
            {
                "account": value,
                "day_id": str(uuid.uuid4()),
                "date": timezone.now().date().isoformat(),
                "saved_at": timezone.now().isoformat(),
                "discomfort": "3",
            },
        ),
        (
            "/checkin/sync/",
            {
                "account": str(user.pk),
                "day_id": value,
                "date": value,
                "saved_at": value,
                "factors": value,
                "sleep_hours": value,
            },
        ),
        ("/checkin/", {"sleep_hours": value, "woke_from_pain": value, "pain_relief": value}),
        ("/peg/", {"peg_pain": value, "peg_enjoyment": value, "peg_activity": value}),
        ("/settings/tracked/", {"kind": value, "name": value}),
        ("/report/share/", {"range": value, "days": value, "include_notes": value}),
        ("/settings/", {"display_name": value * 20}),
    ]
    for url, data in posts:
        assert c.post(url, data).status_code < 500, (url, data)
    for url in (f"/report/share/{'9' * 30}/revoke/", f"/settings/tracked/{'9' * 30}/rename/"):
        assert c.post(url, {"name": "x"}).status_code in (404,)
    assert Client().get("/shared/" + "a" * 5000 + "/").status_code == 404
