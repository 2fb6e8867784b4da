"""Loading the guide's files into the database (content.read_languages reads them): each
language's sections and tips brought up to its files, row by row, all or nothing, leaving
whatever an editor changed in the admin. Run after every `migrate` (tracker.apps) and by
`manage.py load_content`."""

from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models import Manager, Model

from tracker.guide.content import SOURCE_LANGUAGE, SectionSource, TipSource, digest_of


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept_as_edited: list[str] = field(default_factory=list)
    unchanged: int = 0

    def __str__(self) -> str:
        lines = [
            f"Built-in content: {len(self.created)} new, {len(self.updated)} updated, "
            f"{self.unchanged} unchanged, {len(self.kept_as_edited)} kept as an editor left them."
        ]
        lines += [f"  kept as edited: {name}" for name in self.kept_as_edited]
        return "\n".join(lines)


def load_languages(
    section_model: type[Model],
    tip_model: type[Model],
    by_language: dict[str, tuple[list[SectionSource], list[TipSource]]],
    *,
    using: str = DEFAULT_DB_ALIAS,
) -> LoadReport:
    """Loads each language's files into its own rows (see `load`), all or nothing."""
    report = LoadReport()
    with transaction.atomic(using=using):
        for language, (sections, tips) in by_language.items():
            load(
                section_model, tip_model, sections, tips,
                language=language, using=using, report=report,
            )  # fmt: skip
    return report


def _has_language(model: type[Model]) -> bool:
    return any(field.name == "language" for field in model._meta.get_fields())


def load(
    section_model: type[Model],
    tip_model: type[Model],
    sections: list[SectionSource],
    tips: list[TipSource],
    *,
    language: str = SOURCE_LANGUAGE,
    using: str = DEFAULT_DB_ALIAS,
    report: LoadReport | None = None,
) -> LoadReport:
    """Brings one language's rows up to its files, row by row, leaving what editors changed;
    the other languages' rows are neither read nor written. The models are passed in: after
    `migrate` they are its models, as the migrations left them (before 0025 they had no
    language, and every row was English)."""
    report = report if report is not None else LoadReport()
    section_rows = section_model._default_manager.db_manager(using)
    tip_rows = tip_model._default_manager.db_manager(using)
    in_language: dict[str, str] = {}
    if _has_language(section_model) and _has_language(tip_model):
        in_language = {"language": language}
    elif language != SOURCE_LANGUAGE:
        return report  # a database from before languages holds English only
    # English keeps the names it always had in the report; another language's are prefixed.
    prefix = "" if language == SOURCE_LANGUAGE else f"{language}: "
    with transaction.atomic(using=using):
        by_slug = {row.slug: row for row in section_rows.filter(**in_language)}
        for source in sections:
            by_slug[source.slug] = _load_row(
                section_rows,
                by_slug.get(source.slug),
                source,
                values_of=_section_values,
                lookup={"slug": source.slug, **in_language},
                report=report,
                name=f"{prefix}guide section {source.slug}",
            )
        existing_tips = {
            row.builtin_key: row
            for row in tip_rows.filter(builtin_key__isnull=False, **in_language).select_related(
                "section"
            )
        }
        for source in tips:
            _load_row(
                tip_rows,
                existing_tips.get(source.key),
                source,
                values_of=_tip_values,
                lookup={"builtin_key": source.key, **in_language},
                report=report,
                name=f"{prefix}tip {source.key}",
                section=by_slug[source.section],
            )
    return report


def _as_typed(text: str) -> str:
    """A browser sends a textarea's line breaks as CRLF: a section or tip saved unchanged from
    the admin still reads as it was loaded."""
    return text.replace("\r\n", "\n")


def _section_values(row: Model) -> dict:
    return {"slug": row.slug, "title": row.title, "order": row.order, "body": _as_typed(row.body)}


def _tip_values(row: Model) -> dict:
    return {
        "key": row.builtin_key,
        "title": row.title,
        "habit": row.habit,
        "section": row.section.slug,
        "priority": row.priority,
        "safe_beside_alert": row.safe_beside_alert,
        "body": _as_typed(row.body),
    }


def _load_row(
    rows: Manager,
    current: Model | None,
    source: SectionSource | TipSource,
    *,
    values_of: Callable[[Model], dict],
    lookup: dict[str, str],
    report: LoadReport,
    name: str,
    **related: Model,
) -> Model:
    """Creates the row, updates it if no editor has changed it since it was loaded, or keeps
    it as the editor left it; `values_of` reads what it holds now, in the source's terms."""
    fields = {
        key: value for key, value in asdict(source).items() if key not in ("slug", "key", "section")
    }
    fields |= related
    digest = source.digest()
    if current is None:
        report.created.append(name)
        return rows.create(**lookup, **fields, shipped_digest=digest)
    if current.shipped_digest == digest:
        report.unchanged += 1
        return current
    now = digest_of(values_of(current))
    # A row from before digests were kept: it is unedited only if it reads as the file does.
    if not current.shipped_digest and now == digest:
        current.shipped_digest = digest
        current.save(using=rows.db, update_fields=["shipped_digest"])
        report.unchanged += 1
        return current
    if current.shipped_digest != now:
        report.kept_as_edited.append(name)
        return current
    for key, value in fields.items():
        setattr(current, key, value)
    current.shipped_digest = digest
    current.save(using=rows.db)
    report.updated.append(name)
    return current
