"""Issue 33: someone whose browser asks for Spanish signs up, checks in with an emergency sign,
then reads their trends and the guide, on a 390 x 844 phone. Every page is in Spanish, with no
English left: neither in what the page shows nor in what a screen reader says (aria-label,
title, alt, placeholder, the chart's SVG titles).

tests/test_i18n_catalogues.py finds what the catalogue leaves untranslated or fuzzy; this test
finds what was never marked for translation at all, by the English words no Spanish sentence
uses."""

import re

import pytest

from tests.browser.conftest import VIEWPORTS, run_axe, save_screenshot
from tracker.models import CareAlert, CheckIn

# Common English words that are not Spanish words: one of them on a Spanish page is a sentence
# or a label left in English. ("has" is not here: Spanish says "lo que has notado".)
ENGLISH_ONLY = frozenset(
    re.findall(
        r"\w+",
        """the and you your with for this that what when how are was were have from today
    yesterday not day days week log logged save saved back pain tips tip guide trends settings
    help call if it is of to on or my our more less than about see get now next open
    close each every minutes hours water exercise posture stress discomfort sleep""",
    )
)
# Names that stay as they are in every language.
NAMES = frozenset({"backhabits", "peg"})

# Everything a person reads or hears on the page, including the parts only a screen reader says.
# Time-zone places keep the tz database's names ("Port of Spain"): their countries are translated.
PAGE_WORDS = """() => {
  const places = new Set(
    [...document.querySelectorAll('select[name=timezone] option')].map((o) => o.text.trim()));
  // What the page marks as another language (a citation, lang="en") or as not for
  // translating (a file's own column names, translate="no") is said as it is: each such
  // element's text is taken out once, so the same words said again elsewhere still count.
  let body = document.body.innerText;
  for (const el of document.body.querySelectorAll('[lang]:not([lang|=es]), [translate=no]')) {
    const own = el.innerText.trim();
    if (own) body = body.replace(own, ' ');
  }
  const shown = body.split('\\n').filter((line) => !places.has(line.trim()));
  const parts = [document.title, ...shown];
  for (const el of document.querySelectorAll('[aria-label], [title], [alt], [placeholder]')) {
    for (const name of ['aria-label', 'title', 'alt', 'placeholder']) {
      if (el.hasAttribute(name)) parts.push(el.getAttribute(name));
    }
  }
  for (const el of document.querySelectorAll('svg title, svg desc, svg text')) {
    parts.push(el.textContent);
  }
  return parts.join(' \\n ');
}"""


def english_left(page) -> list[str]:
    text = page.evaluate(PAGE_WORDS)
    found = []
    for line in text.splitlines():
        words = set(re.findall(r"[^\W\d_]+", line.lower())) - NAMES  # whole words, accents too
        if words & ENGLISH_ONLY:
            found.append(" ".join(line.split())[:160])
    return found


def assert_all_spanish(page, where: str) -> None:
    assert page.locator("html").get_attribute("lang") == "es", where
    left = english_left(page)
    assert left == [], f"English left on {where}: {left}"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), where
    assert run_axe(page) == [], where


@pytest.fixture
def spanish_phone(browser, live_server, page_problems):
    context = browser.new_context(
        viewport=VIEWPORTS["phone"],
        base_url=live_server.url,
        locale="es-ES",  # Accept-Language: es-ES
        timezone_id="Europe/Madrid",
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    page_problems.watch(page)
    yield page
    context.close()


def test_sign_up_an_emergency_check_in_trends_and_the_guide_are_all_in_spanish(spanish_phone):
    page = spanish_phone
    page.goto("/")
    assert_all_spanish(page, "the landing page")

    page.goto("/accounts/signup/")
    assert_all_spanish(page, "sign-up")
    page.locator("#id_username").fill("lucia")
    page.locator("#id_password1").fill("una-frase-larga-y-poco-comun-42")
    page.locator("#id_confirm_age").check()
    page.locator("form:has(#id_username) button[type=submit]").click()
    page.wait_for_url("**/checkin/")
    assert_all_spanish(page, "the check-in page")
    save_screenshot(page, "h33-spanish-checkin-phone")

    # An emergency sign, alone: the prompt to call comes in Spanish with Spain's number.
    page.locator("details.symptoms > summary").click()
    page.locator("label:has(input[name=symptoms][value=saddle_numbness])").click()
    page.locator("form:has(input[name=symptoms]) button.button-primary[type=submit]").click()
    call = page.locator("a[href='tel:112']").first
    call.wait_for()
    assert CheckIn.objects.get().symptoms == ["saddle_numbness"]
    assert CareAlert.objects.get().tier == "emergency"
    assert "112" in call.inner_text()
    assert_all_spanish(page, "the emergency prompt")
    save_screenshot(page, "h33-spanish-emergency-phone")

    # The compact line with the number leads every page while the alert is open.
    for path, where in (("/trends/", "trends"), ("/guide/", "the guide")):
        page.goto(path)
        assert page.locator("a[href='tel:112']").count() >= 1, where
        assert_all_spanish(page, where)
        save_screenshot(page, f"h33-spanish-{where.split()[-1]}-phone")
    page.goto("/guide/when-to-seek-help/")
    assert_all_spanish(page, "the guide's section on when to get help")


def test_the_word_check_finds_english_left_on_a_page(spanish_phone):
    """The detector itself: an English sentence, or an English aria-label, is found."""
    page = spanish_phone
    page.set_content(
        '<html lang="es"><body><p>Guardar el registro</p><button aria-label="Save check-in">'
        "x</button><p>Registra tu día</p><p>Back pain today</p></body></html>"
    )
    left = english_left(page)
    assert any("Back pain today" in line for line in left)
    assert any("Save check-in" in line for line in left)
    assert not any("Registra" in line or "Guardar" in line for line in left)


def test_the_word_check_reads_other_languages_only_where_the_page_says_so(spanish_phone):
    """A citation marked lang="en" and a file's column marked translate="no" are said as
    they are; the same English words unmarked on the same page are still found."""
    page = spanish_phone
    page.set_content(
        '<html lang="es"><body><p>Escala publicada: <cite lang="en">Validation of the PEG'
        '</cite></p><p><code translate="no">posture</code> → Postura</p>'
        "<p>Lo que has notado</p><p>posture</p><p>Validation of the PEG</p></body></html>"
    )
    assert english_left(page) == ["posture", "Validation of the PEG"]
