"""Touch targets, the header and the care history on a 390 x 844 phone, measured in Chromium.

After a week of check-ins and two answered care alerts, every page a signed-in person reaches from
the nav and the settings is walked once: every visible target is at least 44 x 44 CSS px with at
least 8 px between neighbouring targets' boxes, nothing scrolls sideways, the header is one row,
and axe finds nothing serious or critical (on /care/ with its history too)."""

import datetime as dt

import pytest
from django.db import transaction

from tests.browser.conftest import VIEWPORTS, log_in, run_axe, save_screenshot
from tests.factories import PASSWORD, make_checkin, make_user
from tracker.care import prompts, responses
from tracker.dates import today_for
from tracker.days import tracked
from tracker.models import CareAlert, CheckIn

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = VIEWPORTS["phone"]
TAP = 44  # CSS px, each side of a target
GAP = 8  # CSS px between the boxes of two neighbouring targets
# The old header took two rows, 145-154 px; one row of 44 px targets with its padding is ~57 px.
HEADER_MAX = 64

PAGES = [
    "/",
    "/checkin/",
    "/history/",
    "/trends/",
    "/guide/",
    "/tips/",
    "/settings/",
    "/settings/health/",
    "/report/",
    "/care/",
]

# Every target on the page, with its box in document coordinates. A radio or checkbox is measured
# by its label (tapping the label is tapping the box). Left out:
# - links inside running text: WCAG 2.5.8's inline exception (a link in a sentence takes the
#   line's height; "inline" here means an <a> laid out inline whose block holds words of its own);
# - what is hidden from everyone (aria-hidden, .visually-hidden, no box);
# - the year heatmap's day squares: on a phone the year is months to open, each a whole target
#   (its own test); the 10 px grid is kept for wide screens.
MEASURE = """({tap, gap}) => {
  const SEL = 'a[href], button, input:not([type=hidden]), select, textarea, summary';
  document.querySelectorAll('details').forEach((d) => { d.open = true; });
  // The check-in's sticky Save bar sits in its own place at the page's end.
  window.scrollTo(0, document.scrollingElement.scrollHeight);
  const blockOf = (el) => {
    let p = el.parentElement;
    while (p && getComputedStyle(p).display.startsWith('inline')) p = p.parentElement;
    return p;
  };
  const inSentence = (el) => {
    if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
    const walker = document.createTreeWalker(blockOf(el), NodeFilter.SHOW_TEXT);
    let words = '';
    while (walker.nextNode()) {
      if (!walker.currentNode.parentElement.closest(SEL)) words += walker.currentNode.textContent;
    }
    return /[A-Za-z]{2,}/.test(words);
  };
  const targets = [];
  for (const el of document.querySelectorAll(SEL)) {
    if (el.closest('[aria-hidden="true"], .visually-hidden, .heatmap-wrap')) continue;
    if (!el.matches('input') && el.parentElement.closest(SEL)) continue;
    let box = el;
    if (el.matches('input[type=radio], input[type=checkbox]')) {
      box = el.closest('label') || (el.labels && el.labels[0]) || el;
    }
    const r = box.getBoundingClientRect();
    if (r.width < 1 || r.height < 1 || getComputedStyle(box).visibility === 'hidden') continue;
    if (targets.some((t) => t.box === box) || inSentence(el)) continue;
    const name = (box.innerText || el.value || el.name || el.tagName).trim().replace(/\\s+/g, ' ');
    targets.push({box, name: `${el.tagName.toLowerCase()} "${name.slice(0, 40)}"`,
      x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height});
  }
  const round = (n) => Math.round(n * 10) / 10;
  const small = targets.filter((t) => t.w < tap - 0.5 || t.h < tap - 0.5)
    .map((t) => `${t.name}: ${round(t.w)} x ${round(t.h)}`);
  const close = [];
  for (let i = 0; i < targets.length; i++) {
    for (let j = i + 1; j < targets.length; j++) {
      const a = targets[i], b = targets[j];
      if (a.box.contains(b.box) || b.box.contains(a.box)) continue;
      const dx = Math.max(a.x, b.x) - Math.min(a.x + a.w, b.x + b.w);
      const dy = Math.max(a.y, b.y) - Math.min(a.y + a.h, b.y + b.h);
      if (dx < gap - 0.5 && dy < gap - 0.5) {
        close.push(`${a.name} / ${b.name}: ${round(Math.max(dx, dy))} px apart`);
      }
    }
  }
  const header = document.querySelector('.site-header').getBoundingClientRect();
  return {count: targets.length, small, close, header: header.height,
          scrollWidth: document.scrollingElement.scrollWidth};
}"""


def _answered_alert(user, day: dt.date, symptoms: list[str], response: str) -> None:
    # As a saved check-in does: the day and its red-flag check in one transaction; then answered.
    with transaction.atomic():
        CheckIn.objects.update_or_create(
            user=user, date=day, defaults={"discomfort": 4, "symptoms": symptoms}
        )
        prompts.check_day(user=user, date=day, today=today_for(user))
    alert = CareAlert.objects.get(user=user, acknowledged_at=None)
    responses.acknowledge(alert, response=response)


@pytest.fixture
def alice():
    user = make_user("alice", country="GB")
    today = today_for(user)
    for offset in range(1, 8):
        make_checkin(user, today - dt.timedelta(days=offset), discomfort=offset % 6,
                     notes="Stiff after the drive" if offset == 3 else "")  # fmt: skip
    _answered_alert(user, today - dt.timedelta(days=5), ["cracking_pain"], "understood")
    _answered_alert(user, today - dt.timedelta(days=3), ["night_pain"], "spoken")
    # One list with an item (its rename and retire controls), the other empty (its link to add).
    tracked.add(user, kind="relief", name="Heat pack")
    return user


def _check(page, label: str, found: dict) -> None:
    measured = page.evaluate(MEASURE, {"tap": TAP, "gap": GAP})
    problems = [f"under {TAP} px: {item}" for item in measured["small"]]
    problems += [f"closer than {GAP} px: {item}" for item in measured["close"]]
    if measured["scrollWidth"] > PHONE["width"]:
        problems.append(f"scrolls sideways: {measured['scrollWidth']} px wide")
    if measured["header"] > HEADER_MAX:
        problems.append(f"header {measured['header']:.1f} px high")
    problems += [f"axe: {violation}" for violation in run_axe(page)]
    assert measured["count"] > 0, label  # the page drew its targets
    if problems:
        found[label] = problems


def test_every_target_is_a_thumb_wide_and_apart_on_every_page(new_page, alice):
    page = new_page("phone")
    log_in(page, "alice", PASSWORD)
    found: dict[str, list[str]] = {}
    for path in PAGES:
        page.goto(path)
        _check(page, path, found)

    page.goto("/report/")
    page.get_by_role("button", name="Make a share link").click()
    page.get_by_role("heading", name="Your share link is ready").wait_for()
    _check(page, "share link made", found)
    page.goto(page.locator("#share-url").input_value())
    page.get_by_role("heading", name="Back health report").wait_for()
    _check(page, "shared report", found)
    assert found == {}


def test_the_health_profile_and_report_buttons_stand_apart(new_page, alice):
    page = new_page("phone")
    log_in(page, "alice", PASSWORD)

    def gap(first, second) -> float:
        a, b = first.bounding_box(), second.bounding_box()
        dx = max(a["x"], b["x"]) - min(a["x"] + a["width"], b["x"] + b["width"])
        dy = max(a["y"], b["y"]) - min(a["y"] + a["height"], b["y"] + b["height"])
        return max(dx, dy)

    page.goto("/settings/health/")
    save, skip = page.get_by_role("button", name="Save"), page.get_by_role("button", name="Not now")
    assert gap(save, skip) >= GAP
    for choice in ["Prefer not to say", "16 to 19", "20 to 50", "Over 50"]:
        box = page.locator("label", has_text=choice).bounding_box()
        assert box["height"] >= TAP, choice
    # The label is the target: a tap at its far end ticks the box.
    osteoporosis = page.get_by_label("I have osteoporosis")
    page.locator("label[for=id_osteoporosis]").scroll_into_view_if_needed()
    label = page.locator("label[for=id_osteoporosis]").bounding_box()
    assert label["height"] >= TAP
    page.mouse.click(label["x"] + label["width"] - 5, label["y"] + label["height"] / 2)
    assert osteoporosis.is_checked()
    save_screenshot(page, "h31-health-profile-phone")

    page.goto("/report/")
    printing = page.get_by_role("link", name="Print / Save as PDF")
    sharing = page.get_by_role("link", name="Share with a clinician")
    assert gap(printing, sharing) >= GAP
    assert printing.bounding_box()["height"] >= TAP


def test_the_header_is_one_row_and_every_nav_link_is_there_without_javascript(new_page, alice):
    page = new_page("phone", javascript=False)
    log_in(page, "alice", PASSWORD)
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= HEADER_MAX
    # The page's own content starts right below it.
    assert page.locator("#main").bounding_box()["y"] <= HEADER_MAX
    nav = page.get_by_role("navigation", name="Main")
    for name in ["Check in", "History", "Trends", "Guide", "Settings"]:
        link = nav.get_by_role("link", name=name)
        link.scroll_into_view_if_needed()
        box = link.bounding_box()
        assert box["height"] >= TAP and box["y"] + box["height"] <= header["y"] + header["height"]
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], name
    nav.get_by_role("link", name="Settings").click()
    page.wait_for_url("**/settings/")
    save_screenshot(page, "h31-header-phone")


def test_the_care_history_is_a_list_with_each_fact_named(new_page, alice):
    page = new_page("phone")
    log_in(page, "alice", PASSWORD)
    page.goto("/care/")
    history = page.get_by_role("region", name="Earlier alerts").get_by_role("list")
    records = history.get_by_role("listitem")
    assert records.count() == 2
    night = records.filter(has=page.get_by_role("heading", name="Pain worse at night"))
    terms = night.locator("dt").all_inner_texts()
    assert terms == ["Raised", "Level", "Dates logged", "Status"]
    status = night.locator("dt:text-is('Status') + dd")
    assert status.inner_text().startswith("Spoken to a professional")
    box = status.bounding_box()
    assert box["x"] + box["width"] <= PHONE["width"]  # on the screen, not scrolled off
    assert page.locator("table").count() == 0
    save_screenshot(page, "h31-care-history-phone")


def test_the_empty_own_list_links_to_settings_with_a_whole_target(new_page, alice):
    page = new_page("phone")
    log_in(page, "alice", PASSWORD)
    page.goto("/checkin/")
    page.get_by_text("More: sleep, pain relief, your own factors").click()
    link = page.get_by_role("link", name="Add what you use or want to watch")
    box = link.bounding_box()
    assert box["height"] >= TAP and box["width"] >= TAP
    link.click()
    page.wait_for_url("**/settings/#tracked-heading")
