"""The Markdown of every content page: what the engine renders for a brief, update or page.

Front-matter text only ever appears escaped inside raw HTML blocks, never in Markdown, so
``*``, ``[x](javascript:…)`` or ``[[…]]`` in a title or a position stays plain text. The body
goes through as written: the linker turns its names into links and ``[^id]`` into citations.
"""

from __future__ import annotations

from site_builder.content.model import Corpus, Document
from site_builder.markdown.linker import NOTES_PLACEHOLDER
from site_builder.render import diagram
from site_builder.render.backlinks import backlinks_html
from site_builder.render.lead import split_lead
from site_builder.render.timeline import TimelineRow, in_date_order, timeline_block
from site_builder.render.view import View, markdown_page
from site_builder.site.context import BuildContext

__all__ = ["BACKLINKS_PLACEHOLDER", "backlinks_html", "page_markdown"]

#: Written where "Mentioned in" goes; the build replaces it once every page is rendered.
BACKLINKS_PLACEHOLDER = "<!-- site-builder:mentioned-in -->"


def page_markdown(doc: Document, corpus: Corpus, ctx: BuildContext) -> str:
    """The full Markdown of the page of a brief, an update or a page (the home page aside)."""
    view = View.of(doc.src_uri, corpus, ctx)
    body = markdown_page(doc.body, NOTES_PLACEHOLDER)  # citation notes right after the text
    if doc.kind == "page":
        return markdown_page(body, *_timeline(view, doc), *sources_section(view, doc))
    return markdown_page(
        *_opening(view, doc, body),
        *(_dispute(view, doc) if doc.kind == "dispute" else ()),
        *_timeline(view, doc),
        *_corrections(view, doc),
        *sources_section(view, doc),
        view.heading("heading.mentioned_in"),
        BACKLINKS_PLACEHOLDER,
    )


def _opening(view: View, doc: Document, body: str) -> tuple[str, ...]:
    """What a reader meets first: for a brief, its summary as a lede, its first paragraph,
    then its key facts (a phone shows them in this order; a wide screen floats the facts
    beside the text); for an update, its date and subjects."""
    if doc.kind == "update":
        return view.block("update_header.html", doc=doc), *_corrected(view, doc), body
    lead, rest = split_lead(body)
    infobox = view.block("infobox.html", doc=doc)
    lede = view.block("lede.html", summary=doc.summary)
    return lede, *_corrected(view, doc), lead, infobox, rest


def _dispute(view: View, doc: Document) -> tuple[str, ...]:
    """Every actor's statements over time, and the diagram of parties, agreements and places."""
    stated = {p.actor for p in doc.positions}
    silent = [slug for slug in doc.parties if slug not in stated]
    figure = diagram.figure(
        view,
        diagram.dispute_graph(view, doc),
        view.translate("diagram.dispute.caption"),
    )
    return (
        view.heading("heading.positions"),
        view.block("positions.html", doc=doc, silent=silent),
        view.heading("heading.diagram"),
        figure,
    )


def _timeline(view: View, doc: Document) -> tuple[str, ...]:
    """The brief's own events and those of other pages that involve it, each written once."""
    involving = view.corpus.involvements.get(doc.slug, ())
    if not doc.timeline and not involving:
        return ()
    rows = in_date_order(
        [
            *(TimelineRow(doc, entry) for entry in doc.timeline),
            *(TimelineRow(origin, entry) for origin, entry in involving),
        ]
    )
    return view.heading("heading.timeline"), timeline_block(view, rows, here=doc)


def _corrected(view: View, doc: Document) -> tuple[str, ...]:
    """A notice under the title, so that no reader misses that the brief was corrected."""
    if not doc.corrections:
        return ()
    return (view.block("corrected_notice.html", latest=max(c.date for c in doc.corrections)),)


def _corrections(view: View, doc: Document) -> tuple[str, ...]:
    if not doc.corrections:
        return ()
    newest_first = sorted(doc.corrections, key=lambda c: c.date, reverse=True)
    return view.heading("heading.corrections"), view.block(
        "corrections.html", corrections=newest_first
    )


def sources_section(view: View, doc: Document) -> tuple[str, ...]:
    if not doc.sources:
        return ()
    return view.heading("heading.sources"), view.block("sources.html", sources=doc.sources)
