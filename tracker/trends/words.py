"""Dates and numbers as the trends, the charts and the report say them, in the active language.

The charts put a date in every point's tooltip (a year is ~1,800 of them a page), so each
date's words are worked out once per language and kept: keyed by the language, since the same
day reads "Mon 5 Dec 2016" in English and "lun 5 Dic 2016" in Spanish. Django's date formatting
gives English exactly what strftime gave (the charts' English markup is unchanged)."""

import datetime as dt
import functools

from django.conf import settings
from django.utils import dateformat, formats
from django.utils.html import escape
from django.utils.translation import get_language, gettext, ngettext, pgettext_lazy


def language() -> str:
    """The active language: part of the key of everything kept that holds words."""
    return get_language() or settings.LANGUAGE_CODE


# The patterns, translated (Spanish may order or word a date its own way); read through
# _date, which keeps each day's words per language.
_PATTERNS = {
    "day": pgettext_lazy("date format: weekday, day, month, year", "D j M Y"),
    "short": pgettext_lazy("date format: day, short month, year", "j M Y"),
    "short_no_year": pgettext_lazy("date format: day, short month", "j M"),
    "month_year": pgettext_lazy("date format: month, year", "F Y"),
    "long": pgettext_lazy("date format: day, month, year", "j F Y"),
    "month": "F",
    "month_abbreviation": "M",
    "weekday_abbreviation": "D",
}


def _date(day: dt.date, kind: str) -> str:
    return _date_in(day, kind, language())


@functools.lru_cache(maxsize=8192)  # a year of days in two languages, and more
def _date_in(day: dt.date, kind: str, lang: str) -> str:
    # `lang` is only part of the key: the pattern and the names come from the active language.
    return dateformat.format(day, str(_PATTERNS[kind]))


def day_label(day: dt.date) -> str:
    """ "Mon 5 Dec 2016": a point's tooltip, a table row, a heatmap square."""
    return _date(day, "day")


def short_date(day: dt.date) -> str:
    """ "5 Dec 2016", under a chart and in its description."""
    return _date(day, "short")


def short_date_no_year(day: dt.date) -> str:
    """ "5 Dec": the first date under a chart of a year or less."""
    return _date(day, "short_no_year")


def long_date(day: dt.date) -> str:
    """ "5 December 2016": the trends range's first and last days."""
    return _date(day, "long")


def month_year(day: dt.date) -> str:
    """ "December 2016": a month's point on a long range's chart."""
    return _date(day, "month_year")


def month_name(day: dt.date) -> str:
    """ "December", for a month's tile."""
    return _date(day, "month")


def month_abbreviation(day: dt.date) -> str:
    """ "Dec", over the heatmap's columns."""
    return _date(day, "month_abbreviation")


def weekday_abbreviation(day: dt.date) -> str:
    """ "Mon", beside the heatmap's rows."""
    return _date(day, "weekday_abbreviation")


class Phrasebook:
    """One language's words for numbers and counts, each worked out once and kept: a drawing
    asks for the book once (one look-up of the active language, which costs more than the
    rest) and reads it for every sentence (a page of insights has a few hundred)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._decimal = formats.get_format("DECIMAL_SEPARATOR", lang)
        self._thousands = formats.get_format("THOUSAND_SEPARATOR", lang)
        self._plain = self._decimal == "." and self._thousands == ","
        self._days: dict[int, str] = {}
        self._messages: dict[str, str] = {}
        self._escaped: dict[str, str] = {}
        self._escaped_days: dict[int, str] = {}
        # Whether a number, once written, can hold a character HTML escapes (no language's
        # separators do, but then it is escaped as any text would be).
        self._numbers_need_escaping = escape(self._decimal + self._thousands) != (
            self._decimal + self._thousands
        )

    def number(self, text: str) -> str:
        """A number written with "." and "," as this language writes it."""
        if self._plain:
            return text
        return text.replace(",", "\0").replace(".", self._decimal).replace("\0", self._thousands)

    def days(self, count: int) -> str:
        found = self._days.get(count)
        if found is None:
            found = self._days[count] = _days(count, self.lang)
        return found

    def translated(self, message: str) -> str:
        """A message marked with gettext_noop, in this language (read while it is active)."""
        found = self._messages.get(message)
        if found is None:
            found = self._messages[message] = gettext(message)
        return found

    def escaped(self, message: str) -> str:
        """translated(message), HTML-escaped (kept: a page of insights escapes the same few
        sentences dozens of times). Escaping works character by character, so a sentence
        escaped and then filled with escaped values is the filled sentence escaped."""
        found = self._escaped.get(message)
        if found is None:
            found = self._escaped[message] = escape(self.translated(message))
        return found

    def escaped_number(self, text: str) -> str:
        """number(text), HTML-escaped."""
        written = self.number(text)
        return escape(written) if self._numbers_need_escaping else written

    def escaped_days(self, count: int) -> str:
        """days(count), HTML-escaped (kept with it)."""
        found = self._escaped_days.get(count)
        if found is None:
            found = self._escaped_days[count] = escape(self.days(count))
        return found


def phrasebook() -> Phrasebook:
    return _phrasebook(language())


@functools.lru_cache(maxsize=16)
def _phrasebook(lang: str) -> Phrasebook:
    return Phrasebook(lang)


def translated(message: str) -> str:
    """gettext of a message marked with gettext_noop, kept per language: a page's insights
    read the same few dozen sentences hundreds of times (issue 30: a few ms a page)."""
    return _translated(message, language())


@functools.lru_cache(maxsize=512)
def _translated(message: str, lang: str) -> str:
    return gettext(message)


def days(count: int) -> str:
    """ "1 day", "12 days" in the active language, kept per language."""
    return _days(count, language())


@functools.lru_cache(maxsize=1024)
def _days(count: int, lang: str) -> str:
    return ngettext("%(count)s day", "%(count)s days", count) % {"count": count}


def number(text: str) -> str:
    """A number already written with "." and "," (English's "1,234.5") as the language writes
    it ("1.234,5" in Spanish). A whole number under a thousand needs no language."""
    if "." not in text and "," not in text:
        return text
    return phrasebook().number(text)
