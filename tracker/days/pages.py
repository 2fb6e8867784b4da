"""Pages that more than one page group shows: the check-in page (the check-in itself and the
copy a phone keeps for checking in offline) and the time-away section (the history page and
Settings)."""

import datetime as dt
import json
import re
import secrets
from dataclasses import dataclass
from itertools import chain

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext, pgettext

from tracker.care import countries, redflags, shown
from tracker.choices import WaterUnit
from tracker.csrf import STAND_IN, with_token
from tracker.dates import day_name
from tracker.days import away, checkins, units
from tracker.days.measures import ASKED_ORDER, value_words
from tracker.days.water_entry import water_entry_html
from tracker.forms import fieldsets, kept_forms
from tracker.forms.day import CheckInForm
from tracker.forms.history import AwayForm
from tracker.kept import Kept, digest
from tracker.links import HERE_STAND_IN, page_address, with_here
from tracker.models import CheckIn


def day_words(day: dt.date, today: dt.date) -> str:
    """The day inside a sentence: "today", "Monday 3 March", or with its year when another."""
    if day == today:
        return pgettext("inside a sentence", "today")
    if day.year != today.year:
        return gettext("%(day)s %(year)s") % {"day": day_name(day), "year": day.year}
    return day_name(day)


def checkin_page(request: HttpRequest, **page) -> HttpResponse:
    """The check-in page (or its panel, for htmx), from checkin_context's arguments."""
    context = checkin_context(request, **page)
    template = "tracker/partials/checkin_panel.html" if request.htmx else "tracker/checkin.html"
    return render(request, template, context)


def checkin_context(
    request: HttpRequest,
    *,
    day: dt.date,
    today: dt.date,
    checkin: CheckIn | None,
    form: CheckInForm,
    prompts: list[shown.CarePrompt],
    partly_saved: checkins.SavedDay | None = None,
    water_error: str | None = None,
    offline_shell: bool = False,
    care_lines: list | None = None,
    offer_previous: bool = True,
) -> dict:
    """What the check-in form needs wherever it is shown: its own page, and below an
    emergency's advice when answers there still need correcting."""
    profile = request.user.profile
    action_url = reverse("tracker:checkin") if offline_shell else request.path
    water = checkins.water_status(checkin, profile=profile)
    # What the form's fields show around them (checkin_form_body.html).
    around_fields = {
        "is_today": day == today,
        "day_words": day_words(day, today),
        "water_entry": water_entry_html(
            form, water, action_url=action_url, water_error=water_error
        ),
        # "Same as yesterday" would put yesterday's answers into the kept page: not offered.
        "same_as_previous": ""
        if offline_shell or not offer_previous
        else same_as_previous_html(
            _previous_habits_offer(request.user, day=day, today=today, checkin=checkin)
        ),
        # "Log pain" on a reminder notification opens the check-in here (templates/tracker/sw.js).
        "focus_discomfort": request.GET.get("focus") == "discomfort",
    }
    return {
        # Without its own, the page shows every open alert as a line (context_processors).
        **({"care_lines": care_lines} if care_lines is not None else {}),
        "form_opening": form_opening_html(
            request,
            day=day,
            action_url=action_url,
            # The form as a phone keeps it for checking in without a connection
            # (tracker.views.offline).
            offline_shell=offline_shell,
            contacts=countries.contacts_for(profile.country.code or ""),
        ),
        "form_body": form_body_html(form, around_fields),
        "form": form,
        "day": day,
        "today": today,
        # The kept form posts where the check-in does (it is served at its own address).
        "action_url": action_url,
        "care_prompts": prompts,
        "partly_saved": partly_saved,
        **around_fields,
    }


@dataclass(frozen=True)
class HabitsOffer:
    """What "Same as yesterday" offers on a day's page: the habits of the latest earlier day
    that logged any (as stored: water in millilitres), and what its words are made from."""

    date: dt.date  # the earlier day's
    habits: tuple[tuple[str, int], ...]  # (field, value), as checkins.previous_habits found
    today: dt.date
    yesterday: bool  # today's page, and the earlier day is yesterday: "Same as yesterday"
    water_unit: str


def _previous_habits_offer(
    user, *, day: dt.date, today: dt.date, checkin: CheckIn | None
) -> HabitsOffer | None:
    previous = checkins.previous_habits(user=user, date=day, day=checkin)
    if previous is None or not previous.values:
        return None
    return HabitsOffer(
        date=previous.date,
        habits=tuple(previous.values.items()),
        today=today,
        # "Yesterday" only on today's page: on an earlier day's page it would mean the wrong day.
        yesterday=day == today and previous.date == today - dt.timedelta(days=1),
        water_unit=user.profile.water_unit,
    )


def offer_words(offer: HabitsOffer) -> dict:
    """The offer as its partial shows it: the button's label, the values it fills in (water in
    the person's unit) and the habits in words, in the order the form asks them."""
    values = dict(offer.habits)
    ounces = offer.water_unit == WaterUnit.US_FLUID_OUNCES
    return {
        "label": (
            gettext("Same as yesterday")
            if offer.yesterday
            else gettext("Same as %(day)s") % {"day": day_words(offer.date, offer.today)}
        ),
        "values": {
            name: units.ml_to_oz(value) if name == "water_ml" and ounces else value
            for name, value in values.items()
        },
        "summary": " · ".join(
            value_words(name, values[name], water_unit=offer.water_unit)
            for name in ASKED_ORDER
            if name in values
        ),
    }


OPENING_TEMPLATE = "tracker/partials/checkin_form_opening.html"
# ~2.5 KB each: a day's form opening per address, country and language.
OPENING_DRAWN = Kept(400)


def form_opening_html(
    request: HttpRequest,
    *,
    day: dt.date,
    action_url: str,
    offline_shell: bool,
    contacts: countries.CareContacts,
) -> SafeString:
    """The check-in form's opening: the emergency advice a phone shows offline, the form tag
    (where it posts, its day, the rules' emergency answers) and its first heading. Drawn once
    for each such day, address, country's numbers and language, and kept: it shows nothing of
    the person. This request's CSRF token is put in (tracker.csrf)."""
    # Which answers need emergency care at once, for a phone without a connection: from the
    # rules themselves (tracker.care.redflags), so the script keeps no copy of them.
    emergency_sets = json.dumps(redflags.emergency_symptom_sets())
    words, number = contacts.emergency_words, contacts.emergency_number
    seen = (
        *page_address(), day, action_url, offline_shell,
        words, number, emergency_sets,
    )  # fmt: skip

    def draw() -> str:
        context = {
            "day": day, "action_url": action_url, "offline_shell": offline_shell,
            "emergency_contacts": {"emergency_words": words, "emergency_number": number},
            "emergency_sets": emergency_sets, "csrf_token": STAND_IN,
        }  # fmt: skip
        return render_to_string(OPENING_TEMPLATE, context).strip()

    return mark_safe(with_token(OPENING_DRAWN.get_or_draw(seen, draw), request))


BODY_TEMPLATE = "tracker/partials/checkin_form_body.html"
# ~11 KB each: a form's fields as a day left them, in one language. An unanswered day's are
# everyone's who keeps no list of their own, whatever their other days.
BODY_DRAWN = Kept(400)
# The day's water, which the fields after the opening never show (the water entry does): a tap
# on home must not make the check-in's fields a new drawing.
_WATER_ANSWERS = frozenset({"water_ml", "water_oz", "water_seen_ml"})
# What a kept body holds in place of the parts drawn from the person's other days and their
# water ("Same as yesterday", the water entry: each kept apart, drawn with its own figures), so
# one body serves everyone whose form looks alike. Per process and unguessable, as
# tracker.csrf.STAND_IN: no text a person writes can contain them.
_PUT_IN_LATER = {
    name: f"{name}-stand-in-{secrets.token_hex(16)}" for name in ("same_as_previous", "water_entry")
}
_NAME_OF = {stand_in: name for name, stand_in in _PUT_IN_LATER.items()}
_STAND_IN = re.compile(f"({'|'.join(map(re.escape, _NAME_OF))})")


def form_body_html(form: CheckInForm, around_fields: dict) -> SafeString | None:
    """The check-in form's fields, up to the form's end, for a form showing a stored day (or
    none): drawn once for all it was given (its class, its initial values but the water's, the
    entries its own lists offer) and what surrounds the fields, in one language at one
    address, and kept, with "Same as yesterday" and the water entry put in for each page
    (_PUT_IN_LATER). None for a form holding what was typed: the panel draws its values and
    errors each time. The key is a digest: the notes and the lists' entries are the person's
    own words."""
    if form.is_bound:
        return None
    kept_alike = {name: _PUT_IN_LATER.get(name, value) for name, value in around_fields.items()}
    seen = (
        *page_address(), type(form), form.prefix, form.auto_id, form.label_suffix,
        sorted(item for item in form.initial.items() if item[0] not in _WATER_ANSWERS),
        [tuple(field.field.choices) for field in form.tracked_fields], sorted(kept_alike.items()),
    )  # fmt: skip
    key = digest(seen)

    def draw() -> tuple[tuple[str, ...], tuple[str, ...]]:
        return _cut_at_stand_ins(render_to_string(BODY_TEMPLATE, {"form": form, **kept_alike}))

    names, parts = BODY_DRAWN.get_or_draw(key, draw)
    # As the template would have shown each ({{ … }}): escaped unless already safe.
    put_in = [conditional_escape(around_fields[name]) for name in names]
    return SafeString("".join(chain.from_iterable(zip(parts, [*put_in, ""], strict=True))))


def _cut_at_stand_ins(body: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The names of the stand-ins `body` holds, each time it holds one, in order, and the text
    around them: a page joins its own parts in rather than searching ~11 KB once for each."""
    pieces = _STAND_IN.split(body)
    return tuple(_NAME_OF[stand_in] for stand_in in pieces[1::2]), tuple(pieces[::2])


@receiver(setting_changed)
def _forget_drawn_bodies(**kwargs) -> None:
    # The fields' words and numbers follow settings too (languages, number formats, the
    # countries): they change only under test, but a kept body is never older than them. So do
    # "Same as yesterday"'s, kept under the offer rather than its words.
    BODY_DRAWN.clear()
    SAME_AS_DRAWN.clear()
    AWAY_DRAWN.clear()


SAME_AS_TEMPLATE = "tracker/partials/same_as_previous.html"
# ~600 bytes each: the habits days offer, as people log them alike (posture 3, 30 minutes).
SAME_AS_DRAWN = Kept(1000)


def same_as_previous_html(offer: HabitsOffer | None) -> SafeString:
    """The "Same as yesterday" button and what it fills in (nothing when no earlier day
    offers habits), drawn once for each offer and language, and kept: it shows nothing else.
    Its words are made only to draw it. With DEBUG on (a template being edited) drawn every
    time."""
    if offer is None:
        return SafeString("")
    return SAME_AS_DRAWN.get_or_draw(
        (get_language(), offer), lambda: same_as_drawing(offer_words(offer))
    )


def same_as_drawing(words: dict) -> SafeString:
    """The partial for an offer's words (offer_words)."""
    return SafeString(render_to_string(SAME_AS_TEMPLATE, {"previous": words}))


AWAY_TEMPLATE = "tracker/partials/away.html"
# The "I'm away" section with no break set, as everyone sees it on a day (about 2 KB): per
# language, site address and day; the page's own address (where its form comes back to) and
# the CSRF token are put in for each request.
AWAY_DRAWN = Kept(200)


def away_context(
    user, *, today: dt.date, request: HttpRequest, here: str, form: AwayForm | None = None
) -> dict:
    """What the "I'm away" section needs, on the history and settings pages alike, `here` the
    page its form comes back to: drawn (`away_html`, the section kept) when no break is set and
    no form was refused."""
    current = away.open_period(user, today=today)
    shown = {
        "away_period": current,
        "away_words": away.break_words(current, today=today) if current else None,
        "away_max_days": away.MAX_AWAY_DAYS,
        "away_next": here,
    }
    if form is not None:  # a refused form shows its errors even beside a break already set
        return {**shown, "away_fields": fieldsets.form_fields_html(form)}
    if current is not None:
        return {**shown, "away_fields": None}

    def draw() -> str:
        fields = kept_forms.kept_form_fields_html(AwayForm, (today,), lambda: AwayForm(today=today))
        context = {
            **shown, "away_fields": fields, "away_next": HERE_STAND_IN, "csrf_token": STAND_IN,
        }  # fmt: skip
        return render_to_string(AWAY_TEMPLATE, context)

    drawn = AWAY_DRAWN.get_or_draw((*page_address(), today), draw)
    return {"away_html": mark_safe(with_here(with_token(drawn, request), here))}
