"""The site navigation: small and of constant size however many briefs there are.

Every page renders the navigation, so a navigation that lists every brief makes each page
cost more as the site grows. A kind's briefs are listed while there are at most ``limit``
of them; beyond that the section shows only its index page, which lists them all (every
brief stays two clicks from the home page).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from site_builder.content.generated_pages import GENERATED_PAGES
from site_builder.content.kinds import HOME, KINDS
from site_builder.content.languages import SOURCE, Language
from site_builder.content.model import Corpus
from site_builder.render.catalogue import translate
from site_builder.render.order import by_date, by_title

NavEntry = str | dict[str, Any]


def navigation(
    corpus: Corpus, generated: Sequence[Any], limit: int, language: Language = SOURCE
) -> list[NavEntry]:
    """The navigation of ``language``'s site in MkDocs' ``nav`` format: sections named in the
    language, pages titled by their own titles."""
    present = {g.src_uri for g in generated}
    nav: list[NavEntry] = [language.src_uri(HOME)] if "index" in corpus.by_slug else []
    for kind in (k for k in KINDS if k.section):
        index = language.src_uri(f"{kind.folder}/index.md")
        briefs = corpus.of_kind(kind.name)
        # The orders of the index pages, so a reader finds a brief in the same place in both.
        docs = by_date(briefs, newest_first=True) if kind.name == "update" else by_title(briefs)
        entries: list[NavEntry] = [index] if index in present else []
        if len(docs) <= limit or not entries:
            entries.extend(d.src_uri for d in docs)
        if entries:
            nav.append({translate(language.code, f"kind.{kind.name}.plural"): entries})
    overviews = [
        uri
        for uri in (language.src_uri(p.src_uri) for p in GENERATED_PAGES if p.index_of is None)
        if uri in present
    ]
    if overviews:
        nav.append({translate(language.code, "nav.overviews"): overviews})
    pages = by_title(corpus.of_kind("page"))
    about = [d.src_uri for d in pages if d.slug != "index"]
    if about:
        nav.append({translate(language.code, "nav.about"): about})
    return nav


def listed_pages(entries: Sequence[NavEntry] | NavEntry) -> set[str]:
    """Every page a navigation lists, in its sections and theirs."""
    if isinstance(entries, str):
        return {entries}
    values = entries.values() if isinstance(entries, dict) else entries
    return {uri for entry in values for uri in listed_pages(entry)}
