"""`{% url %}` stands in for Django's own in every template (a builtin): the same output, each URL
reversed once per process (tracker.links)."""

import datetime as dt

import pytest
from django.template import Context, Template
from django.test import RequestFactory, override_settings
from django.urls import NoReverseMatch, reverse, set_script_prefix

from tracker import links
from tracker.templatetags.remembered_urls import RememberedURLNode


def _render(source: str, **context) -> str:
    return Template(source).render(Context(context))


def test_every_template_gets_the_remembered_tag_without_loading_it():
    template = Template("{% url 'tracker:home' %}")
    assert any(isinstance(node, RememberedURLNode) for node in template.nodelist)


@pytest.mark.parametrize(
    ("source", "context", "name", "args", "kwargs"),
    [
        ("{% url 'tracker:guide' %}", {}, "tracker:guide", None, None),
        ("{% url 'tracker:dismiss_tip' pk %}", {"pk": 12}, "tracker:dismiss_tip", [12], None),
        (
            "{% url 'tracker:checkin_day' date=day %}",
            {"day": dt.date(2026, 2, 28)},
            "tracker:checkin_day",
            None,
            {"date": dt.date(2026, 2, 28)},
        ),
        (
            "{% url 'tracker:measure_table' measure_key=key %}",
            {"key": "water_ml"},
            "tracker:measure_table",
            None,
            {"measure_key": "water_ml"},
        ),
        ("{% url name %}", {"name": "tracker:trends"}, "tracker:trends", None, None),
    ],
)
def test_the_same_urls_as_djangos_tag(source, context, name, args, kwargs):
    expected = reverse(name, args=args, kwargs=kwargs)
    assert _render(source, **context) == expected
    assert _render(source, **context) == expected  # and again, remembered


def test_as_var_and_a_missing_name_behave_as_djangos():
    assert _render("{% url 'tracker:guide' as where %}[{{ where }}]") == "[/guide/]"
    assert _render("{% url 'tracker:no-such-page' as where %}[{{ where }}]") == "[]"
    with pytest.raises(NoReverseMatch):
        _render("{% url 'tracker:no-such-page' %}")
    with pytest.raises(NoReverseMatch):  # not remembered as a miss either
        _render("{% url 'tracker:no-such-page' %}")


def test_autoescaped_like_djangos():
    assert _render("{% url 'tracker:shared_report' token=t %}", t="a&b") == reverse(
        "tracker:shared_report", kwargs={"token": "a&b"}
    ).replace("&", "&amp;")


def test_an_argument_that_is_not_a_plain_value_is_reversed_afresh():
    class Changing:  # hashed by identity, like a model instance: never remembered
        def __init__(self, value: int):
            self.value = value

        def __str__(self) -> str:
            return str(self.value)

    argument = Changing(12)
    assert links.reverse_once("tracker:dismiss_tip", argument) == "/tips/12/not-for-me/"
    argument.value = 13
    assert links.reverse_once("tracker:dismiss_tip", argument) == "/tips/13/not-for-me/"


def test_the_script_prefix_and_url_configuration_are_part_of_the_key():
    home = links.reverse_once("tracker:home")
    set_script_prefix("/app/")
    try:
        assert links.reverse_once("tracker:home") == "/app/"
    finally:
        set_script_prefix("/")
    assert links.reverse_once("tracker:home") == home == "/"
    # Another site's URLs (here, only the log-in pages): the app's own are not answered.
    with override_settings(ROOT_URLCONF="django.contrib.auth.urls"):
        assert links.reverse_once("login") == "/login/"
        with pytest.raises(NoReverseMatch):
            links.reverse_once("tracker:home")


def test_the_admins_namespace_is_followed():
    request = RequestFactory().get("/admin/")
    request.current_app = "admin"
    html = Template("{% url 'admin:index' %}").render(Context({"request": request}))
    assert html == reverse("admin:index", current_app="admin")
