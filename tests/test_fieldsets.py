"""The check-in's own field shapes (tracker.forms.fieldsets) write what the templates they
replaced wrote, character for character, for every radio and checkbox field the pages show
and some they don't (errors, odd values, text that needs escaping), in both languages."""

import pytest
from django.template import Context, Template
from django.utils import translation

from tests.factories import make_user
from tests.test_choice_drawing import _every_box_field, _every_radio_field
from tracker.forms import fieldsets
from tracker.forms.day import CheckInForm

# tracker/partials/scale_field.html, choice_buttons.html and field_errors.html, and the
# checklist's loop in checkin_panel.html, as they were before fieldsets.py drew them.
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


def test_the_posture_scale_says_each_value_in_words_in_the_persons_language(db):
    form = CheckInForm()
    english = fieldsets.scale_field_html(form["posture"], "scale-5", "Slumped", "Upright")
    with translation.override("es"):
        spanish = fieldsets.scale_field_html(form["posture"], "scale-5", "Slumped", "Upright")
    assert "1 " in english and english != spanish
    assert "scale-descriptions" not in fieldsets.scale_field_html(
        form["discomfort"], "scale-11", "0", "10"
    )
