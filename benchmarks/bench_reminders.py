"""Times one send_reminders run: 10,000 accounts with three reminder times each, 1,000 due.

    .venv/bin/python benchmarks/bench_reminders.py             # SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test \
        .venv/bin/python benchmarks/bench_reminders.py         # PostgreSQL

E-mail goes to Django's in-memory backend, so the figure is the app's own work: finding who is
due and recording each reminder exactly once. It prints the time, the number of queries, and
the queries per reminder sent once the fixed number per time zone is taken off (target: 2)."""

import datetime as dt
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import fresh_database

ACCOUNTS, DUE = 10_000, 1_000


def main() -> None:
    os.environ.setdefault("DJANGO_DEBUG", "1")
    fresh_database(os.environ.get("DATABASE_URL"))
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tracker.accounts import reminders
    from tracker.models import CheckIn, Profile, ReminderSent

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    now = dt.datetime(2026, 6, 15, 21, 0, tzinfo=dt.UTC)
    today = now.date()
    zones = ["UTC", "Europe/London", "Europe/Lisbon", "Africa/Abidjan", "Atlantic/Reykjavik"]
    user_model = get_user_model()
    users = user_model.objects.bulk_create(
        user_model(username=f"r{n:05d}", email=f"r{n:05d}@example.org", password="!")
        for n in range(ACCOUNTS)
    )
    # Three slots each. At 21:00 UTC the due ones have had all three pass (one reminder goes, for
    # the latest); the others' first slot is still to come, or the day is done.
    three = {"reminder_time": dt.time(8, 0), "reminder_time_2": dt.time(13, 0),
             "reminder_time_3": dt.time(19, 0)}  # fmt: skip
    later = {"reminder_time": dt.time(23, 0), "reminder_time_2": dt.time(23, 30),
             "reminder_time_3": dt.time(23, 59)}  # fmt: skip
    profiles, checkins, already = [], [], []
    for n, user in enumerate(users):
        kind = "due" if n < DUE else ["later", "checked_in", "reminded"][n % 3]
        profiles.append(
            Profile(
                user=user, timezone=zones[n % len(zones)], reminders_enabled=True,
                reminder_email=True, confirmed_email=user.email,
                **(later if kind == "later" else three),
            )
        )  # fmt: skip
        if kind == "checked_in":
            checkins.append(CheckIn(user=user, date=today, posture=3, exercise_minutes=10,
                                    water_ml=1000, stress=2, discomfort=2))  # fmt: skip
        elif kind == "reminded":
            already.append(ReminderSent(user=user, local_date=today, slot=3))
    Profile.objects.bulk_create(profiles)
    CheckIn.objects.bulk_create(checkins)
    ReminderSent.objects.bulk_create(already)

    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        summary = reminders.send_due_reminders(now=now)
        elapsed = time.perf_counter() - started
    print(f"database: {connection.vendor}")
    print(f"{ACCOUNTS:,} accounts with reminders on, {DUE:,} due")
    print(f"send_reminders: {elapsed:.2f} s, {len(queries):,} queries, sent {summary.sent:,}")
    per_zone = 3 + 1  # a query per reminder slot, and one per batch of devices found
    fixed = 1 + len(zones) * per_zone
    per_reminder = (len(queries) - fixed) / max(1, summary.sent)
    print(
        f"  {fixed} fixed ({len(zones)} time zones x {per_zone}, and the zones in use), then "
        f"{per_reminder:.2f} queries per reminder sent (target at most 2)"
    )
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as again:
        second = reminders.send_due_reminders(now=now)
    print(f"second run: sent {second.sent}, {len(again)} queries")


if __name__ == "__main__":
    main()
