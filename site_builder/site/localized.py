"""Each language's site: the corpus as its readers see it.

A language's site has every page of the English one, at the same path under its folder. A
page with a translation shows the translated title, summary, body, statements and timeline;
what the translation leaves out (or a page with none) is shown in English, and the page's
``Freshness`` says so. Serbian Latin is the Serbian Cyrillic, transliterated by the build.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import TypeVar

from site_builder.content.languages import WRITTEN, Language
from site_builder.content.model import (
    Corpus,
    Document,
    Position,
    Statement,
    TimelineEntry,
    Translation,
)
from site_builder.content.translations import freshness
from site_builder.text.folding import serbian_to_latin

T = TypeVar("T", Statement, TimelineEntry)


def written_sites(corpus: Corpus) -> dict[str, Corpus]:
    """The site of each language translators write, by code: where translated bodies are read
    (whichever sites are published)."""
    return {lang.code: localized(corpus, lang) for lang in WRITTEN.values()}


def translated_pages(corpora: Mapping[str, Corpus]) -> tuple[Document, ...]:
    """The pages of these sites whose body is their translation's (the others show English)."""
    return tuple(
        doc
        for corpus in corpora.values()
        for doc in corpus.documents
        if doc.freshness is not None and doc.freshness.translated_body
    )


def localized(corpus: Corpus, language: Language) -> Corpus:
    """The corpus of ``language``'s site (the corpus itself for the source language)."""
    if language.is_source:
        return corpus
    documents = tuple(localized_document(doc, corpus, language) for doc in corpus.documents)
    return replace(corpus, documents=documents, stand_ins=())


def localized_document(doc: Document, corpus: Corpus, language: Language) -> Document:
    """``doc`` (of the source's ``corpus``) as a page of ``language``'s site."""
    if language.is_source:
        return doc
    written = language.derived_from or language.code
    script = serbian_to_latin if language.derived_from else _as_written
    return _localized(doc, corpus, language, written, script)


def _as_written(text: str) -> str:
    return text


def _localized(
    doc: Document,
    corpus: Corpus,
    language: Language,
    written: str,
    script: Callable[[str], str],
) -> Document:
    fresh = freshness(doc, corpus.translations, written)
    page = {"src_uri": language.src_uri(doc.src_uri), "language": language.code, "freshness": fresh}
    translation = fresh.translation
    if translation is None:  # one copy of the document: most pages of a large site
        return replace(doc, **page)
    names = (translation.title, *translation.aliases, doc.title, *doc.aliases)
    aliases = tuple(script(n) for n in dict.fromkeys(names) if n != translation.title)
    fields = {}
    if fresh.translated_body:
        fields = {"body": script(translation.body), "body_line": translation.body_line,
                  "path": translation.path}  # fmt: skip
    return replace(
        doc,
        **page,
        title=script(translation.title),
        summary=script(translation.summary),
        aliases=aliases,
        positions=_positions(doc, translation, script),
        timeline=_texts(doc.timeline, translation.timeline, script),
        **fields,
    )


def _positions(
    doc: Document, translation: Translation, script: Callable[[str], str]
) -> tuple[Position, ...]:
    positions = []
    for position in doc.positions:
        texts = translation.positions.get(position.actor, ())
        statements = _texts(position.statements, texts, script)
        positions.append(replace(position, statements=statements))
    return tuple(positions)


def _texts(
    entries: tuple[T, ...], texts: tuple[str, ...], script: Callable[[str], str]
) -> tuple[T, ...]:
    """The entries with their translated texts (matched by position; the loader checked the
    counts), or as they are when the translation has none."""
    if len(texts) != len(entries):
        return entries
    return tuple(replace(e, text=script(t)) for e, t in zip(entries, texts, strict=True))  # type: ignore[type-var]
