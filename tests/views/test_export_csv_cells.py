"""The CSV export's list cells: each name kept from running as a spreadsheet formula."""

import csv
import datetime as dt
import io

from django.utils import timezone

from tests.factories import make_checkin
from tracker.choices import TrackedKind
from tracker.models import TrackedItem


def _today() -> dt.date:
    return timezone.now().date()


def test_each_name_in_a_list_cell_is_kept_from_running_as_a_formula(logged_in_client, user):
    ibuprofen = TrackedItem.objects.create(
        user=user, kind=TrackedKind.PAIN_RELIEF, name="ibuprofen"
    )
    formula = TrackedItem.objects.create(
        user=user, kind=TrackedKind.PAIN_RELIEF, name='=HYPERLINK("https://evil.example","x")'
    )
    first = TrackedItem.objects.create(user=user, kind=TrackedKind.FACTOR, name="@SUM(A1)")
    dash = TrackedItem.objects.create(user=user, kind=TrackedKind.FACTOR, name="-2+3")
    make_checkin(user, _today(), item_ids=[ibuprofen.pk, formula.pk, first.pk, dash.pk])
    rows = list(csv.DictReader(io.StringIO(logged_in_client.get("/export.csv").content.decode())))
    assert rows[0]["pain_relief"] == 'ibuprofen;\'=HYPERLINK("https://evil.example","x")'
    assert rows[0]["factors"] == "'@SUM(A1);'-2+3"
