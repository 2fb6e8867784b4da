"""Load test: how many people using the app at once one host holds with p95 under 100 ms.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test .venv/bin/python benchmarks/load_test.py
    ... benchmarks/load_test.py --restart-db     # a short run that restarts PostgreSQL halfway

It makes a fresh PostgreSQL database (<name>_load), migrates it, creates the accounts (each with
90 days of history; one Argon2 hash made once and shared, as they share one password) and starts
gunicorn as `make serve` does, with production settings, 4 workers and the RedactingLogger,
behind a pretend TLS load balancer (X-Forwarded-Proto), with Redis for the cache and sessions as
a host of several would have (`--redis-url`, Redis database 3, emptied first; '' for none). Then
it runs Locust headless on benchmarks/locustfile.py, which models daily use with think times of
seconds and steps the number of people up (100, 200, 300, 400, 500, 600, 800, 1000, ...): each
step is ramped at 5 new people a second (each logs in once), settled for 10 s and measured for
60 s. Stepping stops after the first step whose p95 is not under 100 ms, or that had failures.
It prints, per step, the people, requests per second, median and p95 (all requests and per
endpoint), failures and CPU use, and "people held with p95 < 100 ms": the largest step under it.
At most about 20 minutes.

Everything runs on this one machine: Locust, gunicorn and PostgreSQL share its cores (2 here),
so the figure is what one such host holds with the load generator on it too; Locust's own share
of the CPU is printed per step.

Afterwards it checks that every check-in and water tap that got a success answer is in the
database exactly once: a check-in is the one row for its person and day, with the answers sent;
a day's water is 250 ml times that day's successful taps. A write whose answer was a 5xx or a
dropped connection may or may not have been stored, and is allowed either way (and reported).
--restart-db holds 200 people for 90 s and restarts PostgreSQL halfway through: it reports the
failures during the outage, that requests succeed again afterwards, and the same check.
Files (Locust's CSV and log, gunicorn's logs, the per-step JSON) land in --out. Exits non-zero
when the check fails, or on failures outside a --restart-db outage."""

import argparse
import datetime as dt
import json
import os
import random
import secrets
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCUSTFILE = ROOT / "benchmarks" / "locustfile.py"
PASSWORD = "load-test-passphrase-9"
WATER_TAP_ML = 250  # one "+250 ml" tap, for accounts in millilitres (the default)
HISTORY_DAYS = 90
STEPS = "100,200,300,400,500,600,800,1000,1200,1400,1600,1800,2000"
P95_LIMIT_MS = 100.0


def prepare_database(base_url: str) -> str:
    import psycopg

    base, _, name = base_url.rpartition("/")
    load_db = f"{name}_load"
    with psycopg.connect(base_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{load_db}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{load_db}"')
    return f"{base}/{load_db}"


def server_env(database_url: str, redis_url: str) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_BEHIND_PROXY": "1",
        "DJANGO_DEBUG": "0",
        # Each simulated person sends an X-Forwarded-For address of their own, as behind a load
        # balancer; should anything fail a log-in, this keeps the shared-address throttle (5
        # failures from one address) from locking out everyone else. Nothing else the visits
        # use is throttled (sign-up, reset e-mails and shared reports are).
        "BACKHABITS_LOGIN_FAILURE_LIMIT": "1000",
        # Each answer says the CPU it took (backhabits/server_timing.py), printed per page.
        "BACKHABITS_SERVER_TIMING": "1",
        # As the README's hosts run: sessions read from Redis in front of the database.
        **({"REDIS_URL": redis_url} if redis_url else {}),
    }


def empty_redis(redis_url: str) -> None:
    """The run's own Redis database starts empty: no sessions or cache from an earlier run."""
    if redis_url:
        import redis

        redis.Redis.from_url(redis_url).flushdb()


def manage(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def setup_django(database_url: str) -> None:
    os.environ.update(
        DATABASE_URL=database_url, DJANGO_DEBUG="1", DJANGO_SETTINGS_MODULE="backhabits.settings"
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def create_people(count: int, today: dt.date) -> None:
    """Accounts load0000… with the settings' password hasher (Argon2): one hash, made once,
    since they share one password; a log-in checks it as it would any other. Each has
    HISTORY_DAYS of past days (ending 31 days ago, clear of the days the run checks in)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from tracker.models import CheckIn, Profile

    started = time.perf_counter()
    password = make_password(PASSWORD)
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"load{n:04d}", password=password) for n in range(count)
    )
    Profile.objects.bulk_create(Profile(user=user) for user in users)
    rng = random.Random(7)
    days = []
    for user in users:
        for back in range(31, 31 + HISTORY_DAYS):
            if rng.random() < 0.12:  # people miss the odd day
                continue
            discomfort = max(0, min(10, round(rng.gauss(3, 1.6))))
            days.append(
                CheckIn(
                    user=user,
                    date=today - dt.timedelta(days=back),
                    posture=rng.randint(2, 5),
                    exercise_minutes=rng.choice([0, 0, 15, 20, 30, 45, 60]),
                    water_ml=rng.randrange(800, 3000, 50),
                    stress=rng.randint(1, 8),
                    discomfort=discomfort,
                    sleep_hours=rng.choice([6, 6.5, 7, 7.5, 8]),
                )
            )
    CheckIn.objects.bulk_create(days, batch_size=5_000)
    took = time.perf_counter() - started
    print(f"created {count} accounts with {len(days):,} past days in {took:.0f} s", flush=True)


def start_server(env: dict, port: int, workers: int, out: Path) -> subprocess.Popen:
    """As `make serve` starts it (its check --deploy, migrate and collectstatic come first)."""
    command = [
        sys.executable, "-m", "gunicorn", "backhabits.wsgi",
        "--config", str(ROOT / "backhabits" / "gunicorn.conf.py"),
        "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
        "--access-logfile", str(out / "access.log"),
        "--logger-class", "backhabits.gunicorn_logging.RedactingLogger",
        "--forwarded-allow-ips", "127.0.0.1",
    ]  # fmt: skip
    with open(out / "gunicorn.log", "w") as log:  # gunicorn's and Django's errors
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
    for _ in range(150):
        if healthz(f"http://127.0.0.1:{port}") == 200:
            return server
        if server.poll() is not None:
            break
        time.sleep(0.2)
    server.terminate()
    sys.exit(f"gunicorn did not start; see {out / 'gunicorn.log'}")


def busy_cores(seconds: float = 3) -> float:
    import psutil  # comes with Locust

    return psutil.cpu_percent(interval=seconds) * (os.cpu_count() or 1) / 100


def healthz(base: str) -> int:
    request = urllib.request.Request(base + "/healthz", headers={"X-Forwarded-Proto": "https"})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


def restart_postgres() -> dict[str, float]:
    cluster = next(Path("/etc/postgresql").iterdir()).name
    control = ["pg_ctlcluster", "--skip-systemctl-redirect", cluster, "main"]
    times = {"stop": time.time()}
    subprocess.run([*control, "stop", "-m", "fast"], check=True)
    times["stopped"] = time.time()
    time.sleep(3)
    times["start"] = time.time()
    subprocess.run([*control, "start"], check=True)
    times["started"] = time.time()
    return times


def run_locust(args, base: str, server_pid: int, out: Path, steps: str, hold: float) -> dict:
    """Runs Locust headless; with --restart-db, restarts PostgreSQL halfway through the hold.
    Prints each step as it is measured."""
    command = [
        sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless", "--host", base,
        "--csv", str(out / "locust"), "--only-summary", "--stop-timeout", "30",
        "--exit-code-on-error", "0", "--logfile", str(out / "locust.log"),
        "--steps", steps, "--hold", str(hold), "--settle", str(args.settle),
        "--ramp-rate", str(args.ramp_rate), "--p95-limit", str(args.p95_limit),
        "--max-minutes", str(args.max_minutes), "--people", str(max(map(int, steps.split(",")))),
        "--password", PASSWORD, "--results-dir", str(out), "--server-pid", str(server_pid),
    ]  # fmt: skip
    with open(out / "locust.out", "w") as output:
        locust = subprocess.Popen(command, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT)
    restart = None
    shown = 0
    while True:
        finished = locust.poll() is not None
        state = read_json(out / "steps.json") or {"steps": []}
        for step in state["steps"][shown:]:
            print_step(step)
        shown = len(state["steps"])
        if args.restart_db and restart is None and state.get("phase") == "hold":
            time.sleep(max(0.0, state["at"] + hold / 2 - time.time()))
            print("restarting PostgreSQL ...", flush=True)
            restart = restart_postgres()
            outage = restart["started"] - restart["stop"]
            print(f"PostgreSQL was down for {outage:.1f} s", flush=True)
        if finished:
            break
        time.sleep(2)
    if locust.returncode != 0 or not (out / "writes.json").exists():
        sys.exit(f"Locust failed (exit {locust.returncode}); see {out / 'locust.out'}")
    return {"steps": state["steps"], "restart": restart}


def read_json(path: Path):
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return None


def ms(value) -> str:
    return "-" if value is None else f"{value:.0f}"


def figures(item: dict) -> str:
    cpu = item.get("cpu_median_ms")
    cpu_words = "-" if cpu is None else f"{cpu:.1f}"
    return (
        f"{item['rps']:6.1f} req/s  median {ms(item['median_ms']):>4} ms  "
        f"p95 {ms(item['p95_ms']):>5} ms  app CPU median {cpu_words:>5} ms  "
        f"failures {item['failures']}/{item['requests']}"
    )


def print_step(step: dict) -> None:
    total, cores = step["total"], step["cores"]
    other = cores["machine_busy"] - cores["gunicorn"] - cores["postgres"] - cores["locust"]
    print(
        f"{step['users']:>6} people  {figures(total)}  p99 {ms(total['p99_ms'])} ms  "
        f"| CPU cores busy {cores['machine_busy']:.2f}: gunicorn {cores['gunicorn']:.2f}, "
        f"PostgreSQL {cores['postgres']:.2f}, Locust {cores['locust']:.2f}, other {other:.2f}",
        flush=True,
    )
    for item in sorted(step["endpoints"], key=lambda item: item["name"]):
        if item["requests"]:
            print(f"         {item['name']:<16} {figures(item)}", flush=True)
    for error in step["errors"]:
        print(f"         error: {error['name']}: {error['error']} x{error['count']}", flush=True)


def report_logins(steps: list[dict]) -> None:
    """Log-ins happen while a step ramps up, so they are outside the measured holds."""
    for step in steps:
        logins = [e for e in step["ramp"]["endpoints"] if e["name"] == "POST login"]
        if logins:
            login = logins[0]
            print(
                f"  ramp to {step['users']:>5}: {login['requests']} log-ins, median "
                f"{ms(login['median_ms'])} ms, p95 {ms(login['p95_ms'])} ms, failures "
                f"{login['failures']}; everything during the ramp: p95 "
                f"{ms(step['ramp']['total']['p95_ms'])} ms"
            )


def report_outage(restart: dict, out: Path) -> list[str]:
    """The failures over time around the restart; returns problems (failures outside it, or no
    success after it)."""
    timeline = [
        (int(second), ok, failed) for second, (ok, failed) in read_json(out / "timeline.json")
    ]
    failed_at = [second for second, _, failed in timeline if failed]
    stop, started = restart["stop"], restart["started"]
    print(
        f"PostgreSQL stopped at +0.0 s (stop took {restart['stopped'] - stop:.1f} s), "
        f"started again at +{restart['start'] - stop:.1f} s, up at +{started - stop:.1f} s"
    )
    if not failed_at:
        print("no request failed during the outage")
        return []
    failures = sum(failed for _, _, failed in timeline)
    print(
        f"{failures} requests failed, started from {failed_at[0] - stop:+.0f} s to "
        f"{failed_at[-1] - stop:+.0f} s (second buckets, by request start)"
    )
    for second, ok, failed in timeline:
        if stop - 3 <= second <= started + 10:
            print(f"  {second - stop:+5.0f} s: {ok:4d} ok, {failed:4d} failed")
    after = [(ok, failed) for second, ok, failed in timeline if second > started + 5]
    recovered_ok = sum(ok for ok, _ in after)
    late_failures = sum(failed for _, failed in after)
    print(
        f"after PostgreSQL was back (+5 s on): {recovered_ok} requests succeeded, "
        f"{late_failures} failed"
    )
    problems = []
    if failed_at[0] < stop - 1:
        problems.append(f"requests failed before the restart, from {failed_at[0] - stop:.0f} s")
    if late_failures or not recovered_ok:
        problems.append("the app did not recover after PostgreSQL came back")
    return problems


def verify(ledger: dict, start_day: dt.date) -> tuple[list[str], list[str], dict]:
    """Every write answered with success is stored exactly once. Returns problems, notes on
    writes of unknown outcome, and totals."""
    from django.db.models import Count

    from tracker.models import CheckIn

    problems, notes = [], []
    totals = dict.fromkeys(["checkins", "checkins_stored", "taps", "tap_ml_stored"], 0)
    doubled = (
        CheckIn.objects.values("user_id", "date").annotate(rows=Count("id")).filter(rows__gt=1)
    )
    problems += [
        f"{row['rows']} rows for user {row['user_id']} on {row['date']}" for row in doubled
    ]
    fields = ["discomfort", "stress", "posture", "exercise_minutes", "water_ml"]
    for username, record in sorted(ledger.items()):
        rows = {
            row.date.isoformat(): row
            for row in CheckIn.objects.filter(
                user__username=username, date__gte=start_day - dt.timedelta(days=30)
            )
        }
        # Check-ins: past days, each sent until it succeeded.
        for day, values in record["checkins"].items():
            totals["checkins"] += 1
            row = rows.get(day)
            stored = {name: getattr(row, name) for name in fields} if row else None
            if stored != values:
                problems.append(f"{username} {day}: check-in sent {values}, stored {stored}")
            else:
                totals["checkins_stored"] += 1
        unknown = set(record["checkins_unknown"])
        for day in rows:
            if day < start_day.isoformat() and day not in record["checkins"]:
                if day in unknown:
                    notes.append(f"{username} {day}: a check-in with a failed answer was stored")
                else:
                    problems.append(f"{username} {day}: a check-in no request succeeded for")
        # Water: today's taps add up; each success is 250 ml, each unknown may be.
        tap_days = {day for day in rows if day >= start_day.isoformat()}
        for day in sorted(tap_days | set(record["taps"]) | set(record["taps_unknown"])):
            ok = record["taps"].get(day, 0)
            maybe = record["taps_unknown"].get(day, 0)
            stored = rows[day].water_ml or 0 if day in rows else 0
            totals["taps"] += ok
            totals["tap_ml_stored"] += stored
            if stored < ok * WATER_TAP_ML:
                problems.append(f"{username} {day}: {ok} taps succeeded, {stored} ml stored")
            elif stored > (ok + maybe) * WATER_TAP_ML:
                problems.append(
                    f"{username} {day}: {ok} taps succeeded ({maybe} unknown), {stored} ml stored"
                )
            elif stored > ok * WATER_TAP_ML:
                extra = (stored - ok * WATER_TAP_ML) // WATER_TAP_ML
                notes.append(
                    f"{username} {day}: {extra} of {maybe} taps with a failed answer stored"
                )
    return problems, notes, totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", default=STEPS, help="people at each step, comma-separated")
    parser.add_argument("--hold", type=float, default=60, help="seconds measured at each step")
    parser.add_argument("--settle", type=float, default=10, help="seconds after each ramp")
    parser.add_argument("--ramp-rate", type=float, default=5, help="new people (log-ins) a second")
    parser.add_argument("--p95-limit", type=float, default=P95_LIMIT_MS, help="ms")
    parser.add_argument("--max-minutes", type=float, default=17, help="no new step after this")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8123)
    parser.add_argument("--out", default="/tmp/backhabits-load")
    parser.add_argument(
        "--redis-url",
        default="redis://127.0.0.1:6379/3",
        help="the app's REDIS_URL (this Redis database is emptied first); '' for none",
    )
    parser.add_argument("--restart-db", action="store_true")
    parser.add_argument("--restart-people", type=int, default=200)
    parser.add_argument("--restart-hold", type=float, default=90)
    args = parser.parse_args()
    base_url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/test")
    if not base_url.startswith("postgres"):
        sys.exit("The load test runs against PostgreSQL: set DATABASE_URL=postgres://...")
    steps, hold = args.steps, args.hold
    if args.restart_db:
        steps, hold = str(args.restart_people), args.restart_hold
    out = Path(args.out + ("-restart" if args.restart_db else ""))
    out.mkdir(parents=True, exist_ok=True)
    for name in ("steps.json", "writes.json", "timeline.json"):
        (out / name).unlink(missing_ok=True)

    start_day = dt.datetime.now(dt.UTC).date()
    database_url = prepare_database(base_url)
    empty_redis(args.redis_url)
    env = server_env(database_url, args.redis_url)
    manage(env, "check", "--deploy", "--fail-level", "WARNING")
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    setup_django(database_url)
    create_people(max(map(int, steps.split(","))), start_day)
    from django.db import connection

    connection.close()

    server = start_server(env, args.port, args.workers, out)
    base = f"http://127.0.0.1:{args.port}"
    print(
        f"gunicorn: {args.workers} workers, production settings, PostgreSQL; Locust on the same "
        f"{os.cpu_count()} cores. Steps {steps} people, {hold:.0f} s measured each "
        f"(after a ramp at {args.ramp_rate:g} log-ins/s and {args.settle:g} s settling)",
        flush=True,
    )
    idle_busy = busy_cores()
    print(f"before the run, with the server idle: {idle_busy:.2f} cores busy", flush=True)
    if idle_busy > 0.2:
        print("WARNING: something else is using the CPU; the figures will be lower", flush=True)
    try:
        result = run_locust(args, base, server.pid, out, steps, hold)
        after = healthz(base)
    finally:
        server.terminate()
        server.wait(timeout=60)

    problems = []
    measured = result["steps"]
    print("\nlog-ins (during each ramp, not in the figures above):")
    report_logins(measured)
    if args.restart_db:
        if result["restart"] is None:
            problems.append("PostgreSQL was never restarted (the hold was not reached)")
        else:
            problems += report_outage(result["restart"], out)
    else:
        held = [
            s for s in measured if s["total"]["p95_ms"] is not None and not s["total"]["failures"]
        ]
        held = [s for s in held if s["total"]["p95_ms"] < args.p95_limit]
        best = max((s["users"] for s in held), default=0)
        print(f"\npeople held with p95 < {args.p95_limit:g} ms: {best}")
        if measured and best == measured[-1]["users"] and len(measured) < len(steps.split(",")):
            print("(stepping stopped early: time limit)")
        failures = sum(s["total"]["failures"] for s in measured)
        if failures:
            problems.append(f"{failures} requests failed during the measured holds")
    print(f"/healthz after the run: {after}")
    if after != 200:
        problems.append(f"/healthz answered {after} after the run")

    connection.close()  # this process's connection may predate a database restart
    ledger = read_json(out / "writes.json")
    check_problems, notes, totals = verify(ledger, start_day)
    print(
        f"\nverification: {totals['checkins']} check-ins answered with success, "
        f"{totals['checkins_stored']} stored as sent; {totals['taps']} water taps answered "
        f"with success, {totals['tap_ml_stored']:,} ml stored "
        f"({totals['taps'] * WATER_TAP_ML:,} ml expected)"
    )
    for note in notes[:20]:
        print(f"  unknown outcome: {note}")
    if check_problems:
        print("verification FAILED:\n  " + "\n  ".join(check_problems[:30]))
    else:
        print("verification: every successful check-in and water tap is stored exactly once")
    print(f"files: {out} (locust.out, locust.log, locust_stats.csv, access.log, gunicorn.log)")
    problems += check_problems
    if problems:
        print("PROBLEMS:\n  " + "\n  ".join(problems[:30]))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
