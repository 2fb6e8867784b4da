"""The trends page's chart figures and insight lines are drawn in Python
(tracker.trends.figures): the same markup the template loops drew, escaping included."""

import datetime as dt
import re
from pathlib import Path

import pytest
from django.template import engines
from django.utils import timezone

from tests.factories import make_checkin
from tracker.models import TrackedItem
from tracker.trends import dashboard as trends

# The loops partials/trends_range.html held before they moved to Python (the insights' is no
# longer what is drawn: they are ranked now).
_CHARTS, _ = (
    (Path(__file__).parent / "data" / "trends_figures_template.html")
    .read_text()
    .split("<!-- insights -->\n")
)


def _plain(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", html)).strip()


def _template(text: str, dashboard) -> str:
    return _plain(engines["django"].from_string(text).render({"dashboard": dashboard}))


@pytest.mark.parametrize("range_key", ["30", "365", "all"])
@pytest.mark.parametrize("days", [3, 40])
def test_figures_and_insights_are_the_markup_the_template_drew(user, db, range_key, days):
    today = timezone.now().date()
    item = TrackedItem.objects.create(user=user, kind="factor", name='Long <drive> & "tea"')
    for back in range(days):
        make_checkin(user, today - dt.timedelta(days=back), item_ids=[item.pk] if back % 3 else [])
    profile = user.profile
    profile.water_goal_ml = 1500  # a goal line on the water chart
    profile.save()
    dashboard = trends.build(user, range_key=range_key, today=today)
    figures, insights = _plain(dashboard.chart_figures), _plain(dashboard.insight_items)
    assert figures == _template(_CHARTS, dashboard)
    assert "legend-goal" in figures
    # The insights are ranked and drawn with bars since (tests/test_h31_charts_insights.py):
    # each with enough days is one item, the rest share one line; every title is escaped.
    assert "Long &lt;drive&gt; &amp; &quot;tea&quot;" in insights
    compared = insights.count('<li class="insight"')
    waiting = insights.count("data-insights-waiting")
    assert compared + waiting >= 1 and waiting <= 1
    assert insights.count("<strong>") == compared + waiting
