"""Real-browser tests: Playwright for Python driving Debian's Chromium against Django's live
server. They skip, saying why, only when Chromium is not installed; CI always installs it."""

import gzip
import os
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
AXE_SCRIPT = Path(__import__("axe_playwright_python").__file__).with_name("axe.min.js")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed: run `apt-get install -y chromium` (CI does)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the Django calls the tests make
    # between browser steps are ordinary blocking calls, so Django's async guard must stand down.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class PageProblems:
    """Console errors, failed requests and CSP violations seen by a page: each fails the test."""

    def __init__(self):
        self.items: list[str] = []
        self.allowed: list[str] = []

    def allow(self, fragment: str) -> None:
        """A test that expects an error page says so, e.g. allow("status of 404")."""
        self.allowed.append(fragment)

    def unexpected(self) -> list[str]:
        return [item for item in self.items if not any(a in item for a in self.allowed)]

    def watch(self, page):
        page.on(
            "console",
            lambda message: message.type == "error" and self.items.append(message.text),
        )
        page.on("pageerror", lambda error: self.items.append(f"page error: {error}"))


# On in-memory SQLite the live server's request threads and the test's own thread share one
# connection. A read from the test (polling for a day the phone syncs in the background) that
# lands while a request is mid-transaction breaks the request: "cannot open savepoint - SQL
# statements in progress", a 503, then a failed test. One turn at a time: a request holds it
# from start to end, and each of the test's queries waits for it.
SHARED_CONNECTION_TURN = threading.RLock()


def _one_request_at_a_time(app):
    def turn(environ, start_response):
        with SHARED_CONNECTION_TURN:
            response = app(environ, start_response)
            try:
                return list(response)
            finally:
                if hasattr(response, "close"):
                    response.close()

    turn.takes_turns = True
    return turn


@pytest.fixture(scope="session")
def live_server(browser, django_db_setup, live_server):
    # The server shares the test's connection only if it starts after the test database exists
    # and after Playwright has started: its sync API leaves the test's code in another context,
    # where Django's connections are other objects (pytest-django's fixture asks for neither).
    if live_server.thread.connections_override:
        server = live_server.thread.httpd
        server.set_app(_one_request_at_a_time(server.get_app()))
    return live_server


@pytest.fixture(autouse=True)
def _test_queries_wait_their_turn(live_server):
    from django.db import connection

    if not live_server.thread.connections_override:
        yield
        return

    def in_turn(execute, sql, params, many, context):
        with SHARED_CONNECTION_TURN:
            return execute(sql, params, many, context)

    with connection.execute_wrapper(in_turn):
        yield


@pytest.fixture(autouse=True)
def builtin_content(transactional_db):
    """Transactional tests empty every table between tests; put back what the data migrations
    created (care wording, the Content editors group). Each loader only adds what is missing.
    The guide and tips come back by themselves: the flush ends as `migrate` does, loading
    content/ (tracker.apps)."""
    import importlib

    from django.apps import apps

    content = importlib.import_module("tracker.migrations.0003_builtin_content")
    wording = importlib.import_module("tracker.migrations.0005_care_wording_and_editors")
    # The group's migrations mark every app as having no models while they create permissions
    # (meant for a migration's own app registry); given the live one, put the marks back, or
    # the next flush would skip every app's post_migrate handlers, content loading included.
    models_modules = {config: config.models_module for config in apps.get_app_configs()}
    try:
        content.create_content_editors_group(apps, None)
        # The older wording migrations knew one row per key: run them only on emptied tables
        # (the first test sees what `migrate` left, every language's rows already there).
        if not apps.get_model("tracker", "CareWording").objects.exists():
            wording.load_wordings(apps, None)
            importlib.import_module(
                "tracker.migrations.0010_care_for_countries_and_safe_tips"
            ).forwards(apps, None)
            importlib.import_module("tracker.migrations.0027_spanish_care_wording").forwards(
                apps, None
            )
        wording.allow_editors(apps, None)
    finally:
        for config, models_module in models_modules.items():
            config.models_module = models_module


@pytest.fixture(params=list(VIEWPORTS))
def viewport_name(request) -> str:
    return request.param


@pytest.fixture
def page_problems() -> PageProblems:
    return PageProblems()


@pytest.fixture
def new_page(browser, live_server, page_problems):
    contexts, problems = [], page_problems

    def make(viewport: str = "phone", *, javascript: bool = True, color_scheme: str = "light"):
        context = browser.new_context(
            viewport=VIEWPORTS[viewport],
            java_script_enabled=javascript,
            color_scheme=color_scheme,
            base_url=live_server.url,
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        problems.watch(page)
        return page

    yield make
    for context in contexts:
        context.close()
    assert problems.unexpected() == []


@pytest.fixture
def page(new_page, viewport_name):
    """Every journey runs twice: at a phone's size and at a desktop's."""
    return new_page(viewport_name)


def log_in(page, username: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    # Home itself: "**/" also matches the log-in page's own address, and returned at once.
    page.wait_for_url(lambda url: urlsplit(url).path == "/")


def stored(check):
    """A poll that reads only the database, run whole in the shared connection's turn: the
    execute wrapper above waits for a request, but a read's rows are fetched after its execute
    returns, and a request starting in between would meet the open statement. Never for a
    check that asks the browser anything: the browser may wait on the server, and the server
    on the turn."""

    def in_turn():
        with SHARED_CONNECTION_TURN:
            return check()

    return in_turn


def until(check, *, seconds: float = 10, what: str = "") -> None:
    """Polls from Python: the page's CSP refuses the string functions wait_for_function sends."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what or check}")


def save_screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def run_axe(page) -> list[dict]:
    """Serious and critical axe-core violations on the current page. `evaluate` runs the
    locally installed axe-core without adding a script tag, so the page's CSP still applies."""
    page.evaluate(AXE_SCRIPT.read_text())
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def gzip_size(body: bytes) -> int:
    return len(gzip.compress(body, compresslevel=6))


def pytest_terminal_summary(terminalreporter):
    if SCREENSHOTS.exists() and any(SCREENSHOTS.iterdir()):
        terminalreporter.write_line(f"Browser screenshots saved in {SCREENSHOTS}")
