"""Issue 30: the insight lines read their sentences escaped from the language's phrasebook
(tracker.trends.words.Phrasebook.escaped), looked up once a page: the very markup drawing each
line from the Insight's own sentences gave, in either language."""

import random

import pytest
from django.utils.html import conditional_escape as escape
from django.utils.translation import override

from tracker.trends import figures, words
from tracker.trends.insights import Comparison, Insight


def _as_before(insight: Insight, *, marker: str, averaged: str, book: words.Phrasebook) -> str:
    """The line as it was drawn from the Insight's properties, each escaped where used."""
    days = insight.same_day
    labels = insight.side_labels
    sides = (
        (labels[0], days.met_mean, days.met_days),
        (labels[1], days.missed_mean, days.missed_days),
    )
    bars = "".join(
        f'<li><span class="insight-side">{escape(label)} · {book.days(count)}</span>'
        f"{figures._bar(mean)}"
        f'<span class="insight-value"><span class="visually-hidden">{averaged} '
        f"</span>{book.number(f'{mean:.1f}')}</span></li>"
        for label, mean, count in sides
    )
    return (
        f'<li class="insight"{marker} data-strength="{insight.strength:.1f}">'
        f"<p><strong>{escape(insight.title)}</strong>: {escape(insight.difference_words)}.</p>"
        f'<ul class="insight-bars">{bars}</ul>'
        f'<p class="small">{escape(insight.next_day_sentence)}</p></li>'
    )


def _insights(seed: int) -> list[Insight]:
    rng = random.Random(seed)

    def side() -> Comparison:
        met, missed = rng.randint(10, 400), rng.randint(0, 400)
        return Comparison(
            rng.randint(0, 100) / 10, met, rng.randint(0, 100) / 10 if missed else None, missed
        )

    found = []
    for kind in ("you met it", "after a long enough night", "with it"):
        for _ in range(12):
            same = side()
            if rng.random() < 0.2:  # about the same either way
                same = Comparison(same.met_mean, same.met_days, same.met_mean, 10)
            found.append(
                Insight(
                    "x", 'tea <&> "strong", it\'s', same, side(),
                    words=(kind, "other"),
                )
            )  # fmt: skip
    return [insight for insight in found if insight.same_day.enough]


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("seed", range(3))
def test_each_insight_line_is_the_one_its_own_sentences_drew(lang, seed):
    with override(lang):
        book = words.phrasebook()
        averaged = escape("discomfort averaged")
        for insight in _insights(seed):
            drawn = figures._compared_item(insight, marker="", averaged=averaged, book=book)
            assert drawn == _as_before(insight, marker="", averaged=averaged, book=book)
            assert "it&#x27;s" in drawn


def test_a_number_is_escaped_where_its_separators_would_need_it():
    book = words.Phrasebook("en")
    assert book.escaped_number("1,234.5") == "1,234.5"
    book._decimal, book._thousands, book._plain = "'", "&", False
    book._numbers_need_escaping = True
    assert book.escaped_number("1,234.5") == "1&amp;234&#x27;5"
    assert book.escaped_days(3) == escape(book.days(3))
