"""Spellings of a brief's names that the search index (Pagefind) cannot derive by itself.

Pagefind folds common diacritics ("Presevo" finds "Preševo"), but not every letter the name
matcher folds ("Sørensen"), and it knows nothing of scripts: "Прешево" finds "Preševo" only if
the page spells it so. The infobox carries every name in both scripts and folded, hidden from
view and weighted.

Weight alone cannot rank "Kosovo" first among the many briefs named "... of Kosovo": a word on
every page counts for nearly nothing. So each spelling also gets a *name key*, one word no
other text has (``zq`` and ten digits); the search box (``theme/assets/javascripts/search.js``)
computes the key of what is typed the same way, searches it too, and shows the briefs it finds
first. Both sides read a spelling alike: decomposed, combining marks dropped, lower case,
spaces collapsed; the key is its FNV-1a hash (32 bits, over UTF-8).
"""

from __future__ import annotations

import unicodedata

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


def name_key(spelling: str) -> str:
    """The one word that stands for ``spelling`` in the index: the box searches it exactly."""
    decomposed = unicodedata.normalize("NFD", spelling)
    plain = "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))
    digest = 0x811C9DC5
    for byte in " ".join(plain.lower().split()).encode("utf-8"):
        digest = ((digest ^ byte) * 0x01000193) & 0xFFFFFFFF
    return f"zq{digest:010d}"


def name_keys(doc: Document) -> list[str]:
    """The name key of every spelling of ``doc``, each once."""
    return list(dict.fromkeys(name_key(spelling) for spelling in search_spellings(doc)))
