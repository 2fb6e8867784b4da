"""The tip that asked for a reminder every 30 minutes, which the app cannot send (its reminders
come at most three times a day): reworded in content/, and the reword reaches a database that
still holds the old text, but never an editor's own (tracker.guide.loading.load)."""

import dataclasses
import re

import pytest

from tracker.guide import content, loading
from tracker.models import GuideSection, Tip

pytestmark = pytest.mark.django_db

KEY = "move-every-30-minutes"
OLD_BODY = (
    "Set a gentle reminder to stand, stretch or walk for a minute about every 30 minutes. "
    "Staying still for hours is harder on your back than any one way of sitting."
)
# A sentence that asks for a reminder, or a prompt, more often than the app can send one.
TOO_OFTEN = re.compile(r"\b(?:every|each) (?:\d+ minutes|half hour|hour)\b")


def _sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.!?])\s+", text)


def test_no_built_in_text_asks_the_app_for_reminders_it_cannot_send():
    sections, tips = content.read_all()
    for source in [*sections, *tips]:
        for sentence in _sentences(source.body):
            if "reminder" in sentence.lower():
                assert not TOO_OFTEN.search(sentence), sentence


def test_the_tip_still_says_to_move_about_every_half_hour():
    [tip] = [tip for tip in content.read_all()[1] if tip.key == KEY]
    assert tip.body != OLD_BODY
    assert "half hour" in tip.body and "timer" in tip.body


def _old_files() -> tuple[list, list]:
    sections, tips = content.read_all()
    return sections, [
        dataclasses.replace(tip, body=OLD_BODY) if tip.key == KEY else tip for tip in tips
    ]


def test_a_database_loaded_with_the_old_wording_takes_the_new_one():
    Tip.objects.all().delete()
    GuideSection.objects.all().delete()
    loading.load(GuideSection, Tip, *_old_files())
    assert Tip.objects.get(builtin_key=KEY).body == OLD_BODY

    report = loading.load(GuideSection, Tip, *content.read_all())

    assert report.updated == [f"tip {KEY}"] and not report.kept_as_edited
    [source] = [tip for tip in content.read_all()[1] if tip.key == KEY]
    assert Tip.objects.get(builtin_key=KEY).body == source.body


def test_an_editors_own_wording_of_the_tip_is_kept():
    Tip.objects.all().delete()
    GuideSection.objects.all().delete()
    loading.load(GuideSection, Tip, *_old_files())
    edited = "Stand up at the end of every call."
    Tip.objects.filter(builtin_key=KEY).update(body=edited)

    report = loading.load(GuideSection, Tip, *content.read_all())

    assert report.kept_as_edited == [f"tip {KEY}"]
    assert Tip.objects.get(builtin_key=KEY).body == edited
