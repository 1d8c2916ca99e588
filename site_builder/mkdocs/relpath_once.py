"""MkDocs' relpath, asked once for each distinct URL of a page.

MkDocs makes a page's written links its readers' URLs (``relpath``, a treeprocessor it adds
after every extension). It resolves each link apart: 80,000 wikilinks to four briefs are
80,000 lookups, two seconds of a build. A URL resolves the same anywhere in one page (what
relpath keeps of it is the anchor linked to, once), so its answer is kept for the page's
other links to it; MkDocs' warning for a link it cannot resolve is then logged once a page.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from site_builder.mkdocs.internals import keep_relpath_answers


class _RelpathOnce(Treeprocessor):
    """Runs just before relpath (at its priority, added earlier), and keeps its answers."""

    def run(self, root: etree.Element) -> None:
        keep_relpath_answers(self.md)


class RelpathOnceExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_RelpathOnce(md), "site_builder_relpath_once", 0)
