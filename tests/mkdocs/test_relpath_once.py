"""MkDocs' relpath is asked once for each distinct URL of a page."""

from __future__ import annotations

import xml.etree.ElementTree as etree

import markdown
from markdown.treeprocessors import Treeprocessor

from site_builder.mkdocs.internals import RELPATH
from site_builder.mkdocs.relpath_once import RelpathOnceExtension


class _CountingRelpath(Treeprocessor):
    """Like MkDocs' relpath: each link's href through ``path_to_url``, counted."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.asked: list[str] = []

    def path_to_url(self, url: str) -> str:
        self.asked.append(url)
        return url.replace(".md", "/")

    def run(self, root: etree.Element) -> None:
        for element in root.iter("a"):
            element.set("href", self.path_to_url(element.get("href", "")))


def _converted(text: str, extensions: list[markdown.extensions.Extension]) -> tuple[str, list[str]]:
    md = markdown.Markdown(extensions=extensions)
    relpath = _CountingRelpath(md)
    md.treeprocessors.register(relpath, RELPATH, 0)  # as MkDocs does: last, at 0
    return md.convert(text), relpath.asked


def test_each_url_is_asked_once_a_page() -> None:
    text = "[a](x.md) [b](x.md#one) [c](x.md) [d](y.md)\n\n[e](y.md)"
    html, asked = _converted(text, [RelpathOnceExtension()])
    assert asked == ["x.md", "x.md#one", "y.md"]
    assert html == (
        '<p><a href="x/">a</a> <a href="x/#one">b</a> <a href="x/">c</a> <a href="y/">d</a></p>\n'
        '<p><a href="y/">e</a></p>'
    )
    assert _converted(text, []) == (html, ["x.md", "x.md#one", "x.md", "y.md", "y.md"])


def test_each_page_asks_afresh() -> None:
    extension = RelpathOnceExtension()
    assert _converted("[a](x.md)", [extension])[1] == ["x.md"]
    assert _converted("[a](x.md)", [extension])[1] == ["x.md"]


def test_without_relpath_nothing_is_kept() -> None:
    html = markdown.markdown("[a](x.md)", extensions=[RelpathOnceExtension()])
    assert html == '<p><a href="x.md">a</a></p>'
