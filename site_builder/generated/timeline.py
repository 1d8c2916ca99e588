"""Every timeline entry of every page and every update, in date order, by year."""

from __future__ import annotations

from itertools import groupby

from site_builder.content.generated_pages import GENERATED
from site_builder.generated.base import PageSpec
from site_builder.render.timeline import TimelineRow, in_date_order, timeline_block
from site_builder.render.view import View, heading, markdown_page


def body(view: View) -> str:
    corpus = view.corpus
    rows = in_date_order(
        [
            *(TimelineRow(doc, entry) for doc in corpus.documents for entry in doc.timeline),
            *(TimelineRow(doc) for doc in corpus.of_kind("update") if doc.date),
        ]
    )
    if not rows:
        return view.block("empty.html", text="No dated events yet.")
    return markdown_page(
        *(
            part
            for year, group in groupby(rows, key=lambda r: r.date.year)
            for part in (heading(str(year)), timeline_block(view, group, here=None))
        )
    )


PAGE = PageSpec(GENERATED["timeline"], body)
