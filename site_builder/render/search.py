"""Spellings of a brief's names that Material's search (lunr) cannot derive by itself.

lunr matches tokens exactly, so "Presevo" never finds "Preševo": the page carries every name
folded (diacritics and strokes removed) and Cyrillic names transliterated, hidden from view.
"""

from __future__ import annotations

from site_builder.folding import fold, has_cyrillic, serbian_to_latin
from site_builder.model import Document


def search_spellings(doc: Document) -> list[str]:
    """Every name of ``doc`` as readers may type it without diacritics, each spelling once."""
    spellings: dict[str, None] = {}
    for name in doc.all_names:
        latin = serbian_to_latin(name.text) if has_cyrillic(name.text) else name.text
        for spelling in (latin, fold(latin)):
            spellings.setdefault(spelling, None)
    return list(spellings)
