"""Dates and numbers as the trends, the charts and the report say them, in the active language.

The charts put a date in every point's tooltip (a year is ~1,800 of them a page), so each
date's words are worked out once per language and kept: keyed by the language, since the same
day reads "Mon 5 Dec 2016" in English and "lun 5 Dic 2016" in Spanish. Django's date formatting
gives English exactly what strftime gave (the charts' English markup is unchanged)."""

import datetime as dt
import functools

from django.conf import settings
from django.utils import dateformat, formats
from django.utils.translation import get_language, pgettext


def language() -> str:
    """The active language: part of the key of everything kept that holds words."""
    return get_language() or settings.LANGUAGE_CODE


def day_label(day: dt.date) -> str:
    """ "Mon 5 Dec 2016": a point's tooltip, a table row, a heatmap square."""
    return _day_label(day, language())


@functools.lru_cache(maxsize=8192)  # a year of days in two languages, and more
def _day_label(day: dt.date, lang: str) -> str:
    return dateformat.format(day, pgettext("date format: weekday, day, month, year", "D j M Y"))


def short_date(day: dt.date) -> str:
    """ "5 Dec 2016", under a chart and in its description."""
    return _formatted(day, pgettext("date format: day, short month, year", "j M Y"), language())


def short_date_no_year(day: dt.date) -> str:
    """ "5 Dec": the first date under a chart of a year or less."""
    return _formatted(day, pgettext("date format: day, short month", "j M"), language())


def month_year(day: dt.date) -> str:
    """ "December 2016": a month's point on a long range's chart."""
    return _formatted(day, pgettext("date format: month, year", "F Y"), language())


def month_name(day: dt.date) -> str:
    """ "December", for a month's tile."""
    return _formatted(day, "F", language())


def month_abbreviation(day: dt.date) -> str:
    """ "Dec", over the heatmap's columns."""
    return _formatted(day, "M", language())


def weekday_abbreviation(day: dt.date) -> str:
    """ "Mon", beside the heatmap's rows."""
    return _formatted(day, "D", language())


@functools.lru_cache(maxsize=4096)
def _formatted(day: dt.date, pattern: str, lang: str) -> str:
    # `lang` is only part of the key: the pattern's names come from the active language.
    return dateformat.format(day, pattern)


def number(text: str) -> str:
    """A number already written with "." and "," (English's "1,234.5") as the language writes
    it ("1.234,5" in Spanish): cheap enough for every sentence of a page."""
    return _with_separators(text, language())


@functools.lru_cache(maxsize=2048)
def _with_separators(text: str, lang: str) -> str:
    decimal = formats.get_format("DECIMAL_SEPARATOR", lang)
    thousands = formats.get_format("THOUSAND_SEPARATOR", lang)
    if decimal == "." and thousands == ",":
        return text
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)
