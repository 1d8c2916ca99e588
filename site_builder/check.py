"""Validate a content folder without building anything: front matter, then every body."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from site_builder.context import BuildContext
from site_builder.diagnostics import Diagnostic
from site_builder.linker import Linker
from site_builder.loader import load_corpus


def check_content(
    content_dir: Path,
    ctx: BuildContext,
    extensions: Sequence[str] = (),
    extension_configs: dict[str, dict[str, Any]] | None = None,
) -> list[Diagnostic]:
    """Every problem of every file: the loader's, then the bodies' (wikilinks, citations, HTML).

    Files left out for their own problems are checked too, as far as they could be read.
    """
    corpus, diagnostics = load_corpus(content_dir)
    linker = Linker(corpus, ctx)
    pages = [(doc, True) for doc in corpus.documents]
    pages += [(s.document, s.sources_known) for s in corpus.stand_ins]
    for doc, sources_known in pages:
        _, found = linker.render(
            doc, doc.body, extensions, extension_configs or {}, check_citations=sources_known
        )
        diagnostics.extend(found.diagnostics)
    return diagnostics
