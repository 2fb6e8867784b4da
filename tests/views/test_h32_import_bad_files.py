"""Bad files through the page: each is refused in words with a 400 and writes nothing, a file
over the size limit is dropped as it arrives (never read into memory whole), and no file is
ever a 500."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.test_h32_import_files import HEADER, NASTY
from tests.views.test_h32_import_flow import IMPORT, upload
from tracker.dates import today_for
from tracker.imports import uploads
from tracker.models import CheckIn, ImportDraft


def refused_page(response) -> str:
    assert response.status_code == 400
    assert not CheckIn.objects.exists() and not ImportDraft.objects.exists()
    return response.content.decode()


def test_a_file_over_the_size_limit_is_dropped_as_it_arrives(logged_in_client, settings):
    settings.IMPORT_MAX_BYTES = 64 * 1024
    big = HEADER.encode() + b"\n" + b"2026-01-01,,,,,3,,,,,,,,\n" * 5000  # ~125 KB
    page = refused_page(upload(logged_in_client, big))
    assert "The file is larger than 0.0625 MB." in page


def test_the_handler_keeps_files_in_memory_and_stops_at_the_limit(settings, rf):
    settings.IMPORT_MAX_BYTES = 10
    request = rf.post("/")
    handler = uploads.BoundedMemoryUploadHandler(request)
    handler.new_file("file", "a.csv", "text/csv", 20)
    handler.receive_data_chunk(b"0123456789", 0)
    with pytest.raises(uploads.SkipFile):
        handler.receive_data_chunk(b"x", 10)
    assert getattr(request, uploads.TOO_LARGE_ATTRIBUTE)


def test_the_default_limit_is_five_megabytes():
    from backhabits import settings as project

    assert project.IMPORT_MAX_BYTES == 5 * 1024 * 1024


def test_a_file_not_in_utf8_is_refused(logged_in_client, user):
    day = today_for(user) - dt.timedelta(days=1)
    page = refused_page(upload(logged_in_client, f"date,notes\n{day},Café\n".encode("cp1252")))
    assert "Line 2" in page and "not UTF-8 text" in page


def test_bad_values_are_listed_by_line_and_column(logged_in_client, user):
    day = today_for(user) - dt.timedelta(days=1)
    page = refused_page(upload(logged_in_client, f"date,posture,discomfort\n{day},9,11\n"))
    assert "<strong>Line 2, column posture</strong>: Choose a whole number from 1 to 5." in page
    assert "<strong>Line 2, column discomfort</strong>" in page
    assert "2 problems in the file" in page


def test_a_future_date_is_the_persons_tomorrow(logged_in_client, user, each_kind_of_day):
    tomorrow = today_for(user) + dt.timedelta(days=1)
    page = refused_page(upload(logged_in_client, f"date,discomfort\n{tomorrow},3\n"))
    assert "is in the future" in page


def test_no_file_chosen_says_so(logged_in_client):
    page = refused_page(logged_in_client.post(IMPORT, {}))
    assert "Choose a file to import." in page


@pytest.mark.parametrize("text", NASTY)
def test_no_nasty_file_is_a_500(logged_in_client, text, settings):
    settings.RATELIMIT_ENABLE = False
    response = logged_in_client.post(IMPORT, {"file": SimpleUploadedFile("x.csv", text.encode())})
    assert response.status_code in (302, 400)


@pytest.mark.parametrize(
    "raw", [b"\xff\xfe\x00\x00", b"PK\x03\x04" + bytes(range(256)), b"\x1f\x8b\x08\x00gzip"]
)
def test_no_binary_file_is_a_500(logged_in_client, raw):
    assert upload(logged_in_client, raw).status_code == 400
