"""The check-in's water entry (templates/tracker/partials/checkin_water.html): the day's water
field, the +250 ml and Undo buttons and the goal, drawn once for each way it can look.

Drawing it was about an eighth of the check-in page. It shows the water seen, the field's
value, the person's unit and goal, whether the last tap can be undone and where the buttons
post: on a day not yet answered, the same for everyone with the same goal. A form without
errors is kept in this process under exactly those and the language (DRAWN); a form sent back
with errors, or a tap refused, is drawn each time. With DEBUG on (a template being edited),
always drawn."""

from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from tracker.days.checkins import WaterStatus
from tracker.forms.day import CheckInForm
from tracker.kept import Kept

TEMPLATE = "tracker/partials/checkin_water.html"
# ~1.5 KB each: the goals, totals and units seen lately.
DRAWN = Kept(1000)


def water_entry_html(
    form: CheckInForm,
    water: WaterStatus,
    *,
    action_url: str,
    water_error: str | None = None,
    goal_reached_now: bool = False,
) -> SafeString:
    """The water entry for the check-in `form` (its water fields, value and unit) and the
    day's `water`, its buttons posting to `action_url`."""
    context = {
        "form": form,
        "water": water,
        "action_url": action_url,
        "water_error": water_error,
        "water_goal_reached_now": goal_reached_now,
    }

    def draw() -> SafeString:
        return SafeString(render_to_string(TEMPLATE, context))

    if form.is_bound or water_error:
        return draw()
    field = form.water_field
    key = (
        get_language(), type(form), form.prefix, form.auto_id, form.water_unit, field.html_name,
        repr(field.value()), repr(form["water_seen_ml"].value()), water, action_url,
        goal_reached_now,
    )  # fmt: skip
    return DRAWN.get_or_draw(key, draw)
