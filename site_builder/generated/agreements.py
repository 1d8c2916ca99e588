"""Agreements in the order they were concluded, each with its status."""

from __future__ import annotations

from site_builder.content.generated_pages import GENERATED
from site_builder.generated.base import PageSpec
from site_builder.render.order import by_date
from site_builder.render.view import View


def body(view: View) -> str:
    agreements = by_date(view.corpus.of_kind("agreement"))
    return view.block(
        "doc_list.html", docs=agreements, empty=view.translate("page.agreements.empty")
    )


PAGE = PageSpec(GENERATED["agreements"], body)
