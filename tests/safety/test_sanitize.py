"""The second defence: each page's content passes nh3 before it is published.

It drops what no check foresaw, and on every page the build makes it changes nothing: the
same elements, attributes and text as without it.
"""

from __future__ import annotations

import re
from pathlib import Path

import html5lib
import pytest

import site_builder.mkdocs.plugin as plugin_module
import site_builder.mkdocs.shared_pages as shared_pages
from site_builder.safety.sanitize import sanitized
from tests.support import MINIMAL, REPO, build_site


@pytest.mark.parametrize(
    ("html", "kept"),
    [
        ("<p onclick=\"alert(1)\">x</p>", "<p>x</p>"),
        ("<p>a<script>alert(1)</script>b</p>", "<p>ab</p>"),
        ('<img src="x.png" onerror="alert(1)" srcset="https://e/x 2x">', '<img src="x.png">'),
        ('<a href="javascript:alert(1)">x</a>', "<a>x</a>"),
        ('<iframe src="https://e/"></iframe><p>x</p>', "<p>x</p>"),
        ('<p style="position:fixed">x</p>', "<p>x</p>"),
        ('<svg viewBox="0 0 1 1"><animate attributeName="href"/></svg>', '<svg viewBox="0 0 1 1"></svg>'),
        ('<a href="../actors/kosovo/" rel="noopener noreferrer">K</a>', '<a href="../actors/kosovo/" rel="noopener noreferrer">K</a>'),
        ("<!-- site-builder:mentioned-in -->", "<!-- site-builder:mentioned-in -->"),
    ],
)  # fmt: skip
def test_what_the_build_never_writes_is_dropped(html: str, kept: str) -> None:
    assert sanitized(html) == kept


def tree(html: str) -> list[tuple[str, tuple[tuple[str, str], ...], str, str]]:
    fragment = html5lib.parseFragment(html, treebuilder="etree", namespaceHTMLElements=False)
    return [
        (e.tag, tuple(sorted(e.attrib.items())), e.text or "", e.tail or "")
        for e in fragment.iter()
        if isinstance(e.tag, str)
    ]


def articles(site: Path) -> dict[str, str]:
    found = {}
    for page in sorted(site.rglob("*.html")):
        text = page.read_text("utf-8")
        start, end = text.find("<article"), text.find("</article>")
        if start >= 0:
            found[str(page.relative_to(site))] = text[start : end + len("</article>")]
    return found


@pytest.mark.parametrize("content", [MINIMAL, REPO / "content"], ids=["fixture", "real"])
def test_on_every_page_it_changes_nothing_the_build_made(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    build_site(content, tmp_path / "sanitized", workers=1)
    for module in (plugin_module, shared_pages):  # pages and restored pages' parts
        monkeypatch.setattr(module, "sanitized", lambda html: html)
    build_site(content, tmp_path / "raw", workers=1)
    with_pass, without = articles(tmp_path / "sanitized"), articles(tmp_path / "raw")
    assert with_pass.keys() == without.keys() and len(with_pass) > 10
    for page, html in without.items():
        assert tree(with_pass[page]) == tree(html), page
    # The diagram's SVG keeps its case-sensitive attributes.
    assert any(re.search(r"<svg[^>]* viewBox=", html) for html in with_pass.values())
