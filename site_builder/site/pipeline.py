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
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from types import MappingProxyType

from site_builder.content.diagnostics import Diagnostic, has_errors
from site_builder.content.languages import SOURCE, Language, language_of
from site_builder.content.loader import Memo, load_corpus
from site_builder.content.model import Corpus, Document, Link, StandIn
from site_builder.generated import GeneratedFile, assets, data_files, pages_for
from site_builder.generated.base import PageSpec
from site_builder.generated.datapackage import BRIEFS, PACKAGE
from site_builder.generated.dataset import DATA_DIR, TABLES
from site_builder.markdown.linker import PageLinks
from site_builder.site.context import BuildContext
from site_builder.site.link_targets import target_problems
from site_builder.site.links import backlinks, backlinks_again, front_matter_links
from site_builder.site.localized import localized, translated_pages, written_sites
from site_builder.site.navigation import NavEntry, navigation
from site_builder.site.pages import document_markdown
from site_builder.site.reads import Face, Lookups, ReadingCorpus


@dataclass(frozen=True)
class PreparedSite:
    """Every page to publish, by source path, with the navigation and the generated assets."""

    corpus: Corpus
    #: Each language's site (``site.localized``), by language code; the source's is ``corpus``.
    #: With problems, the sites whose bodies are rendered to find theirs (as ``check`` does).
    corpora: Mapping[str, Corpus]
    #: The loader's problems; those of page bodies come with each page's ``PageLinks``.
    problems: tuple[Diagnostic, ...]
    documents: Mapping[str, Document]
    #: Files left out for their own problems, whose bodies are still checked (a translation's
    #: as a page of its language's site, which is published only once it is valid).
    stand_ins: Mapping[str, StandIn]
    generated: Mapping[str, PageSpec]
    assets: tuple[GeneratedFile, ...]
    #: Every language's navigation, one after the other (the source's first).
    nav: tuple[NavEntry, ...]

    @property
    def degraded(self) -> bool:
        """Front matter has errors: bodies are rendered to find their problems, nothing else."""
        return has_errors(self.problems)

    def markdown(self, src_uri: str, ctx: BuildContext) -> str:
        """The full Markdown of a page to publish (a document's or a generated page's)."""
        return self.markdown_reading(src_uri, ctx)[0]

    def markdown_reading(
        self, src_uri: str, ctx: BuildContext, face: Face | None = None
    ) -> tuple[str, Lookups | None]:
        """A page's Markdown, and with ``face`` what it read of other documents (``reads``):
        None for a page that reads them all, as a generated page does."""
        language = language_of(src_uri)
        corpus, ctx = self.corpora[language.code], replace(ctx, language=language)
        doc = self.documents.get(src_uri)
        if doc is not None and self.degraded:
            return doc.body, None
        if doc is None:
            make = partial(self.generated[src_uri].markdown, ctx=ctx)
        else:
            make = partial(document_markdown, doc, ctx=ctx)
        if face is None:
            return make(corpus), None
        reading = ReadingCorpus(corpus, face)
        return make(reading), reading.lookups

    def corpus_of(self, src_uri: str) -> Corpus:
        """The corpus of the site a page is in."""
        return self.corpora[language_of(src_uri).code]


def prepare(
    content_dir: Path,
    ctx: BuildContext,
    *,
    workers: int = 1,
    theme_dirs: Sequence[Path] = (),
    nav_limit: int = 40,
    languages: Sequence[Language] = (SOURCE,),
    memo: Memo | None = None,
) -> PreparedSite:
    """Load, validate and generate: everything that needs no rendered page.

    ``languages``: the sites to publish (the source's always, first). ``memo``: what a live
    preview kept of each file from its last rebuild (``content.loader``).
    """
    corpus, problems = load_corpus(content_dir, workers=workers, theme_dirs=theme_dirs, memo=memo)
    degraded = has_errors(problems)
    if degraded:
        # With problems, pages are rendered only to find their bodies' problems: the bodies
        # `check` renders, in the source's site and in those of the translations.
        languages = [SOURCE]
        corpora = {SOURCE.code: corpus, **written_sites(corpus)}
        documents = [*corpus.documents, *translated_pages(corpora)]
    else:
        languages = [SOURCE, *(lang for lang in languages if lang != SOURCE)]
        corpora = {lang.code: localized(corpus, lang) for lang in languages}
        documents = [doc for c in corpora.values() for doc in c.documents]
    generated: dict[str, PageSpec] = {}
    nav: list[NavEntry] = []
    made = () if degraded else assets(corpus, ctx, corpora)
    for lang in languages:
        pages = {} if degraded else {s.src_uri: s for s in pages_for(corpora[lang.code], lang)}
        generated.update(pages)
        nav += navigation(corpora[lang.code], [*pages.values(), *made], nav_limit, lang)
    return PreparedSite(
        corpus=corpus,
        corpora=MappingProxyType(corpora),
        problems=tuple(problems),
        documents=MappingProxyType({doc.src_uri: doc for doc in documents}),
        stand_ins=MappingProxyType({s.document.src_uri: s for s in corpus.stand_ins}),
        generated=MappingProxyType(generated),
        assets=made,
        nav=tuple(nav),
    )


@dataclass(frozen=True)
class Derived:
    """What only every rendered page together tells: all problems, and every brief's backlinks."""

    problems: tuple[Diagnostic, ...]
    #: Language code -> slug -> the links to that brief from that language's pages.
    backlinks: Mapping[str, Mapping[str, tuple[Link, ...]]]

    @property
    def failed(self) -> bool:
        return has_errors(self.problems)


def every_page_rendered(
    site: PreparedSite,
    found: Mapping[str, PageLinks],
    since: Derived | None = None,
    again: Mapping[str, PageLinks] | None = None,
    was: PreparedSite | None = None,
) -> Derived:
    """The barrier: every page's Markdown is rendered; derive what needs all of them.

    ``found``: what rendering each page found, by source path (each page counted once).
    ``since``: what the last barrier derived, where only the pages of ``again`` (what their
    last rendering found, by source path) were rendered again: their links replace theirs in
    its backlinks, and the front-matter links of ``site`` replace those of ``was``, the site
    ``since`` was derived from (no front matter changed if it is not given:
    ``site.body_edits``).
    """
    contents = {**site.documents, **{uri: s.document for uri, s in site.stand_ins.items()}}
    targets = target_problems(
        site.corpus, {uri: (contents[uri], f) for uri, f in found.items() if uri in contents}
    )
    # A page shown in English in another language's site finds the English page's problems
    # again: each is reported once.
    problems = list(
        dict.fromkeys(
            [*site.problems, *(d for f in found.values() for d in f.diagnostics), *targets]
        )
    )
    if has_errors(problems):
        return Derived(tuple(problems), MappingProxyType({}))
    if since is not None and again is not None:
        return Derived(tuple(problems), _backlinks_again(since, found, again, site, was))
    links: dict[str, list[Link]] = {code: [] for code in site.corpora}
    # A body shown in English in each site finds the same links in each: kept once.
    same: dict[Link, Link] = {}
    for uri, f in found.items():
        links[language_of(uri).code].extend(same.setdefault(link, link) for link in f.links)
    return Derived(
        tuple(problems),
        MappingProxyType(
            {
                code: backlinks([*found_links, *front_matter_links(site.corpora[code])])
                for code, found_links in links.items()
            }
        ),
    )


def _backlinks_again(
    since: Derived,
    found: Mapping[str, PageLinks],
    again: Mapping[str, PageLinks],
    site: PreparedSite,
    was: PreparedSite | None,
) -> Mapping[str, Mapping[str, tuple[Link, ...]]]:
    backlinks = dict(since.backlinks)
    for code, corpus in site.corpora.items():
        pages = [uri for uri in again if language_of(uri).code == code]
        removed = [link for uri in pages for link in again[uri].links]
        added = [link for uri in pages for link in found[uri].links]
        if was is not None:
            before, now = set(front_matter_links(was.corpora[code])), front_matter_links(corpus)
            removed += before.difference(now)
            added += [link for link in now if link not in before]
        if removed or added:
            backlinks[code] = backlinks_again(since.backlinks[code], removed, added)
    return MappingProxyType(backlinks)


def derived_files(
    site: PreparedSite, derived: Derived, ctx: BuildContext
) -> tuple[GeneratedFile, ...]:
    """The files that need every page's links: the open data (briefs.json, its tables)."""
    return tuple(data_files(site.corpus, ctx, derived.backlinks[SOURCE.code]))


def derived_paths() -> frozenset[str]:
    """Where ``derived_files`` go, whatever the content."""
    return frozenset(f"{DATA_DIR}/{path}" for path in (BRIEFS, PACKAGE, *(t.path for t in TABLES)))
