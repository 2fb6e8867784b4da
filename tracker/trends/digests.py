"""The digests the trends dashboard's kept parts are keyed by: every number of the loaded days,
and the range, the goals, the settings and the ticked items as each part needs them. A change
to anything a part is drawn from changes its digest, so nothing kept is ever shown stale."""

import datetime as dt
import functools
import hashlib
from array import array
from bisect import bisect_left
from collections.abc import Sequence
from itertools import chain
from typing import NamedTuple

from django.core.cache import caches
from django.core.signals import setting_changed
from django.dispatch import receiver

from tracker.links import page_address
from tracker.trends import before_today, charts
from tracker.trends.insights import DayRow

NOT_LOGGED = -1


class Digests:
    """Mixed into tracker.trends.board.Dashboard, whose attributes they read: `account`,
    `range_key`, `start`, `today`, `rows` (oldest first), `goals`, `water_unit`, `away`, `items`,
    `earlier` and `kept_before`."""

    @property
    def site_address(self) -> str:
        """The address the site is served under and the URL configuration its links are
        reversed from (tracker.links.page_address): the fragments kept under the digests hold
        links, so the templates key them by it too."""
        _, prefix, urlconf = page_address()
        return f"{prefix}|{urlconf}"

    @functools.cached_property
    def _digested(self) -> tuple["BeforeDigests", bytes, str]:
        """(the digests of the days before today, today's numbers, the items today ticked):
        what the digests below are taken over. The days before today are the same on every
        view of a day until one of them changes; when they are the kept ones
        (tracker.trends.before_today.ROWS), their digests are kept with them."""
        before, todays = before_today.split(self.rows, self.today)
        kept = self.kept_before
        if kept is not None and len(kept) == len(before):
            before = kept
        year_start = self.today - dt.timedelta(days=charts.HEATMAP_DAYS)
        digests = before_digests(before, year_start=year_start)
        if todays is None:
            return digests, b"", ""
        return digests, row_numbers([todays]).tobytes(), todays.item_ids

    @functools.cached_property
    def fingerprint(self) -> str:
        before, todays, todays_ticked = self._digested
        settings = {
            **self.goals,
            "water_unit": self.water_unit,
            "away": repr(self.away),
            "items": repr(self.items),  # their names, kinds and dates
            # Which ones each row ticked, in the rows' order (their dates are in the numbers):
            # the days before today's, digested, and today's.
            "ticked": f"{before.ticked.hex()}|{todays_ticked}",
            # The summed-up earlier days, by their own key (what they were summed from).
            "earlier": self.earlier.key if self.earlier else "",
        }
        numbers = before.numbers + todays
        return _fingerprint(self.account, self.range_key, self.start, self.today, settings, numbers)

    @functools.cached_property
    def _before_today(self) -> str:
        """A digest of every number of the loaded days before today (not their ticked items,
        which nothing kept by tracker.trends.before_today reads): what is kept is keyed by it."""
        numbers = self._digested[0].numbers
        return _fingerprint(self.account, "before-today", self.start, self.today, {}, numbers)

    @functools.cached_property
    def _year_before_today(self) -> str:
        """A digest of every number of the heatmap's year's days before today: what its kept
        drawings (the squares, the months' tiles: tracker.trends.before_today) are drawn
        from, so every range open on a day shares them."""
        year_start = self.today - dt.timedelta(days=charts.HEATMAP_DAYS)
        numbers = self._digested[0].year_numbers
        return _fingerprint(self.account, "year-before-today", year_start, self.today, {}, numbers)

    @functools.cached_property
    def heatmap_fingerprint(self) -> str:
        """The year of discomfort is the same whatever the range: its own digest, over the
        year's rows only (the newest, at the end), lets every range share one drawing."""
        year_start = self.today - dt.timedelta(days=charts.HEATMAP_DAYS)
        before, todays, _ = self._digested
        numbers = before.year_numbers + todays
        return _fingerprint(self.account, "heatmap", year_start, self.today, {}, numbers)


def row_numbers(rows: Sequence[DayRow]) -> array:
    """Every row as numbers (all but the ticked items, the last field), oldest first. A
    measure not logged is -1, which no logged value can be."""
    # Flattened in one go, then the ticked items dropped and the dates made ordinals by
    # slices: a third faster than a tuple a row.
    width = len(DayRow._fields)
    flat = list(chain.from_iterable(rows))
    del flat[width - 1 :: width]
    flat[:: width - 1] = map(dt.date.toordinal, flat[:: width - 1])
    return array("q", [NOT_LOGGED if number is None else number for number in flat])


class BeforeDigests(NamedTuple):
    """Digests of days before today, oldest first."""

    numbers: bytes  # of every number of every day
    year_numbers: bytes  # of those of the days from the first of the heatmap's year
    ticked: bytes  # of the items each day ticked, in turn


def before_digests(before: Sequence[DayRow], *, year_start: dt.date) -> BeforeDigests:
    """The digests of `before` (days before today, oldest first), the heatmap's year starting
    on `year_start`. Taken once for kept days, and kept with them."""
    kept = before.digests if isinstance(before, before_today.KeptDays) else None
    if kept is not None and year_start in kept:
        return kept[year_start]
    numbers = row_numbers(before)
    in_year = len(before) - bisect_left([row.date for row in before], year_start)
    width = len(DayRow._fields) - 1
    digests = BeforeDigests(
        _digest(numbers),
        _digest(numbers[len(numbers) - width * in_year :]),
        _digest("|".join([row.item_ids for row in before]).encode()),
    )
    if kept is not None:
        kept[year_start] = digests
    return digests


def _digest(data: bytes | array) -> bytes:
    return hashlib.blake2b(data, digest_size=20).digest()


def _fingerprint(
    account: str,
    range_key: str,
    start: dt.date,
    today: dt.date,
    goals: dict[str, int | str],
    numbers: bytes,
) -> str:
    """A digest of everything the cached parts are drawn from. The account is part of it (its
    id and when it was created, so a reused id is a different account), so nobody is ever
    shown a fragment drawn for someone else."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(f"{account}|{range_key}|{start}|{today}|{sorted(goals.items())}".encode())
    digest.update(numbers)
    return digest.hexdigest()


@receiver(setting_changed)
def _forget_drawn_fragments(**kwargs) -> None:
    # The fragments are kept under these digests, the language and the site's address; how
    # their numbers are written follows settings too ("3,650 days" with the thousands
    # grouped): they change only under test, and a kept fragment is never older than them.
    caches["fragments"].clear()
