"""Django's `{% extends %}`, with the blocks of a parent template found once, not on every page.

Django's ExtendsNode walks the whole of a root parent (base.html: every node, down through every
`{% if %}` and `{% with %}`) for its `{% block %}`s each time a page is drawn, about 20 µs a page,
though a compiled template never changes: the cached loader keeps one object per template, and
one edited under the development server is compiled again as a new object. So the blocks are
found once per compiled parent and kept as long as it is.

Installed as a template builtin (settings.TEMPLATES), so it stands in for the built-in tag in
every template: the same syntax and checks (Django's own `do_extends` parses it) and the same
output."""

from weakref import WeakKeyDictionary

from django import template
from django.template.base import Template, TextNode
from django.template.loader_tags import BLOCK_CONTEXT_KEY, BlockContext, BlockNode, ExtendsNode
from django.template.loader_tags import do_extends as djangos_extends

register = template.Library()

# Each compiled root parent's blocks by name; an entry goes with its template.
_ROOT_BLOCKS: "WeakKeyDictionary[Template, dict[str, BlockNode]]" = WeakKeyDictionary()


def root_blocks(parent: Template) -> dict[str, BlockNode] | None:
    """The blocks of `parent` by name when it extends nothing (it is the root, whose blocks the
    children fill), else None: as Django's ExtendsNode.render decides it, with the walk kept."""
    for node in parent.nodelist:
        # Django's rule: the ExtendsNode has to be the first node that is not text.
        if not isinstance(node, TextNode):
            if isinstance(node, ExtendsNode):
                return None
            break
    else:
        return None
    blocks = _ROOT_BLOCKS.get(parent)
    if blocks is None:
        blocks = {block.name: block for block in parent.nodelist.get_nodes_by_type(BlockNode)}
        _ROOT_BLOCKS[parent] = blocks
    return blocks


class BlocksOnceExtendsNode(ExtendsNode):
    def render(self, context) -> str:
        # Django 5.2's ExtendsNode.render, but for where the root's blocks come from.
        compiled_parent = self.get_parent(context)
        if BLOCK_CONTEXT_KEY not in context.render_context:
            context.render_context[BLOCK_CONTEXT_KEY] = BlockContext()
        block_context = context.render_context[BLOCK_CONTEXT_KEY]
        block_context.add_blocks(self.blocks)
        blocks = root_blocks(compiled_parent)
        if blocks is not None:
            block_context.add_blocks(blocks)
        with context.render_context.push_state(compiled_parent, isolated_context=False):
            return compiled_parent._render(context)


@register.tag("extends")
def extends(parser, token) -> BlocksOnceExtendsNode:
    node = djangos_extends(parser, token)
    # Django's node as parsed and checked, drawn by this class: nothing is found twice.
    node.__class__ = BlocksOnceExtendsNode
    return node
