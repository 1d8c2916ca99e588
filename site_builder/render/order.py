"""The orders readers find things in, shared so every list sorts the same way."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from site_builder.content.model import Document, PartialDate
from site_builder.text.folding import fold, serbian_to_latin


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """Sort key of a name: diacritics and script folded, so "Preševo" sits by "Presevo".
    (Kept: every overview page sorts the same titles and publishers again.)"""
    return fold(serbian_to_latin(text)).casefold()


def by_title(docs: Iterable[Document]) -> list[Document]:
    return sorted(docs, key=lambda d: (name_key(d.title), d.title, d.slug))


def by_date(docs: Iterable[Document], *, newest_first: bool = False) -> list[Document]:
    """Dated documents (updates, agreements) by date, then by title."""
    return sorted(by_title(docs), key=lambda d: d.date or PartialDate(0), reverse=newest_first)
