"""The built-in guide and tips as files (content/): written in our own words from the seed
article, with its safety points kept, and loaded without ever overwriting an editor."""

import dataclasses
import importlib
import re
import shutil
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.core.management import CommandError, call_command

from tracker.choices import Habit
from tracker.guide import content, loading
from tracker.models import GuideSection, Tip

SECTIONS, TIPS = content.read_all()

# A copy of shared/seed/how-to-crack-your-back.txt, so this check runs in every clone.
SEED_ARTICLE = Path(__file__).parent / "data" / "seed-article.txt"
# Where each habit's tips may lead: the section that actually discusses that habit.
SECTIONS_FOR_HABIT = {
    Habit.POSTURE: {"prevention", "causes-of-stiffness"},
    Habit.EXERCISE: {"prevention"},
    Habit.WATER: {"prevention", "causes-of-stiffness"},
    Habit.STRESS: {"prevention", "causes-of-stiffness"},
    Habit.DISCOMFORT: {"gentle-self-care", "what-the-crack-is"},
    Habit.GENERAL: {"prevention", "using-backhabits"},
}


def _sentences(text: str) -> set[str]:
    pieces = re.split(r"[.!?\n•]+|\s{2,}", text)
    normalised = {" ".join(re.sub(r"[^a-z0-9 ]", " ", p.lower()).split()) for p in pieces}
    return {
        sentence for sentence in normalised if len(sentence.split()) >= 5
    }  # technique names are not sentences


def _guide_text() -> str:
    return "\n".join(
        [section.title + "\n" + section.body for section in SECTIONS]
        + [tip.title + "\n" + tip.body for tip in TIPS]
    )


def test_fresh_database_has_the_whole_guide_and_tips(db):
    assert GuideSection.objects.filter(language="en").count() == len(SECTIONS) >= 7
    assert Tip.objects.filter(language="en", is_active=True).count() == len(TIPS) >= 20
    for source in TIPS:
        tip = (
            Tip.objects.filter(language="en").select_related("section").get(builtin_key=source.key)
        )
        assert (tip.title, tip.body, tip.habit, tip.section.slug, tip.priority) == (
            source.title,
            source.body,
            source.habit,
            source.section,
            source.priority,
        )
        assert tip.safe_beside_alert is source.safe_beside_alert


def test_every_habit_has_tips_and_every_tip_links_to_the_right_section(db):
    for habit in Habit.values:
        tips = Tip.objects.filter(language="en", habit=habit).select_related("section")
        assert tips.count() >= 3, habit
        for tip in tips:
            assert tip.section.slug in SECTIONS_FOR_HABIT[habit], (tip.title, tip.section.slug)


def test_no_sentence_of_the_seed_article_is_copied():
    article = _sentences(SEED_ARTICLE.read_text())
    assert len(article) > 30  # the comparison really has the article to compare with
    ours = _sentences(_guide_text())
    copied = {sentence for sentence in ours if any(sentence in a for a in article)}
    assert copied == set()


def test_no_long_run_of_words_is_copied_from_the_article():
    def shingles(text: str, size: int = 8) -> set[tuple[str, ...]]:
        words = re.sub(r"[^a-z0-9 ]", " ", text.lower()).split()
        return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}

    assert shingles(_guide_text()) & shingles(SEED_ARTICLE.read_text()) == set()


def test_guide_drops_the_advertising_and_keeps_the_safety_points():
    text = _guide_text().lower()
    assert "visit best website" not in text and "click the link" not in text
    for required in [
        "cavitation", "harmless", "tight muscles", "posture", "dehydrat", "stress",
        "back roll", "over-the-shoulder", "seated spinal twist", "trained", "injur",
        "yoga", "pilates", "swimming", "not a diagnosis", "16",
    ]:  # fmt: skip
        assert required in text, required


def test_hydration_claims_are_worded_carefully():
    causes = next(s for s in SECTIONS if s.slug == "causes-of-stiffness")
    body = causes.body.lower()
    assert "evidence linking everyday hydration to back stiffness is limited" in body
    assert "lubricat" not in body


def _load(sections=SECTIONS, tips=TIPS) -> loading.LoadReport:
    return loading.load(GuideSection, Tip, sections, tips)


def test_loading_again_never_overwrites_an_editors_change(db):
    section = GuideSection.objects.filter(language="en").get(slug="prevention")
    section.body = "Edited by our physiotherapist."
    section.save()
    tip = Tip.objects.filter(language="en").get(builtin_key=TIPS[0].key)
    tip.title = "Edited title"
    tip.save()
    changed = [dataclasses.replace(s, body=s.body + " More.") for s in SECTIONS]
    report = _load(changed, [dataclasses.replace(t, title=t.title + "!") for t in TIPS])
    assert (
        GuideSection.objects.filter(language="en").get(slug="prevention").body
        == "Edited by our physiotherapist."
    )
    assert Tip.objects.filter(language="en").get(pk=tip.pk).title == "Edited title"
    assert set(report.kept_as_edited) == {"guide section prevention", f"tip {TIPS[0].key}"}
    assert Tip.objects.filter(language="en").count() == len(TIPS)


def test_a_changed_file_reaches_every_row_no_editor_touched(db):
    changed_tip = dataclasses.replace(TIPS[1], body="New wording.", priority=99,
                                      safe_beside_alert=not TIPS[1].safe_beside_alert)  # fmt: skip
    changed_section = dataclasses.replace(SECTIONS[0], title="New title", order=5)
    report = _load([changed_section, *SECTIONS[1:]], [TIPS[0], changed_tip, *TIPS[2:]])
    tip = Tip.objects.filter(language="en").get(builtin_key=changed_tip.key)
    assert (tip.body, tip.priority, tip.safe_beside_alert) == (
        "New wording.",
        99,
        changed_tip.safe_beside_alert,
    )
    section = GuideSection.objects.filter(language="en").get(slug=changed_section.slug)
    assert (section.title, section.order) == ("New title", 5)
    assert report.updated == [f"guide section {changed_section.slug}", f"tip {changed_tip.key}"]
    # Loaded again, the same files change nothing, and an edit after that is still kept.
    assert _load(
        [changed_section, *SECTIONS[1:]], [TIPS[0], changed_tip, *TIPS[2:]]
    ).unchanged == len(SECTIONS) + len(TIPS)
    Tip.objects.filter(language="en", pk=tip.pk).update(body="The editor's.")
    _load()
    assert Tip.objects.filter(language="en").get(pk=tip.pk).body == "The editor's."


def test_a_tip_can_move_to_another_section_and_new_ones_arrive(db):
    moved = dataclasses.replace(TIPS[0], section="using-backhabits")
    new = dataclasses.replace(TIPS[0], key="a-new-tip", title="A new tip")
    report = _load(SECTIONS, [moved, *TIPS[1:], new])
    assert (
        Tip.objects.filter(language="en").get(builtin_key=moved.key).section.slug
        == "using-backhabits"
    )
    assert (
        Tip.objects.filter(language="en").get(builtin_key="a-new-tip").shipped_digest
        == new.digest()
    )
    assert report.created == ["tip a-new-tip"]


def test_rows_from_before_digests_are_adopted_only_when_they_read_as_the_files(db):
    """Databases that loaded the content from migration 0003 hold rows with no digest."""
    Tip.objects.filter(language="en").update(shipped_digest="")
    GuideSection.objects.filter(language="en").update(shipped_digest="")
    Tip.objects.filter(language="en", builtin_key=TIPS[0].key).update(title="An editor's title")
    report = _load([dataclasses.replace(s, body=s.body + " New.") for s in SECTIONS[:1]]
                   + SECTIONS[1:], TIPS)  # fmt: skip
    assert report.kept_as_edited == [f"guide section {SECTIONS[0].slug}", f"tip {TIPS[0].key}"]
    assert Tip.objects.filter(language="en", shipped_digest="").count() == 1
    assert (
        Tip.objects.filter(language="en").get(builtin_key=TIPS[1].key).shipped_digest
        == TIPS[1].digest()
    )


def test_an_editors_own_tip_and_a_tip_taken_out_of_the_files_stay(db):
    section = GuideSection.objects.filter(language="en").get(slug="prevention")
    own = Tip.objects.create(title="Ours", body="Our own.", habit=Habit.GENERAL, section=section)
    _load(SECTIONS, TIPS[1:])
    assert Tip.objects.filter(language="en", pk=own.pk, title="Ours").exists()
    assert Tip.objects.filter(language="en", builtin_key=TIPS[0].key, is_active=True).exists()


def test_migrate_loads_a_changed_file_and_the_command_reports_nothing_left_to_do(
    db, tmp_path, monkeypatch, capsys
):
    shutil.copytree(content.CONTENT_DIR, tmp_path / "content")
    tips_file = tmp_path / "content" / "tips" / f"{TIPS[0].habit}.md"
    tips_file.write_text(tips_file.read_text().replace(TIPS[0].body, "Corrected wording."))
    monkeypatch.setattr(content, "CONTENT_DIR", tmp_path / "content")
    call_command("migrate", verbosity=1)
    assert (
        Tip.objects.filter(language="en").get(builtin_key=TIPS[0].key).body == "Corrected wording."
    )
    assert "1 updated" in capsys.readouterr().out
    call_command("load_content")
    everything = sum(len(s) + len(t) for s, t in content.read_languages().values())
    assert f"0 new, 0 updated, {everything} unchanged" in capsys.readouterr().out


def test_a_section_saved_unchanged_from_the_admin_still_takes_a_corrected_file(db):
    """Browsers send a textarea's line breaks as CRLF; that is not an editor's change."""
    section = GuideSection.objects.filter(language="en").get(slug="prevention")
    section.body = section.body.replace("\n", "\r\n")
    section.save()
    corrected = [dataclasses.replace(s, body="Corrected.") if s.slug == "prevention" else s
                 for s in SECTIONS]  # fmt: skip
    assert _load(corrected, TIPS).updated == ["guide section prevention"]
    assert GuideSection.objects.filter(language="en").get(slug="prevention").body == "Corrected."


def test_the_command_checks_the_files(capsys):
    call_command("load_content", "--check")
    assert (
        f"en: {len(SECTIONS)} sections and {len(TIPS)} tips, all valid." in capsys.readouterr().out
    )


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("slug", [section.slug for section in SECTIONS])
def test_every_section_has_a_substantial_body(db, slug, language):
    assert len(GuideSection.objects.get(language=language, slug=slug).body.split()) >= 80


MIGRATIONS = Path(__file__).resolve().parents[1] / "tracker" / "migrations"


@pytest.mark.parametrize("path", sorted(MIGRATIONS.glob("[0-9]*.py")), ids=lambda p: p.name)
def test_migrations_carry_their_own_copy_of_the_data_they_load(path):
    """A migration that imported data from a live module would change what a fresh `migrate`
    creates whenever that module is edited. (A field default such as `tracker.models.<fn>` is
    referenced as makemigrations writes it, `import tracker.models`, and loads no data.)"""
    imports = re.findall(r"^\s*from (tracker\S*) import", path.read_text(), re.M)
    assert all(name.startswith("tracker.migrations") for name in imports), imports


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_fresh_database_holds_todays_default_care_wording(db, language):
    """Each language's rows, for its editors to reword, start as that language's defaults."""
    from tracker.care.said import wording_in
    from tracker.models import CareWording

    words = wording_in(language)
    expected = {f"tier:{tier}": text for tier, text in words.advice.items()}
    expected |= {f"rule:{code}": wording.explanation for code, wording in words.rules.items()}
    rows = CareWording.objects.filter(language=language).values_list("key", "text")
    assert dict(rows) == expected


def test_the_wording_migration_keeps_an_editors_own_wording(db):
    from tracker.models import CareWording

    migration = importlib.import_module("tracker.migrations.0010_care_for_countries_and_safe_tips")
    # These migrations ran before each language had its own rows: only English was there.
    CareWording.objects.exclude(language="en").delete()
    old_urgent, _new = migration.CHANGED_WORDINGS["tier:urgent"]
    CareWording.objects.filter(key="tier:urgent").update(text=old_urgent)
    CareWording.objects.filter(key="tier:soon").update(text="An editor's own words.")
    migration.forwards(django_apps, None)
    assert "111 in England" not in CareWording.objects.get(key="tier:urgent").text
    assert CareWording.objects.get(key="tier:soon").text == "An editor's own words."


def test_the_command_names_a_broken_file_and_loads_nothing(db, tmp_path, monkeypatch):
    shutil.copytree(content.CONTENT_DIR, tmp_path / "content")
    section_file = tmp_path / "content" / "guide" / "prevention.md"
    section_file.write_text(section_file.read_text().replace("order: 70", "order: seventy"))
    monkeypatch.setattr(content, "CONTENT_DIR", tmp_path / "content")
    Tip.objects.filter(language="en", builtin_key=TIPS[0].key).update(
        body="Before.", shipped_digest=""
    )
    with pytest.raises(CommandError, match=r"prevention\.md, line 3: `order` must be"):
        call_command("load_content")
    assert Tip.objects.filter(language="en").get(builtin_key=TIPS[0].key).body == "Before."


# Words that suggest moving the back. Beside an open care alert a tip may not suggest moving,
# stretching, walking or exercise, nor cracking: the prompt says to keep still or get seen.
MOVEMENT_WORDS = re.compile(
    r"\b(mov(e|es|ed|ing|ement)|stretch\w*|walk\w*|exercis\w*|crack\w*|pop(s|ping)?|twist\w*"
    r"|lift\w*|yoga|pilates|swim\w*|active|activity|roll\w*|rock\w*|reach\w*|manipulat\w*"
    r"|run\w*|gym|sports?|steps?)\b",
    re.IGNORECASE,
)


@pytest.mark.parametrize(
    "tip", [tip for tip in TIPS if tip.safe_beside_alert], ids=lambda tip: tip.key
)
def test_no_tip_marked_safe_beside_an_alert_suggests_moving(tip):
    assert not MOVEMENT_WORDS.findall(f"{tip.title}\n{tip.body}")


@pytest.mark.parametrize(
    "text",
    [
        "Drink enough, and lean on movement to ease stiffness.",
        "You lose more fluid after exercise.",
        "Keep gently moving.",
        "Stretch slowly.",
        "Short walks help.",
        "Don't crack your back.",
    ],
)
def test_the_movement_check_catches_what_it_is_for(text):
    assert MOVEMENT_WORDS.search(text)


def test_the_water_tips_about_movement_are_no_longer_safe_beside_an_alert():
    by_key = {tip.key: tip for tip in TIPS}
    assert not by_key["realistic-about-water"].safe_beside_alert
    assert not by_key["extra-on-hot-or-active-days"].safe_beside_alert
    assert by_key["drink-with-meals"].safe_beside_alert


def test_the_issue_27_wording_migration_keeps_an_editors_own_wording(db):
    from tracker.models import CareWording

    migration = importlib.import_module("tracker.migrations.0020_care_wording_issue_27")
    # These migrations ran before each language had its own rows: only English was there.
    CareWording.objects.exclude(language="en").delete()
    old_soon, new_soon = migration.CHANGED_WORDINGS["tier:soon"]
    CareWording.objects.filter(key="tier:soon").update(text=old_soon)
    CareWording.objects.filter(key="rule:fever").update(text="An editor's own words.")
    CareWording.objects.filter(key="tier:emergency_ambulance").delete()
    migration.forwards(django_apps, None)
    assert CareWording.objects.get(key="tier:soon").text == new_soon
    assert CareWording.objects.get(key="rule:fever").text == "An editor's own words."
    assert "ambulance" in CareWording.objects.get(key="tier:emergency_ambulance").text
