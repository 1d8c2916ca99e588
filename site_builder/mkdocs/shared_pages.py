"""An English body converted once for the four sites that show it (``site_neutral``).

A brief's English page is converted with neutral markers and filled in with English words;
its page in each other site that shows the English body is restored from that conversion,
filled in with that site's words, where the conversion read nothing else that differs
there: the same neutral Markdown, every slug read alike, the same mentions found, nothing
logged by MkDocs, no link that MkDocs resolves by hand-written path, and a body holding no raw
HTML (whose reading by the allowlist would see the markers). A serve rebuild does it for the
pages it renders again, with the linker of that rebuild; what each restored page read is then
read again in its own site (``Reads.read_in``), so that the cache holds it to its own site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from site_builder.content.languages import SOURCE, source_uri
from site_builder.content.model import Document
from site_builder.markdown.linker import Linker, PageLinks
from site_builder.markdown.prerendered_html import Prerendered
from site_builder.markdown.site_neutral import Neutral, neutral_markdown
from site_builder.mkdocs.render_ahead import Populated
from site_builder.mkdocs.serve_cache import Records
from site_builder.render.source import source_html
from site_builder.safety.html_allowlist import MAY_HOLD_MARKUP
from site_builder.safety.sanitize import sanitized

#: Links MkDocs resolves by the path written: ``[x](y.md)``, ``[x]: y.md``, images.
_WRITTEN_LINKS = re.compile(r"\]\(|^ {0,3}\[[^\]]*\]:", re.MULTILINE)


@dataclass
class SharedPages:
    """The neutral conversions of one build, by English page and neutral Markdown."""

    linker: Linker
    prerendered: Prerendered
    #: The build's sites: a conversion is let go once every other site has restored it.
    sites: int
    made: dict[tuple[str, str], Populated[PageLinks]] = field(default_factory=dict)
    restored: dict[tuple[str, str], int] = field(default_factory=dict)
    #: Pages converting neutrally, and pages to restore, by source path.
    converting: dict[str, tuple[Neutral, Records]] = field(default_factory=dict)
    restoring: dict[str, tuple[Neutral, Populated[PageLinks]]] = field(default_factory=dict)

    def markdown(self, uri: str, doc: Document, markdown: str) -> str | None:
        """The Markdown to convert for ``doc``'s page: neutral (the linker begun on it), ""
        for a page restored from another site's conversion, or None: convert it as it is."""
        neutral = self._neutral(doc, markdown)
        if neutral is None:
            return None
        key = (source_uri(uri), neutral.markdown)
        kept = self.made.get(key)
        shared = kept.extra.shared if kept is not None else None
        if kept is not None and shared is not None and shared.hold(self.linker, uri, doc.language):
            self.restoring[uri] = (neutral, kept)
            self.restored[key] = self.restored.get(key, 0) + 1
            if self.restored[key] == self.sites - 1:
                del self.made[key], self.restored[key]
            return ""
        self.converting[uri] = (neutral, Records())
        self.linker.begin_page(doc, neutral=True)
        return self.linker.bounded(neutral.markdown)

    def converted(self, uri: str, page: Page, html: str, found: PageLinks, doc: Document) -> str:
        """A page converted neutrally, sanitized, kept for the other sites, and filled in for
        its own (``_fill``): its content as it is published."""
        neutral, records = self.converting.pop(uri)
        logged = records.done()
        populated = Populated.capture(page, sanitized(html), found)
        # Links to anchors only within the page itself: MkDocs checks them against its file.
        elsewhere = set(page.links_to_anchors or ()) - {page.file}
        if not logged and not elsewhere and found.shared is not None:
            self.made[(source_uri(uri), neutral.markdown)] = populated
        return self._fill(neutral, populated, page, doc)

    def restore(self, uri: str, page: Page, files: Files, doc: Document) -> PageLinks | None:
        """Restore a page from another site's conversion: its ``found``; None if not one."""
        if uri not in self.restoring:
            return None
        neutral, kept = self.restoring.pop(uri)
        kept.restore(page, files, meta=False)
        made_in = kept.extra.shared.src_uri if kept.extra.shared else uri
        own = (kept.links_to_anchors or {}).get(made_in)
        page.links_to_anchors = {page.file: dict(own)} if own is not None else {}
        page.content = self._fill(neutral, kept, page, doc)
        found = kept.extra
        if found.reads is not None:  # serving: what this site's page reads, for the next rebuild
            found = replace(found, reads=found.reads.read_in(self.linker, doc.language))
        return found

    def _neutral(self, doc: Document, markdown: str) -> Neutral | None:
        fresh = doc.freshness
        if doc.language != SOURCE.code and (fresh is None or fresh.translated_body):
            return None
        if MAY_HOLD_MARKUP.search(doc.body) or _WRITTEN_LINKS.search(doc.body):
            return None
        neutral = neutral_markdown(
            markdown, doc.body, doc.language, self.prerendered.blocks(markdown)
        )
        return neutral

    def _fill(
        self, neutral: Neutral, populated: Populated[PageLinks], page: Page, doc: Document
    ) -> str:
        """The sanitized conversion with this site's words put in, each sanitized on its own:
        a block or a cited source is whole elements, a heading's or a note's words plain text,
        so the page is what sanitizing it whole would make (``tests/mkdocs/test_shared_pages``),
        without sanitizing a 12 MB page in every site."""
        sources = {source.id: source for source in doc.sources}
        cited = tuple(
            sanitized(source_html(sources[i], doc.language)) for i in populated.extra.cited
        )
        words = neutral.heading_words()
        page.toc = TableOfContents([_filled(link, words) for link in populated.toc or ()])
        blocks = tuple(sanitized(block) for block in neutral.blocks)
        return replace(neutral, blocks=blocks).fill(populated.content, cited)


def _filled(link: AnchorLink, words: dict[str, str]) -> AnchorLink:
    filled = AnchorLink(words.get(link.title, link.title), link.id, link.level)
    filled.children = [_filled(child, words) for child in link.children]
    return filled
