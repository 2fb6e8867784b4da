"""Each own list's limit is tracked.add's to keep, counted under a lock on the person's profile,
so it holds for every caller and for requests running at the same moment."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_user
from tests.threads import run_together
from tracker.choices import TrackedKind
from tracker.days import tracked
from tracker.models import TrackedItem

FACTOR = TrackedKind.FACTOR
LIMIT = tracked.ACTIVE_LIMITS[FACTOR]


def _active(user) -> int:
    return TrackedItem.objects.filter(user=user, kind=FACTOR, retired_at=None).count()


def test_adding_past_the_limit_is_refused_with_the_reason_beside_the_field(logged_in_client, user):
    for n in range(LIMIT):
        tracked.add(user, kind=FACTOR, name=f"Factor {n}")
    response = logged_in_client.post(
        reverse("tracker:tracked_add"), {"kind": FACTOR, "name": "One too many"}
    )
    assert response.status_code == 400
    assert f"Up to {LIMIT} at a time" in response.content.decode()
    assert _active(user) == LIMIT


def test_the_domain_refuses_the_one_past_the_limit(user):
    for n in range(LIMIT):
        tracked.add(user, kind=FACTOR, name=f"Factor {n}")
    with pytest.raises(tracked.ListFull):
        tracked.add(user, kind=FACTOR, name="One too many")
    # The other list has its own room.
    tracked.add(user, kind=TrackedKind.PAIN_RELIEF, name="Heat pack")
    assert _active(user) == LIMIT


def test_bringing_one_back_onto_a_full_list_is_refused(user):
    old = TrackedItem.objects.create(user=user, kind=FACTOR, name="Old", retired_at=timezone.now())
    for n in range(LIMIT):
        tracked.add(user, kind=FACTOR, name=f"Factor {n}")
    assert tracked.restore(old) is False
    old.refresh_from_db()
    assert old.retired_at is not None
    tracked.retire(TrackedItem.objects.get(user=user, name="Factor 0"))
    assert tracked.restore(old) is True
    assert _active(user) == LIMIT


@pytest.mark.django_db(transaction=True)
def test_fourteen_adds_at_once_make_no_more_than_the_limit():
    person = make_user("eager")

    def add(index: int) -> int:
        client = Client()
        client.force_login(person)
        data = {"kind": FACTOR, "name": f"Factor {index}"}
        return client.post(reverse("tracker:tracked_add"), data).status_code

    statuses = run_together(14, add)
    assert sorted(statuses) == [302] * LIMIT + [400] * (14 - LIMIT), statuses
    assert _active(person) == LIMIT
