"""Search entries as Material makes them: on every page of the sites, and on any HTML."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from material.plugins.search.plugin import Parser, SearchIndex

from site_builder.mkdocs import material_search
from site_builder.mkdocs.material_search import add_entries, sections
from tests.mkdocs.test_html_events import _FRAGMENTS
from tests.support import MINIMAL, REPO, build_site


def materials(html: str) -> list[tuple[Any, ...]]:
    parser = Parser()
    parser.feed(html)
    parser.close()
    return _key(parser.data)


def _key(found: list[Any]) -> list[tuple[Any, ...]]:
    return [(s.el.tag, s.el.attrs, s.id, s.depth, s.title, s.text) for s in found]


@pytest.mark.parametrize(
    "html",
    [
        # preface, headings with and without id, a permalink, kept and dropped tags
        '<p>Intro <a href="x">link</a></p><h2 id="a">A<a class="headerlink" href="#a">¶</a></h2>'
        "<p>Text <code>x</code> <sup>1</sup></p><h3>no id</h3><ul><li>one</li><li> </li></ul>",
        # exclusion by attribute, nested and by tag name (Material compares elements by tag)
        "<div data-search-exclude><p>hidden</p><div><p>also hidden</p></div></div><p>seen</p>",
        # whitespace inside and outside pre
        "<p>a\nb</p>\n\n<pre><code>  x\n\n  y\n</code></pre>\n<p>   </p>",
        # a heading nested deeper than the next: the section is left when its element ends
        '<div><h2 id="in">In</h2><p>inner</p></div><p>after</p><h1 id="top">Top</h1>',
        # escaped text, entities and a line-number table
        '<p>&lt;b&gt; &amp; &quot;q&quot;</p><table class="linenodiv"><tr><td>1</td></tr></table>',
    ],
)
def test_sections_are_materials(html: str) -> None:
    assert _key(sections(html)) == materials(html)


@settings(max_examples=400, deadline=None)
@given(st.lists(_FRAGMENTS, max_size=40).map("".join))
def test_on_any_mix_of_tags_and_text_the_sections_are_materials(html: str) -> None:
    try:
        expected = materials(html)
    except ValueError:  # Material's parser fails on some broken nesting: so must ours
        with pytest.raises(ValueError):
            sections(html)
        return
    assert _key(sections(html)) == expected


@pytest.mark.parametrize("content", [MINIMAL, REPO / "content"], ids=["minimal", "real"])
def test_every_page_gets_materials_entries(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """During a build, each page's entries equal those of Material's own indexer."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    compared: list[str] = []

    def add_and_compare(index: Any, page: Any) -> None:
        ours, material = SearchIndex(**index.config), SearchIndex(**index.config)
        add_entries(ours, page)
        material.add_entry_from_context(page)
        assert ours.entries == material.entries, page.url
        compared.append(page.url)
        add_entries(index, page)

    monkeypatch.setattr(material_search, "add_entries", add_and_compare)
    build_site(content, tmp_path)
    assert len(compared) == len(list(tmp_path.rglob("index.html")))


def test_a_page_excluded_from_search_gets_no_entries() -> None:
    index = SearchIndex(lang=["en"], separator=" ", pipeline=[], fields={})
    page = SimpleNamespace(content="<p>x</p>", meta={"search": {"exclude": True}}, toc=[], url="")
    add_entries(index, page)
    assert index.entries == []
