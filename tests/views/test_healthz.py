from unittest import mock

from django.db import OperationalError


def test_healthz_answers_200_when_the_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"


def test_healthz_answers_503_without_details_when_the_database_fails(client, db):
    with mock.patch(
        "django.db.backends.utils.CursorWrapper.execute",
        side_effect=OperationalError("secret host db01"),
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert b"db01" not in response.content
