"""{% unchanging %} (tracker/templatetags/unchanging.py): a block that can only hold what is the
same for everyone is drawn once per language and site address, and draws what its content
draws; anything a page could change is refused when the template is compiled."""

from unittest import mock

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.urls import reverse, set_script_prefix
from django.utils import translation

from tracker.templatetags import unchanging

FIXED = (
    "{% load i18n %}<nav>{# a comment #}{% comment %}and another{% endcomment %}"
    '<a href="{% url \'tracker:settings\' %}">{% translate "Settings and your data" %}</a> '
    "<a href=\"{% url 'tracker:guide_section' slug='prevention' %}\">"
    '{% translate "More" context "more links" %}</a> '
    "{% blocktranslate trimmed %}\n Log what you can\n{% endblocktranslate %}</nav>"
)


def _kept(source: str) -> Template:
    return Template("{% load unchanging %}{% unchanging %}" + source + "{% endunchanging %}")


@pytest.fixture(autouse=True)
def _site_root():
    yield
    set_script_prefix("/")


@pytest.mark.parametrize("language", ["en", "es"])
def test_it_draws_what_its_content_draws(language):
    with translation.override(language):
        assert _kept(FIXED).render(Context()) == Template(FIXED).render(Context())
    assert 'href="/settings/"' in _kept(FIXED).render(Context())


def test_it_is_drawn_once_per_language_and_site_address():
    page = _kept(FIXED)
    (block,) = [node for node in page.nodelist if isinstance(node, unchanging.UnchangingNode)]
    drawn = []
    draw = block.nodelist.render

    def counted(context):
        drawn.append(1)
        return draw(context)

    with mock.patch.object(block.nodelist, "render", counted):
        english = [page.render(Context()) for _ in range(3)]
        with translation.override("es"):
            spanish = page.render(Context())
        set_script_prefix("/app/")
        moved = page.render(Context())
    assert len(drawn) == 3 and len(set(english)) == 1
    assert spanish != english[0] and "ajustes" in spanish.lower()
    assert 'href="/app/settings/"' in moved and moved != english[0]
    assert reverse("tracker:settings") == "/app/settings/"


@pytest.mark.parametrize(
    "content",
    [
        "{{ user.username }}",
        "{% if user %}x{% endif %}",
        "{% csrf_token %}",
        "{% load i18n %}{% translate greeting %}",
        '{% load i18n %}{% translate "Settings"|upper %}',
        '{% load i18n %}{% translate "Settings" as words %}',
        "{% load i18n %}{% blocktranslate %}Hello {{ name }}{% endblocktranslate %}",
        "{% load i18n %}{% blocktranslate with name=user %}Hello{% endblocktranslate %}",
        "{% load i18n %}{% blocktranslate count n=3 %}a{% plural %}b{% endblocktranslate %}",
        "{% url 'tracker:checkin_day' date=day %}",
        "{% url view_name %}",
        "{% url 'tracker:settings' as address %}",
        '{% include "tracker/partials/care_lines.html" %}',
    ],
)
def test_anything_a_page_could_change_is_refused(content):
    with pytest.raises(TemplateSyntaxError, match="unchanging"):
        _kept(content)
