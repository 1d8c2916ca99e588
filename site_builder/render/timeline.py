"""Dated entries, on a brief's page and on the site-wide timeline, in one shape."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

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
    """``here``: the page being rendered, whose own entries cite its own Sources section."""
    return view.block("timeline.html", rows=list(rows), here=here)
