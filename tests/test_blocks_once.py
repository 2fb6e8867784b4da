"""`{% extends %}` stands in for Django's own in every template (a builtin): the same output,
with the blocks of a root parent found once per compiled template
(tracker.templatetags.blocks_once)."""

import gc
import hashlib
import inspect

import pytest
from django.template import Context, Engine, Template
from django.template.base import NodeList
from django.template.loader_tags import BlockNode, ExtendsNode

from tracker.templatetags import blocks_once
from tracker.templatetags.blocks_once import BlocksOnceExtendsNode

# sha256 of the source of Django 5.2's ExtendsNode.render, which blocks_once copies.
DJANGOS_RENDER_SHA256 = "a5faa7f78356ce8cb4a34ecf468287e525483678bd11a1ac3703eb7df7ff7d8a"

PAGES = {
    "root.html": (
        "<title>{% block title %}site{% endblock %}</title>"
        "{% if show %}{% with n=2 %}{% block nested %}root {{ n }}{% endblock %}{% endwith %}"
        "{% endif %}<main>{% block content %}{% endblock %}</main>"
        "<footer>{% block footer %}root footer{% endblock %}</footer>"
    ),
    "middle.html": (
        "{% extends 'root.html' %}{% block title %}middle · {{ block.super }}{% endblock %}"
        "{% block content %}<p>middle</p>{% block inner %}inner{% endblock %}{% endblock %}"
    ),
    "leaf.html": (
        "{% extends 'middle.html' %}{% block inner %}leaf, then {{ block.super }}{% endblock %}"
        "{% block nested %}leaf {{ block.super }}{% endblock %}"
        "{% block footer %}{% endblock %}"
    ),
    "text_only.html": "no blocks at all",
    "on_text.html": "{% extends 'text_only.html' %}{% block content %}unused{% endblock %}",
}


def _engine(*, ours: bool) -> Engine:
    return Engine(
        loaders=[("django.template.loaders.cached.Loader",
                  [("django.template.loaders.locmem.Loader", PAGES)])],
        builtins=["tracker.templatetags.blocks_once"] if ours else [],
    )  # fmt: skip


def test_every_template_gets_it_without_loading_it():
    template = Template("{% extends 'base.html' %}")
    assert isinstance(template.nodelist[0], BlocksOnceExtendsNode)


@pytest.mark.parametrize("name", ["root.html", "middle.html", "leaf.html", "on_text.html"])
@pytest.mark.parametrize("show", [True, False])
def test_the_same_output_as_djangos_tag(name, show):
    djangos, ours = _engine(ours=False), _engine(ours=True)
    expected = djangos.get_template(name).render(Context({"show": show}))
    template = ours.get_template(name)
    assert template.render(Context({"show": show})) == expected
    assert template.render(Context({"show": show})) == expected  # and again, blocks kept
    if name != "root.html":
        assert isinstance(template.nodelist[0], BlocksOnceExtendsNode)


def test_the_same_checks_as_djangos_tag():
    from django.template import TemplateSyntaxError

    for source in (
        "{% extends %}",
        "{% extends 'a' %}{% extends 'b' %}",
        "{% if 1 %}{% endif %}{% extends 'a' %}",
    ):
        with pytest.raises(TemplateSyntaxError):
            Template(source)


@pytest.mark.parametrize(("ours", "walks_each_time"), [(True, 0), (False, 1)])
def test_a_root_parents_blocks_are_found_once(monkeypatch, ours, walks_each_time):
    """Django's tag walks the root for its blocks on every render; ours, once it is compiled
    and drawn, never again."""
    template = _engine(ours=ours).get_template("leaf.html")
    first = template.render(Context({"show": True}))  # compiles the parents
    walks, depth = [], [0]
    walk = NodeList.get_nodes_by_type

    def counted(nodelist, nodetype):
        if nodetype is BlockNode and depth[0] == 0:  # a whole walk, not its steps down
            walks.append(nodelist)
        depth[0] += 1
        try:
            return walk(nodelist, nodetype)
        finally:
            depth[0] -= 1

    monkeypatch.setattr(NodeList, "get_nodes_by_type", counted)
    assert template.render(Context({"show": True})) == first
    assert template.render(Context({"show": False})) != first
    assert len(walks) == 2 * walks_each_time


def test_each_parent_has_its_own_blocks_and_an_edited_one_is_read_anew():
    child = Template("{% extends parent %}")
    first = Template("A{% block x %}1{% endblock %}")
    second = Template("B{% block x %}2{% endblock %}{% block y %}3{% endblock %}")
    assert child.render(Context({"parent": first})) == "A1"
    assert child.render(Context({"parent": second})) == "B23"
    assert child.render(Context({"parent": first})) == "A1"
    # A template compiled again from edited source is a new object, with its blocks found anew.
    edited = Template("A{% block x %}one{% endblock %}")
    assert child.render(Context({"parent": edited})) == "Aone"
    assert blocks_once.root_blocks(first) is blocks_once.root_blocks(first)  # found once, kept
    assert blocks_once.root_blocks(edited) is not blocks_once.root_blocks(first)


def test_what_is_kept_goes_with_its_template():
    parent = Template("{% block x %}x{% endblock %}")
    Template("{% extends parent %}").render(Context({"parent": parent}))
    kept = len(blocks_once._ROOT_BLOCKS)
    del parent
    gc.collect()
    assert len(blocks_once._ROOT_BLOCKS) == kept - 1


def test_the_render_this_tag_copies_is_still_djangos():
    """BlocksOnceExtendsNode.render is Django 5.2's ExtendsNode.render but for where a root's
    blocks come from. Should Django change its own, this fails, so the copy is looked at again
    (and this digest updated) rather than left drawing pages the old way."""
    source = inspect.getsource(ExtendsNode.render)
    assert hashlib.sha256(source.encode()).hexdigest() == DJANGOS_RENDER_SHA256
