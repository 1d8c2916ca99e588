"""Finished HTML that rides through Markdown as a one-line token and is put back afterwards.

Python-Markdown parses every raw HTML block it is handed, and the linker checks each one for
forbidden markup. The build's own blocks (infoboxes, timelines, indexes of thousands of rows)
are escaped and safe by construction, and parsing them was about 3 s of a 24 s build of
1,000 briefs. So the site build hands Markdown a comment in their place; the comment is a
block of raw HTML as the block was, so the page comes out the same.
"""

from __future__ import annotations

import hashlib
import re

import markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor

TOKEN_RE = re.compile(r"<!-- site-builder:prerendered:([0-9a-f]{24}) -->")


class Prerendered:
    """The build's blocks by a digest of their HTML, so equal blocks share one token."""

    def __init__(self) -> None:
        self._html: dict[str, str] = {}

    def token(self, html: str) -> str:
        key = hashlib.blake2b(html.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()
        self._html[key] = html
        return f"<!-- site-builder:prerendered:{key} -->"

    def blocks(self, text: str) -> dict[str, str]:
        """The blocks whose tokens ``text`` holds, by token: what another build needs to
        render a copy of ``text`` (``add``)."""
        if "site-builder:prerendered:" not in text:
            return {}
        return {key: self._html[key] for key in TOKEN_RE.findall(text) if key in self._html}

    def add(self, blocks: dict[str, str]) -> None:
        self._html.update(blocks)

    def clear(self) -> None:
        """Forget every block: none of them is in a text still to be converted."""
        self._html.clear()

    def restore(self, text: str) -> str:
        """``text`` with every known token replaced by its HTML (an unknown one stays a comment)."""
        if "site-builder:prerendered:" not in text:
            return text
        return TOKEN_RE.sub(lambda m: self._html.get(m.group(1), m.group(0)), text)

    @property
    def extension(self) -> Extension:
        return _PrerenderedExtension(self)


class _RestorePostprocessor(Postprocessor):
    def __init__(self, md: markdown.Markdown, prerendered: Prerendered) -> None:
        super().__init__(md)
        self.prerendered = prerendered

    def run(self, text: str) -> str:
        return self.prerendered.restore(text)


class _PrerenderedExtension(Extension):
    def __init__(self, prerendered: Prerendered) -> None:
        super().__init__()
        self.prerendered = prerendered

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # After raw HTML is put back (30), which turns the stashed token into the comment.
        md.postprocessors.register(
            _RestorePostprocessor(md, self.prerendered), "site_builder_prerendered", 25
        )
