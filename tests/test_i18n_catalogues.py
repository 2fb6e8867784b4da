"""Every string a person reads is translated: a catalogue entry left empty or fuzzy (a guess
msgmerge made from a string that changed) would show English, or a wrong sentence, on a page
in another language. `make messages-check` (CI) fails when the catalogues miss a marked string."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

CATALOGUES = sorted(Path(settings.BASE_DIR, "locale").glob("*/LC_MESSAGES/*.po"))


def test_every_language_but_english_has_a_catalogue():
    languages = {path.parts[-3] for path in CATALOGUES}
    assert languages == {code for code, _name in settings.LANGUAGES} - {"en"}


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: "/".join(path.parts[-3:]))
def test_no_entry_is_left_untranslated_or_fuzzy(path):
    catalogue = polib.pofile(str(path))
    left = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not left, f"untranslated in {path}: {left[:20]}"
    assert not fuzzy, f"fuzzy in {path}: {fuzzy[:20]}"


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: "/".join(path.parts[-3:]))
def test_each_translation_keeps_its_placeholders(path):
    """A "%(count)s" or "{name}" the translation drops or misspells would fail, or say the
    wrong thing, only when that page is shown."""
    import re

    placeholder = re.compile(r"%\(\w+\)[sd]|\{\w+\}")
    for entry in polib.pofile(str(path)).translated_entries():
        wanted = sorted(placeholder.findall(entry.msgid))
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for translation in translations:
            assert sorted(placeholder.findall(translation)) == wanted or (
                entry.msgid_plural and set(placeholder.findall(translation)) <= set(wanted)
            ), f"{entry.msgid!r} → {translation!r}"


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: "/".join(path.parts[-3:]))
def test_each_plural_has_every_form_the_language_counts(path):
    """Spanish counts three plural forms (one, many of a million, other): an entry with two
    shows English for the form it lacks."""
    import re

    catalogue = polib.pofile(str(path))
    forms = int(re.search(r"nplurals\s*=\s*(\d+)", catalogue.metadata["Plural-Forms"])[1])
    short = [
        entry.msgid
        for entry in catalogue
        if entry.msgid_plural
        and sorted(key for key, text in entry.msgstr_plural.items() if text) != list(range(forms))
    ]
    assert not short, f"plurals without all {forms} forms in {path}: {short[:20]}"


TRANSLATING = {"gettext", "ngettext", "pgettext", "npgettext", "gettext_lazy", "ngettext_lazy",
               "pgettext_lazy", "npgettext_lazy", "_"}  # fmt: skip


def _translated_inside_f_strings(path: Path) -> list[int]:
    """The lines where a message is marked for translation inside an f-string: makemessages
    (xgettext) does not read f-strings, so the message never reaches the catalogue and every
    language shows it in English, with no check failing."""
    import ast

    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if not isinstance(node, ast.JoinedStr):
            continue
        for inner in ast.walk(node):
            if isinstance(inner, ast.Call):
                name = getattr(inner.func, "id", None) or getattr(inner.func, "attr", None)
                if name in TRANSLATING:
                    found.append(inner.lineno)
    return found


def test_no_message_is_marked_inside_an_f_string():
    sources = sorted(Path(settings.BASE_DIR, "tracker").rglob("*.py"))
    marked = {
        str(path.relative_to(settings.BASE_DIR)): lines
        for path in sources
        if (lines := _translated_inside_f_strings(path))
    }
    assert len(sources) > 50 and not marked, marked
