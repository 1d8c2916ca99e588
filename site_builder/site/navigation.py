"""The site navigation: small and of constant size however many briefs there are.

Every page renders the navigation, so a navigation that lists every brief makes each page
cost more as the site grows. A kind's briefs are listed while there are at most ``limit``
of them; beyond that the section shows only its index page, which lists them all (every
brief stays two clicks from the home page).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from site_builder.content.model import GENERATED_PAGES, KIND_FOLDERS, Corpus, Kind

_SECTIONS: tuple[tuple[str, Kind], ...] = (
    ("Actors", "actor"),
    ("Disputes", "dispute"),
    ("Agreements", "agreement"),
    ("Places", "place"),
    ("Updates", "update"),
)
_OVERVIEWS = ("timeline", "stance-matrix", "diagram", "names", "sources", "corrections", "review")

NavEntry = str | dict[str, Any]


def navigation(corpus: Corpus, generated: Sequence[Any], limit: int) -> list[NavEntry]:
    """The navigation in MkDocs' ``nav`` format; titles come from each page."""
    present = {g.src_uri for g in generated}
    nav: list[NavEntry] = ["index.md"] if "index" in corpus.by_slug else []
    for label, kind in _SECTIONS:
        index = f"{KIND_FOLDERS[kind]}/index.md"
        docs = sorted(corpus.of_kind(kind), key=lambda d: (d.title.casefold(), d.slug))
        if kind == "update":
            docs.sort(key=lambda d: d.date, reverse=True)
        entries: list[NavEntry] = [index] if index in present else []
        if len(docs) <= limit or not entries:
            entries.extend(d.src_uri for d in docs)
        if entries:
            nav.append({label: entries})
    overviews = [GENERATED_PAGES[s] for s in _OVERVIEWS if GENERATED_PAGES[s] in present]
    if overviews:
        nav.append({"Overviews": overviews})
    pages = sorted(corpus.of_kind("page"), key=lambda d: (d.title.casefold(), d.slug))
    about = [d.src_uri for d in pages if d.slug != "index"]
    if about:
        nav.append({"About": about})
    return nav
