"""Validate a content folder without building anything: front matter, then every body."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from site_builder.context import BuildContext
from site_builder.diagnostics import Diagnostic
from site_builder.linker import Linker
from site_builder.loader import load_corpus
from site_builder.model import Document
from site_builder.parallel import fork_map, workers_for


def check_content(
    content_dir: Path,
    ctx: BuildContext,
    extensions: Sequence[str] = (),
    extension_configs: dict[str, dict[str, Any]] | None = None,
    *,
    workers: int = 0,
    theme_dirs: Sequence[Path] = (),
) -> list[Diagnostic]:
    """Every problem of every file: the loader's, then the bodies' (wikilinks, citations, HTML).

    Files left out for their own problems are checked too, as far as they could be read. A
    large folder is read and its bodies rendered by ``workers`` (0: one per core). No content
    asset may replace a file under the assets/ of ``theme_dirs``.
    """
    corpus, diagnostics = load_corpus(content_dir, workers=workers, theme_dirs=theme_dirs)
    linker = Linker(corpus, ctx)
    pages = [(doc, True) for doc in corpus.documents]
    pages += [(s.document, s.sources_known) for s in corpus.stand_ins]

    def body_problems(page: tuple[Document, bool]) -> tuple[Diagnostic, ...]:
        doc, sources_known = page
        _, found = linker.render(
            doc, doc.body, extensions, extension_configs or {}, check_citations=sources_known
        )
        return found.diagnostics

    for problems in fork_map(body_problems, pages, workers_for(len(pages), workers)):
        diagnostics.extend(problems)
    return diagnostics
