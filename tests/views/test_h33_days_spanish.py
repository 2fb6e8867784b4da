"""Recording a day in Spanish: home, the check-in, history and the PEG page speak Spanish when the
browser asks for it, with none of their English left, and a refused answer is explained in
Spanish beside its field while a symptom ticked with it is still saved."""

import datetime as dt
import html as html_lib
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import make_checkin
from tracker.models import CheckIn, TrackedItem

ES = {"HTTP_ACCEPT_LANGUAGE": "es"}
HTMX = {"HX-Request": "true"}


@pytest.fixture(autouse=True)
def _english_after_each_test():
    """A request in Spanish leaves Spanish active in this thread (Django's LocaleMiddleware
    activates a language and nothing deactivates it): later tests read English."""
    yield
    translation.deactivate()


def _today() -> dt.date:
    return timezone.now().date()  # the test users live in UTC


def _text(page: str) -> str:
    """What a person reads in the page's main part (the frame around it is not this part's):
    the text, and the words of aria-label and title attributes."""
    if "<main" in page:
        page = page[page.index("<main") : page.index("</main>")]
    page = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", page)
    words = re.findall(r'(?:aria-label|title)="([^"]*)"', page)
    page = re.sub(r"(?s)<[^>]+>", " ", page)
    return re.sub(r"\s+", " ", html_lib.unescape(" ".join([page, *words])))


@pytest.fixture
def settled(user):
    """A person a week in: home shows every part, the check-in offers "Same as yesterday"."""
    today = _today()
    for n in range(1, 9):
        make_checkin(user, today - dt.timedelta(days=n), sleep_hours=7, woke_from_pain=True)
    TrackedItem.objects.create(user=user, kind="relief", name="Ibuprofeno")
    CheckIn.objects.create(user=user, date=today, water_ml=500, discomfort=4, water_last_tap_ml=250)
    return user


# Each page's own English (their templates and forms), none of which may be left in Spanish.
ENGLISH = {
    "tracker:home": [
        "Partly logged today",
        "Add more or edit",
        "Not logged:",
        "Water:",
        "goal reached",
        "Undo",
        "the last water tap",
        "Your week in three questions",
        "Answer 3 questions",
        "Habit strength",
        "Grows each day you keep a habit",
        "Over time",
        "Last 7 days",
        "All your days, month by month",
        "Discomfort 3",
        "partly logged",
        "Check in",
        "Care alerts",
        "Settings and your data",
        "Water towards today's goal",
        "Today,",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "tracker:checkin": [
        "Today's check-in",
        "Log what you can",
        "Emergency: get professional care",
        "Save check-in",
        "How you are",
        "Back discomfort",
        "0 none",
        "5 moderate",
        "worst imaginable",
        "Anything new, unusual or hard",
        "(optional)",
        "Tick anything",
        "Stress (0 calm",
        "0 calm",
        "10 extreme",
        "Habits",
        "Same as yesterday",
        "Fills in",
        "Never discomfort",
        "Slumped",
        "Upright, with breaks",
        "mostly upright",
        "Exercise (minutes)",
        "Rest day",
        "Water (ml)",
        "Undo",
        "Goal:",
        "Each tap adds",
        "More: sleep",
        "Hours slept",
        "Did back pain wake you",
        "Yes",
        "No<",
        "Pain relief you used",
        "Your own factors today",
        "Nothing on your list yet",
        "Add what you use",
        "Notes (optional)",
        "30 minutes",
        "Check-in for",
        "December",
        "November",
    ],
    "tracker:history": [
        "Your days",
        "Months",
        "full days,",
        "not logged.",
        "A missed day is just a gap",
        "each day's check-in, coloured by discomfort",
        "rest day",
        "Colour shows discomfort",
        "I'm away / taking a break",
        "Travelling, ill",
        "From",
        "Until (the last day away)",
        "Set my break",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Mon",
        "Tue",
        "Wed",
        "Thu",
        "Fri",
        "Sat",
        "Sun",
        "December",
        "November",
    ],
    "tracker:peg": [
        "Your week: the PEG scale",
        "Your week in three questions",
        "Think of the past 7 days",
        "What number best describes",
        "0 no pain",
        "pain as bad as you can imagine",
        "does not interfere",
        "completely interferes",
        "Save my answers",
        "The questions are the PEG scale as published",
    ],
}
SPANISH = {
    "tracker:home": ["Hoy registrado en parte.", "Últimos 7 días", "Fuerza del hábito", "Deshacer"],
    "tracker:checkin": [
        "Registro de hoy",
        "Molestia de espalda (0 nada – 10 la peor imaginable)",
        "Igual que ayer",
        "Guardar registro",
        "Agua (ml)",
        "¿Te despertó el dolor de espalda",
    ],
    "tracker:history": ["Tus días", "Estoy fuera / tomo un descanso", "Guardar mi descanso"],
    "tracker:peg": ["Tu semana en tres preguntas", "0 sin dolor", "Guardar mis respuestas"],
}


@pytest.mark.parametrize("page", list(ENGLISH))
def test_each_page_of_a_day_speaks_spanish_with_no_english_left(logged_in_client, settled, page):
    response = logged_in_client.get(reverse(page), **ES)
    assert response.status_code == 200
    page_html = response.content.decode()
    assert "<title>" in page_html
    title = page_html[page_html.index("<title>") : page_html.index("</title>")]
    assert not re.search(r"Check-in|History|Today|Your week", title)
    text = _text(page_html)
    for words in SPANISH[page]:
        assert words in text, words
    left = [words for words in ENGLISH[page] if re.search(rf"\b{re.escape(words)}", text)]
    assert left == []


@pytest.mark.parametrize("page", list(ENGLISH))
def test_in_english_the_same_pages_are_unchanged(logged_in_client, settled, page):
    text = _text(logged_in_client.get(reverse(page)).content.decode())
    assert not [words for pages in SPANISH.values() for words in pages if words in text]


def test_the_months_and_weekdays_of_history_are_spanish(logged_in_client, settled):
    response = logged_in_client.get(reverse("tracker:history") + "?month=2026-03", **ES)
    text = _text(response.content.decode())
    assert "Marzo de 2026" in text  # the heading, its first letter capital
    assert "lunes" in text and "lun" in text
    assert "March" not in text and "Monday" not in text


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_an_out_of_range_answer_is_explained_in_spanish_and_a_symptom_beside_it_is_kept(
    logged_in_client, user, headers
):
    data = {"symptoms": ["night_pain"], "discomfort": "11", "exercise_minutes": "2000"}
    response = logged_in_client.post(reverse("tracker:checkin"), data, headers=headers, **ES)
    page = response.content.decode()
    assert response.status_code == 200
    discomfort_errors = re.search(r'id="id_discomfort_errors">(.*?)</ul>', page).group(1)
    assert "Elige un número entero del 0 al 10." in discomfort_errors
    exercise_errors = re.search(r'id="id_exercise_minutes_errors">(.*?)</ul>', page).group(1)
    assert "Escribe como máximo 1\xa0440 minutos." in exercise_errors
    assert "Corrige las 2 respuestas marcadas." in page
    assert "Choose a whole number" not in page and "highlighted answer" not in page
    # The rule: a valid symptom is never discarded. Nothing else was saved.
    checkin = CheckIn.objects.get(user=user)
    assert checkin.symptoms == ["night_pain"]
    assert (checkin.discomfort, checkin.exercise_minutes) == (None, None)


def test_an_out_of_range_answer_in_english_is_as_before(logged_in_client, user):
    data = {"symptoms": ["night_pain"], "discomfort": "11"}
    page = logged_in_client.post(reverse("tracker:checkin"), data).content.decode()
    errors = re.search(r'id="id_discomfort_errors">(.*?)</ul>', page).group(1)
    assert "Choose a whole number from 0 to 10." in errors
    assert CheckIn.objects.get(user=user).symptoms == ["night_pain"]


def test_an_empty_spanish_check_in_saves_nothing_and_says_so(logged_in_client, user):
    page = logged_in_client.post(reverse("tracker:checkin"), {}, **ES).content.decode()
    assert "No se guardó nada: el formulario estaba vacío." in page
    assert not CheckIn.objects.filter(user=user).exists()


def test_the_saved_message_and_the_water_taps_speak_spanish(logged_in_client, user):
    response = logged_in_client.post(
        reverse("tracker:checkin"), {"discomfort": "3"}, follow=True, **ES
    )
    assert "Registro del " in response.content.decode()
    assert "Saved your check-in" not in response.content.decode()
    card = logged_in_client.post(reverse("tracker:add_water"), headers=HTMX, **ES)
    text = _text(card.content.decode())
    assert "Agua: 250 ml de 2 000 ml" in text
    assert "Deshacer el último vaso de agua" in text
    assert "Undo" not in text and "Water:" not in text


def test_a_spanish_peg_refused_and_saved(logged_in_client, user):
    refused = logged_in_client.post(reverse("tracker:peg"), {"peg_pain": "3"}, **ES)
    page = refused.content.decode()
    assert "No se guardó nada. Responde las 2 preguntas marcadas." in page
    assert "Elige un número del 0 al 10." in page
    saved = logged_in_client.post(
        reverse("tracker:peg"),
        {"peg_pain": "3", "peg_enjoyment": "4", "peg_activity": "4"},
        follow=True,
        **ES,
    )
    assert "Tu puntuación PEG de esta semana: 3,7 de 10." in saved.content.decode()


def test_time_away_speaks_spanish(logged_in_client, user):
    today = _today()
    start, end = today + dt.timedelta(days=2), today + dt.timedelta(days=4)
    response = logged_in_client.post(
        reverse("tracker:away_start"),
        {"start": start.isoformat(), "end": end.isoformat()},
        follow=True,
        **ES,
    )
    text = _text(response.content.decode())
    assert "Disfruta del descanso." in text
    assert "Estarás de descanso del " in text
    assert "Cancelar este descanso" in text
    too_long = logged_in_client.post(
        reverse("tracker:away_start"),
        {"start": today.isoformat(), "end": (today + dt.timedelta(days=90)).isoformat()},
        **ES,
    )
    assert "Ya tienes un descanso fijado." in too_long.content.decode() or (
        "Un descanso puede durar hasta 60 días." in too_long.content.decode()
    )


def test_the_symptom_checklist_and_a_days_symptoms_are_said_in_spanish(client, user):
    """The labels are stored English (an alert's evidence keeps them as written), and shown in
    the page's language: the checklist's groups and boxes, and a day's summary."""
    from tracker.care.symptoms import SYMPTOM_GROUPS, SYMPTOM_LABELS
    from tracker.days.day_summary import describe_day
    from tracker.models import CheckIn

    client.force_login(user)
    page = client.get("/checkin/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    for label in [*SYMPTOM_LABELS.values(), *(group.title for group in SYMPTOM_GROUPS)]:
        assert label not in page
    assert "Fiebre" in page or "fiebre" in page
    english = client.get("/checkin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert SYMPTOM_LABELS["leg_pain"] in english

    checkin = CheckIn.objects.create(user=user, date=dt.date(2026, 1, 5), symptoms=["leg_pain"])
    with translation.override("es"):
        said = describe_day(checkin, date=checkin.date, water_unit="ml").symptoms
    assert said and said[0] != SYMPTOM_LABELS["leg_pain"]
