"""What an insight says, whole sentences marked for translation (tracker.trends.insights puts
the numbers in): each kind of comparison's own sentences, and those every insight reads."""

from dataclasses import dataclass

from django.utils.translation import gettext_noop, ngettext_lazy


@dataclass(frozen=True)
class Sentences:
    """An insight's sentences, whole, for one kind of comparison (a goal met or not, a long
    enough night or not, a pain relief or factor ticked or not): each language words each
    sentence its own way, so none is put together from the kinds' names. Marked lazily or
    with gettext_noop (the catalogue collects them) and translated where they are read."""

    met_label: str
    missed_label: str
    higher: str
    lower: str
    same_day: str
    met_more: str  # ngettext_lazy, numbered by "count"
    missed_more: str


# Keyed by Insight.words' first: the English names of the two kinds of day.
SENTENCES = {
    "you met it": Sentences(
        met_label=gettext_noop("You met it"),
        missed_label=gettext_noop("You didn't"),
        higher=gettext_noop("discomfort %(difference)s higher on days you met it"),
        lower=gettext_noop("discomfort %(difference)s lower on days you met it"),
        same_day=gettext_noop(
            "on days you met it, discomfort averaged %(met_mean)s over %(met_days)s; on days "
            "you didn't, %(missed_mean)s over %(missed_days)s."
        ),
        met_more=ngettext_lazy(
            "%(count)s more day you met it", "%(count)s more days you met it", "count"
        ),
        missed_more=ngettext_lazy(
            "%(count)s more day you didn't", "%(count)s more days you didn't", "count"
        ),
    ),
    "after a long enough night": Sentences(
        met_label=gettext_noop("After a long enough night"),
        missed_label=gettext_noop("After a shorter one"),
        higher=gettext_noop("discomfort %(difference)s higher on days after a long enough night"),
        lower=gettext_noop("discomfort %(difference)s lower on days after a long enough night"),
        same_day=gettext_noop(
            "on days after a long enough night, discomfort averaged %(met_mean)s over "
            "%(met_days)s; on days after a shorter one, %(missed_mean)s over %(missed_days)s."
        ),
        met_more=ngettext_lazy(
            "%(count)s more day after a long enough night",
            "%(count)s more days after a long enough night",
            "count",
        ),
        missed_more=ngettext_lazy(
            "%(count)s more day after a shorter one",
            "%(count)s more days after a shorter one",
            "count",
        ),
    ),
    "with it": Sentences(
        met_label=gettext_noop("With it"),
        missed_label=gettext_noop("Without it"),
        higher=gettext_noop("discomfort %(difference)s higher on days with it"),
        lower=gettext_noop("discomfort %(difference)s lower on days with it"),
        same_day=gettext_noop(
            "on days with it, discomfort averaged %(met_mean)s over %(met_days)s; on days "
            "without it, %(missed_mean)s over %(missed_days)s."
        ),
        met_more=ngettext_lazy(
            "%(count)s more day with it", "%(count)s more days with it", "count"
        ),
        missed_more=ngettext_lazy(
            "%(count)s more day without it", "%(count)s more days without it", "count"
        ),
    ),
}


# The sentences every insight reads, marked here and translated (and kept) where read.
NEXT_DAY_WAITING = gettext_noop("The day after: not enough days to compare yet.")
NEXT_DAY = gettext_noop(
    "The day after: %(met_mean)s over %(met_days)s against %(missed_mean)s over %(missed_days)s."
)
ABOUT_THE_SAME = gettext_noop("discomfort about the same either way")
