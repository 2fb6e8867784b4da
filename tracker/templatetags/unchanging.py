"""`{% unchanging %}…{% endunchanging %}`: a part of a page that is the same for everyone,
drawn once per language and site address and kept.

Many parts of a page say only fixed words and link to fixed pages (home's links to every
page, Settings' list of what can be done with an account, headings and hints). Through the
template engine each `{% translate %}` and `{% url %}` costs about as much as a small
function call chain on every request: home's seven links were about a twentieth of the page.

What such a block may hold is checked when the template is compiled, so that it can never
hold anything a person's page could change: text, comments, `{% load %}`, `{% translate %}`
of a fixed message, `{% blocktranslate %}` without variables, and `{% url %}` with fixed
arguments.
Anything else (a variable, a condition, a form's token) is refused with a TemplateSyntaxError.
The kept drawing is keyed by everything else those read: the language, the site's address
(script prefix), the URL configuration and whether the page escapes."""

from django import template
from django.template.base import FilterExpression, Node, NodeList, TextNode, TokenType, Variable
from django.template.defaulttags import CommentNode, LoadNode, URLNode
from django.templatetags.i18n import BlockTranslateNode, TranslateNode
from django.utils.safestring import SafeString, mark_safe

from tracker.links import page_address

register = template.Library()


def _fixed(expression: FilterExpression | None) -> bool:
    """A literal, with no filter: the same whatever the context."""
    if expression is None:
        return True
    var = expression.var
    return not expression.filters and (not isinstance(var, Variable) or var.lookups is None)


def _unchanging(node: Node) -> bool:
    if isinstance(node, TextNode | CommentNode | LoadNode):
        return True
    if isinstance(node, TranslateNode):
        return (
            node.asvar is None and _fixed(node.filter_expression) and _fixed(node.message_context)
        )
    if isinstance(node, BlockTranslateNode):
        return (
            not node.extra_context
            and node.counter is None
            and node.asvar is None
            and _fixed(node.message_context)
            and all(token.token_type == TokenType.TEXT for token in node.singular)
        )
    if isinstance(node, URLNode):
        return (
            node.asvar is None
            and _fixed(node.view_name)
            and all(_fixed(arg) for arg in node.args)
            and all(_fixed(value) for value in node.kwargs.values())
        )
    return False


class UnchangingNode(Node):
    def __init__(self, nodelist: NodeList) -> None:
        self.nodelist = nodelist
        self._drawn: dict[tuple, SafeString] = {}

    def render(self, context) -> SafeString:
        key = (*page_address(), context.autoescape)
        drawn = self._drawn.get(key)
        if drawn is None:
            drawn = self._drawn[key] = mark_safe(self.nodelist.render(context))
        return drawn


@register.tag
def unchanging(parser, token) -> UnchangingNode:
    nodelist = parser.parse(("endunchanging",))
    parser.delete_first_token()
    for node in nodelist:
        if not _unchanging(node):
            raise template.TemplateSyntaxError(
                f"{{% unchanging %}} holds only text, fixed translations and fixed URLs, "
                f"not {node!r} (line {node.token.lineno if node.token else '?'})"
            )
    return UnchangingNode(nodelist)
