"""Editors write Markdown; what reaches a browser is sanitised with an allow-list."""

import functools

import markdown as markdown_lib
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p", "br", "hr", "h3", "h4", "ul", "ol", "li", "strong", "em", "b", "i",
    "a", "blockquote", "code", "pre",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


@functools.lru_cache(maxsize=1024)
def render_markdown(text: str) -> SafeString:
    """Kept by text: the guide and tips pages render the same few dozen texts on every view,
    and an edited text is a new key, so an edit shows at once. The text is already in its own
    language (each language's rows are its own), so the key needs no language."""
    html = markdown_lib.markdown(text, extensions=["sane_lists"], output_format="html")
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return mark_safe(cleaned)  # sanitised just above
