"""Long lists of choices written out once: the time zones and the countries, ~600 and ~250
<option>s, which Django renders one template each on every settings page."""

import functools
import html
from collections.abc import Callable, Iterable

from django.forms import widgets
from django.forms.utils import flatatt
from django.utils.choices import BaseChoiceIterator
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


class FixedChoices(BaseChoiceIterator):
    """Choices that can't change while the process runs (the time zones, the countries in one
    language), made once from `make`. Django keeps a choice iterator as it is, where it would
    copy and re-check a list of ~600 pairs for the field and again for its widget on every
    form; and LongSelect keeps their <option>s, written once, on the pairs they came from.

    Its labels are one language's words, kept for the life of the process: whoever keeps one
    keeps one per language (tracker.forms.places keys its lists by the active language), never
    one for every page."""

    def __init__(self, make: Callable[[], Iterable[tuple[object, object]]]):
        self._make = make

    @functools.cached_property
    def pairs(self) -> tuple[tuple[str, str], ...]:
        return tuple((str(value), str(label)) for value, label in self._make())

    def __iter__(self):
        return iter(self.pairs)

    def __len__(self) -> int:
        return len(self.pairs)

    # Nothing in it can change: a form's copy of its fields shares it.
    def __copy__(self) -> "FixedChoices":
        return self

    def __deepcopy__(self, memo) -> "FixedChoices":
        return self

    @functools.cached_property
    def _options(self) -> tuple[str, dict[str, list[tuple[int, int, str]]]]:
        """Every <option> written out, and where each value's options are in it (start, end,
        the option selected) to splice the chosen one in."""
        parts, where, length = [], {}, 0
        for value, label in self.pairs:
            escaped = f'value="{html.escape(value)}"'
            option = f"<option {escaped}>{html.escape(label)}</option>"
            selected = f"<option {escaped} selected>{html.escape(label)}</option>"
            where.setdefault(value, []).append((length, length + len(option), selected))
            parts.append(option)
            length += len(option)
        return "".join(parts), where

    def options_html(self, chosen: set[str]) -> str:
        """Every <option>, those whose value is in `chosen` selected."""
        written, where = self._options
        spans = sorted(span for value in chosen for span in where.get(value, ()))
        if not spans:
            return written
        parts, done = [], 0
        for start, end, selected in spans:
            parts += [written[done:start], selected]
            done = end
        parts.append(written[done:])
        return "".join(parts)


class LongSelect(widgets.Select):
    """A <select> written out in one pass. Django renders each option through a template,
    which for the ~600 time zones took most of the settings page's time; with FixedChoices
    the options are written once per process and only the chosen one changes."""

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        chosen = set(self.format_value(value))
        if isinstance(self.choices, FixedChoices):
            options = self.choices.options_html(chosen)
        else:
            options = "".join(
                [
                    f'<option value="{escape(option)}"{" selected" * (str(option) in chosen)}>'
                    f"{escape(label)}</option>"
                    for option, label in self.choices
                ]
            )
        select_attrs = flatatt({"name": name, **self.build_attrs(self.attrs, attrs)})
        return mark_safe(f"<select{select_attrs}>{options}</select>")
