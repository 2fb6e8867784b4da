"""The built-in guide and tips, kept as Markdown files under content/ and loaded into the
database, where editors keep them current through the admin.

content/guide/<slug>.md is one guide section; content/tips/<habit>.md holds one habit's tips.
Those are English; each other language in settings.LANGUAGES has the same two folders under
content/<code>/ (content/es/guide/, content/es/tips/), loaded into that language's rows. A
translation keeps the English slugs and keys: code links to sections by slug, whatever the
language, and a tip's `section:` names a section of its own language.
Each file opens with a front-matter header between two `---` lines, `name: value` a line.
In a tips file, each tip is a `## Title` line, its own `name: value` lines, a blank line and
its body.

Reading them is here; loading them into the database is tracker.guide.loading, which never
overwrites an editor: each loaded row keeps a digest of what was loaded into it.
A row whose text still matches that digest takes the file's new text; a row an editor has
changed keeps the editor's text. Each language's rows are loaded and compared on their own, so
an edit in one language never touches another. Nothing is ever deleted: a section or tip taken
out of the files stays as it is in the database, for editors to retire."""

import functools
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from django.conf import settings

from tracker.choices import Habit
from tracker.models import GuideSection, Tip

CONTENT_DIR = Path(settings.BASE_DIR) / "content"
SOURCE_LANGUAGE = "en"  # the language of content/ itself; every other one is content/<code>/
PRIORITY_RANGE = (1, 100)
ORDER_MAX = 32767  # the largest value every database keeps in a small integer
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<header>.*?)\n---[ \t]*\n", re.S)
_HEADER_LINE = re.compile(r"^(?P<name>[a-z][a-z ]*[a-z]):[ \t]*(?P<value>.*?)[ \t]*$")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_YES_NO = {"yes": True, "no": False}


class ContentError(ValueError):
    """A content file that cannot be loaded, with the file and line to fix."""

    def __init__(self, path: Path, line: int | None, message: str):
        where = f"{path.name}, line {line}" if line else path.name
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class SectionSource:
    slug: str
    title: str
    order: int
    body: str

    def digest(self) -> str:
        return digest_of(asdict(self))


@dataclass(frozen=True)
class TipSource:
    key: str
    title: str
    habit: str
    section: str  # the slug of the guide section its "Read more" link leads to
    priority: int
    safe_beside_alert: bool
    body: str

    def digest(self) -> str:
        return digest_of(asdict(self))


def digest_of(values: dict) -> str:
    return hashlib.sha256(json.dumps(values, sort_keys=True).encode()).hexdigest()


def _split_front_matter(path: Path, text: str) -> tuple[dict[str, tuple[str, int]], str, int]:
    """The header's values (each with its line number), the rest of the file, and the line
    the rest starts on."""
    match = _FRONT_MATTER.match(text)
    if not match:
        raise ContentError(path, 1, "the file must start with a `---` header closed by `---`.")
    header = _parse_header_lines(path, match["header"].split("\n"), first_line=2)
    return header, text[match.end() :], match["header"].count("\n") + 4


def _parse_header_lines(
    path: Path, lines: Iterable[str], *, first_line: int
) -> dict[str, tuple[str, int]]:
    values: dict[str, tuple[str, int]] = {}
    for number, line in enumerate(lines, start=first_line):
        match = _HEADER_LINE.match(line)
        if not match:
            raise ContentError(path, number, f"expected `name: value`, found {line!r}.")
        if match["name"] in values:
            raise ContentError(path, number, f"`{match['name']}` is given twice.")
        values[match["name"]] = (match["value"], number)
    return values


def _take(
    path: Path,
    values: dict[str, tuple[str, int]],
    expected: dict[str, type],
    *,
    line: int,
) -> dict:
    """Each expected value, converted; an unknown or missing name is an error."""
    unknown = values.keys() - expected.keys()
    if unknown:
        name = sorted(unknown)[0]
        raise ContentError(path, values[name][1], f"unknown header `{name}`.")
    missing = expected.keys() - values.keys()
    if missing:
        raise ContentError(path, line, f"missing header `{sorted(missing)[0]}`.")
    taken = {}
    for name, kind in expected.items():
        raw, number = values[name]
        if kind is int:
            if not (raw.isascii() and raw.isdigit()) or int(raw) > ORDER_MAX:
                raise ContentError(path, number, f"`{name}` must be a whole number to {ORDER_MAX}.")
            taken[name] = int(raw)
        elif kind is bool:
            if raw not in _YES_NO:
                raise ContentError(path, number, f"`{name}` must be yes or no.")
            taken[name] = _YES_NO[raw]
        else:
            if not raw:
                raise ContentError(path, number, f"`{name}` is empty.")
            taken[name] = raw
    return taken


def _read_text(path: Path) -> str:
    try:
        # utf-8-sig: a byte-order mark some editors write is not part of the text.
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise ContentError(path, line, "not UTF-8: save the file as UTF-8.") from error


def _check_length(path: Path, line: int | None, name: str, value: str, model, field: str):
    limit = model._meta.get_field(field).max_length
    if len(value) > limit:
        raise ContentError(path, line, f"`{name}` is {len(value)} characters; at most {limit}.")


def read_section(path: Path) -> SectionSource:
    header, body, body_line = _split_front_matter(path, _read_text(path))
    values = _take(path, header, {"title": str, "order": int}, line=1)
    if not _SLUG.match(path.stem):
        raise ContentError(path, None, "the file name (the section's slug) must be a-z, 0-9, -.")
    if not body.strip():
        raise ContentError(path, body_line, "the section has no text.")
    _check_length(path, None, "the file name", path.stem, GuideSection, "slug")
    _check_length(path, header["title"][1], "title", values["title"], GuideSection, "title")
    return SectionSource(slug=path.stem, body=body.strip(), **values)


def read_tips(path: Path, *, habits: Iterable[str]) -> list[TipSource]:
    header, rest, rest_line = _split_front_matter(path, _read_text(path))
    habit = _take(path, header, {"habit": str}, line=1)["habit"]
    if habit not in habits:
        raise ContentError(path, header["habit"][1], f"unknown habit {habit!r}.")
    if path.stem != habit:
        raise ContentError(path, header["habit"][1], f"a {habit} tip belongs in {habit}.md.")
    tips = []
    lines = rest.split("\n")
    starts = [i for i, line in enumerate(lines) if line.startswith("## ")]
    before = "\n".join(lines[: starts[0]] if starts else lines)
    if before.strip():
        raise ContentError(path, rest_line, "text before the first `## ` tip title.")
    for index, start in enumerate(starts):
        block = lines[start : starts[index + 1] if index + 1 < len(starts) else len(lines)]
        tips.append(_read_tip(path, block, habit=habit, first_line=rest_line + start))
    if not tips:
        raise ContentError(path, rest_line, "no tips: each starts with a `## ` title line.")
    return tips


def _read_tip(path: Path, block: list[str], *, habit: str, first_line: int) -> TipSource:
    title = block[0].removeprefix("## ").strip()
    if len(block) < 2 or not _HEADER_LINE.match(block[1]):
        raise ContentError(
            path,
            first_line,
            "a `## ` line starts a tip, and its `key:` and the other headers follow it "
            "(inside a tip's text, use `###`).",
        )
    if "" not in block[1:]:
        raise ContentError(path, first_line, "a blank line must end the tip's headers.")
    blank = block.index("", 1)
    header = _parse_header_lines(path, block[1:blank], first_line=first_line + 1)
    expected = {"key": str, "section": str, "priority": int, "safe beside an alert": bool}
    values = _take(path, header, expected, line=first_line)
    body = "\n".join(block[blank + 1 :]).strip()
    if not title or not body:
        raise ContentError(path, first_line, "a tip needs a title and a body.")
    if not _SLUG.match(values["key"]):
        raise ContentError(path, header["key"][1], "`key` must be a-z, 0-9 and -.")
    _check_length(path, header["key"][1], "key", values["key"], Tip, "builtin_key")
    _check_length(path, first_line, "the title", title, Tip, "title")
    low, high = PRIORITY_RANGE
    if not low <= values["priority"] <= high:
        raise ContentError(path, header["priority"][1], f"`priority` must be {low} to {high}.")
    return TipSource(
        key=values["key"],
        title=title,
        habit=habit,
        section=values["section"],
        priority=values["priority"],
        safe_beside_alert=values["safe beside an alert"],
        body=body,
    )


def language_dirs(base: Path | None = None) -> dict[str, Path]:
    """Each language with built-in content and its folder: content/ for English, content/<code>/
    for every other language in settings.LANGUAGES that has one. A language without a folder
    has no rows of its own; its readers get English (reading_language)."""
    base = base or CONTENT_DIR
    found = {SOURCE_LANGUAGE: base}
    for code, _name in settings.LANGUAGES:
        if code != SOURCE_LANGUAGE and (base / code).is_dir():
            found[code] = base / code
    return found


def builtin_section_slugs(
    directory: Path | None = None, *, language: str = SOURCE_LANGUAGE
) -> frozenset[str]:
    """The slugs loading finds a language's built-in sections by: they cannot be renamed or
    deleted. (`directory` is that language's own folder when given.)"""
    if directory is None:
        directory = language_dirs().get(language)
        if directory is None:
            return frozenset()
    return frozenset(path.stem for path in (directory / "guide").glob("*.md"))


def reading_language(language: str | None = None) -> str:
    """Whose rows a page reads: the active language (or `language`) when it has built-in
    content, else English. Decided from the folders, not the database, so it costs no query."""
    from django.utils import translation

    code = language or translation.get_language() or settings.LANGUAGE_CODE
    try:
        code = translation.get_supported_language_variant(code)
    except LookupError:
        return SOURCE_LANGUAGE
    return code if code in _languages_with_content() else SOURCE_LANGUAGE


@functools.cache
def _languages_with_content() -> frozenset[str]:
    # The folders are part of the release: read once per process.
    return frozenset(language_dirs())


def read_all(directory: Path | None = None) -> tuple[list[SectionSource], list[TipSource]]:
    """Every section and tip in one language's content folder (content/ itself, English, by
    default), checked against each other: unique slugs and keys, and each tip leading to a
    section of the same folder."""
    directory = directory or CONTENT_DIR
    for folder in ("guide", "tips"):
        if not any((directory / folder).glob("*.md")):
            raise ContentError(directory / folder, None, "no .md files here.")
    sections = [read_section(path) for path in sorted((directory / "guide").glob("*.md"))]
    habits = frozenset(Habit.values)
    tips = [
        tip
        for path in sorted((directory / "tips").glob("*.md"))
        for tip in read_tips(path, habits=habits)
    ]
    slugs = {section.slug for section in sections}
    keys: set[str] = set()
    for tip in tips:
        tips_file = directory / "tips" / f"{tip.habit}.md"
        if tip.key in keys:
            raise ContentError(tips_file, None, f"the key {tip.key!r} is used twice.")
        if tip.section not in slugs:
            raise ContentError(tips_file, None, f"{tip.key}: no guide section {tip.section!r}.")
        keys.add(tip.key)
    return sections, tips


def read_languages(
    base: Path | None = None,
) -> dict[str, tuple[list[SectionSource], list[TipSource]]]:
    """Every language's sections and tips (language_dirs), each folder checked on its own. A
    translation must hold the sections code links to: a care prompt's link works in every
    language."""
    found = {}
    for language, folder in language_dirs(base).items():
        try:
            found[language] = sections, _tips = read_all(folder)
        except ContentError as error:
            if language == SOURCE_LANGUAGE:
                raise
            # Name the folder: the file names are the same in every language.
            raise ContentError(folder, None, str(error)) from error
        missing = GuideSection.SLUGS_LINKED_FROM_CODE - {section.slug for section in sections}
        if language != SOURCE_LANGUAGE and missing:
            raise ContentError(
                folder / "guide", None, f"no {sorted(missing)[0]}.md: the app links to it."
            )
    return found
