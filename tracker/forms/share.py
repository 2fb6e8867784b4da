"""The report page's form: making a share link."""

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _

from tracker.ranges import RANGES
from tracker.trends import sharing

# "7 days" and "30 days": the choices' words, each numbered by its own count.
_DAYS = ngettext_lazy("%(days)s day", "%(days)s days", "days")


def _choose_days() -> str:
    first, second = sharing.EXPIRY_DAYS
    return gettext("Choose %(first)s or %(second)s days.") % {"first": first, "second": second}


class ShareLinkForm(forms.Form):
    """A share link for a clinician: which period of the report, for how long, notes or not."""

    range = forms.ChoiceField(
        label=_("Period of the report"),
        # The periods' labels are read when the form is drawn, in that page's language.
        choices=lambda: [(key, period.label) for key, period in RANGES.items()],
        error_messages={"invalid_choice": _("Choose one of the periods listed.")},
    )
    days = forms.TypedChoiceField(
        label=_("The link stops working after"),
        choices=lambda: [(days, _DAYS % {"days": days}) for days in sharing.EXPIRY_DAYS],
        coerce=int,
        initial=sharing.EXPIRY_DAYS[0],
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": lazy(_choose_days, str)()},
    )
    include_notes = forms.BooleanField(
        label=_("Include my notes"),
        required=False,
        help_text=_("Left out unless you tick this: notes can say more than a clinician needs."),
    )
