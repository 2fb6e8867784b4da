"""The guide: its sections and tips as loaded from content/ (content), how their Markdown is
rendered (markdown) and which tips to offer on a given day (tips)."""
