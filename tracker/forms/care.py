"""Forms of the care pages: the health profile, and answering a care alert."""

from django import forms
from django.utils import dateformat
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from tracker.choices import Acknowledgement, AgeBand
from tracker.models import Profile


class HealthProfileForm(forms.ModelForm):
    class Meta:
        model = Profile
        fields = (
            "age_band",
            "cancer_history",
            "infection_risk",
            "osteoporosis",
            "long_term_steroids",
        )
        labels = {"age_band": _("Your age")}
        widgets = {"age_band": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["age_band"].choices = [("", _("Prefer not to say")), *AgeBand.choices]


class AcknowledgeForm(forms.Form):
    """An answer to a care alert, from those its tier takes (never "Understood" to an
    emergency or urgent alert)."""

    response = forms.ChoiceField(choices=Acknowledgement.choices)

    def __init__(self, *args, responses: tuple[str, ...], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["response"].choices = [
            (value, label) for value, label in Acknowledgement.choices if value in responses
        ]


class MistakeForm(forms.Form):
    """Which ticked answers behind a care alert were ticked by mistake ("date:code" keys)."""

    remove = forms.MultipleChoiceField(
        choices=(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose what you ticked by mistake.")},
    )

    def __init__(self, *args, answers, **kwargs):
        super().__init__(*args, **kwargs)
        # Said in the language active when the form is built: the label as the catalogue has
        # it, the day as Django's date format says it ("Sat 21 Nov", "sáb 21 nov").
        day_format = pgettext("a ticked answer's day", "D j M")
        self.fields["remove"].choices = [
            (
                answer.key,
                gettext("%(answer)s (%(day)s)")
                % {
                    "answer": gettext(answer.label),
                    "day": dateformat.format(answer.date, day_format),
                },
            )
            for answer in answers
        ]
