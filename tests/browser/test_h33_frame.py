"""Issue 33, the page frame in Spanish on a 390 x 844 phone, in Chromium: the footer's language
switch works without JavaScript and its buttons are 44 x 44 px or more, the header stays one row
with the longer Spanish words, the scripts show Spanish words, and the import page refuses a bad
file in Spanish beside the field."""

import os
import shutil
from pathlib import Path

import pytest

from tests.browser.conftest import VIEWPORTS, log_in, save_screenshot
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = VIEWPORTS["phone"]
TAP = 44
HEADER_MAX = 64  # one row of 44 px targets with its padding (tests/browser/test_h31_targets.py)
# BACKHABITS_SHOTS: a folder to copy the screenshots to as well, for a person to look at.
SHOTS = os.environ.get("BACKHABITS_SHOTS", "")


def _shot(page, name: str) -> None:
    path = save_screenshot(page, name)
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, Path(SHOTS) / path.name)


def _one_row_header(page) -> dict:
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= HEADER_MAX
    assert page.locator("#main").bounding_box()["y"] <= HEADER_MAX
    return header


def test_the_switch_turns_the_pages_spanish_without_javascript(new_page, db):
    page = new_page("phone", javascript=False)
    page.context.set_extra_http_headers({"Accept-Language": "en"})
    page.goto("/accounts/login/")
    assert page.locator("html").get_attribute("lang") == "en"
    switch = page.locator("form.language-switch")
    for name in ("English", "Español"):
        box = switch.get_by_role("button", name=name).bounding_box()
        assert box["width"] >= TAP and box["height"] >= TAP, name
    switch.get_by_role("button", name="Español").click()
    page.wait_for_url("**/accounts/login/")
    assert page.locator("html").get_attribute("lang") == "es"
    nav = page.get_by_role("navigation", name="Principal")
    assert nav.get_by_role("link", name="Iniciar sesión").is_visible()
    header = _one_row_header(page)
    for name in ("Guía", "Iniciar sesión", "Crear cuenta"):
        link = nav.get_by_role("link", name=name)
        link.scroll_into_view_if_needed()
        box = link.bounding_box()
        assert box["height"] >= TAP and box["y"] + box["height"] <= header["y"] + header["height"]
    # The current language is marked, and a second press goes back to English.
    current = page.locator("form.language-switch [aria-current=true]")
    assert current.inner_text() == "Español"
    nav.evaluate("element => { element.scrollLeft = 0; }")
    _shot(page, "h33-frame-login-es-phone")
    page.locator("form.language-switch").get_by_role("button", name="English").click()
    page.wait_for_url("**/accounts/login/")
    assert page.locator("html").get_attribute("lang") == "en"


def test_the_scripts_speak_spanish_on_the_sign_up_page(new_page, db):
    page = new_page("phone")
    page.context.set_extra_http_headers({"Accept-Language": "es"})
    page.goto("/accounts/signup/")
    toggle = page.locator("button.password-toggle")
    toggle.wait_for()
    assert toggle.inner_text() == "Mostrar contraseña"
    _one_row_header(page)
    _shot(page, "h33-frame-signup-es-phone")


def test_signed_in_in_spanish_the_header_is_one_row_and_the_import_refuses_in_spanish(new_page):
    person = make_user("alice")
    page = new_page("phone")
    log_in(page, "alice", PASSWORD)
    person.profile.language = "es"
    person.profile.save()
    page.goto("/settings/import/")
    assert page.locator("html").get_attribute("lang") == "es"
    header = _one_row_header(page)
    nav = page.get_by_role("navigation", name="Principal")
    for name in ("Registrar", "Historial", "Tendencias", "Guía", "Ajustes", "Cerrar sesión"):
        target = nav.get_by_role("link", name=name)
        if name == "Cerrar sesión":
            target = nav.get_by_role("button", name=name)
        target.scroll_into_view_if_needed()
        box = target.bounding_box()
        assert box["height"] >= TAP and box["y"] + box["height"] <= header["y"] + header["height"]
        assert box["x"] >= -1 and box["x"] + box["width"] <= PHONE["width"] + 1, name
    page.get_by_role("button", name="Revisar el archivo").click()
    error = page.locator("#import-file-error")
    error.wait_for()
    assert error.inner_text() == "Elige un archivo para importar."
    assert page.locator(".import-problems").inner_text() == "No se importó nada."
    # One screenshot a page: a second straight after makes Playwright apply an inline style the
    # page's CSP refuses (a console error that fails the test).
    nav.evaluate("element => { element.scrollLeft = 0; }")
    _shot(page, "h33-frame-import-refused-es-phone")
    # Nothing scrolls sideways, Spanish being longer.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
