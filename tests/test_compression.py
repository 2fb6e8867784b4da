"""Pages go out compressed: zstd to a browser that takes it, gzip to one that takes only gzip,
at the fastest level and padded against BREACH; as they are to one that takes neither."""

import gzip
import io
import re

import pytest
import zstandard
from django.http import HttpResponse, StreamingHttpResponse
from django.test import RequestFactory
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from backhabits.compression import (
    SKIPPABLE_FRAME_MAGIC,
    PageCompressionMiddleware,
    chosen_coding,
    compressed,
)

CHROMIUM = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br, zstd"}
SAFARI = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


def _decoded(body: bytes, coding: str) -> bytes:
    if coding == "gzip":
        return gzip.decompress(body)
    # As a browser reads it: across frames, the padding's skippable frame skipped.
    reader = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(body), read_across_frames=True)
    return reader.read()


def _unmasked(page: str) -> str:
    return re.sub(r"\b[A-Za-z0-9]{64}\b", "a CSRF token", page)


def _padding(body: bytes, coding: str) -> bytes:
    """The padding: the gzip header's file name, or the skippable frame's content."""
    if coding == "gzip":
        assert body[3] & gzip.FNAME and body[8] == 4  # XFL 4: compressed at the fastest level
        return body[10 : body.index(b"\x00", 10)]
    assert body[:4] == SKIPPABLE_FRAME_MAGIC
    return body[8 : 8 + int.from_bytes(body[4:8], "little")]


@pytest.mark.parametrize("page", ["tracker:home", "tracker:checkin", "tracker:trends"])
@pytest.mark.parametrize(("browser", "coding"), [(CHROMIUM, "zstd"), (SAFARI, "gzip")])
def test_a_page_is_sent_compressed_and_reads_the_same(logged_in_client, page, browser, coding):
    plain = logged_in_client.get(reverse(page))
    packed = logged_in_client.get(reverse(page), **browser)
    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == coding
    assert "Accept-Encoding" in packed["Vary"] and "Accept-Encoding" in plain["Vary"]
    assert int(packed["Content-Length"]) == len(packed.content) < len(plain.content) / 2
    # The same page: only the CSRF tokens, masked afresh on each render, differ.
    unpacked = _decoded(packed.content, coding).decode()
    assert _unmasked(unpacked) == _unmasked(plain.text) and "</html>" in unpacked


@pytest.mark.parametrize(("browser", "coding"), [(CHROMIUM, "zstd"), (SAFARI, "gzip")])
def test_each_answer_is_padded_to_a_random_length(logged_in_client, browser, coding):
    bodies = [logged_in_client.get(reverse("tracker:trends"), **browser).content for _ in range(12)]
    paddings = [_padding(body, coding) for body in bodies]
    assert len({len(padding) for padding in paddings}) > 1


@pytest.mark.parametrize("coding", ["zstd", "gzip"])
def test_the_padding_stays_under_its_limit_and_the_page_reads_back(coding):
    content = b"<p>discomfort 3</p>" * 200
    lengths = set()
    for _ in range(300):
        body = compressed(content, coding, max_random_bytes=5)
        lengths.add(len(_padding(body, coding)))
        assert _decoded(body, coding) == content
    assert lengths == {0, 1, 2, 3, 4}


@pytest.mark.parametrize("coding", ["zstd", "gzip"])
def test_a_limit_of_zero_is_no_padding(coding):
    content = b"<p>discomfort 3</p>" * 200
    body = compressed(content, coding, max_random_bytes=0)
    assert _padding(body, coding) == b"" and _decoded(body, coding) == content


def _streamed(accept_encoding: str):
    page = [b"<p>day</p>" * 100] * 3
    request = RequestFactory().get("/export/", HTTP_ACCEPT_ENCODING=accept_encoding)
    middleware = PageCompressionMiddleware(lambda request: StreamingHttpResponse(iter(page)))
    response = middleware(request)
    return response, b"".join(response.streaming_content), b"".join(page)


def test_a_stream_is_gzipped_only_for_a_client_to_be_sent_gzip():
    response, body, page = _streamed("gzip, deflate")
    assert response["Content-Encoding"] == "gzip" and gzip.decompress(body) == page
    for refused in ("br, gzip;q=0", "x-gzip", "gzip, deflate, br, zstd"):
        response, body, page = _streamed(refused)
        assert "Content-Encoding" not in response and body == page, refused
        assert "Accept-Encoding" in response["Vary"]


def test_an_answer_already_encoded_is_left_as_it_is(rf):
    encoded = HttpResponse(b"\x28\xb5\x2f\xfd" + b"x" * 500, headers={"Content-Encoding": "zstd"})
    middleware = PageCompressionMiddleware(lambda request: encoded)
    response = middleware(rf.get("/", HTTP_ACCEPT_ENCODING="gzip, zstd"))
    assert response.content == encoded.content and response["Content-Encoding"] == "zstd"


def test_a_browser_that_takes_neither_gets_the_page_as_it_is(logged_in_client):
    for refused in ("br", "identity", "gzip;q=0, zstd;q=0", "deflate, gzip;q=0.0"):
        response = logged_in_client.get(reverse("tracker:home"), HTTP_ACCEPT_ENCODING=refused)
        assert "Content-Encoding" not in response, refused
        assert "<html" in response.text


def test_short_answers_are_left_alone(client, db):
    response = client.get(reverse("healthz"), **CHROMIUM)
    assert response.status_code == 200 and "Content-Encoding" not in response


def test_a_partial_for_htmx_is_compressed_too(logged_in_client):
    response = logged_in_client.get(
        reverse("tracker:trends"), {"range": "90"}, HTTP_HX_REQUEST="true", **CHROMIUM
    )
    assert response["Content-Encoding"] == "zstd"
    assert "<html" not in _decoded(response.content, "zstd").decode()


@pytest.mark.parametrize(
    ("accept_encoding", "coding"),
    [
        ("gzip, deflate, br, zstd", "zstd"),
        ("zstd;q=0.5, gzip;q=1.0", "gzip"),
        ("zstd;q=0.8, gzip;q=0.8", "zstd"),
        ("zstd;q=nan-ish, gzip", "gzip"),
        ("gzip, zstd;q=0", "gzip"),
        ("GZIP", "gzip"),
        ("deflate , gzip ; q=0.5", "gzip"),
        ("br, gzip;q=0", None),
        ("gzip; q=0.000", None),
        ("x-gzip, zstd-dict", None),
        ("", None),
    ],
)
def test_the_coding_chosen_from_what_a_client_takes(accept_encoding, coding):
    assert chosen_coding(accept_encoding) == coding


@given(st.text())
def test_any_accept_encoding_gives_one_of_ours_or_none(accept_encoding):
    assert chosen_coding(accept_encoding) in (None, "zstd", "gzip")
