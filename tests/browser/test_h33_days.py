"""Recording a day in Spanish on a 390 by 844 phone: Spanish is longer than English, so home, the
check-in (with a refused answer shown) and history are checked for sideways scrolling, for
44 px targets and for the 0 to 10 scales staying on screen. Nothing here pins the clock."""

import datetime as dt

import pytest

from tests.browser.conftest import VIEWPORTS, log_in, save_screenshot
from tests.factories import PASSWORD, make_checkin, make_user
from tracker.dates import today_for
from tracker.models import CheckIn, TrackedItem

pytestmark = pytest.mark.django_db(transaction=True)
PHONE = VIEWPORTS["phone"]


@pytest.fixture
def spanish_phone(new_page):
    """A person a week in, whose language is Spanish, logged in on a phone."""
    person = make_user("ana", language="es")
    today = today_for(person)
    for n in range(1, 9):
        make_checkin(person, today - dt.timedelta(days=n), sleep_hours=7)
    CheckIn.objects.create(user=person, date=today, water_ml=500, water_last_tap_ml=250)
    TrackedItem.objects.create(user=person, kind="relief", name="Ibuprofeno")
    page = new_page("phone")
    log_in(page, "ana", PASSWORD)
    return page


def _no_sideways_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], page.url


def _small_targets(page, selector: str) -> list[tuple[str, int, int]]:
    targets = page.locator(selector)
    small = []
    for index in range(targets.count()):
        target = targets.nth(index)
        if not target.is_visible():
            continue
        box = target.bounding_box()
        if box["width"] < 44 or box["height"] < 44:
            small.append((target.inner_text(), round(box["width"]), round(box["height"])))
    return small


def test_home_in_spanish_fits_a_phone(spanish_phone):
    page = spanish_phone
    assert "Empezado: por ahora solo agua." in page.locator("#today-card").inner_text()
    _no_sideways_scroll(page)
    assert _small_targets(page, "#today-card .button, .quick-links a") == []
    save_screenshot(page, "h33-days-home-es-phone")


def test_a_refused_check_in_in_spanish_fits_a_phone(spanish_phone):
    page = spanish_phone
    page.goto("/checkin/")
    page.get_by_text("¿Algo nuevo, raro o difícil hoy?").click()
    page.get_by_text("Más: sueño, alivio del dolor, tus factores").click()
    page.get_by_label("Ejercicio (minutos)").fill("2000")
    page.locator("label[for=id_discomfort_4]").click()
    page.locator(".checkin-save button").click()
    error = page.locator("#id_exercise_minutes_errors")
    error.wait_for()
    assert "Escribe como máximo 1\u00a0440 minutos." in error.inner_text()
    assert "No se guardó nada." in page.locator("#checkin-form-error").inner_text()
    # Both sections open, so their Spanish labels are measured too.
    for section in ("details.symptoms", "details.more"):
        if page.locator(f"{section}[open]").count() == 0:
            page.locator(f"{section} > summary").click()
    _no_sideways_scroll(page)
    assert (
        _small_targets(
            page, ".scale-option, .check-option, .checkin-form button:not(.default-submit)"
        )
        == []
    )
    for scale in ("discomfort", "stress"):  # 0–10 on screen, none cut off
        for value in range(11):
            box = page.locator(f"label[for=id_{scale}_{value}]").bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    save_screenshot(page, "h33-days-checkin-error-es-phone")


def test_history_in_spanish_fits_a_phone(spanish_phone):
    page = spanish_phone
    page.goto("/history/")
    assert page.locator("table.month thead th").count() == 7
    assert page.locator("table.month thead th").first.inner_text() == "lun"
    _no_sideways_scroll(page)
    assert _small_targets(page, ".month-switch a, .away-form button") == []
    save_screenshot(page, "h33-days-history-es-phone")
