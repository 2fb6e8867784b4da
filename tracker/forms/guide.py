"""The admin's form for a guide section."""

from django import forms

from tracker.guide import content
from tracker.models import (
    GuideSection,
)


class GuideSectionForm(forms.ModelForm):
    """A guide section in the admin: the slugs the app or content/ finds a section by stay."""

    class Meta:
        model = GuideSection
        fields = ("title", "slug", "order", "body")

    def clean_slug(self) -> str:
        slug = self.cleaned_data["slug"]
        original = self.instance.slug if self.instance.pk else None
        if original in GuideSection.SLUGS_LINKED_FROM_CODE and slug != original:
            raise forms.ValidationError(
                f"The app links to “{original}” directly (for example from care prompts), "
                "so this slug cannot change. Edit the title instead."
            )
        if original in content.builtin_section_slugs() and slug != original:
            # Loading content/ finds a built-in section, and its tips' links, by this slug.
            raise forms.ValidationError(
                f"“{original}” is a built-in section (content/guide/{original}.md), found by "
                "this slug, so it cannot change. Edit the title instead."
            )
        return slug
