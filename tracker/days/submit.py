"""Submitting a day's answers: the one entry the check-in page and a phone's offline sync share.

A form parses and validates; `submit_day` decides what of it is saved. A valid day is saved
whole. When any answer is refused, care is still never held back: the listed symptoms ticked
(and a valid discomfort score) are saved and checked, and the rest stays unsaved. A day from
a phone goes through `tracker.days.offline.receive`, which keeps the newer edit."""

import datetime as dt
import uuid as uuid_module
from collections.abc import Mapping
from dataclasses import dataclass, field

from tracker.care import redflags
from tracker.days import checkins, offline
from tracker.models import is_given


@dataclass(frozen=True)
class Answers:
    """A form's answers, valid or not."""

    values: Mapping[str, object] | None  # every answer of a valid form; None if any is refused
    symptoms: tuple[str, ...] = ()  # the listed symptoms ticked, valid or not elsewhere
    care_values: Mapping[str, object] = field(default_factory=dict)  # a valid discomfort score
    water_seen_ml: int | None = None  # the water total the form showed


@dataclass(frozen=True)
class FromPhone:
    """How a phone named a day it saved without a connection."""

    day_id: uuid_module.UUID
    saved_at: dt.datetime


@dataclass(frozen=True)
class Submission:
    saved: checkins.SavedDay | None  # None when nothing was saved
    refused: bool  # some answer was refused, so only the care answers were saved (if any)
    phone_outcome: offline.Outcome | None = None  # a day from a phone, saved whole

    @property
    def care_saved(self) -> bool:
        """Only the care answers of a refused day were saved."""
        return self.refused and self.saved is not None

    @property
    def firings(self) -> list[redflags.Firing]:
        """The care prompts this submission fired, most urgent first."""
        return self.saved.firings if self.saved else []

    @property
    def emergency(self) -> bool:
        return bool(self.firings) and self.firings[0].rule.tier == redflags.EMERGENCY


def submit_day(
    user, *, date: dt.date, today: dt.date, answers: Answers, phone: FromPhone | None = None
) -> Submission:
    if answers.values is None:
        saved = None
        if answers.symptoms:
            change = checkins.DayChange(values=answers.care_values, symptoms_added=answers.symptoms)
            saved = checkins.record_day(user=user, date=date, today=today, change=change)
        return Submission(saved=saved, refused=True)
    if phone is None:
        change = checkins.DayChange(values=answers.values, water_seen_ml=answers.water_seen_ml)
        saved = checkins.record_day(user=user, date=date, today=today, change=change)
        return Submission(saved=saved, refused=False)
    outcome = offline.receive(
        user,
        day_id=phone.day_id,
        date=date,
        saved_at=phone.saved_at,
        today=today,
        values=_answered(answers.values),
        symptoms=tuple(answers.values.get("symptoms") or ()),
        water_seen_ml=answers.water_seen_ml,
    )
    return Submission(saved=outcome.saved, refused=False, phone_outcome=outcome)


def _answered(values: Mapping[str, object]) -> dict:
    """Only what was answered on the phone: a day saved there adds to the day the server holds
    and never clears an answer (the kept form starts empty). Symptoms join separately."""
    answered = {}
    for name, value in values.items():
        if name == "symptoms" or not is_given(name, value):
            continue
        answered[name] = value
    return answered
