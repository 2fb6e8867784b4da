"""{% unchanging %} (tracker/templatetags/unchanging.py): a block that can only hold what is the
same for everyone is drawn once per language and site address, and draws what its content
draws; anything a page could change is refused when the template is compiled."""

from unittest import mock

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.urls import include, path, reverse, set_script_prefix, set_urlconf
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


# The app's addresses one folder down: a block's links must move with them.
urlpatterns = [path("elsewhere/", include("backhabits.urls"))]


def test_it_is_drawn_once_per_url_configuration():
    page = _kept("<a href=\"{% url 'tracker:settings' %}\">")
    (block,) = [node for node in page.nodelist if isinstance(node, unchanging.UnchangingNode)]
    try:
        drawn = []
        for urlconf in (None, __name__, None):
            set_urlconf(urlconf)
            drawn.append(page.render(Context()))
    finally:
        set_urlconf(None)
    assert drawn[0] == drawn[2] == '<a href="/settings/">'
    assert drawn[1] == '<a href="/elsewhere/settings/">'
    assert len(block._drawn) == 2


def test_a_page_that_escapes_and_one_that_does_not_each_have_their_own():
    """{% url %} escapes the address only where the page escapes (a fixed message's words are
    safe either way): an "&" in a path stays as it is in one and is escaped in the other."""
    page = _kept("<a href=\"{% url 'tracker:shared_report' token='a&b' %}\">")
    (block,) = [node for node in page.nodelist if isinstance(node, unchanging.UnchangingNode)]
    escaped = page.render(Context())
    plain = page.render(Context(autoescape=False))
    assert escaped == '<a href="/shared/a&amp;b/">' and plain == '<a href="/shared/a&b/">'
    assert page.render(Context()) == escaped and len(block._drawn) == 2


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
