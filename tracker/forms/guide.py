"""The admin's forms for a guide section and a tip. (Only staff see these: English.)"""

from django import forms

from tracker.guide import content
from tracker.models import GuideSection, Tip


class GuideSectionForm(forms.ModelForm):
    """A guide section in the admin: the slugs the app or content/ finds a section by stay."""

    class Meta:
        model = GuideSection
        fields = ("language", "title", "slug", "order", "body")

    def _language(self) -> str:
        # On a saved section the language is read-only (not in the form): it stays its own.
        return self.cleaned_data.get("language") or self.instance.language

    def clean_slug(self) -> str:
        slug = self.cleaned_data["slug"]
        original = self.instance.slug if self.instance.pk else None
        if original in GuideSection.SLUGS_LINKED_FROM_CODE and slug != original:
            raise forms.ValidationError(
                f"The app links to “{original}” directly (for example from care prompts), "
                "so this slug cannot change. Edit the title instead."
            )
        language = self.instance.language
        if original in content.builtin_section_slugs(language=language) and slug != original:
            # Loading content/ finds a built-in section, and its tips' links, by this slug.
            folder = "content" if language == content.SOURCE_LANGUAGE else f"content/{language}"
            raise forms.ValidationError(
                f"“{original}” is a built-in section ({folder}/guide/{original}.md), found by "
                "this slug, so it cannot change. Edit the title instead."
            )
        return slug

    def clean(self) -> dict:
        cleaned = super().clean()
        slug = cleaned.get("slug")
        # Slugs are unique per language; with the language read-only, Django's own check of
        # that pair is skipped, so it is made here rather than failing in the database.
        taken = GuideSection.objects.filter(language=self._language(), slug=slug)
        if slug and taken.exclude(pk=self.instance.pk).exists():
            self.add_error("slug", "Another section in this language already has this slug.")
        return cleaned


class TipForm(forms.ModelForm):
    """A tip in the admin: its "Read more" section is in the tip's own language."""

    class Meta:
        model = Tip
        fields = (
            "language", "title", "body", "section", "habit", "is_active", "safe_beside_alert",
            "priority",
        )  # fmt: skip

    def clean(self) -> dict:
        cleaned = super().clean()
        language = cleaned.get("language") or self.instance.language
        section = cleaned.get("section")
        if section is not None and section.language != language:
            self.add_error(
                "section",
                f"This section is in {section.get_language_display()}; choose one in "
                f"{dict(Tip._meta.get_field('language').choices)[language]}, the tip's language.",
            )
        return cleaned
