import sys

from django.apps import AppConfig
from django.apps import apps as global_apps
from django.db import router
from django.db.models.signals import post_migrate


class TrackerConfig(AppConfig):
    name = "tracker"
    verbose_name = "backhabits"

    def ready(self) -> None:
        from tracker import signals  # noqa: F401  (connects the profile-creation handler)

        post_migrate.connect(load_builtin_content, sender=self)


def load_builtin_content(
    sender, *, using: str, apps=global_apps, verbosity: int = 1, **kwargs
) -> None:
    """Every `migrate` ends by bringing the guide and tips up to content/ (each language's
    folder into its own rows), once every migration
    has run, with the models as the migrations left them. (`flush` ends the same way, without
    those models: the test suite's flushes put the content back.)"""
    from tracker.guide import content, loading

    try:
        section_model = apps.get_model("tracker", "GuideSection")
        tip_model = apps.get_model("tracker", "Tip")
    except LookupError:  # migrated back to before the guide existed, or only another app
        return
    # Migrated back to before sections and tips kept a digest: nothing to load into.
    if not all(_has_field(model, "shipped_digest") for model in (section_model, tip_model)):
        return
    if not router.allow_migrate_model(using, section_model):
        return
    report = loading.load_languages(section_model, tip_model, content.read_languages(), using=using)
    if verbosity >= 1 and (report.created or report.updated or report.kept_as_edited):
        kwargs.get("stdout", sys.stdout).write(f"{report}\n")


def _has_field(model, name: str) -> bool:
    return any(field.name == name for field in model._meta.get_fields())
