"""The open data: every brief, statement, event, source, name and correction as records.

The tables and briefs.json are made from the same corpus as the pages, so the data says
exactly what the site says. Links come from the finished link graph (every page's mentions
and wikilinks, and every front-matter reference), which only exists once every page is
rendered: the adapter hands it in.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from site_builder.content.kinds import COMMON_KEYS, KIND
from site_builder.content.languages import SOURCE_CODE
from site_builder.content.model import Corpus, Document, Link, PartialDate, Position
from site_builder.content.schema import DAY_PATTERN, PARTIAL_DATE_PATTERN, SLUG_PATTERN
from site_builder.generated.corrections import newest_first
from site_builder.generated.sources import cited_sources
from site_builder.render.catalogue import translate
from site_builder.render.order import by_title
from site_builder.render.timeline import TimelineRow, in_date_order
from site_builder.site.context import BuildContext
from site_builder.site.urls import absolute_url, page_url
from site_builder.text.scripts import script_of

#: Where the downloads live, from the site root.
DATA_DIR = "data"
#: Keys of the front matter that briefs.json gives as names and text, not as facts.
_NOT_FACTS = ("title", "summary", "aliases", "names")

Row = tuple[str, ...]


@dataclass(frozen=True)
class Column:
    """One column of a table, as its Table Schema field describes it.

    ``key``: its description's catalogue key, which the Data page shows in each language.
    """

    name: str
    key: str
    type: str = "string"
    required: bool = True
    pattern: str | None = None

    @property
    def description(self) -> str:
        """In English, as the data are: the descriptor's."""
        return translate(SOURCE_CODE, self.key)


@dataclass(frozen=True)
class Table:
    """One CSV download: its columns, and the rows the corpus gives it."""

    name: str
    title: str
    columns: tuple[Column, ...]
    rows: Callable[[Corpus], list[Row]]

    @property
    def path(self) -> str:
        return f"{self.name}.csv"

    @property
    def key(self) -> str:
        """The catalogue key of what the table holds."""
        return f"data.table.{self.name}"

    @property
    def description(self) -> str:
        return translate(SOURCE_CODE, self.key)


def site_url_of(doc: Document, ctx: BuildContext) -> str:
    """A page's address: absolute with a site URL, else from the site root ("actors/x/")."""
    url = page_url(doc.src_uri, directory_urls=ctx.directory_urls)
    return absolute_url(ctx.site_url, url) if ctx.site_url else url


def _source_url(doc: Document, source_id: str) -> str:
    source = doc.source(source_id)
    return source.url if source and source.url else ""


def _statements(corpus: Corpus) -> list[Row]:
    rows = []
    for doc in by_title(corpus.of_kind("dispute")):
        for position in doc.positions:
            for st in position.statements:
                url = _source_url(doc, st.source)
                rows.append((doc.slug, position.actor, st.date.iso, st.text, st.source, url))
    return rows


def _timeline(corpus: Corpus) -> list[Row]:
    rows = in_date_order(TimelineRow(d, e) for d in corpus.documents for e in d.timeline)
    out = []
    for row in rows:
        entry = row.entry
        assert entry is not None
        involves, url = " ".join(entry.involves), _source_url(row.doc, entry.source)
        out.append((entry.date.iso, entry.text, row.doc.slug, involves, entry.source, url))
    return out


def _sources(corpus: Corpus) -> list[Row]:
    return [
        (
            cited.source.publisher,
            cited.source.title,
            cited.source.date.iso if cited.source.date else "",
            cited.source.url or "",
            " ".join(d.slug for d in cited.cited_by),
        )
        for cited in cited_sources(corpus)
    ]


def _names(corpus: Corpus) -> list[Row]:
    rows = []
    for doc in by_title(corpus.briefs):
        given = [(doc.title, "title", None), *((a, "alias", None) for a in doc.aliases)]
        given += [(n.text, "name", n.lang) for n in doc.names]
        rows.extend(
            (text, lang or "", script_of(text, lang), form, doc.slug) for text, form, lang in given
        )
    return rows


def _corrections(corpus: Corpus) -> list[Row]:
    return [
        (item.correction.date.isoformat(), item.doc.slug, item.correction.text)
        for item in newest_first(corpus)
    ]


def _slug(name: str, key: str) -> Column:
    return Column(name, f"data.column.{key}", pattern=SLUG_PATTERN)


def _date(
    key: str = "when", *, required: bool = True, pattern: str = PARTIAL_DATE_PATTERN
) -> Column:
    return Column("date", f"data.column.{key}", required=required, pattern=pattern)


def _source_columns() -> tuple[Column, ...]:
    return (
        Column("source_id", "data.column.source_id", pattern=SLUG_PATTERN),
        Column("source_url", "data.column.source_url", required=False),
    )


#: Every CSV download, in the order the Data page lists them.
TABLES: tuple[Table, ...] = (
    Table(
        "statements",
        "Statements",
        (
            _slug("dispute", "dispute"),
            _slug("actor", "actor"),
            _date(),
            Column("text", "data.column.statement"),
            *_source_columns(),
        ),
        _statements,
    ),
    Table(
        "timeline",
        "Timeline events",
        (
            _date(),
            Column("text", "data.column.event"),
            _slug("brief", "recorded_by"),
            Column("involves", "data.column.involves", required=False),
            *_source_columns(),
        ),
        _timeline,
    ),
    Table(
        "sources",
        "Sources",
        (
            Column("publisher", "data.column.publisher"),
            Column("title", "data.column.title"),
            _date("published", required=False),
            Column("url", "data.column.url", required=False),
            Column("cited_by", "data.column.cited_by"),
        ),
        _sources,
    ),
    Table(
        "names",
        "Names",
        (
            Column("name", "data.column.name"),
            Column("language", "data.column.language", required=False),
            Column("script", "data.column.script"),
            Column("form", "data.column.form"),
            _slug("brief", "named"),
        ),
        _names,
    ),
    Table(
        "corrections",
        "Corrections",
        (
            _date("corrected", pattern=DAY_PATTERN),
            _slug("brief", "corrected_page"),
            Column("text", "data.column.correction"),
        ),
        _corrections,
    ),
)


def csv_text(table: Table, corpus: Corpus) -> str:
    """The table as RFC 4180 CSV: a header row, then one row per item."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.name for c in table.columns])
    writer.writerows(table.rows(corpus))
    return out.getvalue()


def _plain(value: Any) -> Any:
    """Front-matter values as JSON: dates in ISO form, records without their line numbers."""
    if isinstance(value, PartialDate):
        return value.iso
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Position):
        return {"actor": value.actor, "statements": _plain(value.statements)}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name != "line" and getattr(value, f.name) not in (None, ())
        }
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    return value


def facts(doc: Document) -> dict[str, Any]:
    """Every front-matter key the document has a value for, but its names and summary."""
    keys = (*COMMON_KEYS, *KIND[doc.kind].keys)
    values = {key: getattr(doc, key) for key in keys if key not in _NOT_FACTS}
    return {key: _plain(value) for key, value in values.items() if value not in (None, ())}


def _link(link: Link, end: str) -> dict[str, str]:
    return {end: getattr(link, end), "via": link.via, "context": link.context}


def brief_records(
    corpus: Corpus, ctx: BuildContext, backlinks: Mapping[str, tuple[Link, ...]]
) -> Iterator[dict[str, Any]]:
    """Every brief and update, by kind then title, with its links both ways: made one at a
    time, as briefs.json encodes them."""
    outgoing: dict[str, list[Link]] = {}
    for links in backlinks.values():
        for link in links:
            outgoing.setdefault(link.source, []).append(link)
    docs = [
        d for kind in KIND for d in by_title(corpus.of_kind(kind)) if d.is_brief or kind == "update"
    ]
    return (
        {
            "kind": doc.kind,
            "slug": doc.slug,
            "url": site_url_of(doc, ctx),
            "title": doc.title,
            "summary": doc.summary,
            "aliases": list(doc.aliases),
            "names": {n.lang: n.text for n in doc.names if n.lang},
            "facts": facts(doc),
            "links_out": [
                _link(link, "target")
                for link in sorted(
                    outgoing.get(doc.slug, ()), key=lambda k: (k.target, k.via, k.context)
                )
            ],
            "links_in": [_link(link, "source") for link in backlinks.get(doc.slug, ())],
        }
        for doc in docs
    )
