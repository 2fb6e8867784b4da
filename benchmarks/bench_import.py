"""Times an import of a generated three-year export (Settings -> Import): the upload with its
checks and preview, and the confirmation that writes every day.

    .venv/bin/python benchmarks/bench_import.py                 # SQLite (a fresh file in /tmp)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test \\
        .venv/bin/python benchmarks/bench_import.py             # PostgreSQL (a fresh *_bench db)

One person with three years of days (a tenth missed, a fifth only partly logged, notes, sleep,
pain relief and own factors, a few symptoms, two breaks away) is exported as CSV and JSON; each
file is then imported into fresh accounts, --runs times. Prints each step's median and worst."""

import argparse
import datetime as dt
import random
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import fresh_database, post_form


def populate(user, *, days: int) -> None:
    from tracker.choices import TrackedKind
    from tracker.days import tracked
    from tracker.models import AwayPeriod, CheckIn

    rng = random.Random(32)
    today = dt.date.today()
    reliefs = [
        tracked.add(user, kind=TrackedKind.PAIN_RELIEF, name=n)
        for n in ("heat pack", "ibuprofen", "walk")
    ]
    factors = [
        tracked.add(user, kind=TrackedKind.FACTOR, name=n) for n in ("desk day", "long drive")
    ]
    away = {today - dt.timedelta(days=n) for n in [*range(200, 214), *range(600, 610)]}
    rows = []
    for offset in range(1, days + 1):
        date = today - dt.timedelta(days=offset)
        if date in away or rng.random() < 0.1:
            continue
        values = {
            "posture": rng.randint(1, 5),
            "exercise_minutes": rng.choice([0, 10, 20, 30, 45]),
            "water_ml": rng.randrange(500, 3500, 50),
            "stress": rng.randint(0, 10),
            "discomfort": rng.randint(0, 7),
            "sleep_hours": Decimal(rng.randint(8, 18)) / 2,
            "woke_from_pain": rng.choice([True, False, None]),
            "notes": rng.choice(
                ["", "", "Walked the dog.", "Sore after the drive, better by evening."]
            ),
            "item_ids": sorted(i.pk for i in rng.sample(reliefs + factors, rng.randint(0, 3))),
        }
        if rng.random() < 0.2:
            values = {"discomfort": values["discomfort"]}
        if rng.random() < 0.02:
            values["symptoms"] = [rng.choice(["leg_pain", "night_pain", "leg_numbness"])]
        rows.append(CheckIn(user=user, date=date, **values))
    CheckIn.objects.bulk_create(rows)
    for start in (today - dt.timedelta(days=213), today - dt.timedelta(days=609)):
        AwayPeriod.objects.create(user=user, start=start, end=start + dt.timedelta(days=9))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--days", type=int, default=3 * 365)
    args = parser.parse_args()
    url = fresh_database(None)
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client
    from django.urls import reverse

    from tracker.models import CheckIn

    settings.RATELIMIT_ENABLE = False
    print(f"Database: {url.split('@')[-1]}")
    user_model = get_user_model()
    source = user_model.objects.create_user("source", password="bench-password")
    populate(source, days=args.days)
    client = Client()
    client.force_login(source)
    files = {
        "csv": client.get(reverse("tracker:export_csv")).content,
        "json": client.get(reverse("tracker:export_json")).content,
    }
    logged = CheckIn.objects.filter(user=source).count()
    for kind, body in files.items():
        print(f"{kind.upper()} export: {len(body) / 1024:.0f} KB, {logged} days logged")
    for kind, body in files.items():
        preview_times, confirm_times = [], []
        for run in range(args.runs):
            person = user_model.objects.create_user(f"{kind}{run}", password="bench-password")
            client = Client()
            client.force_login(person)
            started = time.perf_counter()
            uploaded = client.post(
                reverse("tracker:import"), {"file": SimpleUploadedFile(f"x.{kind}", body)}
            )
            page = client.get(reverse("tracker:import_preview"))
            preview_times.append(time.perf_counter() - started)
            assert uploaded.status_code == 302 and page.status_code == 200, uploaded.content[:500]
            started = time.perf_counter()
            done = post_form(
                client, reverse("tracker:import_preview"), {"action": "confirm", "clashes": "keep"}
            )
            confirm_times.append(time.perf_counter() - started)
            assert done.status_code == 200
            assert CheckIn.objects.filter(user=person).count() == logged
        for step, times in (("upload + preview", preview_times), ("confirm", confirm_times)):
            print(
                f"{kind.upper()} {step}: median {statistics.median(times):.2f} s, "
                f"worst {max(times):.2f} s ({args.runs} runs)"
            )


if __name__ == "__main__":
    main()
