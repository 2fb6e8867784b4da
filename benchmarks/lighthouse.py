"""Lighthouse (mobile) scores for the check-in and trends pages, signed in as the demo person.

    .venv/bin/python benchmarks/lighthouse.py [--pages /checkin/ /trends/]

Needs Node.js (npx fetches Lighthouse 12 on the first run) and Debian's Chromium. It makes a
fresh SQLite database in a temporary folder with the demo account (120 days), collects the
static files and starts gunicorn with production settings (DEBUG off; no HTTPS redirect, since
it serves plain HTTP on 127.0.0.1), signs in through the log-in form and hands Lighthouse the
session cookie. Each page is audited --runs times (Lighthouse's own advice: a single run's
performance score moves by a few points with the machine); it prints the median of each of the
performance, accessibility and best-practices scores, each run's beside it, and every audit that
did not pass in full in the median run."""

import argparse
import http.client
import json
import os
import re
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATEGORIES = ("performance", "accessibility", "best-practices")
LIGHTHOUSE = "lighthouse@12"


def manage(env: dict, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True
    )
    return done.stdout.decode()


def cookies(response: http.client.HTTPResponse) -> dict[str, str]:
    found = {}
    for header in response.headers.get_all("Set-Cookie") or []:
        name, _, rest = header.partition("=")
        found[name.strip()] = rest.split(";", 1)[0]
    return found


def sign_in(port: int, username: str, password: str) -> str:
    """The session cookie, from the log-in form as a browser posts it."""
    conn = http.client.HTTPConnection("127.0.0.1", port)
    conn.request("GET", "/accounts/login/")
    page = conn.getresponse()
    csrf_cookie = cookies(page)["csrftoken"]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.read().decode())[1]
    body = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "username": username, "password": password}
    )
    conn.request(
        "POST",
        "/accounts/login/",
        body=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={csrf_cookie}",
            "Referer": f"http://127.0.0.1:{port}/accounts/login/",
        },
    )
    answer = conn.getresponse()
    answer.read()
    session = cookies(answer).get("sessionid")
    if answer.status != 302 or not session:
        sys.exit(f"signing in failed: {answer.status}")
    return f"sessionid={session}"


def audit(url: str, cookie: str, out: Path, run: int) -> dict:
    """One Lighthouse run; a run Lighthouse itself gives up on (it sometimes loses the trace:
    NO_NAVSTART) is made again, once."""
    name = re.sub(r"\W+", "-", url.rpartition(":")[2]).strip("-")
    report = out / f"{name}-{run}.json"
    for attempt in (1, 2):
        done = subprocess.run(
            [
                "npx", "--yes", LIGHTHOUSE, url,
                "--quiet", "--output=json", f"--output-path={report}",
                f"--only-categories={','.join(CATEGORIES)}",
                "--chrome-path=/usr/bin/chromium",
                "--chrome-flags=--headless=new --no-sandbox",
                f"--extra-headers={json.dumps({'Cookie': cookie})}",
            ],
            check=attempt == 2,
        )  # fmt: skip
        if done.returncode == 0:
            break
    return json.loads(report.read_text())


def _score(result: dict, category: str) -> int:
    return round(result["categories"][category]["score"] * 100)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", nargs="+", default=["/checkin/", "/trends/"])
    parser.add_argument("--port", type=int, default=8124)
    parser.add_argument("--runs", type=int, default=3, help="runs a page; the median is its score")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="backhabits-lighthouse-"))
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
    }
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")
    demo = re.search(r"Username: (\S+)  Password: (\S+)", manage(env, "seed_demo"))
    with open(folder / "gunicorn.log", "w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "backhabits.wsgi", "--bind",
             f"127.0.0.1:{args.port}", "--workers", "2"],
            cwd=ROOT, env=env, stdout=log, stderr=log,
        )  # fmt: skip
    try:
        for _ in range(100):
            try:
                http.client.HTTPConnection("127.0.0.1", args.port).request("GET", "/healthz")
                break
            except OSError:
                time.sleep(0.1)
        cookie = sign_in(args.port, demo[1], demo[2])
        for page in args.pages:
            url = f"http://127.0.0.1:{args.port}{page}"
            results = [audit(url, cookie, folder, run) for run in range(1, args.runs + 1)]
            runs = {name: [_score(result, name) for result in results] for name in CATEGORIES}
            scores = "  ".join(
                f"{name} {statistics.median_low(runs[name])} ({', '.join(map(str, runs[name]))})"
                for name in CATEGORIES
            )
            print(f"{page:<12} {scores}", flush=True)
            # What held the median run's performance back.
            result = next(
                r for r in results
                if _score(r, "performance") == statistics.median_low(runs["performance"])
            )  # fmt: skip
            for item in result["audits"].values():
                if (
                    item.get("score") is not None
                    and item["score"] < 1
                    and item.get("scoreDisplayMode") in ("binary", "numeric")
                ):
                    print(f"    {item['id']}: {item['score']} {item.get('displayValue', '')}")
        print(f"reports: {folder}")
    finally:
        server.terminate()


if __name__ == "__main__":
    main()
