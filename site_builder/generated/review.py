"""The review queue: briefs not checked against their sources for more than 180 days."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from site_builder.content.generated_pages import GENERATED
from site_builder.content.model import Corpus, Document
from site_builder.generated.base import PageSpec
from site_builder.render.order import by_title
from site_builder.render.view import View

MAX_AGE = dt.timedelta(days=180)


@dataclass(frozen=True)
class Overdue:
    doc: Document
    reviewed: dt.date
    days: int


def overdue(corpus: Corpus, today: dt.date) -> list[Overdue]:
    """Briefs reviewed more than 180 days before ``today``, oldest review first."""
    late = [
        Overdue(d, d.reviewed, (today - d.reviewed).days)
        for d in by_title(corpus.briefs)
        if d.reviewed is not None and today - d.reviewed > MAX_AGE
    ]
    return sorted(late, key=lambda o: o.reviewed)


def body(view: View) -> str:
    return view.block("review.html", queue=overdue(view.corpus, view.ctx.build_date))


PAGE = PageSpec(GENERATED["review"], body)
