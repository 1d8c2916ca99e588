"""A site whose only change is the bodies of some documents: the same site with those bodies.

No page shows another page's body (``site.reads``), so when every edited file's front matter
is as it was, every other page's Markdown is too, and only the edited pages, and those whose
backlinks or anchors they change, need rendering again (the plugin's ``rebuild_edited``).
Where that cannot be known from the documents alone, ``with_bodies`` says None, and the
whole site is prepared again:

* the home page's body is the Markdown of a generated page (``generated.home``);
* a translated document's English version is what its translations are checked against
  (``outdated``), and what the review page reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from types import MappingProxyType

from site_builder.content.kinds import HOME
from site_builder.content.languages import LANGUAGE, SOURCE
from site_builder.content.model import Document
from site_builder.site.localized import localized_document
from site_builder.site.pipeline import PreparedSite


def same_face(one: Document, other: Document) -> bool:
    """Whether two versions of a document differ in their body alone."""
    return replace(one, body="", body_line=0) == replace(other, body="", body_line=0)


def with_bodies(site: PreparedSite, edited: Sequence[Document]) -> PreparedSite | None:
    """``site`` with each of the ``edited`` English documents in place of its last version,
    in every language's site; None if one of them is not a body edit of a document whose
    body no other page reads."""
    english = site.corpus
    by_uri = {doc.src_uri: doc for doc in english.documents}
    changed: dict[str, Document] = {}
    for doc in edited:
        last = by_uri.get(doc.src_uri)
        if last is None or doc.src_uri == HOME or not same_face(doc, last):
            return None
        if any(slug == doc.slug for _, slug in english.translations):
            return None
        changed[doc.src_uri] = doc
    corpora, documents = {}, dict(site.documents)
    for code, corpus in site.corpora.items():
        language = LANGUAGE[code]
        pages = {}
        for doc in changed.values():
            page = localized_document(doc, english, language)
            pages[page.src_uri] = documents[page.src_uri] = page
        corpora[code] = replace(
            corpus, documents=tuple(pages.get(d.src_uri, d) for d in corpus.documents)
        )
    return replace(
        site,
        corpus=corpora[SOURCE.code],
        corpora=MappingProxyType(corpora),
        documents=MappingProxyType(documents),
    )
