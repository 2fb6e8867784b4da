"""Content editors keep the guide and tips current here. Health data is deliberately not in the
admin: no one browses people's check-ins."""

from django.contrib import admin
from django.db.models import Count
from django.utils import translation
from django.utils.html import format_html

from tracker.care.countries import PLACEHOLDERS
from tracker.care.wording import RULE_WORDING, TIER_ADVICE
from tracker.forms.guide import GuideSectionForm, TipForm
from tracker.guide import content
from tracker.guide.markdown import render_markdown
from tracker.models import CareWording, GuideSection, Tip


def _preview(markdown_text: str):
    return format_html('<div class="markdown-preview">{}</div>', render_markdown(markdown_text))


@admin.register(GuideSection)
class GuideSectionAdmin(admin.ModelAdmin):
    form = GuideSectionForm
    list_display = ("title", "language", "order", "slug", "tip_count", "updated_at")
    list_editable = ("order",)
    list_filter = ("language",)
    search_fields = ("title", "body")
    prepopulated_fields = {"slug": ("title",)}
    readonly_fields = ("preview",)
    fields = ("language", "title", "slug", "order", "body", "preview")

    def get_readonly_fields(self, request, obj=None):
        # Each language's section is its own row: a saved one stays in its language (its tips
        # and loading content/<language>/ find it there).
        return ("language", *self.readonly_fields) if obj is not None else self.readonly_fields

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(tip_total=Count("tips"))

    def has_delete_permission(self, request, obj=None) -> bool:
        # The bulk delete action asks this for every selected section too.
        if obj is not None and (
            obj.slug in GuideSection.SLUGS_LINKED_FROM_CODE
            or obj.slug in content.builtin_section_slugs(language=obj.language)
        ):
            return False
        return super().has_delete_permission(request, obj)

    @admin.display(description="Tips", ordering="tip_total")
    def tip_count(self, section: GuideSection) -> int:
        return section.tip_total

    @admin.display(description="Preview (as saved)")
    def preview(self, section: GuideSection):
        return _preview(section.body) if section.pk else "Save to see a preview."


@admin.register(Tip)
class TipAdmin(admin.ModelAdmin):
    form = TipForm
    list_display = (
        "title", "language", "habit", "section", "is_active", "safe_beside_alert", "priority",
        "updated_at",
    )  # fmt: skip
    list_filter = ("language", "habit", "is_active", "safe_beside_alert", "section")
    list_editable = ("is_active", "safe_beside_alert", "priority")
    search_fields = ("title", "body")
    list_select_related = ("section",)
    readonly_fields = ("preview",)
    fields = (
        "language", "title", "body", "preview", "section", "habit", "is_active",
        "safe_beside_alert", "priority",
    )  # fmt: skip

    def get_readonly_fields(self, request, obj=None):
        # A saved tip stays in its language, as its section does.
        return ("language", *self.readonly_fields) if obj is not None else self.readonly_fields

    def has_delete_permission(self, request, obj=None) -> bool:
        # A built-in tip deleted here would come back with the next load of content/: it is
        # retired by unticking "active" instead.
        if obj is not None and obj.builtin_key:
            return False
        return super().has_delete_permission(request, obj)

    @admin.display(description="Preview (as saved)")
    def preview(self, tip: Tip):
        return _preview(tip.body) if tip.pk else "Save to see a preview."


@admin.register(CareWording)
class CareWordingAdmin(admin.ModelAdmin):
    """Wording only: the rules that decide when a prompt appears live in
    tracker/care/redflags.py."""

    list_display = ("key", "language", "short_text", "updated_at")
    list_filter = ("language",)
    search_fields = ("key", "text")
    readonly_fields = ("key", "language", "default_text", "placeholders")
    fields = ("key", "language", "text", "placeholders", "default_text")

    @admin.display(description="Placeholders")
    def placeholders(self, wording: CareWording) -> str:
        return (
            "Filled in from the person's country: "
            + ", ".join(PLACEHOLDERS)
            + ". Never write a country's own number or service here."
        )

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description="Text")
    def short_text(self, wording: CareWording) -> str:
        return wording.text[:90] + ("…" if len(wording.text) > 90 else "")

    @admin.display(description="Built-in wording")
    def default_text(self, wording: CareWording) -> str:
        kind, _, code = wording.key.partition(":")
        # The built-in wording in the row's own language (marked for translation there).
        with translation.override(wording.language):
            if kind == "tier":
                return str(TIER_ADVICE.get(code, ""))
            rule = RULE_WORDING.get(code)
            return str(rule.explanation) if rule else ""
