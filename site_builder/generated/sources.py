"""Every source cited on the site, once, with the pages that cite it."""

from __future__ import annotations

from dataclasses import dataclass

from site_builder.content.generated_pages import GENERATED
from site_builder.content.model import Corpus, Document, Source
from site_builder.generated.base import PageSpec
from site_builder.render.order import by_title, name_key
from site_builder.render.view import View


@dataclass(frozen=True)
class CitedSource:
    source: Source
    cited_by: tuple[Document, ...]


def _key(source: Source) -> tuple[str, ...]:
    """Records are one source when they share a URL, or, without one, publisher and title."""
    return (source.url,) if source.url else (source.publisher, source.title)


def cited_sources(corpus: Corpus) -> list[CitedSource]:
    """Merged records (the first page's record stands for all), by publisher then title."""
    first: dict[tuple[str, ...], Source] = {}
    citing: dict[tuple[str, ...], dict[str, Document]] = {}
    for doc in corpus.documents:
        for source in doc.sources:
            key = _key(source)
            first.setdefault(key, source)
            citing.setdefault(key, {})[doc.slug] = doc
    merged = [CitedSource(first[k], tuple(by_title(citing[k].values()))) for k in first]
    return sorted(
        merged,
        key=lambda c: (name_key(c.source.publisher), name_key(c.source.title), _key(c.source)),
    )


def body(view: View) -> str:
    rows = [
        view.fragment("sources_row.html", _row_key(view, cited), cited=cited)
        for cited in cited_sources(view.corpus)
    ]
    return view.block("sources_index.html", rows=rows)


def _row_key(view: View, cited: CitedSource) -> tuple[object, ...]:
    """All a row shows: its record, and a link to each page that cites it."""
    return (cited.source, tuple(view.link_key(doc) for doc in cited.cited_by))


PAGE = PageSpec(GENERATED["sources"], body)
