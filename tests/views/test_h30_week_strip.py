"""Issue 30: home's last seven days drawn in Python (tracker.days.week_strip) are the markup
the template drew, in both languages, for every kind of day."""

import datetime as dt
import re

import pytest
from django.template import Context, Template
from django.utils import translation

from tests.factories import make_checkin
from tracker.days import checkins, week_strip
from tracker.models import CheckIn

# What templates/tracker/home.html drew for each day before.
TEMPLATE = Template(
    """{% load i18n %}{% for day in recent_days %}
      <li class="day day-{{ day.state }}">
        <a href="{{ day.url }}">
          <span class="day-name">{{ day.weekday }}</span>
          <span class="day-date">{{ day.day_month }}</span>
          {% if day.checkin.discomfort is not None %}
            <span class="day-value">{% blocktranslate trimmed with value=day.checkin.discomfort %}Discomfort {{ value }}{% endblocktranslate %}</span>
          {% elif day.state == "partial" %}
            <span class="day-value">{% translate "Partly logged" %}</span>
          {% else %}
            <span class="day-value">{% translate "Not logged" %}</span>
          {% endif %}
          {% if day.state == "partial" and day.checkin.discomfort is not None %}<span class="visually-hidden">{% translate ", partly logged" %}</span>{% endif %}
        </a>
      </li>
    {% endfor %}"""  # noqa: E501
)


def _same_shape(markup: str) -> str:
    """Whitespace as a browser reads it: runs of it are one space, and none just inside a
    list item or a link."""
    markup = re.sub(r"\s+", " ", markup).strip()
    markup = re.sub(r"\s*(<(?:li|a)\b[^>]*>)\s*", r"\1", markup)
    return re.sub(r"\s*(</(?:a|li)>)\s*", r"\1", markup)


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_week_is_drawn_as_the_template_drew_it(user, language):
    today = dt.date(2026, 3, 4)
    make_checkin(user, today, discomfort=6)  # full
    make_checkin(user, today - dt.timedelta(days=1), discomfort=0, posture=None)  # partial
    make_checkin(user, today - dt.timedelta(days=2), discomfort=None)  # partial, no pain
    CheckIn.objects.create(user=user, date=today - dt.timedelta(days=3), water_ml=250)
    make_checkin(user, today - dt.timedelta(days=5), discomfort=10)
    with translation.override(language):
        days = checkins.recent_days(user=user, today=today)
        assert [day.state for day in days] == [
            "full", "partial", "partial", "partial", "missing", "full", "missing",
        ]  # fmt: skip
        drawn = str(week_strip.week_items(days))
        expected = TEMPLATE.render(Context({"recent_days": days}))
    assert _same_shape(drawn) == _same_shape(expected)
    assert drawn.count("<li ") == 7
    # The spans stay apart: a screen reader reads the link's name as words.
    assert "</span> <span" in drawn


def test_the_shape_check_tells_a_changed_day_apart(user):
    today = dt.date(2026, 3, 4)
    make_checkin(user, today, discomfort=6)
    days = checkins.recent_days(user=user, today=today)
    expected = TEMPLATE.render(Context({"recent_days": days}))
    drawn = str(week_strip.week_items(days))
    assert _same_shape(drawn.replace("Discomfort 6", "Discomfort 5")) != _same_shape(expected)
    assert _same_shape(drawn.replace("</span> <span", "</span><span")) != _same_shape(expected)


# --- each day's item, kept (week_strip.DRAWN) -----------------------------------------------


def _drawn_now(user, today: dt.date) -> str:
    return str(week_strip.week_items(checkins.recent_days(user=user, today=today)))


def _drawn_afresh(user, today: dt.date) -> str:
    week_strip.DRAWN.clear()
    return _drawn_now(user, today)


def test_a_kept_day_is_drawn_once_and_shared_by_everyone_who_logged_it_alike(user, other_user):
    today = dt.date(2026, 3, 4)
    for person in (user, other_user):
        make_checkin(person, today, discomfort=6)
    week_strip.DRAWN.clear()
    with translation.override("en"):
        first = _drawn_now(user, today)
        kept = len(week_strip.DRAWN._items)
        assert _drawn_now(other_user, today) == first
    assert kept == 7 and len(week_strip.DRAWN._items) == 7


@pytest.mark.parametrize(
    "change",
    ["discomfort", "partial", "cleared", "new day", "deleted", "language", "script prefix"],
)
def test_a_kept_day_is_drawn_again_when_anything_it_shows_changes(user, change):
    """Each input of an item changed after it was kept: the page shows what a fresh drawing
    shows, never the kept one."""
    from django.urls import get_script_prefix, set_script_prefix

    today = dt.date(2026, 3, 4)
    day = make_checkin(user, today, discomfort=6)
    make_checkin(user, today - dt.timedelta(days=1), discomfort=2)
    language, prefix = "en", get_script_prefix()
    week_strip.DRAWN.clear()
    with translation.override(language):
        before = _drawn_now(user, today)
    if change == "discomfort":
        CheckIn.objects.filter(pk=day.pk).update(discomfort=7)
    elif change == "partial":
        CheckIn.objects.filter(pk=day.pk).update(posture=None)
    elif change == "cleared":
        CheckIn.objects.filter(pk=day.pk).update(discomfort=None, posture=None)
    elif change == "new day":
        make_checkin(user, today - dt.timedelta(days=3), discomfort=4)
    elif change == "deleted":
        CheckIn.objects.filter(pk=day.pk).delete()
    elif change == "language":
        language = "es"
    else:
        prefix = "/backhabits/"
    set_script_prefix(prefix)
    try:
        with translation.override(language):
            kept = _drawn_now(user, today)
            fresh = _drawn_afresh(user, today)
    finally:
        set_script_prefix("/")
    assert kept == fresh
    assert kept != before


def test_with_debug_on_every_day_is_drawn_afresh(user, settings):
    settings.DEBUG = True
    make_checkin(user, dt.date(2026, 3, 4), discomfort=6)
    week_strip.DRAWN.clear()
    _drawn_now(user, dt.date(2026, 3, 4))
    assert len(week_strip.DRAWN._items) == 0
