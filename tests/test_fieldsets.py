"""The check-in's own field shapes (tracker.forms.fieldsets) write what the templates they
replaced wrote, character for character, for every radio and checkbox field the pages show
and some they don't (errors, odd values, text that needs escaping), in both languages."""

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from tests.factories import make_user
from tests.test_choice_drawing import _every_box_field, _every_radio_field
from tests.test_form_drawing import _forms
from tracker.choices import TrackedKind
from tracker.days import tracked
from tracker.forms import drawing, fieldsets
from tracker.forms.day import CheckInForm, PegForm
from tracker.kept import Kept
from tracker.models import TrackedItem

# tracker/partials/form.html, scale_field.html, choice_buttons.html and field_errors.html,
# and the checklist's loop in checkin_panel.html, as they were before fieldsets.py drew them.
FORM = (
    '{% load form_drawing %}{% if form.non_field_errors %}<div class="form-error" role="alert">'
    "{% error_list form.non_field_errors %}</div>{% endif %}\n"
    "{% for field in form.hidden_fields %}{% field_widget field %}{% endfor %}\n"
    "{% for field in form.visible_fields %}\n"
    '  <div class="field{% if field.errors %} has-error{% endif %}">{% field_group field %}</div>\n'
    "{% endfor %}\n"
)
ERRORS = (
    '{% if field.errors %}<ul class="field-errors" id="{{ field.auto_id }}_errors">'
    "{% for error in field.errors %}<li>{{ error }}</li>{% endfor %}</ul>{% endif %}"
)
SCALE_FIELD = (
    "{% load form_drawing %}"
    '<fieldset class="field scale {{ scale_class }}{% if field.errors %} has-error{% endif %}"'
    '{% if field.errors %} aria-describedby="{{ field.auto_id }}_errors"{% endif %}>\n'
    "  <legend>{{ field.label }}</legend>\n"
    '  <div class="scale-options">\n'
    "    {% check_scale field scale_class autofocus %}\n"
    "  </div>\n"
    '  <p class="scale-labels"><span>{{ low_label }}</span>{% if mid_label %}'
    "<span>{{ mid_label }}</span>{% endif %}<span>{{ high_label }}</span></p>\n"
    '  {% if scale_class == "scale-5" %}\n'
    '    <p class="scale-descriptions small">{% for value, label in field.field.choices %}'
    "{{ value }} {{ label|lower }}{% if not forloop.last %} · {% endif %}{% endfor %}</p>\n"
    "  {% endif %}\n"
    f"  {ERRORS}\n\n"
    "</fieldset>\n"
)
CHOICE_BUTTONS = (
    "{% load form_drawing %}\n"
    '<fieldset class="field yes-no{% if field.errors %} has-error{% endif %}"'
    '{% if field.errors %} aria-describedby="{{ field.auto_id }}_errors"{% endif %}>\n'
    "  <legend>{{ field.label }}</legend>\n"
    '  <div class="scale-options">\n'
    '    {% for radio in field %}<label class="scale-option" for="{{ radio.id_for_label }}">'
    "{% choice_input radio %}<span>{{ radio.choice_label }}</span></label>{% endfor %}\n"
    "  </div>\n"
    f"  {ERRORS}\n\n"
    "</fieldset>\n"
)
CHECK_GROUPS = (
    "{% load form_drawing %}{% for title, boxes in groups %}\n"
    '        <fieldset class="symptom-group">\n'
    "          <legend>{{ title }}</legend>\n"
    "          {% check_options boxes %}\n"
    "        </fieldset>\n"
    "      {% endfor %}"
)

OWN_LISTS = (
    "{% load i18n form_drawing %}{% for field in form.tracked_fields %}\n"
    '        <fieldset class="field symptom-group{% if field.errors %} has-error{% endif %}"'
    '{% if field.errors %} aria-describedby="{{ field.auto_id }}_errors"{% endif %}>\n'
    "          <legend>{{ field.label }}</legend>\n"
    "          {% check_options field as boxes %}{% if boxes %}{{ boxes }}{% else %}\n"
    '            <p class="small link-row">{% translate "Nothing on your list yet." %} '
    "<a href=\"{% url 'tracker:settings' %}#tracked-heading\">"
    '{% translate "Add what you use or want to watch" %}</a></p>\n'
    "          {% endif %}\n"
    f"          {ERRORS}\n\n"
    "        </fieldset>\n"
    "      {% endfor %}"
)


def _as_before(source: str, **context) -> str:
    # The scale's radios were already drawn in Python (fieldsets.scale_options, compared with
    # Django's own radios in tests/test_choice_drawing.py).
    source = source.replace("{% check_scale field scale_class autofocus %}", "{{ options }}")
    if "field" in context and "options" not in context:
        field = context["field"]
        context["options"] = fieldsets.scale_options(
            field, context.get("scale_class", ""), context.get("autofocus", False)
        )
    return Template(source).render(Context(context))


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_forms_fields_are_drawn_as_the_template_drew_them(db, language):
    with translation.override(language):
        forms = list(_forms(make_user("forms")))
        refused = forms[1]  # a bound SettingsForm: also an error of the whole form
        for form in forms:
            form.is_bound and form.is_valid()
        refused.add_error(None, "Not <b>both</b>")
        for form in forms:
            expected = Template(FORM).render(Context({"form": form}))
            assert fieldsets.form_fields_html(form) == expected, type(form).__name__
    assert any(form.non_field_errors() for form in forms)
    assert any(form.hidden_fields() for form in forms)


@pytest.mark.parametrize("language", ["en", "es"])
def test_scales_are_drawn_as_the_template_drew_them(db, language):
    with translation.override(language):
        fields = list(_every_radio_field(make_user("scales")))
        for field in fields:
            for scale_class, mid, autofocus in (
                ("scale-11", "5 <moderate>", True),
                ("scale-5", "", False),
            ):
                drawn = fieldsets.scale_field_html(
                    field, scale_class, "0 & none", "10", mid_label=mid, autofocus=autofocus
                )
                expected = _as_before(
                    SCALE_FIELD, field=field, scale_class=scale_class, low_label="0 & none",
                    high_label="10", mid_label=mid, autofocus=autofocus,
                )  # fmt: skip
                assert drawn == expected, field.name
    assert any(field.errors for field in fields) and len(fields) > 20


@pytest.mark.parametrize("language", ["en", "es"])
def test_choice_buttons_are_drawn_as_the_template_drew_them(db, language):
    with translation.override(language):
        fields = list(_every_radio_field(make_user("buttons")))
        for field in fields:
            expected = _as_before(CHOICE_BUTTONS, field=field, options="")
            assert fieldsets.choice_buttons_html(field) == expected, field.name
    assert any(field.errors for field in fields)


@pytest.mark.parametrize("language", ["en", "es"])
def test_checkbox_groups_and_errors_are_drawn_as_the_template_drew_them(db, language):
    with translation.override(language):
        for data in (None, {"symptoms": ["fever", "saddle_numbness"]}, {"symptoms": ["x"]}):
            form = CheckInForm(data)
            form.is_bound and form.is_valid()
            groups = form.symptom_groups()
            expected = _as_before(CHECK_GROUPS, groups=groups)
            assert fieldsets.check_groups_html(groups) == expected
        for field in _every_box_field(make_user("boxes")):
            expected = Template(ERRORS).render(Context({"field": field}))
            assert fieldsets.field_errors_html(field) == expected, field.name


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_persons_own_lists_are_drawn_as_the_template_drew_them(db, language):
    user = make_user("lists")
    items = tracked.Lists(
        [
            TrackedItem(pk=7, user=user, kind=TrackedKind.FACTOR, name="Long drive <car>"),
            TrackedItem(pk=9, user=user, kind=TrackedKind.PAIN_RELIEF, name="Heat & rest"),
        ]
    )
    forms = [
        CheckInForm(),  # both lists empty: each links to Settings
        CheckInForm(items=items, initial={"factors": [7]}),
        CheckInForm({"factors": ["7", "x"], "pain_relief": ["9"]}, items=items),
        CheckInForm({"factors": ["8"]}, items=tracked.Lists([items.active(TrackedKind.FACTOR)[0]])),
    ]
    with translation.override(language):
        for form in forms:
            form.is_bound and form.is_valid()
            expected = _as_before(OWN_LISTS, form=form, options="")
            assert fieldsets.own_lists_html(form.tracked_fields) == expected
    assert "tracked-heading" in expected and "has-error" in expected


def test_the_posture_scale_says_each_value_in_words_in_the_persons_language(db):
    form = CheckInForm()
    english = fieldsets.scale_field_html(form["posture"], "scale-5", "Slumped", "Upright")
    with translation.override("es"):
        spanish = fieldsets.scale_field_html(form["posture"], "scale-5", "Slumped", "Upright")
    assert "1 " in english and english != spanish
    assert "scale-descriptions" not in fieldsets.scale_field_html(
        form["discomfort"], "scale-11", "0", "10"
    )


@pytest.mark.parametrize(
    "value",
    [
        'a < b & "c"',
        7,
        2.5,
        None,
        mark_safe("<b>kept</b>"),
        gettext_lazy("Water unit"),
        format_lazy("{} <i>{}</i>", "x", gettext_lazy("Water unit")),
        mark_safe(gettext_lazy("Water unit")),
    ],
)
@pytest.mark.parametrize("language", ["en", "es"])
def test_a_value_is_written_as_a_template_writes_it(value, language):
    with translation.override(language):
        assert drawing.text_html(value) == Template("{{ value }}").render(Context({"value": value}))


def test_a_lazy_strings_words_are_kept_per_language_and_never_lent_to_another(monkeypatch):
    monkeypatch.setattr(drawing, "_WORDS", {})
    label = gettext_lazy("Water unit")
    with translation.override("es"):
        spanish = drawing.words_now(label)
    with translation.override("en"):
        assert drawing.words_now(label) == "Water unit"
    with translation.override("es"):
        assert drawing.words_now(label) == spanish != "Water unit"
        # Another lazy string is never answered with a kept one's words, even if it were
        # given a kept one's place: the kept entry holds the lazy string it was made from.
        (key,) = [key for key in drawing._WORDS if key[1] == "es"]
        other = gettext_lazy("Remind me by e-mail")
        drawing._WORDS[(id(other), "es")] = drawing._WORDS[key]
        assert drawing.words_now(other) == str(other) != spanish


def test_the_kept_words_are_bounded(monkeypatch):
    monkeypatch.setattr(drawing, "_WORDS", {})
    monkeypatch.setattr(drawing, "WORDS_KEPT", 3)
    made = [format_lazy("{} {}", gettext_lazy("Water unit"), n) for n in range(10)]
    assert [drawing.words_now(label) for label in made] == [str(label) for label in made]
    assert len(drawing._WORDS) <= 3


def _refused_anyway(data) -> CheckInForm:
    form = CheckInForm(data)
    form.is_valid()
    form.add_error("symptoms", "Refused all the same")
    return form


def test_the_symptom_checklist_is_kept_for_each_way_it_can_look(db, monkeypatch):
    monkeypatch.setattr(fieldsets, "DRAWN", Kept(200))
    made = [
        lambda: CheckInForm(),
        lambda: CheckInForm(initial={"symptoms": ["fever"]}),
        lambda: CheckInForm({"symptoms": ["fever", "saddle_numbness"]}),
        lambda: CheckInForm({"symptoms": ["saddle_numbness", "fever"]}),
        lambda: CheckInForm({"symptoms": ["fever", "nope"]}),  # refused: every box invalid
        lambda: CheckInForm({"symptoms": ["fever"]}, prefix="day"),
        lambda: CheckInForm({"symptoms": ["fever"]}, auto_id=False),
        lambda: _refused_anyway({"symptoms": ["fever"]}),  # the same ticks, marked invalid
    ]
    seen = set()
    for language in ("en", "es"):
        with translation.override(language):
            for make in made:
                form = make()
                form.is_bound and form.is_valid()
                fresh = fieldsets.check_groups_html(form.symptom_groups())
                assert form.symptom_checklist() == fresh
                again = make()
                again.is_bound and again.is_valid()
                assert again.symptom_checklist() == fresh
                seen.add(fresh)
    # Each language's, and the same ticks in another order are one; the refused ones are
    # marked invalid (a value with no box draws as the refused ticks it came with).
    assert len(fieldsets.DRAWN._items) == 2 * (len(made) - 1)
    assert sum('aria-invalid="true"' in drawn for drawn in seen) == 2


def test_the_kept_drawings_are_bounded(db, monkeypatch):
    monkeypatch.setattr(fieldsets, "DRAWN", Kept(3))
    for codes in (["fever"], ["saddle_numbness"], ["fever", "saddle_numbness"], []):
        form = CheckInForm({"symptoms": codes})
        form.is_valid()
        assert form.symptom_checklist() == fieldsets.check_groups_html(form.symptom_groups())
    assert len(fieldsets.DRAWN._items) == 3


def _scales(form):
    form.is_bound and form.is_valid()
    return [
        (field, "scale-5" if field.name == "posture" else "scale-11")
        for field in form
        if type(field.field.widget).__name__ == "RadioSelect" and field.name != "woke_from_pain"
    ]


SCALE_FORMS = [
    lambda: CheckInForm(),
    lambda: CheckInForm(initial={"discomfort": 4, "stress": 0, "posture": 2}),
    lambda: CheckInForm({"discomfort": "7", "stress": "10", "posture": "5"}),
    lambda: CheckInForm({"discomfort": "11", "stress": "x"}),  # refused: never kept
    lambda: CheckInForm({"discomfort": "7"}, prefix="day"),
    lambda: CheckInForm({"discomfort": "7"}, auto_id=False),
    lambda: PegForm(),
    lambda: PegForm({"peg_pain": "3"}),
]


def test_a_scale_is_kept_for_each_way_it_can_look(db, monkeypatch):
    monkeypatch.setattr(fieldsets, "DRAWN", Kept(500))
    drawn = []
    ways = [("0", "10", "5", True), ("0", "10", "5", False), ("a", "10", None, False),
            ("a", "b", None, False)]  # fmt: skip
    for language in ("en", "es", "en"):
        with translation.override(language):
            for low, high, mid, autofocus in ways:
                for make in SCALE_FORMS * 2:  # each drawn, then found kept
                    for field, scale in _scales(make()):
                        fresh = fieldsets.scale_field_html(field, scale, low, high, mid, autofocus)
                        kept = fieldsets.kept_scale_field_html(
                            field, scale, low, high, mid, autofocus
                        )
                        assert kept == fresh, (language, field.name, low, high, mid, autofocus)
                        drawn.append(fresh)
    assert any("has-error" in html for html in drawn) and any(" checked" in html for html in drawn)
    assert not any("has-error" in html for html in fieldsets.DRAWN._items.values())
