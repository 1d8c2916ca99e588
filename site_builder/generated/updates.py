"""Updates, newest first, under one heading per year."""

from __future__ import annotations

from site_builder.content.generated_pages import GENERATED
from site_builder.generated.base import PageSpec, doc_lists, grouped
from site_builder.render.order import by_date
from site_builder.render.view import View, heading


def body(view: View) -> str:
    updates = by_date(view.corpus.of_kind("update"), newest_first=True)
    years = sorted({d.date.year for d in updates if d.date}, reverse=True)
    groups = grouped(updates, lambda d: d.date.year if d.date else 0, years)
    headings = [(heading(str(year)), docs) for year, docs in groups]
    return doc_lists(view, headings, "page.updates.empty")


PAGE = PageSpec(GENERATED["updates"], body)
