"""Validate a content folder without building anything: front matter, then every body."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from site_builder.content.diagnostics import Diagnostic, has_errors
from site_builder.content.kinds import SOURCED_KINDS
from site_builder.content.languages import SOURCE
from site_builder.content.loader import load_corpus
from site_builder.content.model import Document
from site_builder.markdown.linker import Linker, PageLinks
from site_builder.site.context import BuildContext
from site_builder.site.link_targets import target_problems
from site_builder.site.localized import translated_pages, written_sites
from site_builder.site.repeated_events import repeated_events
from site_builder.site.workers import fork_map, workers_for


def uncited_sources(doc: Document, cited: Sequence[str]) -> list[Diagnostic]:
    """A listed source that nothing cites: a warning, as a reader would take it for support."""
    used = {*cited, *(e.source for e in doc.timeline)}
    used |= {s.source for p in doc.positions for s in p.statements}
    return [
        Diagnostic(
            doc.path,
            source.line,
            f"source '{source.id}' is never cited: cite it with [^{source.id}] or remove it",
            "warning",
        )
        for source in doc.sources
        if source.id not in used
    ]


def check_content(
    content_dir: Path,
    ctx: BuildContext,
    extensions: Sequence[str] = (),
    extension_configs: dict[str, dict[str, Any]] | None = None,
    *,
    workers: int = 0,
    theme_dirs: Sequence[Path] = (),
) -> list[Diagnostic]:
    """Every problem of every file: the loader's, then the bodies' (wikilinks, citations, HTML),
    then the links and images the bodies point at, then events told twice (warnings).

    Files left out for their own problems (translations too) are checked as far as they could
    be read, translated bodies in their languages' sites whichever are published. A
    large folder is read and its bodies rendered by ``workers`` (0: one per core). No content
    asset may replace a file under the assets/ of ``theme_dirs``.
    """
    corpus, diagnostics = load_corpus(content_dir, workers=workers, theme_dirs=theme_dirs)
    # Translated bodies are checked as their pages will render them, in their languages' sites.
    corpora = written_sites(corpus)
    linker = Linker(corpus, ctx, corpora=corpora)
    pages = [(doc, True) for doc in corpus.documents]
    pages += [(s.document, s.sources_known) for s in corpus.stand_ins]
    pages += [(doc, True) for doc in translated_pages(corpora)]

    def render(page: tuple[Document, bool]) -> PageLinks:
        doc, sources_known = page
        _, found = linker.render(
            doc,
            doc.body,
            extensions,
            extension_configs or {},
            check_citations=sources_known,
            html=False,
        )
        return found

    rendered = fork_map(render, pages, workers_for(len(pages), workers))
    for (doc, sources_known), found in zip(pages, rendered, strict=True):
        diagnostics.extend(found.diagnostics)
        # Sources are listed in English files: a translation is not told of the English list.
        listed = sources_known and doc.language == SOURCE.code and doc.kind in SOURCED_KINDS
        if listed and not has_errors(found.diagnostics):
            diagnostics.extend(uncited_sources(doc, found.cited))
    by_page = {doc.src_uri: (doc, found) for (doc, _), found in zip(pages, rendered, strict=True)}
    diagnostics.extend(target_problems(corpus, by_page))
    diagnostics.extend(repeated_events(corpus))
    return diagnostics
