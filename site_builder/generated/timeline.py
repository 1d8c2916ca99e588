"""Every timeline entry of every page and every update, once each, in date order, by year.

Under the registry's ``split_per_year_from`` entries, one page: a year index, then each year.
From there on (at 3,000 briefs one page would weigh megabytes), the page is the year index
alone, linking to one page per year.
"""

from __future__ import annotations

from itertools import groupby

from site_builder.content.generated_pages import GENERATED
from site_builder.content.model import Corpus
from site_builder.generated.base import PageSpec
from site_builder.render.timeline import TimelineRow, in_date_order, timeline_block
from site_builder.render.view import View, heading, markdown_page

TIMELINE = GENERATED["timeline"]


def rows(corpus: Corpus) -> list[TimelineRow]:
    """Each entry where it is written (never once per brief it involves), and each update."""
    return in_date_order(
        [
            *(TimelineRow(doc, entry) for doc in corpus.documents for entry in doc.timeline),
            *(TimelineRow(doc) for doc in corpus.of_kind("update") if doc.date),
        ]
    )


def year_rows(corpus: Corpus, year: int) -> list[TimelineRow]:
    """``rows`` of one year, read from that year's documents alone (``Corpus.dated``): so a
    preview makes a year page again only when one of them changed (``site.reads``)."""
    docs = corpus.dated.get(year, ())
    return in_date_order(
        [
            *(TimelineRow(d, e) for d in docs for e in d.timeline if e.date.year == year),
            *(
                TimelineRow(d)
                for d in docs
                if d.kind == "update" and d.date and d.date.year == year
            ),
        ]
    )


def by_year(found: list[TimelineRow]) -> list[tuple[int, list[TimelineRow]]]:
    return [(year, list(group)) for year, group in groupby(found, key=lambda r: r.date.year)]


def is_split(found: list[TimelineRow]) -> bool:
    limit = TIMELINE.split_per_year_from
    return limit is not None and len(found) >= limit


def body(view: View) -> str:
    found = rows(view.corpus)
    if not found:
        return view.block("empty.html", text=view.translate("page.timeline.empty"))
    years = by_year(found)
    if is_split(found):
        site = view.ctx.language  # the years of this language's site
        links = [
            (y, view.href(site.src_uri(TIMELINE.year_page(y).src_uri)), len(g)) for y, g in years
        ]
        return view.block("year_index.html", years=links)
    links = [(y, f"#year-{y}", len(g)) for y, g in years]
    return markdown_page(
        view.block("year_index.html", years=links),
        *(
            part
            for year, group in years
            for part in (
                heading(str(year), anchor=f"year-{year}"),
                timeline_block(view, group, here=None),
            )
        ),
    )


def year_pages(corpus: Corpus) -> tuple[PageSpec, ...]:
    """One page per year once the timeline is split, else none."""
    found = rows(corpus)
    if not is_split(found):
        return ()
    return tuple(
        PageSpec(TIMELINE.year_page(year), lambda view, year=year: _year_body(view, year))
        for year, _ in by_year(found)
    )


def _year_body(view: View, year: int) -> str:
    back = view.href(view.ctx.language.src_uri(TIMELINE.src_uri))
    rows = year_rows(view.corpus, year)
    return markdown_page(
        view.block("year_back.html", href=back), timeline_block(view, rows, here=None)
    )


PAGE = PageSpec(TIMELINE, body)
