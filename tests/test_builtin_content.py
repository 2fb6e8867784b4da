import importlib
import re
from pathlib import Path

import pytest
from django.apps import apps as django_apps

from tracker.migrations import _0003_builtin_content as builtin_content
from tracker.models import GuideSection, Habit, Tip

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
        [section["title"] + "\n" + section["body"] for section in builtin_content.GUIDE_SECTIONS]
        + [tip["title"] + "\n" + tip["body"] for tip in builtin_content.TIPS]
    )


def test_fresh_database_has_the_whole_guide_and_tips(db):
    assert GuideSection.objects.count() == len(builtin_content.GUIDE_SECTIONS) >= 7
    assert Tip.objects.filter(is_active=True).count() == len(builtin_content.TIPS) >= 20


def test_every_habit_has_tips_and_every_tip_links_to_the_right_section(db):
    for habit in Habit.values:
        tips = Tip.objects.filter(habit=habit).select_related("section")
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
    causes = next(s for s in builtin_content.GUIDE_SECTIONS if s["slug"] == "causes-of-stiffness")
    body = causes["body"].lower()
    assert "evidence linking everyday hydration to back stiffness is limited" in body
    assert "lubricat" not in body


def test_loading_again_never_overwrites_an_editors_change(db):
    migration = importlib.import_module("tracker.migrations.0003_builtin_content")
    section = GuideSection.objects.get(slug="prevention")
    section.body = "Edited by our physiotherapist."
    section.save()
    tip = Tip.objects.get(builtin_key=builtin_content.TIPS[0]["key"])
    tip.title = "Edited title"
    tip.save()
    migration.load_builtin_content(django_apps, None)
    assert GuideSection.objects.get(slug="prevention").body == "Edited by our physiotherapist."
    assert Tip.objects.get(pk=tip.pk).title == "Edited title"
    assert Tip.objects.count() == len(builtin_content.TIPS)


@pytest.mark.parametrize("slug", [section["slug"] for section in builtin_content.GUIDE_SECTIONS])
def test_every_section_has_a_substantial_body(db, slug):
    assert len(GuideSection.objects.get(slug=slug).body.split()) >= 80


MIGRATIONS = Path(__file__).resolve().parents[1] / "tracker" / "migrations"


@pytest.mark.parametrize("path", sorted(MIGRATIONS.glob("[0-9]*.py")), ids=lambda p: p.name)
def test_migrations_carry_their_own_copy_of_the_data_they_load(path):
    """A migration that imported data from a live module would change what a fresh `migrate`
    creates whenever that module is edited. (A field default such as `tracker.models.<fn>` is
    referenced as makemigrations writes it, `import tracker.models`, and loads no data.)"""
    imports = re.findall(r"^\s*from (tracker\S*) import", path.read_text(), re.M)
    assert all(name.startswith("tracker.migrations") for name in imports), imports


def test_a_fresh_database_holds_todays_default_care_wording(db):
    from tracker.care_wording import RULE_WORDING, TIER_ADVICE
    from tracker.models import CareWording

    expected = {f"tier:{tier}": text for tier, text in TIER_ADVICE.items()}
    expected |= {f"rule:{code}": wording.explanation for code, wording in RULE_WORDING.items()}
    assert dict(CareWording.objects.values_list("key", "text")) == expected


def test_the_wording_migration_keeps_an_editors_own_wording(db):
    from tracker.models import CareWording

    migration = importlib.import_module("tracker.migrations.0010_care_for_countries_and_safe_tips")
    old_urgent, _new = migration.CHANGED_WORDINGS["tier:urgent"]
    CareWording.objects.filter(key="tier:urgent").update(text=old_urgent)
    CareWording.objects.filter(key="tier:soon").update(text="An editor's own words.")
    migration.forwards(django_apps, None)
    assert "111 in England" not in CareWording.objects.get(key="tier:urgent").text
    assert CareWording.objects.get(key="tier:soon").text == "An editor's own words."
