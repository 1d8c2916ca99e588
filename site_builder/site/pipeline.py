"""The build's stages, without any site engine: what an engine adapter maps its events onto.

    load      read content/ into documents, refusing what may not be there   (content.loader)
    validate  front matter against the contract, every problem at once       (content.schema)
    generate  the summary pages, their assets and the navigation              (prepare)
    link      each page's Markdown: names, wikilinks, citations, allowlist    (markdown.linker)
    derive    once every page is rendered: link targets and backlinks        (every_page_rendered)
              and what needs them: the open data under data/                  (derived_files)
    render    each page's template, with its "Mentioned in"                  (render.backlinks)
    publish   the staged site folder replaces the published one              (site.publish)

``prepare`` runs the first three and gives a ``PreparedSite``; the engine renders the pages
(the link stage runs inside its Markdown conversion); ``every_page_rendered`` is the barrier
between rendering pages' Markdown and rendering their templates, which need every backlink.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from site_builder.content.diagnostics import Diagnostic, has_errors
from site_builder.content.loader import load_corpus
from site_builder.content.model import Corpus, Document, Link, StandIn
from site_builder.generated import GeneratedFile, assets, data_files, pages_for
from site_builder.generated.base import PageSpec
from site_builder.markdown.linker import PageLinks
from site_builder.site.context import BuildContext
from site_builder.site.link_targets import target_problems
from site_builder.site.links import backlinks, front_matter_links
from site_builder.site.navigation import NavEntry, navigation
from site_builder.site.pages import document_markdown


@dataclass(frozen=True)
class PreparedSite:
    """Every page to publish, by source path, with the navigation and the generated assets."""

    corpus: Corpus
    #: The loader's problems; those of page bodies come with each page's ``PageLinks``.
    problems: tuple[Diagnostic, ...]
    documents: Mapping[str, Document]
    #: Files left out for their own problems, whose bodies are still checked.
    stand_ins: Mapping[str, StandIn]
    generated: Mapping[str, PageSpec]
    assets: tuple[GeneratedFile, ...]
    nav: tuple[NavEntry, ...]

    @property
    def degraded(self) -> bool:
        """Front matter has errors: bodies are rendered to find their problems, nothing else."""
        return has_errors(self.problems)

    def markdown(self, src_uri: str, ctx: BuildContext) -> str:
        """The full Markdown of a page to publish (a document's or a generated page's)."""
        doc = self.documents.get(src_uri)
        if doc is not None:
            return doc.body if self.degraded else document_markdown(doc, self.corpus, ctx)
        return self.generated[src_uri].markdown(self.corpus, ctx)


def prepare(
    content_dir: Path,
    ctx: BuildContext,
    *,
    workers: int = 1,
    theme_dirs: Sequence[Path] = (),
    nav_limit: int = 40,
) -> PreparedSite:
    """Load, validate and generate: everything that needs no rendered page."""
    corpus, problems = load_corpus(content_dir, workers=workers, theme_dirs=theme_dirs)
    degraded = has_errors(problems)
    generated = {} if degraded else {spec.src_uri: spec for spec in pages_for(corpus)}
    made = () if degraded else assets(corpus, ctx)
    return PreparedSite(
        corpus=corpus,
        problems=tuple(problems),
        documents=MappingProxyType({doc.src_uri: doc for doc in corpus.documents}),
        stand_ins=MappingProxyType({s.document.src_uri: s for s in corpus.stand_ins}),
        generated=MappingProxyType(generated),
        assets=made,
        nav=tuple(navigation(corpus, [*generated.values(), *made], nav_limit)),
    )


@dataclass(frozen=True)
class Derived:
    """What only every rendered page together tells: all problems, and every brief's backlinks."""

    problems: tuple[Diagnostic, ...]
    backlinks: Mapping[str, tuple[Link, ...]]

    @property
    def failed(self) -> bool:
        return has_errors(self.problems)


def every_page_rendered(site: PreparedSite, found: Mapping[str, PageLinks]) -> Derived:
    """The barrier: every page's Markdown is rendered; derive what needs all of them.

    ``found``: what rendering each page found, by source path (each page counted once).
    """
    problems = [*site.problems, *(d for f in found.values() for d in f.diagnostics)]
    contents = {**site.documents, **{uri: s.document for uri, s in site.stand_ins.items()}}
    problems += target_problems(
        site.corpus, {uri: (contents[uri], f) for uri, f in found.items() if uri in contents}
    )
    if has_errors(problems):
        return Derived(tuple(problems), MappingProxyType({}))
    links = [link for f in found.values() for link in f.links]
    return Derived(tuple(problems), backlinks([*links, *front_matter_links(site.corpus)]))


def derived_files(
    site: PreparedSite, derived: Derived, ctx: BuildContext
) -> tuple[GeneratedFile, ...]:
    """The files that need every page's links: the open data (briefs.json, its tables)."""
    return tuple(data_files(site.corpus, ctx, derived.backlinks))
