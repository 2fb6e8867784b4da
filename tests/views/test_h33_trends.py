"""Issue 33: the trends page, the report and a shared copy in Spanish. Each page requested with
Accept-Language "es" shows Spanish and none of the English sentences our catalogue holds for
it; English is unchanged; the language costs no query; a shared copy speaks its reader's
language, with the report's numbers as they are."""

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import polib
import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tracker.choices import TrackedKind
from tracker.models import CheckIn, TrackedItem
from tracker.trends import before_today, earlier, sharing

ES = {"HTTP_ACCEPT_LANGUAGE": "es"}
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
CATALOGUE = Path(__file__).resolve().parents[2] / "locale/es/LC_MESSAGES/django.po"
# Our templates' and modules' words: every msgid from these files is checked on the pages.
OURS = re.compile(
    r"tracker/trends/|tracker/views/(trends|share)\.py|tracker/forms/share\.py|"
    r"templates/tracker/(trends|report|shared_report|share_created|shared_gone)\.html|"
    r"templates/tracker/partials/(trends_range|report_body|heatmap_legend)\.html"
)


def _today() -> dt.date:
    return timezone.now().date()


@pytest.fixture(autouse=True)
def _afresh():
    caches["fragments"].clear()
    before_today.KEPT.clear()
    earlier.forget_all()
    yield
    caches["fragments"].clear()


@pytest.fixture
def history(user):
    """Two months of days: enough for every insight, the PEG, sleep and an own factor."""
    item = TrackedItem.objects.create(user=user, kind=TrackedKind.FACTOR, name="Long drive")
    today = _today()
    CheckIn.objects.bulk_create(
        CheckIn(
            user=user,
            date=today - dt.timedelta(days=n),
            posture=1 + n % 5,
            exercise_minutes=(0, 20, 45)[n % 3],
            water_ml=(1200, 2200)[n % 2],
            stress=n % 9,
            discomfort=(n * 7) % 11,
            sleep_hours=Decimal("6") if n % 3 else Decimal("8"),
            woke_from_pain=n % 4 == 0,
            item_ids=[item.pk] if n % 2 else [],
            notes="Stiff after the drive." if n == 3 else "",
            symptoms=["leg_pain"] if n == 5 else [],
            **(
                {"peg_pain": 6 - n // 14, "peg_enjoyment": 5, "peg_activity": 5}
                if n % 7 == 0
                else {}
            ),
        )
        for n in range(60)
    )
    return item


def _our_sentences() -> list[str]:
    """Our catalogue's English sentences without placeholders: whole, as a page shows them."""
    found = []
    for entry in polib.pofile(str(CATALOGUE)):
        if entry.obsolete or "%" in entry.msgid or "{" in entry.msgid or "<" in entry.msgid:
            continue
        if entry.occurrences and not any(OURS.search(path) for path, _ in entry.occurrences):
            continue
        if len(entry.msgid) >= 12 and " " in entry.msgid:
            found.append(entry.msgid)
    return found


def _visible(html: str) -> str:
    """The page's text and the words inside its SVGs (titles, descriptions, labels)."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# English that the page builds around numbers and dates (placeholders filled in).
ENGLISH_BITS = [
    "days logged",
    " logged day",
    "Week of",
    "Dashed line",
    "Dotted line",
    "averaged",
    "on days you",
    "The day after",
    "more days",
    "strength from",
    "discomfort not logged",
    "Show as table",
    "7-day average",
    "your goal",
    "Not enough days",
    " of 7",
    " today",
    " to compare",
    "as last week",
    "from last week",
]


def _assert_spanish(html: str, english_html: str) -> None:
    text = _visible(html)
    shown_in_english = [s for s in _our_sentences() if s in _visible(english_html)]
    assert shown_in_english, "the English page shows our sentences"
    left = [s for s in shown_in_english if s in text]
    assert not left, left
    bits = [bit for bit in ENGLISH_BITS if bit in _visible(english_html) and bit in text]
    assert not bits, bits


@pytest.mark.parametrize("range_key", ["30", "365"])
def test_the_trends_page_in_spanish(logged_in_client, history, range_key):
    url = reverse("tracker:trends") + f"?range={range_key}"
    english = logged_in_client.get(url, **EN).content.decode()
    spanish = logged_in_client.get(url, **ES).content.decode()
    # (the page's lang attribute is base.html's, not ours)
    _assert_spanish(spanish, english)
    for words in (
        "Tus tendencias",
        "Fuerza del hábito",
        "Qué acompaña a un día mejor de espalda",
        "Un año de molestias",
        "días registrados",
        "Línea discontinua: promedio de 7 días.",
        "Ver como tabla",
        "los días",  # an insight's sentence
        "Rachas",
    ):
        assert words in spanish, words
    # Month and day names in the charts' titles and the year of discomfort.
    assert re.search(r"<title>(lun|mar|mié|jue|vie|sáb|dom) \d+ \w+ \d{4}: ", spanish)
    assert not re.search(r"<title>(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d+ ", spanish)
    # English is as it was.
    assert "Your trends" in english and "Habit strength" in english
    assert re.search(r"<title>(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d+ \w+ \d{4}: ", english)


def test_the_kept_fragments_answer_each_language_in_its_own(logged_in_client, history):
    """The same days and the same fingerprint: an English view first must not hand its
    fragments (range and year) to a Spanish one, nor the other way round."""
    url = reverse("tracker:trends")
    first_english = logged_in_client.get(url, **EN).content.decode()
    spanish = logged_in_client.get(url, **ES).content.decode()
    again_english = logged_in_client.get(url, **EN).content.decode()
    assert "Día a día" in spanish and "Day by day" not in spanish
    month = _today().month
    spanish_months = [
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
        "septiembre", "octubre", "noviembre", "diciembre",
    ]  # fmt: skip
    assert spanish_months[month - 1].capitalize() in spanish  # a month's tile, kept too
    # The same page again (its CSRF token aside): nothing Spanish was kept for English.
    assert _without_token(first_english) == _without_token(again_english)


def _without_token(html: str) -> str:
    return re.sub(r"[A-Za-z0-9]{64}", "", html)


def test_the_language_costs_no_query(logged_in_client, history):
    counts = {}
    for name, headers in (("en", EN), ("es", ES)):
        for range_key in ("30", "365"):
            caches["fragments"].clear()
            before_today.KEPT.clear()
            before_today.ROWS.clear()
            url = reverse("tracker:trends") + f"?range={range_key}"
            with CaptureQueriesContext(connection) as queries:
                assert logged_in_client.get(url, **headers).status_code == 200
            counts[name, range_key] = len(queries)
        with CaptureQueriesContext(connection) as queries:
            assert logged_in_client.get(reverse("tracker:report"), **headers).status_code == 200
        counts[name, "report"] = len(queries)
    for key in ("30", "365", "report"):
        assert counts["en", key] == counts["es", key], counts


def test_what_is_kept_between_views_holds_no_words(logged_in_client, history):
    """The days-before-today store keeps numbers only: a Spanish view after an English one
    adds nothing to it (the same keys answer), and still shows Spanish."""
    url = reverse("tracker:trends") + "?range=365"
    logged_in_client.get(url, **EN)
    kept = dict(before_today.KEPT._items)
    caches["fragments"].clear()
    spanish = logged_in_client.get(url, **ES).content.decode()
    assert dict(before_today.KEPT._items).keys() == kept.keys()
    assert "Fuerza del hábito" in spanish


def test_the_report_in_spanish(logged_in_client, history):
    url = reverse("tracker:report") + "?range=90"
    english = logged_in_client.get(url, **EN).content.decode()
    spanish = logged_in_client.get(url, **ES).content.decode()
    _assert_spanish(spanish, english)
    for words in (
        "Informe de salud de la espalda",
        "Promedios",
        "Los peores días",
        "Escala PEG",
        "Compartir con un profesional sanitario",
        "Crear un enlace para compartir",
        "Incluir mis notas",
        " de 20",  # "j F Y" in Spanish: "3 de diciembre de 2026"
    ):
        assert words in spanish, words
    assert "Back health report" in english and "The worst days" in english


def _shared(client, user, *, include_notes: bool = True, **headers) -> str:
    new = sharing.create(
        user, range_key="90", end_date=_today(), days=7, include_notes=include_notes
    )
    response = client.get(reverse("tracker:shared_report", args=[new.token]), **headers)
    assert response.status_code == 200
    return response.content.decode()


def _numbers(html: str) -> list[str]:
    """The report's tables' cells that are numbers alone: the same in any language."""
    cells = re.findall(r"<td>([^<]*)</td>", html)
    return [cell for cell in cells if re.fullmatch(r"[\d.,]+", cell)]


def test_a_shared_copy_reads_in_its_readers_language(user, history):
    """The owner reads English; a clinician whose browser asks for Spanish reads the copy in
    Spanish, with the very same numbers."""
    user.profile.language = "en"
    user.profile.save()
    reader = Client()
    english = _shared(reader, user, **EN)
    spanish = _shared(reader, user, **ES)
    _assert_spanish(spanish, english)
    assert "Un informe de solo lectura, compartido por la persona a la que describe." in spanish
    assert "Compartido con backhabits." in spanish
    assert "Stiff after the drive." in spanish  # the person's own words, as written
    assert _numbers(spanish) == _numbers(english)
    assert _numbers(english)


def test_a_shared_copy_of_a_spanish_readers_report_reads_in_english_for_an_english_reader(
    user, history
):
    user.profile.language = "es"
    user.profile.save()
    english = _shared(Client(), user, **EN)
    # (lang attribute: base.html)
    assert "Back health report" in english and "Informe" not in english


def test_a_signed_in_reader_reads_a_shared_copy_in_their_own_setting(user, other_user, history):
    other_user.profile.language = "es"
    other_user.profile.save()
    reader = Client()
    reader.force_login(other_user)
    spanish = _shared(reader, user, **EN)  # their setting wins over the browser's
    assert "Informe de salud de la espalda" in spanish


def test_the_share_pages_in_spanish(logged_in_client, user, history):
    response = logged_in_client.post(
        reverse("tracker:share_create"), {"range": "30", "days": "7"}, **ES
    )
    html = response.content.decode()
    assert "Tu enlace para compartir está listo" in html
    assert "Código QR del enlace para compartir" in html
    assert "Your share link" not in html
    gone = Client().get(reverse("tracker:shared_report", args=["x" * 43]), **ES).content.decode()
    assert "Enlace no encontrado" in gone and "Link not found" not in gone
    refused = logged_in_client.post(
        reverse("tracker:share_create"), {"range": "30", "days": "9"}, **ES
    ).content.decode()
    assert "Elige 7 o 30 días." in refused


def test_a_long_historys_kept_summary_holds_no_words(logged_in_client, user):
    """The all-days range of a long history keeps its earlier days summed up (numbers only,
    tracker.trends.earlier): a Spanish view reads the summary an English one made."""
    today = _today()
    CheckIn.objects.bulk_create(
        CheckIn(user=user, date=today - dt.timedelta(days=n), posture=3, exercise_minutes=30,
                water_ml=2000, stress=3, discomfort=n % 11)
        for n in range(0, 900, 2)
    )  # fmt: skip
    url = reverse("tracker:trends") + "?range=all"
    english = logged_in_client.get(url, **EN)
    kept = english.context["dashboard"].earlier
    assert kept is not None
    caches["fragments"].clear()
    spanish = logged_in_client.get(url, **ES)
    assert spanish.context["dashboard"].earlier.key == kept.key
    assert earlier.kept(kept.key) is not None
    html = spanish.content.decode()
    assert "promedios semanales" in html and "weekly averages" not in html
