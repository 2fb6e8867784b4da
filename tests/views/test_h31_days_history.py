"""The month calendar is a table of 7 cells a week in every month, the current one with its
days still to come included (templates/tracker/history.html; the layout itself is measured in
tests/browser/test_h31_days.py)."""

import datetime as dt
import re

from django.urls import reverse


def _rows(html: str) -> list[str]:
    body = html[html.index('<table class="month">') : html.index("</table>")]
    body = body[body.index("<tbody>") :]
    return re.findall(r"<tr>(.*?)</tr>", body, re.S)


def test_every_week_of_the_current_month_is_seven_cells(logged_in_client, user, each_kind_of_day):
    html = logged_in_client.get(reverse("tracker:history")).content.decode()
    rows = _rows(html)
    assert rows
    for row in rows:
        assert len(re.findall(r"<td[ >]", row)) == 7
    cells = re.findall(r"<td[^>]*>", "".join(rows))
    # The table cell itself is never the flex box: the day's own box is inside it.
    assert not [cell for cell in cells if "month-future" in cell or "month-away" in cell]
    tomorrow = each_kind_of_day + dt.timedelta(days=1)
    if tomorrow.month == each_kind_of_day.month:
        assert '<span class="month-future">' in html
