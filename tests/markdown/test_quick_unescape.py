"""The unescape stage read quickly: the same texts, of the same type, as Python-Markdown's."""

from __future__ import annotations

import markdown
import pytest
from hypothesis import given, settings
from markdown.util import AtomicString

from site_builder.markdown.quick_unescape import use_quick_unescape
from tests.markdown.test_linear_stages import BUILD_EXTENSIONS, TRICKY, document


def _both(text: str) -> tuple[str, str]:
    plain = markdown.Markdown(extensions=BUILD_EXTENSIONS)
    quick = markdown.Markdown(extensions=BUILD_EXTENSIONS)
    use_quick_unescape(quick)
    assert hasattr(quick.treeprocessors["unescape"], "quick")
    return plain.convert(text), quick.convert(text)


@pytest.mark.parametrize("text", [*TRICKY, "\\*a\\* \\`b\\` [\\[x\\]](y.md 'a\\_b') \\<c"])
def test_the_same_html_as_python_markdown(text: str) -> None:
    html, quick = _both(text)
    assert quick == html


@settings(max_examples=200, deadline=None)
@given(document)
def test_the_same_html_for_any_markdown(text: str) -> None:
    html, quick = _both(text)
    assert quick == html


@pytest.mark.parametrize("text", ["plain", AtomicString("atomic"), "\x0242\x03 escaped"])
def test_each_text_as_python_markdown_leaves_it(text: str) -> None:
    md = markdown.Markdown()
    own = md.treeprocessors["unescape"].unescape(text)
    use_quick_unescape(md)
    quick = md.treeprocessors["unescape"].unescape(text)
    assert (quick, type(quick)) == (own, type(own))


def test_its_place_among_the_stages_is_kept() -> None:
    md = markdown.Markdown(extensions=BUILD_EXTENSIONS)
    md.treeprocessors.register(markdown.treeprocessors.Treeprocessor(md), "other", 0)
    order = [type(stage) for stage in md.treeprocessors]
    use_quick_unescape(md)
    assert [type(stage) for stage in md.treeprocessors] == order
