"""Dated entries, on a brief's page and on the site-wide timeline, in one shape."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup

from site_builder.content.model import Document, PartialDate, TimelineEntry
from site_builder.render.order import name_key
from site_builder.render.view import View


@dataclass(frozen=True)
class TimelineRow:
    """A timeline entry of ``doc``, or (``entry`` None) the update ``doc`` itself."""

    doc: Document
    entry: TimelineEntry | None = None

    @property
    def date(self) -> PartialDate:
        if self.entry is not None:
            return self.entry.date
        assert self.doc.date is not None, "only dated documents stand on a timeline"
        return self.doc.date


def in_date_order(rows: Iterable[TimelineRow]) -> list[TimelineRow]:
    """Oldest first, a less precise date before the days of its period, then by page title."""
    return sorted(
        rows,
        key=lambda r: (r.date, name_key(r.doc.title), r.doc.slug, r.entry.text if r.entry else ""),
    )


def timeline_block(view: View, rows: Iterable[TimelineRow], *, here: Document | None) -> str:
    """``here``: the page being rendered, whose own entries cite its own Sources section.

    The site's timeline (``here`` None) is made row by row, so that a live preview keeps the
    rows a rename leaves as they were (``View.fragment``); a brief's page is kept whole."""
    if here is not None:
        shown = [Markup(view.text("timeline_row.html", row=row, here=here)) for row in rows]
    else:
        shown = [
            view.fragment("timeline_row.html", _key(view, row), row=row, here=None) for row in rows
        ]
    return view.block("timeline.html", rows=shown)


def _key(view: View, row: TimelineRow) -> tuple[object, ...]:
    """All a row of the site's timeline shows: its page's link, the entry (or the update's
    date and summary), its source, and the link to each other brief it concerns."""
    entry = row.entry
    if entry is None:
        return (view.link_key(row.doc), row.date)
    others = tuple(_linked(view, slug) for slug in entry.involves)
    return (view.link_key(row.doc), entry, row.doc.source(entry.source), others)


def _linked(view: View, slug: str) -> object:
    doc = view.corpus.by_slug.get(slug)
    return slug if doc is None else view.link_key(doc)
