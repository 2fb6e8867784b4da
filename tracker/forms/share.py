"""The report page's form: making a share link."""

from django import forms

from tracker.ranges import RANGES
from tracker.trends import sharing


class ShareLinkForm(forms.Form):
    """A share link for a clinician: which period of the report, for how long, notes or not."""

    range = forms.ChoiceField(
        label="Period of the report",
        choices=[(key, period.label) for key, period in RANGES.items()],
        error_messages={"invalid_choice": "Choose one of the periods listed."},
    )
    days = forms.TypedChoiceField(
        label="The link stops working after",
        choices=[(days, f"{days} days") for days in sharing.EXPIRY_DAYS],
        coerce=int,
        initial=sharing.EXPIRY_DAYS[0],
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": "Choose "
            + " or ".join(str(days) for days in sharing.EXPIRY_DAYS)
            + " days."
        },
    )
    include_notes = forms.BooleanField(
        label="Include my notes",
        required=False,
        help_text="Left out unless you tick this: notes can say more than a clinician needs.",
    )
