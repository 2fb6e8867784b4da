"""Issue 30: whatever a process keeps between requests, a page drawn from it is the page drawn
from nothing kept. Two people with the same days (their own lists named differently) each take
every kind of step once, in an order each seed shuffles: check-ins today and on earlier days
(with notes, PEG answers and their own lists ticked, or emptied), water taps and their undo, a
symptom that raises a care alert and the alert answered, the health questions, goals, the water
unit, the language, the time zone, their name and reminders, their own lists (added, renamed,
retired), time away, a tip set aside, a report shared or revoked, an editor rewording the
guide, and hours or days passing. After each step every page of both is drawn with what the
steps before left kept, then again with everything kept forgotten (every `Kept` store, every
memoised function of the app, every cache), and the two must be the same, byte for byte, but
for what differs on every request (the CSRF token and the script nonce). One test for every
cache at once: a cache keyed by less than it shows fails it as soon as a step changes what it
left out, and one keyed by too little of the person shows one person the other's words."""

import datetime as dt
import difflib
import itertools
import random
import re
import sys
from decimal import Decimal

import pytest
import time_machine
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from tests.factories import make_user
from tracker.care import prompts
from tracker.care.symptoms import SYMPTOM_LABELS
from tracker.dates import today_for
from tracker.days.checkins import DAY_FIELDS, DayChange, record_day
from tracker.kept import Kept
from tracker.models import (
    AwayPeriod,
    CareAlert,
    CheckIn,
    GuideSection,
    ShareLink,
    Tip,
    TrackedItem,
)
from tracker.trends import sharing

START = dt.datetime(2027, 2, 26, 12, 0, tzinfo=dt.UTC)  # three days to a month's turn
HISTORY_DAYS = 80

# Changes on every answer, kept or not: the masked CSRF token and the scripts' nonce.
EACH_REQUEST = [
    (re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+'), r"\1-"),
    (re.compile(r'("x-csrftoken": ")[^"]+'), r"\1-"),
    (re.compile(r'(nonce=")[^"]+'), r"\1-"),
]


def _everything_kept() -> tuple[list[Kept], list]:
    """Every Kept store and every memoised function in the app's modules."""
    stores, memos = [], []
    for name, module in list(sys.modules.items()):
        if not name.startswith(("tracker", "backhabits")) or module is None:
            continue
        for value in list(vars(module).values()):
            if isinstance(value, Kept):
                stores.append(value)
            elif callable(value) and hasattr(value, "cache_clear"):
                memos.append(value)
    return stores, memos


def forget_everything_kept() -> None:
    """What a new process starts with: no Kept store, memoised function or cache holds anything."""
    stores, memos = _everything_kept()
    for kept in stores:
        kept.clear()
    for memo in memos:
        memo.cache_clear()
    for alias in caches:
        caches[alias].clear()


def _pages(user, shared: str | None) -> list[tuple[str, dict]]:
    today = today_for(user)
    earlier = (today - dt.timedelta(days=3)).isoformat()
    a_month_back = (today.replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m")
    htmx = {"HTTP_HX_REQUEST": "true"}
    section = (
        GuideSection.objects.filter(language=user.profile.language or "en")
        .order_by("order", "slug")
        .first()
    )
    pages = [
        ("/", {}),
        ("/checkin/", {}),
        (f"/checkin/{earlier}/", {}),
        ("/history/", {}),
        ("/tips/", {}),
        ("/settings/", {}),
        ("/care/", {}),
        ("/guide/", {}),
        (f"/guide/{section.slug}/", {}),
        ("/settings/health/", {}),
        ("/report/", {}),
        (f"/history/?month={a_month_back}", {}),
        ("/peg/", {}),
        ("/checkin/offline/", {}),
        ("/trends/table/discomfort/?range=30", {}),
        ("/trends/?range=90", htmx),
    ]
    # The ranges that draw differently: days (30), days with the year's squares (365), and
    # weeks or months with the earlier days summed up (all); 90 as htmx asks for it.
    pages += [(f"/trends/?range={key}", {}) for key in ("30", "365", "all")]
    if shared:
        pages.append((f"/shared/{shared}/", {}))  # opened by anyone with the link
    return pages


def _drawn(person: "Person") -> dict[str, str]:
    drawn = {}
    for path, headers in _pages(person.user, person.shared):
        if path.startswith("/shared/"):
            # Opening the link counts, and the report page says how often: the count is put
            # back, so the page drawn from what is kept and the one drawn afresh see one link.
            link = sharing.find(person.shared)
            response = person.stranger.get(path, **headers)
            ShareLink.objects.filter(pk=link.pk).update(
                open_count=link.open_count, last_opened_at=link.last_opened_at
            )
        else:
            response = person.client.get(path, **headers)
        # A shared link revoked, or past its days, says it is gone (410).
        assert response.status_code in ((200, 410) if path.startswith("/shared/") else (200,)), path
        text = response.content.decode()
        for pattern, replacement in EACH_REQUEST:
            text = pattern.sub(replacement, text)
        drawn[f"{path} {headers}"] = text
    return drawn


def _first_difference(warm: str, cold: str) -> str:
    lines = difflib.unified_diff(warm.splitlines(), cold.splitlines(), "kept", "afresh", n=1)
    return "\n".join(line[:300] for line in itertools.islice(lines, 30))


class Person:
    """One person's random steps, each a change of what some page shows."""

    def __init__(self, user, client, rng: random.Random, traveller) -> None:
        self.user, self.client, self.rng, self.traveller = user, client, rng, traveller
        self.shared: str | None = None  # the token of the report they shared last
        self.stranger = Client()  # whoever they shared it with

    @property
    def today(self) -> dt.date:
        return today_for(self.user)

    def _day_values(self) -> dict:
        rng = self.rng
        values = {
            "posture": rng.choice([None, 1, 3, 5]),
            "exercise_minutes": rng.choice([None, 0, 20, 45]),
            "water_ml": rng.choice([None, 500, 2000, 3250]),
            "stress": rng.choice([None, 2, 7]),
            "discomfort": rng.choice([None, 0, 4, 8]),
            "sleep_hours": rng.choice([None, Decimal("6.5")]),
            "notes": rng.choice(["", "", "Stiff after the drive."]),
        }
        peg = rng.choice([None, 2, 7])
        values.update(dict.fromkeys(("peg_pain", "peg_enjoyment", "peg_activity"), peg))
        items = list(
            TrackedItem.objects.filter(user=self.user, retired_at=None).values_list("pk", flat=True)
        )
        values["item_ids"] = sorted(rng.sample(items, min(len(items), rng.randint(0, 2))))
        return values

    def check_in_today(self) -> None:
        self._record(self.today, DayChange(values=self._day_values()))

    def change_an_earlier_day(self) -> None:
        day = self.today - dt.timedelta(days=self.rng.choice([1, 2, 6, 40, 200]))
        self._record(day, DayChange(values=self._day_values()))

    def empty_an_earlier_day(self) -> None:
        saved = CheckIn.objects.filter(user=self.user, date__lt=self.today).order_by("?").first()
        emptied = dict.fromkeys(DAY_FIELDS)
        emptied.update(item_ids=[], symptoms=[], notes="", rest_day=False, woke_from_pain=None)
        self._record(saved.date, DayChange(values=emptied))
        assert not CheckIn.objects.filter(user=self.user, date=saved.date).exists()

    def tap_water(self) -> None:
        path = self.rng.choice(["/water/add/", "/water/add/", "/water/undo/"])
        response = self.client.post(path, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="today-card")
        assert response.status_code == 200

    def note_a_symptom(self) -> None:
        symptom = self.rng.choice(sorted(SYMPTOM_LABELS))
        self._record(self.today, DayChange(symptoms_added=(symptom,)))

    def answer_an_alert(self) -> None:
        alert = CareAlert.objects.open().filter(user=self.user).order_by("?").first()
        if alert is None:
            self.note_a_symptom()
            alert = CareAlert.objects.open().filter(user=self.user).first()
        if alert is not None:
            for response in ("spoken", "understood"):
                answered = self.client.post(
                    reverse("tracker:acknowledge_alert", args=[alert.pk]), {"response": response}
                )
                if answered.status_code == 302:
                    break
            alert.refresh_from_db()
            assert alert.acknowledged_at is not None

    def change_a_goal(self) -> None:
        profile = self.user.profile
        profile.water_goal_ml = self.rng.choice([1500, 2000, 2750])
        profile.exercise_goal_minutes = self.rng.choice([15, 30, 60])
        profile.save()

    def switch_water_unit(self) -> None:
        profile = self.user.profile
        profile.water_unit = "oz" if profile.water_unit == "ml" else "ml"
        profile.save()

    def switch_language(self) -> None:
        profile = self.user.profile
        profile.language = "es" if profile.language != "es" else "en"
        profile.save()

    def move_time_zone(self) -> None:
        profile = self.user.profile
        profile.timezone = self.rng.choice(["Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"])
        profile.save()

    def add_or_retire_an_item(self) -> None:
        listed = list(TrackedItem.objects.filter(user=self.user, retired_at=None))
        choice = self.rng.random()
        if listed and choice < 0.33:
            item = self.rng.choice(listed)
            item.retired_at = dt.datetime.now(dt.UTC)
            item.save()
        elif listed and choice < 0.67:
            item = self.rng.choice(listed)
            item.name = f"{item.name} renamed"
            item.save()
        else:
            TrackedItem.objects.create(
                user=self.user, kind=self.rng.choice(["relief", "factor"]),
                name=f"Thing {self.rng.randrange(10**6)}",
            )  # fmt: skip

    def go_away(self) -> None:
        start = self.today - dt.timedelta(days=self.rng.choice([0, 3, 20]))
        AwayPeriod.objects.create(user=self.user, start=start, end=start + dt.timedelta(days=2))

    def set_a_tip_aside(self) -> None:
        """One of the tips home shows, if it shows any (else any tip)."""
        shown = re.findall(r"/tips/(\d+)/not-for-me/", self.client.get("/").content.decode())
        tip_id = self.rng.choice(shown) if shown else Tip.objects.order_by("?").first().pk
        self.client.post(reverse("tracker:dismiss_tip", args=[tip_id]))

    def an_editor_changes_the_guide(self) -> None:
        """A tip and a section reworded in the admin, in the person's language."""
        language = self.user.profile.language or "en"
        tip = Tip.objects.filter(language=language, is_active=True).order_by("?").first()
        tip.title = f"{tip.title} (reworded)"
        tip.save()
        section = GuideSection.objects.filter(language=language).order_by("?").first()
        section.title = f"{section.title} (reworded)"
        section.save()

    def answer_the_health_questions(self) -> None:
        profile = self.user.profile
        profile.age_band = self.rng.choice(["16-19", "20-50", "over-50"])
        profile.osteoporosis = self.rng.random() < 0.5
        profile.save()
        prompts.recheck_after_profile_change(user=self.user, today=self.today)

    def change_name_and_reminders(self) -> None:
        profile = self.user.profile
        profile.display_name = self.rng.choice(["", "Sam", "Alex R."])
        profile.reminders_enabled = not profile.reminders_enabled
        profile.reminder_time = dt.time(self.rng.choice([7, 21]), 30)
        profile.save()

    def share_the_report(self) -> None:
        opened = ShareLink.objects.filter(user=self.user, revoked_at=None).first()
        if opened is not None and self.rng.random() < 0.5:
            sharing.revoke(opened)
        else:
            self.shared = sharing.create(
                self.user, range_key="90", end_date=self.today, days=7, include_notes=True
            ).token

    def let_a_day_pass(self) -> None:
        self.traveller.shift(dt.timedelta(hours=self.rng.choice([9, 24, 30])))

    def _record(self, day: dt.date, change: DayChange) -> None:
        record_day(user=self.user, date=day, today=self.today, change=change)

    STEPS = (
        check_in_today, change_an_earlier_day, empty_an_earlier_day, tap_water, note_a_symptom,
        answer_an_alert, change_a_goal,
        switch_water_unit, switch_language, move_time_zone, add_or_retire_an_item, go_away,
        set_a_tip_aside, an_editor_changes_the_guide, answer_the_health_questions,
        change_name_and_reminders, share_the_report, let_a_day_pass,
    )  # fmt: skip


def _history(user, rng: random.Random, names: tuple[str, str]) -> None:
    today = today_for(user)
    CheckIn.objects.bulk_create(
        CheckIn(
            user=user,
            date=today - dt.timedelta(days=offset),
            posture=rng.randint(1, 5),
            exercise_minutes=rng.choice([None, 0, 30]),
            water_ml=rng.randrange(500, 3000, 250),
            stress=rng.randint(0, 10),
            discomfort=rng.choice([None, *range(7)]),
        )
        for offset in range(1, HISTORY_DAYS + 1)
        if rng.random() > 0.15
    )
    for kind, name in zip(("relief", "factor"), names, strict=True):
        TrackedItem.objects.create(user=user, kind=kind, name=name)


def _compared(step: str, person: str, warm: dict[str, str], cold: dict[str, str]) -> None:
    for page, text in warm.items():
        assert text == cold[page], (
            f"after {step}, {person}'s {page}:\n{_first_difference(text, cold[page])}"
        )


@pytest.mark.parametrize("seed", [1])
def test_every_page_drawn_from_what_is_kept_is_the_page_drawn_afresh(db, seed):
    """Two people with the same days, each with their own names for their lists: they share
    what is kept of numbers, and each page shows each person only their own. The steps are
    the first person's, or the second's, as the seed has it."""
    with time_machine.travel(START, tick=True) as traveller:
        forget_everything_kept()
        people = []
        for name, items in (("warm", ("Heat pack", "Long drive")), ("cold", ("Ice", "Desk"))):
            user = make_user(f"{name}{seed}")
            _history(user, random.Random(seed), items)  # the same days for both
            browser = Client()
            browser.force_login(user)
            people.append(Person(user, browser, random.Random(f"{seed}{name}"), traveller))
        for person in people:
            _drawn(person)  # everything kept as a day's use leaves it
        # What the pages keep is all in play: every Kept store holds something by now (a new
        # store no page here fills needs its page added), and nearly every memoised function
        # (at the time of writing 45 of 48; the rest serve the import and the time-zone list).
        stores, memos = _everything_kept()
        assert stores and all(len(kept) for kept in stores)
        assert sum(memo.cache_info().currsize > 0 for memo in memos) >= 0.9 * len(memos)
        # Every kind of step once for each, in an order of the seed's.
        order = random.Random(seed)
        steps = [(person, step) for person in people for step in Person.STEPS]
        for person, step in order.sample(steps, len(steps)):
            step(person)
            warm = {}
            for each in people:
                each.user.refresh_from_db()
                each.client.cookies.pop("messages", None)  # said once, on the first page
                warm[each] = _drawn(each)
            forget_everything_kept()
            for each in people:
                cold = _drawn(each)
                _compared(f"{person.user}'s {step.__name__}", str(each.user), warm[each], cold)
