"""Reading content files (tracker.guide.content): a mistake in a file names the file and line, and
nothing half-read is loaded."""

import dataclasses

import pytest

from tracker.guide import content

SECTION = """---
title: Sleep and your back
order: 30
---

Some **text**.
"""

TIPS = """---
habit: stress
---

## Breathe out slowly
key: breathe-out-slowly
section: sleep
priority: 60
safe beside an alert: yes

Breathe in for four, out for six.

## Take a short walk
key: short-walk
section: sleep
priority: 40
safe beside an alert: no

A walk outside.
Two lines of body.
"""


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "guide").mkdir()
    (tmp_path / "tips").mkdir()
    (tmp_path / "guide" / "sleep.md").write_text(SECTION)
    (tmp_path / "tips" / "stress.md").write_text(TIPS)
    return tmp_path


def test_a_section_and_a_habits_tips_read_from_their_files(folder):
    sections, tips = content.read_all(folder)
    assert sections == [content.SectionSource("sleep", "Sleep and your back", 30, "Some **text**.")]
    assert [
        (t.key, t.title, t.habit, t.section, t.priority, t.safe_beside_alert) for t in tips
    ] == [
        ("breathe-out-slowly", "Breathe out slowly", "stress", "sleep", 60, True),
        ("short-walk", "Take a short walk", "stress", "sleep", 40, False),
    ]
    assert tips[1].body == "A walk outside.\nTwo lines of body."


def _error(folder, name: str, text: str) -> str:
    (folder / name).write_text(text)
    with pytest.raises(content.ContentError) as caught:
        content.read_all(folder)
    return str(caught.value)


def _section(old: str, new: str) -> tuple[str, str]:
    return "guide/sleep.md", SECTION.replace(old, new)


def _tips(old: str, new: str) -> tuple[str, str]:
    return "tips/stress.md", TIPS.replace(old, new)


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("guide/sleep.md", "title: x\n\nBody", "sleep.md, line 1: the file must start with"),
        (*_section("order: 30", "order: soon"), "line 3: `order` must be a whole number"),
        (*_section("order: 30\n", ""), "line 1: missing header `order`"),
        (*_section("order", "author"), "line 3: unknown header `author`"),
        (*_section("title: Sleep and your back", "title:"), "line 2: `title` is empty"),
        (*_section("order: 30", "order: 30\ntitle: y"), "line 4: `title` is given twice"),
        (*_section("Some **text**.", ""), "the section has no text"),
        ("guide/Sleep Well.md", SECTION, "the file name (the section's slug)"),
        (*_tips("habit: stress", "habit: sleep"), "line 2: unknown habit 'sleep'"),
        (*_tips("priority: 60", "priority: 101"), "line 8: `priority` must be 1 to 100"),
        (*_tips("priority: 60", "priority: 0"), "line 8: `priority` must be 1 to 100"),
        (*_tips("alert: yes", "alert: maybe"), "line 9: `safe beside an alert` must be yes or"),
        (*_tips("key: short-walk\n", ""), "line 13: missing header `key`"),
        (*_tips("key: short-walk", "key: breathe-out-slowly"), "the key 'breathe-out-slowly' is"),
        (*_tips("key: short-walk", "key: Short Walk"), "line 14: `key` must be"),
        (*_tips("sleep\npriority: 40", "naps\npriority: 40"), "short-walk: no guide section"),
        (*_tips("alert: no\n\n", "alert: no\n"), "line 18: expected `name: value`"),
        (*_tips("\n\nA walk outside.\nTwo lines of body.\n", ""), "line 13: a blank line must"),
        (*_tips("---\n\n## Breathe", "---\nStray words.\n## Breathe"), "text before the first"),
        ("tips/stress.md", "---\nhabit: stress\n---\n", "no tips"),
        ("tips/calm.md", TIPS, "calm.md, line 2: a stress tip belongs in stress.md"),
        (*_tips("priority: 60", "priority: ²0"), "line 8: `priority` must be a whole number"),
        (*_section("order: 30", "order: 40000"), "line 3: `order` must be a whole number"),
        (*_section("Sleep and your back", "x" * 121), "line 2: `title` is 121 characters"),
        (*_tips("## Breathe out slowly", "## " + "y" * 121), "line 5: `the title` is 121"),
        (*_tips("key: short-walk", "key: " + "k" * 81), "line 14: `key` is 81 characters"),
        (*_tips("Two lines of body.", "## More\nmore."), "line 20: a `## ` line starts a tip"),
    ],
)
def test_a_mistake_names_the_file_and_what_is_wrong(folder, name, text, message):
    if name == "guide/Sleep Well.md":
        (folder / "guide" / "sleep.md").unlink()
    assert message in _error(folder, name, text)


def test_the_digest_changes_with_every_field_of_a_tip(folder):
    _sections, (tip, _other) = content.read_all(folder)
    changes = {"key": "k", "title": "t", "habit": "water", "section": "s", "priority": 1,
               "safe_beside_alert": False, "body": "b"}  # fmt: skip
    assert set(changes) == {field.name for field in dataclasses.fields(tip)}
    for name, value in changes.items():
        assert dataclasses.replace(tip, **{name: value}).digest() != tip.digest(), name


def test_a_byte_order_mark_trailing_spaces_and_windows_line_ends_are_read(folder):
    (folder / "guide" / "sleep.md").write_bytes(
        b"\xef\xbb\xbf" + SECTION.replace("---\n", "---  \n").replace("\n", "\r\n").encode()
    )
    (section,), _tips = content.read_all(folder)
    assert (section.title, section.order, section.body) == (
        "Sleep and your back",
        30,
        "Some **text**.",
    )


def test_a_file_not_in_utf8_names_the_file_and_line(folder):
    (folder / "guide" / "sleep.md").write_bytes(
        SECTION.replace("Some", "It\u2019s").encode("cp1252")
    )
    with pytest.raises(content.ContentError, match=r"sleep.md, line 6: not UTF-8"):
        content.read_all(folder)


@pytest.mark.parametrize("missing", ["guide", "tips"])
def test_an_empty_or_missing_folder_is_an_error_not_nothing_to_load(folder, missing):
    for path in (folder / missing).glob("*.md"):
        path.unlink()
    with pytest.raises(content.ContentError, match=r"no \.md files here"):
        content.read_all(folder)
    with pytest.raises(content.ContentError):
        content.read_all(folder / "nowhere")
