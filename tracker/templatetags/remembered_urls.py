"""Django's `{% url %}`, with each URL reversed once per process (tracker.links.reverse_once).

Installed as a template builtin (settings.TEMPLATES), so it stands in for the built-in tag in
every template: the same syntax and the same output, `as var` and NoReverseMatch included. The
header alone links seven pages; reversing them on every request was about a tenth of a page."""

from django import template
from django.template import defaulttags
from django.urls import NoReverseMatch
from django.utils.html import conditional_escape

from tracker.links import reverse_once

register = template.Library()


class RememberedURLNode(defaulttags.URLNode):
    def render(self, context) -> str:
        args = [arg.resolve(context) for arg in self.args]
        kwargs = {name: value.resolve(context) for name, value in self.kwargs.items()}
        view_name = self.view_name.resolve(context)
        # Django's own choice of the current application (the admin's namespace, say).
        try:
            current_app = context.request.current_app
        except AttributeError:
            try:
                current_app = context.request.resolver_match.namespace
            except AttributeError:
                current_app = None
        url = ""
        try:
            url = reverse_once(view_name, *args, current_app=current_app, **kwargs)
        except NoReverseMatch:
            if self.asvar is None:
                raise
        if self.asvar:
            context[self.asvar] = url
            return ""
        return conditional_escape(url) if context.autoescape else url


@register.tag
def url(parser, token) -> RememberedURLNode:
    node = defaulttags.url(parser, token)
    return RememberedURLNode(node.view_name, node.args, node.kwargs, node.asvar)
