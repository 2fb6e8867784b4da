"""Locust model of daily use of backhabits, for benchmarks/load_test.py (which prepares the
database and the server, then runs this headless and checks what was stored).

Each simulated person logs in once (on_start), then makes one short visit after another, each
separated by seconds of thinking, as a person on a phone would: open the app (home page), tap
"+250 ml" one to three times (the htmx water tap), open a day's check-in, fill it in for 15 to 40 s
and save it (htmx, as the page's form does), and on most visits glance at the trends page. A
visit is about a minute of about six requests; one simulated person is one person using the app
at that moment. Static files are not fetched: they have hashed names and a browser keeps them.

Check-ins go to past days (yesterday, then the day before, one new day per visit) and water taps
to today (UTC, every account's time zone here), so each kind of write is checked on its own.
Every write that got a success answer is written down (`--results-dir`/writes.json) for the
runner's exactly-once check; a write whose outcome is unknown (a 5xx, a dropped connection) is
written down separately, since the server may have stored it before failing.

The load steps up: --steps users, each reached at --ramp-rate new people a second (every new
person logs in, which costs an Argon2 hash), left --settle seconds, then measured for --hold
seconds from freshly reset statistics. After each step the figures go to steps.json; stepping
stops after the first step whose p95 is not under --p95-limit ms or that had failures. On its own:

    locust -f benchmarks/locustfile.py --headless --host http://127.0.0.1:8123 \\
        --steps 50 --hold 60 --people 50 --stop-timeout 30

needs accounts load0000… with the runner's password: use benchmarks/load_test.py.
"""

import contextlib
import datetime as dt
import itertools
import json
import random
import re
import time
from collections import defaultdict
from http.cookiejar import DefaultCookiePolicy
from pathlib import Path

import psutil
from locust import FastHttpUser, LoadTestShape, events, task
from locust.exception import StopUser

PASSWORD = "load-test-passphrase-9"
THINK_SECONDS = (3.0, 8.0)  # between one tap or page and the next
FORM_SECONDS = (15.0, 40.0)  # reading and filling in the check-in form
TRENDS_SHARE = 0.6  # visits that end with a look at the trends page
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CSRF_HEADER = re.compile(r'"x-csrftoken": "([^"]+)"')
WATER_SEEN = re.compile(r'name="water_seen_ml" value="(\d*)"')

_numbers = itertools.count()
# username -> what the server answered with success, and what may or may not have been stored.
LEDGER: dict[str, dict] = {}
# second -> [successes, failures], for the outage timeline of the --restart-db run.
TIMELINE: dict[int, list[int]] = defaultdict(lambda: [0, 0])
STARTED = [0]  # people past on_start (logged in, or given up)


@events.init_command_line_parser.add_listener
def _options(parser):
    group = parser.add_argument_group("backhabits stepping (benchmarks/locustfile.py)")
    group.add_argument("--steps", default="100,200,300,400,500,600,800,1000,1200")
    group.add_argument("--ramp-rate", type=float, default=5, help="new people a second")
    group.add_argument("--settle", type=float, default=10, help="seconds after each ramp")
    group.add_argument("--hold", type=float, default=60, help="seconds measured per step")
    group.add_argument("--p95-limit", type=float, default=100, help="ms; stop at a p95 not under")
    group.add_argument("--max-minutes", type=float, default=20, help="stop stepping after")
    group.add_argument("--people", type=int, default=1600, help="accounts load0000… to use")
    group.add_argument("--password", default=PASSWORD, help="the accounts' shared password")
    group.add_argument("--results-dir", default="/tmp/backhabits-load")
    group.add_argument("--server-pid", type=int, default=0, help="gunicorn master, for CPU use")


class PretendTLS(DefaultCookiePolicy):
    """The app sets Secure cookies, as behind a TLS load balancer; this client speaks plain HTTP
    to 127.0.0.1 and sends X-Forwarded-Proto: https, so it keeps sending them."""

    def return_ok_secure(self, cookie, request):
        return True


class Person(FastHttpUser):
    network_timeout = 60.0
    connection_timeout = 10.0
    max_retries = 0  # a write is sent once; what a retry would hide is what is being checked

    def wait_time(self) -> float:
        pause, self._next_pause = self._next_pause or random.uniform(*THINK_SECONDS), None
        return pause

    def on_start(self) -> None:
        try:
            self.start_person()
        finally:
            STARTED[0] += 1

    def start_person(self) -> None:
        number = next(_numbers)
        options = self.environment.parsed_options
        if number >= options.people:
            raise StopUser  # no account for this one
        self.username = f"load{number:04d}"
        self.ledger = LEDGER.setdefault(
            self.username,
            {"checkins": {}, "checkins_unknown": [], "taps": {}, "taps_unknown": {}},
        )
        self._next_pause = None
        self.client.cookiejar.set_policy(PretendTLS())
        port = self.host.rsplit(":", 1)[1]
        self.origin = f"https://127.0.0.1:{port}"
        # What the load balancer would append: each person comes from an address of their own
        # (login throttling counts per address). Only a header value: nothing is sent there.
        self.forwarded_for = f"127.{1 + number // 65536}.{number // 256 % 256}.{number % 256}"
        self.csrf = ""
        self.next_day = dt.datetime.now(dt.UTC).date() - dt.timedelta(days=1)
        self.rng = random.Random(number)
        self.log_in()

    # --- one request, checked -----------------------------------------------------------------

    def headers(self, path: str, htmx: bool = False) -> dict:
        headers = {
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": self.forwarded_for,
            "Origin": self.origin,
            "Referer": self.origin + path,
        }
        if htmx:
            headers |= {"HX-Request": "true", "X-CSRFToken": self.csrf}
        return headers

    def think(self, seconds: tuple[float, float] = THINK_SECONDS) -> None:
        """A pause inside a visit; like Locust's own wait, a stopping test ends the user here
        rather than in the middle of a request."""
        self._next_pause = random.uniform(*seconds)
        self.wait()

    def page(self, name: str, path: str, marker: str) -> str | None:
        with self.client.get(
            path, name=name, headers=self.headers(path), allow_redirects=False, catch_response=True
        ) as response:
            text = response.text or ""
            if response.status_code != 200 or marker not in text:
                response.failure(f"{response.status_code}, {marker!r} missing")
                return None
            token = CSRF_HEADER.search(text) or CSRF_INPUT.search(text)
            if token:
                self.csrf = token.group(1)
            return text

    def log_in(self) -> None:
        if self.page("GET login page", "/accounts/login/", 'name="password"') is None:
            raise StopUser
        password = self.environment.parsed_options.password
        form = {"username": self.username, "password": password, "csrfmiddlewaretoken": self.csrf}
        with self.client.post(
            "/accounts/login/",
            name="POST login",
            data=form,
            headers=self.headers("/accounts/login/"),
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302 or "/accounts/" in response.headers.get("location", ""):
                response.failure(f"log-in answered {response.status_code}")
                raise StopUser

    # --- a visit ------------------------------------------------------------------------------

    @task
    def visit(self) -> None:
        if self.page("GET home", "/", 'id="today-card"') is None:
            return
        for _ in range(self.rng.randint(1, 3)):
            self.think()
            self.tap_water()
        self.think()
        self.check_in()
        if self.rng.random() < TRENDS_SHARE:
            self.think()
            self.page("GET trends", f"/trends/?range={self.rng.choice(['30', '90'])}", "<h1")

    def tap_water(self) -> None:
        day = dt.datetime.now(dt.UTC).date().isoformat()
        outcome = "unknown"
        try:
            with self.client.post(
                "/water/add/",
                name="POST water tap",
                data={"csrfmiddlewaretoken": self.csrf},
                headers=self.headers("/", htmx=True) | {"HX-Target": "today-card"},
                allow_redirects=False,
                catch_response=True,
            ) as response:
                text = response.text or ""
                if response.status_code == 200 and "was not added" in text:
                    outcome = "refused"  # the day's 10,000 ml is reached: a right answer
                elif response.status_code == 200 and 'id="water-today"' in text:
                    outcome = "stored"
                else:
                    if 0 < response.status_code < 500:
                        outcome = "not stored"
                    response.failure(f"water tap answered {response.status_code}")
        finally:
            if outcome == "stored":
                self.ledger["taps"][day] = self.ledger["taps"].get(day, 0) + 1
            elif outcome == "unknown":
                unknown = self.ledger["taps_unknown"]
                unknown[day] = unknown.get(day, 0) + 1

    def check_in(self) -> None:
        day = self.next_day
        path = f"/checkin/{day.isoformat()}/"
        text = self.page("GET check-in", path, 'name="discomfort"')
        if text is None:
            return
        seen = WATER_SEEN.search(text)
        self.think(FORM_SECONDS)
        values = {
            "discomfort": self.rng.randint(0, 6),
            "stress": self.rng.randint(0, 10),
            "posture": self.rng.randint(1, 5),
            "exercise_minutes": self.rng.choice([0, 10, 20, 30, 45, 60]),
            "water_ml": self.rng.randrange(500, 3500, 50),
        }
        form = {**values, "notes": "", "csrfmiddlewaretoken": self.csrf}
        form["water_seen_ml"] = seen.group(1) if seen else ""
        outcome = "unknown"
        try:
            with self.client.post(
                path,
                name="POST check-in",
                data=form,
                headers=self.headers(path, htmx=True) | {"HX-Target": "checkin-panel"},
                allow_redirects=False,
                catch_response=True,
            ) as response:
                if response.status_code == 200 and "Saved your check-in" in (response.text or ""):
                    outcome = "stored"
                else:
                    if 0 < response.status_code < 500:
                        outcome = "not stored"
                    response.failure(f"check-in answered {response.status_code}")
        finally:
            if outcome == "stored":
                self.ledger["checkins"][day.isoformat()] = values
                self.next_day -= dt.timedelta(days=1)
            elif outcome == "unknown":
                self.ledger["checkins_unknown"].append(day.isoformat())


@events.request.add_listener
def _timeline(start_time, exception, **kwargs) -> None:
    TIMELINE[int(start_time)][1 if exception else 0] += 1


# (method, name) -> the CPU ms the app process reported for each request of the current phase.
SERVER_CPU_MS: dict[tuple[str, str], list[float]] = defaultdict(list)
SERVER_TIMING_CPU = re.compile(r"\bcpu;dur=([0-9.]+)")


@events.request.add_listener
def _server_cpu(request_type, name, response, exception, **kwargs) -> None:
    """The app's Server-Timing CPU (BACKHABITS_SERVER_TIMING, set by load_test.py)."""
    header = getattr(response, "headers", None) and response.headers.get("Server-Timing")
    found = SERVER_TIMING_CPU.search(header or "")
    if found and not exception:
        SERVER_CPU_MS[(request_type, name)].append(float(found.group(1)))


@events.test_stop.add_listener
def _write_results(environment, **kwargs) -> None:
    """After every user has stopped (gracefully, within --stop-timeout)."""
    folder = Path(environment.parsed_options.results_dir)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "writes.json").write_text(json.dumps(LEDGER))
    (folder / "timeline.json").write_text(json.dumps(sorted(TIMELINE.items())))


def _cpu_seconds(server_pid: int) -> dict:
    """CPU seconds so far: the whole machine (busy and all), this Locust process, and per
    process gunicorn's (master and workers) and PostgreSQL's."""
    machine = psutil.cpu_times()
    seconds = {
        "machine_busy": sum(machine) - machine.idle - getattr(machine, "iowait", 0.0),
        "locust": sum(psutil.Process().cpu_times()[:2]),
        "gunicorn": {},
        "postgres": {},
    }
    server = []
    with contextlib.suppress(psutil.NoSuchProcess):
        if server_pid:
            parent = psutil.Process(server_pid)
            server = [parent, *parent.children(recursive=True)]
    postgres = [p for p in psutil.process_iter(["name"]) if p.info["name"] == "postgres"]
    for key, processes in (("gunicorn", server), ("postgres", postgres)):
        for process in processes:
            with contextlib.suppress(psutil.NoSuchProcess):
                seconds[key][process.pid] = sum(process.cpu_times()[:2])
    return seconds


def _cores(before: dict, after: dict, seconds: float) -> dict[str, float]:
    """Cores in use on average between two _cpu_seconds (a process that ended in between is
    left out, so PostgreSQL's figure after a restart is low)."""
    used = {key: after[key] - before[key] for key in ("machine_busy", "locust")}
    for key in ("gunicorn", "postgres"):
        used[key] = sum(cpu - before[key].get(pid, 0.0) for pid, cpu in after[key].items())
    return {key: value / seconds for key, value in used.items()}


def _all(per_endpoint: dict) -> itertools.chain:
    return itertools.chain.from_iterable(per_endpoint.values())


def _median(values: list[float]) -> float | None:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else None


def _snapshot(stats, seconds: float) -> dict:
    def entry(item) -> dict:
        count = item.num_requests
        cpu = SERVER_CPU_MS.get((item.method, item.name), [])
        return {
            "cpu_median_ms": _median(cpu),
            "method": item.method or "",
            "name": item.name,
            "requests": count,
            "failures": item.num_failures,
            "rps": count / seconds if seconds else 0.0,
            "median_ms": item.median_response_time if count else None,
            "p95_ms": item.get_response_time_percentile(0.95) if count else None,
            "p99_ms": item.get_response_time_percentile(0.99) if count else None,
            "max_ms": round(item.max_response_time) if count else None,
        }

    return {
        "seconds": seconds,
        "total": entry(stats.total) | {"cpu_median_ms": _median(list(_all(SERVER_CPU_MS)))},
        "endpoints": [entry(item) for item in stats.entries.values()],
        "errors": [
            {"method": e.method, "name": e.name, "error": str(e.error), "count": e.occurrences}
            for e in stats.errors.values()
        ],
    }


class StepShape(LoadTestShape):
    """Ramp to each step's number of people (all of them logged in), settle, reset the
    statistics, hold and measure."""

    def tick(self):
        options = self.runner.environment.parsed_options
        if not hasattr(self, "phase"):
            self.steps = [int(n) for n in options.steps.split(",") if n.strip()]
            self.index, self.phase, self.since = 0, "ramp", time.monotonic()
            self.results: list[dict] = []
            self.folder = Path(options.results_dir)
            self.folder.mkdir(parents=True, exist_ok=True)
        target = self.steps[self.index]
        now = time.monotonic()
        if self.phase == "ramp" and min(self.runner.user_count, STARTED[0]) >= target:
            self.phase, self.settled_at = "settle", now
        elif self.phase == "settle" and now - self.settled_at >= options.settle:
            self.ramp = _snapshot(self.runner.stats, now - self.since)
            self.runner.stats.reset_all()
            SERVER_CPU_MS.clear()
            self.phase, self.since = "hold", now
            self.cpu_before = _cpu_seconds(options.server_pid)
        elif self.phase == "hold" and now - self.since >= options.hold:
            cpu = _cores(self.cpu_before, _cpu_seconds(options.server_pid), now - self.since)
            held = _snapshot(self.runner.stats, now - self.since)
            held |= {"users": target, "ramp": self.ramp, "cores": cpu}
            held["locust_cpu_percent"] = self.runner.current_cpu_usage
            self.results.append(held)
            self._progress(f"step {target} measured")
            over = (held["total"]["p95_ms"] or 0) >= options.p95_limit
            late = self.get_run_time() > options.max_minutes * 60
            if over or held["total"]["failures"] or late or self.index + 1 == len(self.steps):
                return None
            self.runner.stats.reset_all()
            SERVER_CPU_MS.clear()
            self.index, self.phase, self.since = self.index + 1, "ramp", now
            target = self.steps[self.index]
        if self.phase != getattr(self, "_reported", None):
            self._reported = self.phase
            self._progress(f"step {target}: {self.phase}")
        return target, options.ramp_rate

    def _progress(self, note: str) -> None:
        state = {"note": note, "phase": self.phase, "step": self.steps[self.index]}
        state["at"] = time.time()
        (self.folder / "steps.json").write_text(json.dumps({"steps": self.results, **state}))
