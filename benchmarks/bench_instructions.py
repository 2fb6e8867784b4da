"""Instructions per request (valgrind's callgrind), each page against the trivial view.

    .venv/bin/python benchmarks/bench_instructions.py                   # the pages below
    .venv/bin/python benchmarks/bench_instructions.py /settings/ save   # some of them
    .venv/bin/python benchmarks/bench_instructions.py --against ../old  # and another checkout

CPU time on a shared machine moves by a tenth or more between runs of the same code (the
trivial view's own median moved between 1.5 and 3.3 ms within a day), so bench_trends.py's ratios
can't tell a 5 % change from the machine. An instruction count can: valgrind counts what the
processor was asked to do, whatever else the machine is doing, and the same code gives the same
count to within about 1 %. It is no time (a cache miss costs more than an add), but the two
move together: on this app's pages the CPU ratio to the floor is about 0.9 to 1 times the
instruction ratio. Use it to compare two versions of the code; the targets stay in CPU time.

One person with ten years of days (bench_trends.populate, with 20 others) is made once, in a
fresh SQLite file, outside valgrind; then, under valgrind, each page is requested 15 times
untimed and N times (--requests) counted, /healthz first. "save" is the check-in's plain POST
(with the messages cookie then emptied, as the home page it redirects to empties it);
"water" is the home page's water tap and its undo (htmx, two requests: taps alone would reach
the day's limit); a path ending in "!" is a first view (the fragment cache emptied before each
request), one ending in "~" a person's first view of the day in a process that has not seen
them (everything kept per person forgotten too: the tips cache, the trends' kept days). Each
counted run is one call of exec(), which callgrind is told to count and to dump: one file per
page. Needs valgrind (on every machine here); about a minute a page.

Two reference views show what a page pays before it draws anything of its own
(benchmarks/reference_urls.py): "empty" is a signed-in view answering two bytes, "chrome" draws
base.html with no content. Asked for by name (`... empty chrome / /checkin/`); the run then
routes through that module's URLs, the app's own under it."""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["/checkin/", "save", "water", "/", "/settings/", "/tips/", "/trends/?range=365!"]
FLOOR = "/healthz"
WATER_TAP_HEADERS = {"HX-Request": "true", "HX-Target": "today-card"}
REFERENCES = {"empty": "EMPTY", "chrome": "CHROME"}  # names in benchmarks.reference_urls
SAVE_FORM = {"posture": "4", "exercise_minutes": "30", "water_ml": "2000", "stress": "3",
             "discomfort": "2", "notes": ""}  # fmt: skip


def prepare(database: Path, checkout: Path) -> None:
    """A fresh database with the benchmark's people (run once, without valgrind)."""
    sys.path.insert(0, str(checkout))
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    sys.argv = [sys.argv[0], "--users", "20"]
    from benchmarks import bench_trends
    from benchmarks.common import start

    start("instructions", users=20, iterations=1)
    bench_trends.populate(other_users=20)


def count(pages: list[str], requests: int) -> None:
    """Under valgrind: warm each page up, then request it `requests` times in one exec()."""
    sys.path.insert(0, os.getcwd())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backhabits.settings")
    os.environ.setdefault("DJANGO_SECRET_KEY", "instructions-" * 5)
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
    import django
    from django.conf import settings

    django.setup()
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    references = {}
    if REFERENCES.keys() & set(pages):
        from benchmarks import reference_urls

        settings.ROOT_URLCONF = reference_urls.__name__
        references = {name: getattr(reference_urls, path) for name, path in REFERENCES.items()}
    from django.contrib.auth import get_user_model
    from django.core.cache import caches

    from benchmarks import common

    client = common.browser()
    client.force_login(get_user_model().objects.get(username="user00000"))
    common.as_a_worker()

    def request(page: str) -> None:
        if page == "save":
            common.save_a_day(client, SAVE_FORM)
            common._after_response()
            return
        elif page == "water":
            for path in ("/water/add/", "/water/undo/"):
                response = common.post_form(client, path, {}, headers=WATER_TAP_HEADERS)
                assert response.status_code == 200
                assert 'id="water-today"' in common.page_text(response)
            common._after_response()
            return
        else:
            if page.endswith(("!", "~")):
                caches["fragments"].clear()
            if page.endswith("~"):
                common.forget_what_is_kept_for_people()
            path = references.get(page, page.rstrip("!~"))
            response, expected = client.get(path), 200
        assert response.status_code == expected, (page, response.status_code)
        common._after_response()

    for page in [FLOOR, *pages]:
        for _ in range(15):
            request(page)
            request(FLOOR)
    for page in [FLOOR, *pages]:
        counted = {"request": request, "page": page, "requests": requests}
        exec("for _ in range(requests): request(page)", counted)  # counted: one dump each


def run(checkout: Path, pages: list[str], requests: int, work: Path) -> list[int]:
    """Instructions per request of /healthz and each page, in `checkout`."""
    database = work / f"{checkout.name or 'main'}.sqlite3"
    python = str(Path(sys.executable))
    script = str(Path(__file__).resolve())
    subprocess.run([python, script, "--prepare", str(database)], cwd=checkout, check=True,
                   capture_output=True)  # fmt: skip
    dumps = work / "dumps"
    shutil.rmtree(dumps, ignore_errors=True)
    dumps.mkdir()
    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "PYTHONHASHSEED": "0"}
    subprocess.run(
        ["valgrind", "--tool=callgrind", "--collect-atstart=no",
         "--toggle-collect=builtin_exec", "--dump-after=builtin_exec",
         f"--callgrind-out-file={dumps}/out.%p", python, script, "--count",
         "--requests", str(requests), *pages],
        cwd=checkout, env=environment, check=True, capture_output=True,
    )  # fmt: skip
    # Imports exec() modules too: the counted runs are the last dumps, in order.
    found = []
    for path in dumps.iterdir():
        text = path.read_text(errors="replace")
        if "Trigger: --dump-after" in text:
            part = int(re.search(r"^part: (\d+)", text, re.M).group(1))
            total = int(re.search(r"^summary: (\d+)", text, re.M).group(1))
            found.append((part, total))
    found.sort()
    return [total // requests for _, total in found[-(len(pages) + 1) :]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", default=PAGES)
    parser.add_argument("--requests", type=int, default=20, help="counted requests a page")
    parser.add_argument("--against", type=Path, help="another checkout of the app, counted too")
    parser.add_argument("--prepare", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--count", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare:
        prepare(args.prepare, Path.cwd())
        return
    if args.count:
        count(args.pages, args.requests)
        return
    if not shutil.which("valgrind"):
        sys.exit("valgrind is not installed (apt-get install -y valgrind)")
    checkouts = [("this checkout", ROOT)]
    if args.against:
        checkouts.append((str(args.against), args.against.resolve()))
    with tempfile.TemporaryDirectory(prefix="backhabits-instructions-") as work:
        for name, checkout in checkouts:
            counts = run(checkout, args.pages, args.requests, Path(work))
            print(f"{name}: instructions per request, and x {FLOOR}")
            for page, each in zip([FLOOR, *args.pages], counts, strict=True):
                print(f"  {page:<24} {each:>12,}  {each / counts[0]:5.2f}x")


if __name__ == "__main__":
    main()
