"""The guide and tips in Spanish (issue 33): content/es/ mirrors content/ with the same slugs,
keys and headers, each language loads into its own rows, and an editor's change in one language
never touches the other (tracker.guide.content reads the files, tracker.guide.loading loads
them)."""

import dataclasses
import re
import shutil

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from tracker.guide import content, loading
from tracker.models import GuideSection, Tip

BY_LANGUAGE = content.read_languages()
EN_SECTIONS, EN_TIPS = BY_LANGUAGE["en"]
ES_SECTIONS, ES_TIPS = BY_LANGUAGE["es"]


def _headers(source) -> dict:
    """What a translation must keep as it is: everything but the words."""
    return {k: v for k, v in dataclasses.asdict(source).items() if k not in ("title", "body")}


def test_spanish_has_every_section_and_tip_with_the_same_slugs_keys_and_headers():
    assert [_headers(s) for s in ES_SECTIONS] == [_headers(s) for s in EN_SECTIONS]
    assert [_headers(t) for t in ES_TIPS] == [_headers(t) for t in EN_TIPS]
    assert {section.slug for section in ES_SECTIONS} >= GuideSection.SLUGS_LINKED_FROM_CODE


def test_spanish_is_written_in_spanish_not_copied():
    english = {s.slug: s for s in EN_SECTIONS} | {t.key: t for t in EN_TIPS}
    for source in [*ES_SECTIONS, *ES_TIPS]:
        name = getattr(source, "slug", None) or source.key
        assert source.title != english[name].title, name
        assert source.body != english[name].body, name
    # The caveats carry over: not a diagnosis; never crack or stretch beside a warning sign.
    by_slug = {s.slug: s.body for s in ES_SECTIONS}
    assert "No es un diagnóstico" in by_slug["about-this-guide"]
    assert "no intentes crujirte ni estirar la espalda" in by_slug["when-to-seek-help"]
    assert "solo si no tienes un problema de espalda previo" in by_slug["gentle-self-care"]


def test_migrate_loaded_each_language_into_its_own_rows(db):
    for language, (sections, tips) in BY_LANGUAGE.items():
        rows = GuideSection.objects.filter(language=language)
        assert sorted(rows.values_list("slug", flat=True)) == sorted(s.slug for s in sections)
        tip_rows = Tip.objects.filter(language=language, builtin_key__isnull=False)
        assert tip_rows.count() == len(tips)
        # A tip's section is the section of its own language with that slug.
        assert not tip_rows.exclude(section__language=language).exists()
    es = GuideSection.objects.get(language="es", slug="when-to-seek-help")
    assert es.title == "Cuándo buscar ayuda"
    assert GuideSection.objects.get(language="en", slug="when-to-seek-help").title == (
        "When to seek help"
    )


def _load(by_language=None):
    return loading.load_languages(GuideSection, Tip, by_language or BY_LANGUAGE)


def test_loading_twice_changes_nothing_in_any_language(db):
    before = {
        (row.language, row.slug): (row.pk, row.updated_at) for row in GuideSection.objects.all()
    }
    report = _load()
    total = sum(len(sections) + len(tips) for sections, tips in BY_LANGUAGE.values())
    assert (report.created, report.updated, report.kept_as_edited) == ([], [], [])
    assert report.unchanged == total
    assert _load().unchanged == total
    after = {
        (row.language, row.slug): (row.pk, row.updated_at) for row in GuideSection.objects.all()
    }
    assert after == before
    assert Tip.objects.filter(builtin_key__isnull=False).count() == len(EN_TIPS) + len(ES_TIPS)


def _with_new_text(by_language, language, slug, body):
    sections, tips = by_language[language]
    changed = [dataclasses.replace(s, body=body) if s.slug == slug else s for s in sections]
    return {**by_language, language: (changed, tips)}


def test_an_editors_spanish_section_survives_reloading_and_english_is_untouched(db):
    es = GuideSection.objects.get(language="es", slug="prevention")
    es.body = "Texto de una editora."
    es.save()
    en_before = GuideSection.objects.get(language="en", slug="prevention")
    # Both files corrected: English takes its correction, the Spanish edit is kept.
    files = _with_new_text(BY_LANGUAGE, "en", "prevention", "Corrected English.")
    files = _with_new_text(files, "es", "prevention", "Español corregido.")
    report = _load(files)
    assert report.updated == ["guide section prevention"]
    assert report.kept_as_edited == ["es: guide section prevention"]
    assert GuideSection.objects.get(language="es", slug="prevention").body == (
        "Texto de una editora."
    )
    en = GuideSection.objects.get(language="en", slug="prevention")
    assert (en.pk, en.body) == (en_before.pk, "Corrected English.")


def test_an_editors_english_tip_leaves_the_spanish_tip_to_its_file(db):
    key = EN_TIPS[0].key
    Tip.objects.filter(language="en", builtin_key=key).update(title="An editor's title")
    # Both files corrected: the English edit is kept, the Spanish tip takes its file.
    en_tips = [dataclasses.replace(t, body="Corrected.") if t.key == key else t
               for t in EN_TIPS]  # fmt: skip
    es_tips = [dataclasses.replace(t, title="Título corregido") if t.key == key else t
               for t in ES_TIPS]  # fmt: skip
    report = _load({"en": (EN_SECTIONS, en_tips), "es": (ES_SECTIONS, es_tips)})
    assert report.kept_as_edited == [f"tip {key}"]
    assert report.updated == [f"es: tip {key}"]
    assert Tip.objects.get(language="en", builtin_key=key).title == "An editor's title"
    assert Tip.objects.get(language="es", builtin_key=key).title == "Título corregido"


def _copy_content(tmp_path, monkeypatch):
    shutil.copytree(content.CONTENT_DIR, tmp_path / "content")
    monkeypatch.setattr(content, "CONTENT_DIR", tmp_path / "content")
    return tmp_path / "content"


def test_a_spanish_tip_must_lead_to_a_spanish_section(db, tmp_path, monkeypatch):
    folder = _copy_content(tmp_path, monkeypatch)
    (folder / "es" / "guide" / "prevention.md").unlink()  # still there in English
    with pytest.raises(content.ContentError, match=r"^es: .*no guide section 'prevention'"):
        content.read_languages()
    with pytest.raises(CommandError, match="no guide section 'prevention'"):
        call_command("load_content")


def test_a_translation_must_keep_the_sections_the_app_links_to(tmp_path, monkeypatch):
    folder = _copy_content(tmp_path, monkeypatch)
    (folder / "es" / "guide" / "when-to-seek-help.md").unlink()
    for tip_file in (folder / "es" / "tips").glob("*.md"):
        tip_file.write_text(tip_file.read_text().replace("when-to-seek-help", "prevention"))
    with pytest.raises(content.ContentError, match=r"no when-to-seek-help\.md: the app links"):
        content.read_languages()


def test_slugs_and_keys_are_checked_per_language(tmp_path, monkeypatch):
    """The same key in English and Spanish is one tip translated; twice in one language is not."""
    folder = _copy_content(tmp_path, monkeypatch)
    tips_file = folder / "es" / "tips" / "water.md"
    tips_file.write_text(
        tips_file.read_text().replace("key: drink-with-meals", "key: slow-breathing")
    )
    with pytest.raises(content.ContentError, match="'slow-breathing' is used twice"):
        content.read_languages()


def test_a_language_without_a_folder_is_not_loaded(tmp_path, monkeypatch):
    folder = _copy_content(tmp_path, monkeypatch)
    shutil.rmtree(folder / "es")
    assert list(content.read_languages()) == ["en"]


def test_the_command_checks_and_loads_every_language(db, capsys):
    call_command("load_content", "--check")
    out = capsys.readouterr().out
    assert f"en: {len(EN_SECTIONS)} sections and {len(EN_TIPS)} tips, all valid." in out
    assert f"es: {len(ES_SECTIONS)} sections and {len(ES_TIPS)} tips, all valid." in out
    call_command("load_content")
    total = len(EN_SECTIONS) + len(EN_TIPS) + len(ES_SECTIONS) + len(ES_TIPS)
    assert f"0 new, 0 updated, {total} unchanged" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("active", "reads"),
    [("en", "en"), ("es", "es"), ("es-mx", "es"), ("es-419", "es"), ("fr", "en"), ("de-at", "en")],
)
def test_pages_read_the_active_languages_rows_else_english(active, reads):
    with translation.override(active):
        assert content.reading_language() == reads


def test_a_language_without_content_reads_english(monkeypatch):
    monkeypatch.setattr(content, "_languages_with_content", lambda: frozenset({"en"}))
    with translation.override("es"):
        assert content.reading_language() == "en"


# Beside an open care alert a tip may not suggest moving, stretching, walking or exercise, nor
# cracking (the English check is tests/test_builtin_content.py's MOVEMENT_WORDS). "Levántate"
# (out of bed) is not lifting; "levanta peso" and "carga" are.
SPANISH_MOVEMENT_WORDS = re.compile(
    r"\b(mov\w*|muév\w*|estir\w*|camin\w*|pase\w*|ejercicio\w*|cruj\w*|sonar|suen\w*|gir\w*"
    r"|torsi\w*|levant\w* peso|carg\w*|yoga|pilates|nad\w*|activ\w*|balance\w*|rod(ar|ea|é)\w*"
    r"|alcanc\w*|manipul\w*|corr(er|e|o)\b|gimnasio|deportes?|pasos?|aquagym)\b",
    re.IGNORECASE,
)


@pytest.mark.parametrize(
    "tip", [tip for tip in ES_TIPS if tip.safe_beside_alert], ids=lambda tip: tip.key
)
def test_no_spanish_tip_marked_safe_beside_an_alert_suggests_moving(tip):
    assert not SPANISH_MOVEMENT_WORDS.findall(f"{tip.title}\n{tip.body}")


def test_the_spanish_movement_check_finds_what_the_english_one_finds():
    """Among the tips kept from an alert, the same ones name a movement in both languages (the
    others, such as gentle warmth, are kept away for what their section leads to)."""
    from tests.test_builtin_content import MOVEMENT_WORDS

    def silent(tips, words) -> set[str]:
        return {t.key for t in tips if not t.safe_beside_alert
                and not words.search(f"{t.title}\n{t.body}")}  # fmt: skip

    assert silent(ES_TIPS, SPANISH_MOVEMENT_WORDS) == silent(EN_TIPS, MOVEMENT_WORDS)


def test_the_same_tips_are_safe_beside_an_alert_in_both_languages():
    safe = {language: {t.key for t in tips if t.safe_beside_alert}
            for language, (_s, tips) in BY_LANGUAGE.items()}  # fmt: skip
    assert safe["es"] == safe["en"]


# --- why a tip is shown, in the page's language ------------------------------------------------


def _reasons(language: str) -> list[str]:
    from tests.test_tips import GOAL, TODAY, day
    from tracker.guide import tips

    worst = [day(n, posture=1, exercise_minutes=0, water_ml=100, stress=9, discomfort=1 + n)
             for n in range(7)][::-1]  # fmt: skip
    worst = sorted(worst, key=lambda d: d.date, reverse=True)
    rising = [day(n, discomfort=7 - n) for n in range(7)]
    with translation.override(language):
        found = [r.reason for r in tips.tip_reasons(worst, today=TODAY, water_goal_ml=GOAL,
                                                    red_flag_active=True)]  # fmt: skip
        found.append(tips.discomfort_reason(rising, today=TODAY).reason)
        found.append(tips.stress_reason([day(1, stress=9)], today=TODAY).reason)
        found += [r.reason for r in tips.tip_reasons(worst[:1], today=TODAY, water_goal_ml=GOAL)]
        found += [r.reason for r in tips.tip_reasons([day(n) for n in range(7)], today=TODAY,
                                                     water_goal_ml=GOAL)]  # fmt: skip
    return found


def test_every_reason_for_a_tip_is_worded_in_spanish():
    english, spanish = _reasons("en"), _reasons("es")
    assert len(spanish) == len(english) >= 8
    assert "Your posture was 2 or lower on 3 of the last 3 days you logged." in english
    assert "Tu postura fue de 2 o menos en 3 de los últimos 3 días que registraste." in spanish
    assert "Bebiste menos agua que tu objetivo en 7 de los últimos 7 días que registraste." in (
        spanish
    )
    assert "Ayer registraste un estrés de 9 sobre 10." in spanish
    for es, en in zip(spanish, english, strict=True):
        assert es != en
        assert not re.search(r"\b(your?|the|logged|days?|goal)\b", es, re.IGNORECASE), es
