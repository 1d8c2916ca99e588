"""Spellings of a brief's names that Material's search (lunr) cannot derive by itself.

lunr matches tokens exactly, so "Presevo" never finds "Preševo": the page carries every name
in both scripts (as the name matcher reads it) and folded, hidden from view.
"""

from __future__ import annotations

from site_builder.content.model import Document
from site_builder.text.folding import fold
from site_builder.text.names import spellings


def search_spellings(doc: Document) -> list[str]:
    """Every name of ``doc`` as readers may type it, with and without diacritics, each once."""
    found: dict[str, None] = {}
    for name in doc.all_names:
        for spelling in spellings(name):
            found.setdefault(spelling, None)
            found.setdefault(fold(spelling), None)
    return list(found)
