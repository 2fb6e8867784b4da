"""Issue 31's small words, read off the pages at 390 by 844 as a person sees them: a plural
that agrees, whole scores without ".0", the streak share on one line, a planned break that
offers to cancel, no empty-tips line in the guide, no tip asking for a half-hourly reminder,
and the year grid's labels whole on a wide screen. Nothing pins the clock: the days are made
from the person's own today."""

import datetime as dt
import re

import pytest

from tests.browser.conftest import log_in, run_axe, save_screenshot
from tests.factories import PASSWORD, make_checkin, make_user
from tracker.dates import today_for
from tracker.models import AwayPeriod

pytestmark = pytest.mark.django_db(transaction=True)

PLURAL_AFTER_ONE = re.compile(r"\b1 (minutes|hours|days)\b")
WHOLE_SCORE_WITH_POINT = re.compile(r"\b\d+\.0 / (10|5)\b")


@pytest.fixture
def person():
    """Exercise 31 minutes a day last week and 30 this week ("down 1 minute"), whole scores,
    and a break planned to start in a week."""
    person = make_user("words")
    today = today_for(person)
    this_monday = today - dt.timedelta(days=today.weekday())
    for back in range(21):
        day = today - dt.timedelta(days=back)
        make_checkin(
            person, day, discomfort=4, posture=4, stress=3,
            exercise_minutes=30 if day >= this_monday else 31,
        )  # fmt: skip
    AwayPeriod.objects.create(
        user=person, start=today + dt.timedelta(days=7), end=today + dt.timedelta(days=9)
    )
    return person


def _text(page) -> str:
    return page.locator("main").inner_text()


def test_the_small_words_read_right_on_a_phone(new_page, person):
    page = new_page("phone")
    log_in(page, "words", PASSWORD)

    page.goto("/trends/?range=30")
    text = _text(page)
    assert "down 1 minute from last week" in text
    assert not PLURAL_AFTER_ONE.search(text), PLURAL_AFTER_ONE.search(text)
    assert not WHOLE_SCORE_WITH_POINT.search(text)
    # Each streak's "n of 7" is one line of text (the row may be taller for its label's sake).
    shares = page.locator(".streaks td[data-recent]")
    assert shares.count() > 0
    for cell in shares.all():
        lines = cell.evaluate(
            "e => { const r = document.createRange(); r.selectNodeContents(e);"
            " return new Set([...r.getClientRects()].map(b => Math.round(b.top))).size; }"
        )
        assert lines == 1, cell.inner_text()
    assert run_axe(page) == []
    save_screenshot(page, "h31-words-trends-phone")

    page.goto("/report/")
    assert not WHOLE_SCORE_WITH_POINT.search(_text(page))

    page.goto("/settings/")
    away = page.locator("#away")
    assert away.get_by_role("button", name="Cancel this break").is_visible()
    assert "I'm back" not in away.inner_text()

    page.goto("/tips/")
    assert not re.search(r"every (30|thirty) minutes", _text(page), re.IGNORECASE)

    page.goto("/guide/")
    for href in page.locator(".toc a").evaluate_all("links => links.map(a => a.href)"):
        page.goto(href)
        assert "No tips link" not in _text(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_the_year_grid_shows_whole_month_and_weekday_labels_on_a_wide_screen(new_page, person):
    page = new_page("desktop")
    log_in(page, "words", PASSWORD)
    page.goto("/trends/")
    save_screenshot(page, "h31-words-year-grid-desktop")
    grid = page.locator(".heatmap").first
    frame = grid.bounding_box()
    labels = grid.locator("text")
    assert labels.count() > 0
    seen = set()
    for label in labels.all():
        box = label.bounding_box()
        seen.add(label.inner_html())
        # Within the drawing, give or take a glyph's side bearing (a label cut off by the
        # frame, as "ec" for December was, loses a whole letter: 6 px or more).
        inside = (
            frame["x"] - 1.5 <= box["x"]
            and box["x"] + box["width"] <= frame["x"] + frame["width"] + 1.5
        )
        assert inside, (label.inner_html(), box, frame)
    assert {"Mon", "Thu", "Sun"} <= seen, seen
