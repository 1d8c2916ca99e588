"""Every correction on the site, newest first: what readers were told, and when it changed."""

from __future__ import annotations

from dataclasses import dataclass

from site_builder.content.generated_pages import GENERATED
from site_builder.content.model import Corpus, Correction, Document
from site_builder.generated.base import PageSpec
from site_builder.render.view import View


@dataclass(frozen=True)
class Corrected:
    doc: Document
    correction: Correction


def newest_first(corpus: Corpus) -> list[Corrected]:
    """Newest first; on one day, by page and then in the order the page lists them."""
    found = [Corrected(d, c) for d in corpus.documents for c in d.corrections]
    found.sort(key=lambda item: (item.doc.src_uri, item.correction.line))
    return sorted(found, key=lambda item: item.correction.date, reverse=True)


def body(view: View) -> str:
    return view.block("corrections_index.html", items=newest_first(view.corpus))


PAGE = PageSpec(GENERATED["corrections"], body)
