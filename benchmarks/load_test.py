"""Load test: 50 simulated people against gunicorn + PostgreSQL, on 127.0.0.1 only.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test .venv/bin/python benchmarks/load_test.py
    ... benchmarks/load_test.py --restart-db     # also restart PostgreSQL halfway through

It creates a fresh database (<name>_load), starts gunicorn with production settings (behind a
pretend TLS load balancer: X-Forwarded-Proto), lets 50 people log in, check in, tap water and
view trends for --seconds (default 45; at most 120), then prints requests per second, median and
p95 latency per endpoint and the count of 5xx responses, and checks that every check-in and
water tap that got a success response is in the database exactly once."""

import argparse
import asyncio
import datetime as dt
import os
import random
import re
import secrets
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
PEOPLE = 50
PASSWORD = "load-test-passphrase-9"
HTTPS = {"X-Forwarded-Proto": "https"}  # what the TLS load balancer would add
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def prepare_database(base_url: str) -> str:
    import psycopg

    base, _, name = base_url.rpartition("/")
    load_db = f"{name}_load"
    with psycopg.connect(base_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{load_db}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{load_db}"')
    return f"{base}/{load_db}"


def server_env(database_url: str) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_BEHIND_PROXY": "1",
        "DJANGO_DEBUG": "0",
        # 50 people share one address here; throttling is per address and per username.
        "BACKHABITS_LOGIN_FAILURE_LIMIT": "1000",
    }


def manage(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


class Person:
    def __init__(self, number: int, base: str):
        self.username = f"load{number:03d}"
        self.cookies: dict[str, str] = {}
        self.base = base
        self.checkins_ok: list[dt.date] = []
        self.water_ok = 0
        self.next_day = dt.date.today() - dt.timedelta(days=1)

    def headers(self, path: str) -> dict:
        origin = "https://127.0.0.1:" + self.base.rsplit(":", 1)[1]
        headers = {
            "X-Forwarded-Proto": "https",
            "Origin": origin,
            "Referer": origin + path,
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
        }
        if "csrftoken" in self.cookies:
            headers["X-CSRFToken"] = self.cookies["csrftoken"]
        return headers

    def remember(self, response: httpx.Response) -> None:
        # The session cookie is Secure; a plain-HTTP client jar would drop it, so keep it here.
        for header in response.headers.get_list("set-cookie"):
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]


async def timed(
    client, person, results, name, method, path, headers_extra=None, **kwargs
) -> httpx.Response | None:
    started = time.perf_counter()
    try:
        headers = person.headers(path) | (headers_extra or {})
        response = await client.request(method, path, headers=headers, **kwargs)
    except httpx.HTTPError as error:
        results[name].append((time.perf_counter() - started, f"error {type(error).__name__}"))
        return None
    results[name].append((time.perf_counter() - started, response.status_code))
    person.remember(response)
    return response


async def simulate(person: Person, client, results, deadline: float, rng: random.Random):
    page = await timed(client, person, results, "GET login page", "GET", "/accounts/login/")
    if page is None or page.status_code != 200:
        return
    token = CSRF_INPUT.search(page.text).group(1)
    login = await timed(
        client, person, results, "POST login", "POST", "/accounts/login/",
        data={"username": person.username, "password": PASSWORD, "csrfmiddlewaretoken": token},
    )  # fmt: skip
    if login is None or login.status_code != 302:
        return
    while time.perf_counter() < deadline:
        action = rng.choices(["checkin", "water", "trends", "home"], weights=[3, 4, 2, 1])[0]
        if action == "checkin":
            day = person.next_day
            response = await timed(
                client, person, results, "POST check-in", "POST", f"/checkin/{day.isoformat()}/",
                data={"posture": rng.randint(1, 5), "exercise_minutes": rng.randint(0, 90),
                      "water_ml": rng.randrange(0, 4000, 50), "stress": rng.randint(0, 10),
                      "discomfort": rng.randint(0, 6), "notes": ""},
            )  # fmt: skip
            if response is not None and response.status_code in (200, 302):
                person.checkins_ok.append(day)
                person.next_day -= dt.timedelta(days=1)
        elif action == "water":
            # As the page's htmx does; a tap past the daily 10,000 ml is refused in the reply.
            response = await timed(
                client, person, results, "POST water", "POST", "/water/add/",
                headers_extra={"HX-Request": "true"},
            )  # fmt: skip
            if (
                response is not None
                and response.status_code == 200
                and "over 10,000" not in response.text
            ):
                person.water_ok += 1
        elif action == "trends":
            await timed(
                client,
                person,
                results,
                "GET trends",
                "GET",
                f"/trends/?range={rng.choice(['30', '90'])}",
            )
        else:
            await timed(client, person, results, "GET home", "GET", "/")


def restart_postgres_later(delay: float) -> subprocess.Popen:
    cluster = next(Path("/etc/postgresql").iterdir()).name
    script = (
        f"sleep {delay}; pg_ctlcluster --skip-systemctl-redirect {cluster} main stop -m fast; "
        f"sleep 3; pg_ctlcluster --skip-systemctl-redirect {cluster} main start"
    )
    return subprocess.Popen(["bash", "-c", script])


def verify(people: list[Person]) -> list[str]:
    from tracker.models import CheckIn

    problems = []
    today = dt.date.today()
    for person in people:
        stored = set(
            CheckIn.objects.filter(
                user__username=person.username, discomfort__isnull=False
            ).values_list("date", flat=True)
        )
        if stored != set(person.checkins_ok) or len(person.checkins_ok) != len(
            set(person.checkins_ok)
        ):
            problems.append(
                f"{person.username}: check-ins stored {len(stored)}, "
                f"succeeded {len(person.checkins_ok)}"
            )
        water = (
            CheckIn.objects.filter(user__username=person.username, date=today)
            .values_list("water_ml", flat=True)
            .first()
            or 0
        )
        if water != 250 * person.water_ok:
            problems.append(
                f"{person.username}: water {water} ml, {person.water_ok} taps succeeded"
            )
    return problems


async def run(base: str, seconds: float, restart_db: bool) -> tuple[list[Person], dict, float]:
    results: dict[str, list] = defaultdict(list)
    people = [Person(n, base) for n in range(PEOPLE)]
    limits = httpx.Limits(max_connections=PEOPLE)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:
        started = time.perf_counter()
        restarter = restart_postgres_later(seconds / 2) if restart_db else None
        await asyncio.gather(
            *(
                simulate(p, client, results, started + seconds, random.Random(n))
                for n, p in enumerate(people)
            )
        )
        elapsed = time.perf_counter() - started
        if restarter:
            restarter.wait()
    return people, results, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=45)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8123)
    parser.add_argument("--restart-db", action="store_true")
    args = parser.parse_args()
    seconds = min(args.seconds, 120)
    base_url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/test")
    if not base_url.startswith("postgres"):
        sys.exit("The load test runs against PostgreSQL: set DATABASE_URL=postgres://...")
    database_url = prepare_database(base_url)
    env = server_env(database_url)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")

    os.environ.update(
        DATABASE_URL=database_url, DJANGO_DEBUG="1", DJANGO_SETTINGS_MODULE="backhabits.settings"
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from tracker.models import Profile

    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"load{n:03d}", password=make_password(PASSWORD))
        for n in range(PEOPLE)
    )
    Profile.objects.bulk_create(Profile(user=user) for user in users)

    server_log = open("/tmp/backhabits-load-gunicorn.log", "w")  # noqa: SIM115
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "backhabits.wsgi", "--bind", f"127.0.0.1:{args.port}",
         "--workers", str(args.workers), "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=server_log, stderr=server_log,
    )  # fmt: skip
    base = f"http://127.0.0.1:{args.port}"
    try:
        for _ in range(100):
            try:
                if httpx.get(base + "/healthz", headers=HTTPS, timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        people, results, elapsed = asyncio.run(run(base, seconds, args.restart_db))
        after = httpx.get(base + "/healthz", headers=HTTPS, timeout=5).status_code
    finally:
        server.terminate()
        server.wait(timeout=30)

    total = sum(len(samples) for samples in results.values())
    print(
        f"{PEOPLE} people, {args.workers} gunicorn workers, {elapsed:.1f} s: "
        f"{total} requests, {total / elapsed:.0f} req/s"
    )
    statuses: dict[str, int] = defaultdict(int)
    for name, samples in sorted(results.items()):
        times = sorted(seconds_taken * 1000 for seconds_taken, _ in samples)
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        for _, status in samples:
            statuses[str(status)] += 1
        print(
            f"  {name:<16} n={len(samples):5d}  "
            f"median {statistics.median(times):7.1f} ms  p95 {p95:7.1f} ms"
        )
    fives = sum(count for status, count in statuses.items() if status.startswith("5"))
    print(f"status counts: {dict(sorted(statuses.items()))}; 5xx: {fives}")
    print(f"/healthz after the run: {after}")
    from django.db import connection

    connection.close()  # this process's connection may predate a database restart
    problems = verify(people)
    print(f"server log (errors are logged there without request bodies): {server_log.name}")
    print("verification: every successful check-in and water tap is stored exactly once"
          if not problems else "verification FAILED:\n  " + "\n  ".join(problems[:20]))  # fmt: skip
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
