"""Disputes, grouped by status, each with its parties (also on the home page)."""

from __future__ import annotations

from site_builder.content.generated_pages import GENERATED
from site_builder.content.model import DISPUTE_STATUSES
from site_builder.generated.base import PageSpec, doc_lists, grouped
from site_builder.render.order import by_title
from site_builder.render.view import View


def by_status(view: View, level: int = 2) -> str:
    """Disputes under one heading per status, in the order of the dialogue's progress."""
    disputes = by_title(view.corpus.of_kind("dispute"))
    groups = grouped(disputes, lambda d: d.status or "", DISPUTE_STATUSES)
    headings = [(view.heading(f"status.{s}", level), docs) for s, docs in groups]
    return doc_lists(view, headings, "page.disputes.empty")


PAGE = PageSpec(GENERATED["disputes"], by_status)
