"""Times the daily check-in's save against its own page, and the history calendar against the
home page, each pair timed alongside each other in alternating blocks.

    .venv/bin/python benchmarks/bench_checkin.py                # SQLite (a fresh file in /tmp)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test \\
        .venv/bin/python benchmarks/bench_checkin.py            # PostgreSQL (a fresh *_bench db)

One person with three years of days (a tenth missed, a fifth only partly logged) among 200
others with a year each. The save posts a full day with a symptom, so the red-flag rules run
and record an alert as a real save does."""

import datetime as dt
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import as_a_worker, browser, post_form, report, start, timed_against

TARGETS = {
    "check-in save": ("check-in page", 1.5),
    "history, this month": ("home page", 2.0),
    "history, a month two years ago": ("home page", 2.0),
}


def populate(*, other_users: int):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from tracker.models import CheckIn, Profile

    user_model = get_user_model()
    rng = random.Random(14)
    today = dt.date.today()
    password = make_password("bench-password")
    users = user_model.objects.bulk_create(
        user_model(username=f"user{n:05d}", password=password) for n in range(other_users + 1)
    )
    Profile.objects.bulk_create(Profile(user=user) for user in users)

    def days_for(user, count: int):
        for offset in range(count):
            if rng.random() < 0.1:
                continue
            values = {
                "posture": rng.randint(1, 5),
                "exercise_minutes": rng.choice([0, 10, 20, 30, 45]),
                "water_ml": rng.randrange(500, 3500, 50),
                "stress": rng.randint(0, 10),
                "discomfort": rng.randint(0, 7),
            }
            if rng.random() < 0.2:  # a pain-only day
                values = {"discomfort": values["discomfort"]}
            yield CheckIn(user=user, date=today - dt.timedelta(days=offset + 1), **values)

    batch = [*days_for(users[0], 3 * 365)]
    for user in users[1:]:
        batch.extend(days_for(user, 365))
    CheckIn.objects.bulk_create(batch, batch_size=5_000)
    print(f"populated {len(batch):,} check-ins for {len(users):,} users")
    return users[0]


def main() -> None:
    args = start(__doc__.splitlines()[0], users=200, iterations=150)
    person = populate(other_users=args.users)
    client = browser()
    client.force_login(person)
    as_a_worker()  # the garbage collector as gunicorn runs it (benchmarks.common)
    two_years_ago = dt.date.today() - dt.timedelta(days=730)

    def get(path: str):
        def action():
            response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)

        return action

    form = {"posture": "4", "exercise_minutes": "30", "water_ml": "2000", "stress": "3",
            "discomfort": "2", "notes": "", "symptoms": ["cracking_pain"],
            "water_seen_ml": "2000"}  # fmt: skip

    def save():
        response = post_form(client, "/checkin/", form)
        assert response.status_code == 200, response.status_code  # the alert's page

    pairs = {
        "check-in save": (save, get("/checkin/")),
        "history, this month": (get("/history/"), get("/")),
        "history, a month two years ago": (get(f"/history/?month={two_years_ago:%Y-%m}"), get("/")),
    }
    print("each page is timed in alternating blocks with the page it is compared to")
    failed = []
    for name, (action, against) in pairs.items():
        figures, reference = timed_against(action, against, iterations=args.iterations)
        reference_name, limit = TARGETS[name]
        report(f"{reference_name} (alongside {name})", reference, None)
        report(name, figures, None)
        ratio = figures["median"] / reference["median"]
        verdict = "ok" if ratio <= limit else "OVER"
        print(f"  {name}: {ratio:.2f}x the {reference_name} (target at most {limit}x) {verdict}")
        if ratio > limit:
            failed.append(name)
    print("all targets met" if not failed else f"targets missed: {', '.join(failed)}")


if __name__ == "__main__":
    main()
