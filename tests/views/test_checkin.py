import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import checkin_post_data, make_checkin
from tracker.choices import Posture
from tracker.models import CareAlert, CheckIn

HTMX = {"HX-Request": "true"}


@pytest.fixture(autouse=True)
def _english_after_each_test():
    """A request in Spanish leaves Spanish active in this thread (Django's LocaleMiddleware
    activates a language and nothing deactivates it): later tests read English."""
    yield
    translation.deactivate()


def _today() -> dt.date:
    return timezone.now().date()  # the test users live in UTC


def test_anonymous_visitor_is_sent_to_log_in(client, db):
    response = client.get(reverse("tracker:checkin"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_opening_the_checkin_creates_nothing(logged_in_client, user):
    response = logged_in_client.get(reverse("tracker:checkin"))
    assert response.status_code == 200
    assert b"Today&#x27;s check-in" in response.content or b"Today's check-in" in response.content
    assert not CheckIn.objects.filter(user=user).exists()


def test_plain_post_saves_the_day_and_redirects_home(logged_in_client, user):
    response = logged_in_client.post(reverse("tracker:checkin"), checkin_post_data())
    assert response.status_code == 302
    assert response["Location"] == reverse("tracker:home")
    checkin = CheckIn.objects.get(user=user, date=_today())
    assert (checkin.posture, checkin.exercise_minutes, checkin.water_ml) == (4, 25, 1750)
    assert (checkin.stress, checkin.discomfort, checkin.notes) == (3, 2, "Walked at lunch.")


def test_htmx_post_returns_the_panel_fragment_with_confirmation(logged_in_client, user):
    response = logged_in_client.post(reverse("tracker:checkin"), checkin_post_data(), headers=HTMX)
    assert response.status_code == 200
    assert b"<html" not in response.content
    assert b'id="checkin-panel"' in response.content
    assert b"Saved your check-in" in response.content
    assert CheckIn.objects.filter(user=user, date=_today(), discomfort=2).exists()


def test_saving_again_updates_the_same_day(logged_in_client, user):
    url = reverse("tracker:checkin")
    logged_in_client.post(url, checkin_post_data(discomfort="2"))
    logged_in_client.post(url, checkin_post_data(discomfort="6"))
    assert CheckIn.objects.filter(user=user).count() == 1
    assert CheckIn.objects.get(user=user).discomfort == 6


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_invalid_values_show_errors_next_to_fields_and_save_nothing(
    logged_in_client, user, headers
):
    data = checkin_post_data(discomfort="11", water_ml="lots")
    response = logged_in_client.post(reverse("tracker:checkin"), data, headers=headers)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_discomfort_errors"' in html
    assert 'id="id_water_ml_errors"' in html
    assert "Nothing was saved" in html
    assert not CheckIn.objects.filter(user=user).exists()


def test_invalid_edit_keeps_the_earlier_values(logged_in_client, user):
    make_checkin(user, _today(), discomfort=3, notes="kept")
    logged_in_client.post(reverse("tracker:checkin"), checkin_post_data(stress="99"))
    checkin = CheckIn.objects.get(user=user)
    assert (checkin.discomfort, checkin.notes) == (3, "kept")


def test_an_earlier_day_can_be_logged(logged_in_client, user):
    day = _today() - dt.timedelta(days=3)
    url = reverse("tracker:checkin_day", kwargs={"date": day})
    assert logged_in_client.get(url).status_code == 200
    logged_in_client.post(url, checkin_post_data())
    assert CheckIn.objects.filter(user=user, date=day).exists()


def test_a_future_date_is_refused_with_a_message(logged_in_client, user):
    day = _today() + dt.timedelta(days=1)
    url = reverse("tracker:checkin_day", kwargs={"date": day})
    response = logged_in_client.post(url, checkin_post_data())
    assert response.status_code == 400
    assert b"in the future" in response.content
    assert not CheckIn.objects.exists()


@pytest.mark.parametrize(
    "bad", ["2025-02-30", "9999-99-99", "2025-13-01", "abcd-ef-gh", "2025-1-1", "0000-00-00"]
)
def test_malformed_dates_in_the_url_are_404(logged_in_client, bad):
    response = logged_in_client.get(f"/checkin/{bad}/")
    assert response.status_code == 404


def test_a_date_before_2000_is_refused(logged_in_client):
    response = logged_in_client.get("/checkin/1999-12-31/")
    assert response.status_code == 400


def test_nothing_is_pre_filled_from_an_earlier_day(logged_in_client, user):
    make_checkin(user, _today() - dt.timedelta(days=1), posture=2, stress=7, discomfort=5)
    html = logged_in_client.get(reverse("tracker:checkin")).content.decode()
    assert re.search(r"<input[^>]*\bchecked\b", html) is None
    assert 'name="exercise_minutes" value=' not in html
    assert "Same as yesterday" in html


def test_form_keeps_water_already_tapped_today(logged_in_client, user):
    CheckIn.objects.create(user=user, date=_today(), water_ml=750)
    html = logged_in_client.get(reverse("tracker:checkin")).content.decode()
    assert 'value="750"' in html


def test_another_users_day_is_never_shown(logged_in_client, other_user):
    make_checkin(other_user, _today(), notes="bob's private note", discomfort=9)
    html = logged_in_client.get(reverse("tracker:checkin")).content.decode()
    assert "bob&#x27;s private note" not in html and "bob's private note" not in html
    assert re.search(r"<input[^>]*\bchecked\b", html) is None


def test_get_and_post_only(logged_in_client):
    assert logged_in_client.put(reverse("tracker:checkin")).status_code == 405


def test_water_tapped_while_the_form_was_open_is_kept(logged_in_client, user):
    CheckIn.objects.create(user=user, date=_today(), water_ml=500)
    logged_in_client.get(reverse("tracker:checkin"))  # the form shows 500 ml
    logged_in_client.post(reverse("tracker:add_water"))  # a tap elsewhere: 750 ml
    logged_in_client.post(
        reverse("tracker:checkin"), checkin_post_data(water_ml="1000", water_seen_ml="500")
    )
    assert CheckIn.objects.get(user=user).water_ml == 1250


def test_htmx_request_after_the_session_expired_sends_the_browser_to_log_in(client, db):
    response = client.post(reverse("tracker:add_water"), headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response["HX-Redirect"].startswith(reverse("login"))


# --- log what you can -------------------------------------------------------------------------


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_symptoms_beside_a_bad_answer_are_saved_checked_and_lead_the_response(
    logged_in_client, user, headers
):
    data = {"symptoms": ["night_pain"], "discomfort": "6", "exercise_minutes": "2000"}
    response = logged_in_client.post(reverse("tracker:checkin"), data, headers=headers)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index('role="alert"') < html.index('id="id_exercise_minutes_errors"')
    assert "Get an urgent appointment with a doctor today" in html
    assert "were saved and checked" in html
    checkin = CheckIn.objects.get(user=user)
    assert (checkin.symptoms, checkin.discomfort, checkin.exercise_minutes) == (
        ["night_pain"], 6, None,
    )  # fmt: skip
    assert CareAlert.objects.get(user=user).rule == "night_pain"


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_an_emergency_symptom_beside_a_bad_answer_takes_over_with_the_answer_below(
    logged_in_client, user, headers
):
    data = {"symptoms": ["bladder_bowel"], "water_ml": "lots"}
    response = logged_in_client.post(reverse("tracker:checkin"), data, headers=headers)
    html = response.content.decode()
    assert 'href="tel:112"' in html
    assert html.index('href="tel:112"') < html.index('id="id_water_ml_errors"')
    if headers:
        assert response["HX-Retarget"] == "#main"
    assert CheckIn.objects.get(user=user).symptoms == ["bladder_bowel"]
    # The form below keeps what a phone needs if the connection drops before it is sent again:
    # the emergency answers and the number to call (they were empty here once).
    assert 'data-emergency-sets="[[&quot;' in html
    assert html.count('href="tel:112"') >= 2  # the advice, and the form's kept fallback


def test_a_bad_answer_without_symptoms_saves_nothing(logged_in_client, user):
    response = logged_in_client.post(
        reverse("tracker:checkin"), {"discomfort": "6", "stress": "12"}
    )
    assert "Nothing was saved" in response.content.decode()
    assert not CheckIn.objects.exists()


def test_a_bad_answer_never_removes_a_symptom_saved_earlier(logged_in_client, user):
    make_checkin(user, _today(), symptoms=["leg_pain"], discomfort=3)
    logged_in_client.post(
        reverse("tracker:checkin"), {"symptoms": ["fever"], "discomfort": "4", "posture": "0"}
    )
    checkin = CheckIn.objects.get(user=user)
    assert (checkin.symptoms, checkin.discomfort, checkin.posture) == (["leg_pain", "fever"], 4, 3)


def test_an_htmx_save_shows_the_saved_day_not_the_form(logged_in_client, user):
    html = logged_in_client.post(
        reverse("tracker:checkin"), {"discomfort": "3", "posture": "4"}, headers=HTMX
    ).content.decode()
    assert "Saved your check-in for today" in html
    assert "<form" not in html.split('id="tips-heading"')[0]
    assert "Not logged: Stress, exercise, water." in html
    assert f'hx-get="{reverse("tracker:checkin")}"' in html  # Edit


def test_every_response_leads_with_an_alert_already_open(logged_in_client, user):
    yesterday = _today() - dt.timedelta(days=1)
    make_checkin(user, yesterday, symptoms=["night_pain"])
    CareAlert.objects.create(
        user=user, rule="night_pain", tier="urgent", last_evidence_date=yesterday,
        evidence=[{"date": yesterday.isoformat(), "answers": ["Pain worse at night"]}],
    )  # fmt: skip
    url = reverse("tracker:checkin")
    page = logged_in_client.get(url).content.decode()
    assert page.index('role="alert"') < page.index('class="checkin-form"')
    saved = logged_in_client.post(url, {"discomfort": "2"}, headers=HTMX).content.decode()
    assert saved.index('role="alert"') < saved.index("Saved your check-in")
    # As one line: the full prompt showed where it fired and stays on /care/.
    assert 'class="care-line care-urgent" role="alert"' in saved
    assert "Get an urgent appointment with a doctor today" not in saved


def test_a_past_day_says_its_date_never_today(logged_in_client, user):
    day = _today() - dt.timedelta(days=3)
    html = logged_in_client.get(
        reverse("tracker:checkin_day", kwargs={"date": day})
    ).content.decode()
    assert f"Check-in for {day:%A} {day.day} {day:%B}" in html
    form = html[html.index("<form") : html.index("</form>")]
    assert "today" not in form.lower()


def test_same_as_yesterday_offers_the_habits_only(logged_in_client, user):
    make_checkin(user, _today() - dt.timedelta(days=1), posture=5, exercise_minutes=40,
                 water_ml=1800, stress=8, discomfort=7)  # fmt: skip
    html = logged_in_client.get(reverse("tracker:checkin")).content.decode()
    button = re.search(r"<button[^>]*data-fill-habits[^>]*>", html).group(0)
    assert 'data-posture="5"' in button and 'data-exercise_minutes="40"' in button
    assert 'data-water_ml="1800"' in button
    assert "stress" not in button and "discomfort" not in button


@pytest.mark.parametrize(
    ("logged", "unit"),
    [
        ({"posture": 5, "exercise_minutes": 1200, "water_ml": 1800}, "ml"),
        ({"posture": 2, "exercise_minutes": None, "water_ml": 500}, "oz"),
        ({"posture": None, "exercise_minutes": 0, "water_ml": None}, "ml"),
    ],
)
@pytest.mark.parametrize("language", ["en", "es"])
def test_same_as_yesterday_sums_up_the_days_habits_as_the_day_says_them(
    logged_in_client, user, logged, unit, language
):
    """The offer's summary: each habit the day logged, in words, in the form's order, as the
    day's own summary words them (tracker.days.day_summary)."""
    from tracker.days.day_summary import describe_day

    user.profile.water_unit = unit
    user.profile.save()
    yesterday = _today() - dt.timedelta(days=1)
    make_checkin(user, yesterday, stress=8, discomfort=7, **logged)
    html = logged_in_client.get(reverse("tracker:checkin"), HTTP_ACCEPT_LANGUAGE=language)
    with translation.override(user.profile.language or language):
        day = describe_day(
            CheckIn(**{k: v for k, v in logged.items() if v is not None}),
            date=yesterday,
            water_unit=unit,
        )
        expected = " · ".join(value for _, value in day.logged)
    shown = re.search(r'id="same-as-summary">(.*?)</p>', html.content.decode(), re.S).group(1)
    assert expected and expected in shown
    assert "/10" not in shown  # never discomfort or stress


def test_same_as_yesterday_never_offers_water_over_todays_taps(logged_in_client, user):
    make_checkin(user, _today() - dt.timedelta(days=1), water_ml=1800)
    logged_in_client.post(reverse("tracker:add_water"))
    html = logged_in_client.get(reverse("tracker:checkin")).content.decode()
    button = re.search(r"<button[^>]*data-fill-habits[^>]*>", html).group(0)
    assert "data-water_ml" not in button


def test_same_as_an_earlier_day_names_it(logged_in_client, user):
    earlier = _today() - dt.timedelta(days=4)
    make_checkin(user, earlier, posture=2)
    html = logged_in_client.get(reverse("tracker:checkin")).content.decode()
    assert f"Same as {earlier:%A} {earlier.day} {earlier:%B}" in html


def test_without_javascript_same_as_yesterday_fills_the_form_and_keeps_what_was_typed(
    logged_in_client, user
):
    make_checkin(user, _today() - dt.timedelta(days=1), posture=5, exercise_minutes=40,
                 water_ml=1800, stress=8, discomfort=7)  # fmt: skip
    response = logged_in_client.post(
        reverse("tracker:checkin"), {"fill": "habits", "discomfort": "2", "notes": "kept"}
    )
    html = response.content.decode()
    assert 'value="5" id="id_posture_4" checked' in html
    assert 'name="exercise_minutes" value="40"' in html
    assert 'name="water_ml" value="1800"' in html
    assert 'value="2" id="id_discomfort_2" checked' in html
    assert "kept</textarea>" in html
    assert 'id="id_stress_8" checked' not in html
    assert not CheckIn.objects.filter(date=_today()).exists()


def test_without_javascript_a_water_tap_keeps_the_other_answers_unsaved(logged_in_client, user):
    response = logged_in_client.post(
        reverse("tracker:checkin"),
        {"water": "add", "discomfort": "5", "water_ml": "", "water_seen_ml": "0"},
    )
    html = response.content.decode()
    assert 'name="water_ml" value="250"' in html
    assert 'value="5" id="id_discomfort_5" checked' in html
    checkin = CheckIn.objects.get(user=user)
    assert (checkin.water_ml, checkin.discomfort) == (250, None)


def test_an_htmx_water_tap_returns_the_water_field(logged_in_client, user):
    response = logged_in_client.post(reverse("tracker:checkin"), {"water": "add"}, headers=HTMX)
    html = response.content.decode()
    assert html.startswith('<div class="field water-field')
    assert 'name="water_ml" value="250"' in html
    assert 'name="water_seen_ml" value="250"' in html
    assert "Undo" in html


def test_a_tap_made_elsewhere_while_the_form_was_open_is_added(logged_in_client, user):
    logged_in_client.get(reverse("tracker:checkin"))  # the form shows no water
    logged_in_client.post(reverse("tracker:add_water"))  # a tap on the home page
    logged_in_client.post(
        reverse("tracker:checkin"), {"discomfort": "3", "water_ml": "", "water_seen_ml": "0"}
    )
    assert CheckIn.objects.get(user=user).water_ml == 250


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("days", [5, 600])
def test_the_check_in_page_and_save_take_a_fixed_number_of_queries(
    logged_in_client, user, django_assert_max_num_queries, days, language
):
    CheckIn.objects.bulk_create(
        CheckIn(user=user, date=_today() - dt.timedelta(days=n), discomfort=n % 8)
        for n in range(1, days)
    )
    with django_assert_max_num_queries(9):
        response = logged_in_client.get(reverse("tracker:checkin"), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    assert response["Content-Language"] == language
    with django_assert_max_num_queries(24):
        response = logged_in_client.post(
            reverse("tracker:checkin"), {"discomfort": "3"}, headers=HTMX,
            HTTP_ACCEPT_LANGUAGE=language,
        )  # fmt: skip
    assert response.status_code == 200


def test_on_an_earlier_days_page_the_day_before_is_named_by_its_date(logged_in_client, user):
    day = _today() - dt.timedelta(days=5)
    before = day - dt.timedelta(days=1)
    make_checkin(user, before, posture=2)
    html = logged_in_client.get(
        reverse("tracker:checkin_day", kwargs={"date": day})
    ).content.decode()
    assert f"Same as {before:%A} {before.day} {before:%B}" in html
    assert "Same as yesterday" not in html


def test_each_posture_score_is_described_by_the_models_own_label(logged_in_client):
    response = logged_in_client.get(reverse("tracker:checkin"))
    assert response.status_code == 200
    described = " · ".join(f"{value} {label.lower()}" for value, label in Posture.choices)
    assert described in response.content.decode()
