"""The MkDocs plugin: MkDocs' events mapped onto the engine-neutral pipeline (``site.pipeline``).

  on_config            prepare: load, validate and generate; stage the output folder
  on_files             add the generated pages and assets; hand MkDocs the navigation
  on_nav               in a large build, render every page's Markdown ahead, in workers
  on_page_read_source  nothing to read for a loaded document or a page rendered ahead
  on_page_markdown     hand MkDocs a page's full Markdown; the linker starts on the page
  on_page_content      collect what the linker found; sanitize (the second defence); or
                       restore a page a worker rendered or the serve cache kept
  on_env               the barrier, every_page_rendered: stop on problems (a live preview shows
                       them instead), else keep the backlinks and add the open data that
                       needs them; in a large build, render every page's template ahead
  on_page_context      fill each brief's "Mentioned in"
  on_post_page         a worker's page as it made it; every page's Content-Security-Policy (not
                       while serving); while serving content with problems, the problems; each
                       finished page to the search index (a large build's, as workers finish)
  on_post_template     the policy for pages made from the theme alone (404.html)
  on_post_build        write the search index into the staged site, then publish it (not when a
                       strict build has warned): a failed index keeps the published site; while
                       serving, publish what changed, then index it (``preview``)
  on_serve             while serving, searches wait for the index of the pages served

A large build is one of 200 pages or more, outside ``serve`` or in its first build (before
the server's threads start): see ``render_ahead``. While serving, unchanged work comes from
``serve_cache`` and unchanged files are not written again (``preview``).
"""

from __future__ import annotations

import json
import logging
import re
import stat
import sys
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_date

from site_builder.content.diagnostics import (
    Diagnostic,
    plural,
    print_diagnostics,
    sort_diagnostics,
)
from site_builder.content.files import ignored, stamps, stops_the_build
from site_builder.content.languages import LANGUAGE, SOURCE, language_of, source_uri
from site_builder.content.loader import reload_document
from site_builder.content.model import Document
from site_builder.content.translations import split_name
from site_builder.markdown.linker import Linker, PageLinks
from site_builder.markdown.prerendered_html import Prerendered
from site_builder.mkdocs.internals import (
    populate_page,
    render_again,
    skip_rendering,
    wrap_builder,
    wrap_server,
    write_into,
    write_page,
)
from site_builder.mkdocs.languages import (
    language_meta,
    language_navs,
    names_url,
    names_urls,
    page_plural,
    page_translate,
    without_repeated_anchor_links,
)
from site_builder.mkdocs.preview import Preview, version
from site_builder.mkdocs.relpath_once import RelpathOnceExtension
from site_builder.mkdocs.render_ahead import (
    AHEAD_TEMPLATE,
    PageStore,
    Populated,
    build_ahead,
    populate_ahead,
    renderer,
    stub_template,
    write_ahead,
)
from site_builder.mkdocs.serve_cache import (
    Built,
    Markdown,
    Records,
    Rendered,
    ServeCache,
    digest,
    freeze_heap,
    replay,
    thaw_heap,
    tree_signature,
)
from site_builder.mkdocs.shared_nav import shared_navs
from site_builder.mkdocs.shared_pages import SharedPages
from site_builder.mkdocs.staging import Staging
from site_builder.render.brief_page import BACKLINKS_PLACEHOLDER, backlinks_html
from site_builder.render.catalogue import translate
from site_builder.render.fragments import Fragments
from site_builder.render.jinja_cache import bytecode_cache
from site_builder.render.json_ld import json_ld
from site_builder.render.labels import page_description
from site_builder.render.problems import problems_page
from site_builder.safety.csp import with_policy
from site_builder.safety.sanitize import sanitized
from site_builder.site.body_edits import with_bodies
from site_builder.site.config_file import templates_dir
from site_builder.site.context import BuildContext, build_date
from site_builder.site.navigation import listed_pages
from site_builder.site.pipeline import (
    Derived,
    PreparedSite,
    derived_files,
    derived_paths,
    every_page_rendered,
    prepare,
)
from site_builder.site.search_index import INDEX_FOLDER, Excerpt, SearchIndex, SearchIndexError
from site_builder.site.workers import workers_for
from site_builder.text.names import changed_names

#: Markdown that MkDocs resolves against the site's files as it renders: links and images.
_LINKS_TO_FILES = re.compile(r"\]\(|^ {0,3}\[[^\]]*\]:|<(?:a|img)\b", re.MULTILINE | re.IGNORECASE)

_log = logging.getLogger("mkdocs.plugins.dialogue")

#: What MkDocs' loop writes, to the null device, for a page its worker wrote: not nothing,
#: which MkDocs would log as a page skipped.
_WRITTEN = "<!-- written by a worker -->"


class DialoguePluginConfig(Config):
    nav_limit = config_options.Type(int, default=40)
    """A kind's briefs are listed in the navigation while there are at most this many."""
    atomic = config_options.Type(bool, default=True)
    """Build into a staging folder and swap it in only after success."""
    workers = config_options.Type(int, default=0)
    """Processes that load and render in a build: 0 is one per core once the site is large."""
    languages = config_options.ListOfItems(
        config_options.Choice(tuple(LANGUAGE)), default=[SOURCE.code]
    )
    """The language sites to publish (``content.languages``); English, the source, always.
    The repository's mkdocs.yml publishes all four."""
    search = config_options.Type(bool, default=True)
    """Index the site for search (Pagefind). Off only to measure what indexing costs
    (``benchmarks/search_cost.py``): the search box then finds nothing."""


@dataclass
class _Build:
    """What one build learns as MkDocs' events go by; a new one for every build."""

    site: PreparedSite
    linker: Linker
    #: What rendering each page found, by source path: a page rendered twice counts once.
    found: dict[str, PageLinks] = field(default_factory=dict)
    #: Pages rendered ahead by workers: their Markdown, then their finished HTML (while
    #: serving), or in a build the pages the workers wrote, and their contents between.
    populated: dict[str, Populated[PageLinks]] = field(default_factory=dict)
    built: dict[str, str] = field(default_factory=dict)
    written: set[str] = field(default_factory=set)
    store: PageStore | None = None
    derived: Derived | None = None
    nav: Navigation | None = None
    #: Each language's part of the navigation, by language code.
    navs: dict[str, Navigation] = field(default_factory=dict)
    workers: int = 1
    #: While serving content with problems, the page every URL shows instead.
    problems_page: str | None = None
    #: The search index, fed every finished page (from on_env on; none while showing problems,
    #: none while serving: a preview indexes after publishing, ``preview``).
    search: SearchIndex | None = None
    #: Whether workers build the pages' templates: the index is then fed as they finish.
    ahead: bool = False
    serving: _Serving | None = None
    #: While serving, what a rebuild of the edited pages alone starts from (``rebuild_edited``):
    #: the MkDocs objects this build made, content/'s entries as it found them, and a digest
    #: of what else a save may change (the configuration file, the theme, the date).
    config: MkDocsConfig | None = None
    files: Files | None = None
    pages: list[Page] = field(default_factory=list)
    env: Any = None
    #: Pages a first serve build renders in its own process, not in workers (``on_nav``).
    warm: set[str] = field(default_factory=set)
    stamps: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    watched: str = ""
    #: English bodies converted once for the other sites (in a build, and in each serve rebuild).
    shared: SharedPages | None = None


@dataclass
class _Serving:
    """What one serve rebuild knows of its inputs, and what it took from the cache."""

    #: Digests of the settings (configuration, theme), of the set of files, and of every
    #: document's face (``serve_cache``).
    settings: str = ""
    files: str = ""
    faces: str = ""
    #: Each document's face, by source path.
    by_uri: dict[str, str] = field(default_factory=dict)
    #: Whether every page reads of other pages what it read in the last rebuild.
    same_reads: bool = False
    #: The names whose links changed since the last rebuild, by language.
    changed: dict[str, frozenset[str]] = field(default_factory=dict)
    #: After a front-matter edit rebuilds some pages (``_read_again``): the slugs that read
    #: otherwise than in the last rebuild, by language; None in a whole rebuild.
    moved: dict[str, frozenset[str]] | None = None
    #: Each page's rendering key, and the renderings taken from the cache.
    keys: dict[str, str] = field(default_factory=dict)
    #: Each page's Markdown key (``_holds``).
    markdowns: dict[str, str] = field(default_factory=dict)
    #: A digest of each page's links, and of what its rendering made (``Rendered``). Two
    #: renderings under one key differ where what they read of other pages changed.
    links: dict[str, str] = field(default_factory=dict)
    contents: dict[str, str] = field(default_factory=dict)
    kept: dict[str, Rendered] = field(default_factory=dict)
    records: dict[str, Records] = field(default_factory=dict)
    #: Made by a worker of the first build: a page's rendering key, records and Markdown.
    made: dict[str, tuple[str, tuple[Any, ...], str, Markdown]] = field(default_factory=dict)
    #: Each page's template key, and the versions of the finished pages taken from the cache.
    templates: dict[str, str] = field(default_factory=dict)
    versions: dict[str, str] = field(default_factory=dict)

    def face(self, doc: Document) -> str:
        return self.by_uri[doc.src_uri]


class DialoguePlugin(BasePlugin[DialoguePluginConfig]):
    def __init__(self) -> None:
        self.cache: ServeCache | None = None
        self.preview: Preview | None = None
        self.staging: Staging | None = None
        #: The last serve rebuild, while its pages may be amended (``rebuild_edited``).
        self.served: _Build | None = None
        #: While serving, the rows of overview pages kept from the last rebuild, and the
        #: configuration, theme and date they were made with (``_watched``).
        self.fragments: Fragments | None = None
        self.fragments_of = ""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """MkDocs keeps a plugin with this hook between serve rebuilds: so the cache lives."""
        self.cache = ServeCache() if command == "serve" else None
        self.preview = Preview() if command == "serve" else None
        self.fragments = Fragments() if command == "serve" else None

    def on_shutdown(self) -> None:
        if self.preview is not None:
            self.preview.close()
            thaw_heap()
        self.cache = self.preview = self.fragments = None

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        """Searches wait for the index of the pages being served (``preview``); a save that
        changed English documents alone rebuilds the pages that show them (``rebuild_edited``)."""
        if self.preview is not None:
            preview = self.preview
            mount = getattr(server, "mount_path", "/")
            wrap_server(server, lambda app: preview.gate(app, mount))
            wrap_builder(server, self._rebuilder)
        return server

    def _rebuilder(self, builder: Any) -> Any:
        def rebuild() -> None:
            if not self.rebuild_edited():
                builder()

        return rebuild

    def settled(self, timeout: float | None = None) -> bool:
        """While serving: whether what is made after publishing (search index, open data) is
        written, within ``timeout`` (tests)."""
        return self.preview is None or self.preview.settled(timeout)

    def rebuild_edited(self) -> bool:
        """While serving, after a save: where only English documents changed, render their
        pages again, the pages whose Markdown or rendering read what changed of them (a
        renamed brief's mentions, the overview pages: ``serve_cache``), and the pages whose
        "Mentioned in" or anchor checks that changes, and publish those; every other page is
        as the last rebuild left it, which is what a whole rebuild would take from the cache.
        A body edit keeps the rest of the site as it is (``site.body_edits``); an edit of front
        matter prepares the site again (``_prepared_again``). False where this cannot do,
        with nothing changed: MkDocs' whole rebuild follows."""
        build, cache = self.served, self.cache
        if build is None or cache is None or build.config is None:
            return False
        self.served = None  # until this rebuild has succeeded
        start, docs = time.monotonic(), Path(build.config.docs_dir)
        now = _stamps(docs)
        if _watched(build.config) != build.watched or now.keys() != build.stamps.keys():
            return False
        cache.keep_all()
        edited = []
        for path in sorted(p for p, stamp in now.items() if stamp != build.stamps[p]):
            doc = reload_document(docs, path, cache)
            edited.append(doc)
            if doc is None:
                break
        site = was = None
        if None not in edited:
            site = with_bodies(build.site, edited)  # type: ignore[arg-type]
            if site is None:
                was, site = build.site, self._prepared_again(build.site, build.config)
        try:
            amended = site is not None and self._amend(build, site, was)
        except Exception:  # the whole rebuild that follows meets it again, and says so
            _log.debug("rebuilding the edited pages failed", exc_info=True)
            amended = False
        if not amended:
            cache.forget_failed_build()
            if self.staging is not None:
                self.staging.discard()
            return False
        build.stamps, self.served = now, build
        freeze_heap()
        seconds, files = time.monotonic() - start, plural(len(edited), "edited file")
        _log.info(f"Documentation built in {seconds:.2f} seconds ({files}, their pages alone)")
        return True

    def _prepared_again(self, last: PreparedSite, config: MkDocsConfig) -> PreparedSite | None:
        """The site prepared again after a save that changed front matter, or None where that
        changed more than pages: the navigation or a page in it (which every page shows), the
        set of pages, the problems (the whole rebuild shows them)."""
        site = self._prepare(config, workers=1)  # beside the server's threads: no fork
        edited = _pages_of_changed(last, site)
        same = (
            site.nav == last.nav
            and edited.isdisjoint(listed_pages(site.nav))
            and site.problems == last.problems
            and site.documents.keys() == last.documents.keys()
            and site.generated.keys() == last.generated.keys()
            and site.stand_ins.keys() == last.stand_ins.keys()
            and [a.src_uri for a in site.assets] == [a.src_uri for a in last.assets]
        )
        return site if same else None

    def _amend(self, build: _Build, site: PreparedSite, was: PreparedSite | None) -> bool:
        """``rebuild_edited`` once the edited documents are read, ``was`` the site before if
        their front matter changed: False if a page has problems (the whole rebuild shows
        them)."""
        config, files, serving, cache, preview = (
            build.config, build.files, build.serving, self.cache, self.preview
        )  # fmt: skip
        assert config and files and serving and cache and preview and build.derived
        pages = {page.file.src_uri: page for page in build.pages}
        changed = _pages_of_changed(build.site, site)
        before = {uri: _keys(serving, uri) for uri in pages}
        build.site = site
        self.staging = Staging(config, atomic=True)
        preview.amend()
        if was is None:
            serving.same_reads, serving.changed = True, {}
        else:
            changed |= self._read_again(config, files, was, pages.keys() - changed)
        build.shared = _shared_anew(build, len(site.corpora))
        last = {uri: build.found[uri] for uri in changed}
        self._populate_again([pages[uri] for uri in pages if uri in changed], config, files)
        derived = every_page_rendered(site, build.found, build.derived, last, was)
        if derived.failed:
            return False
        also = _affected(build.derived, derived, site, pages, changed, was)
        self._populate_again([pages[uri] for uri in pages if uri in also - changed], config, files)
        redo = [page for uri, page in pages.items() if uri in changed | also]
        without_repeated_anchor_links(redo, site, files)
        build.derived = derived
        self._add_derived_files(config, files)
        self._templates_kept(redo, files)
        self._write(build, redo)
        for uri, key in serving.keys.items():  # as a whole rebuild logs them again
            kept = cache.last.get(key) if uri not in changed else None
            if isinstance(kept, Rendered):
                replay(kept.records)
        for page in pages.values():
            page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
        cache.forget({k for uri in pages for k in before[uri] - _keys(serving, uri)})
        cache.keep_used()
        cache.names = dict(build.linker.matcher_names)
        if self.fragments is not None:
            self.fragments.keep_all()
        self.staging.publish(config, preview.publish)
        return True

    def _read_again(
        self, config: MkDocsConfig, files: Files, was: PreparedSite, others: set[str]
    ) -> set[str]:
        """After a front-matter edit: the linker of the new site's names (in place of the
        last one among the Markdown extensions), what each page reads of others, and the
        generated files made again; the pages of ``others`` whose last Markdown or rendering
        no longer holds."""
        build = self.build
        linker = Linker(build.site.corpus, self.ctx, corpora=build.site.corpora)
        extensions = config.markdown_extensions
        extensions[extensions.index(build.linker.extension)] = linker.extension  # type: ignore[arg-type]
        assert build.serving is not None
        build.serving.moved, build.linker = linker.moved_since(build.linker), linker
        self._read_faces(build.serving)
        self._assets_again(was, build.site, files)
        return {uri for uri in others if not self._holds(uri)}

    def _holds(self, uri: str) -> bool:
        """Whether a page's Markdown and rendering of the last rebuild hold in this one (the
        page's own document unchanged)."""
        serving, cache = self.build.serving, self.cache
        assert serving is not None and cache is not None
        markdown = cache.last.get(serving.markdowns.get(uri, ""))
        kept = cache.last.get(serving.keys.get(uri, ""))
        doc = self.build.site.documents.get(uri)
        return self._markdown_holds(uri, markdown) and self._rendering_holds(doc, kept)

    def _assets_again(self, was: PreparedSite, site: PreparedSite, files: Files) -> None:
        """The generated files that changed (the diagram, the feeds), written again."""
        assert self.preview is not None and self.build.config is not None
        for old, new in zip(was.assets, site.assets, strict=True):
            if new.content == old.content:
                continue
            file = files.get_file_from_path(new.src_uri)
            assert file is not None
            if isinstance(new.content, bytes):
                file.content_bytes = new.content
            else:
                file.content_string = new.content
            write_into(file, self.build.config.site_dir)
            self.preview.static_files(Files([file]))
            file.copy_file()

    def _write(self, build: _Build, pages: list[Page]) -> None:
        """Each page's template rendered and written into the staging folder, as MkDocs'
        loop does it (a page served as it is goes nowhere, ``preview``); a page whose
        template output is kept (``_templates_kept``) renders the stub for it."""
        assert build.config is not None and build.nav is not None
        render = renderer(build.pages, build.config, build.nav, build.env)
        for page in pages:
            if page.file.src_uri in build.built:
                page.meta["template"] = AHEAD_TEMPLATE
            write_into(page.file, build.config.site_dir)
            output = render(page)
            if output.strip():
                write_page(page, output)

    def _populate_again(self, pages: list[Page], config: MkDocsConfig, files: Files) -> None:
        """Each page's Markdown rendered (or its rendering taken from the cache) again."""
        build, serving = self.build, self.build.serving
        assert serving is not None
        for page in pages:
            uri = page.file.src_uri
            for made in (build.populated, build.built, serving.kept, serving.templates):
                made.pop(uri, None)
            render_again(page)
            populate_page(page, config, files)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        prerendered = Prerendered()
        watched = _watched(config) if self.cache is not None else ""
        if self.fragments is not None and watched != self.fragments_of:
            self.fragments, self.fragments_of = Fragments(), watched  # another theme's rows
        self.ctx = BuildContext(
            templates_dir=templates_dir(
                Path(config.config_file_path or ".").parent, config.theme.custom_dir
            ),
            build_date=build_date(),
            site_name=config.site_name,
            site_description=config.site_description or "",
            site_url=config.site_url or None,
            directory_urls=config.use_directory_urls,
            prerendered=prerendered,
            fragments=self.fragments,
        )
        if not config.repo_url:
            config.edit_uri = None  # no repository to edit in (REPO_URL unset): no edit links
        self.served = None
        found: dict[str, tuple[int, int, int]] = {}
        if self.cache is not None:
            thaw_heap()  # a whole rebuild replaces most of what the last one left
            self.cache.forget_failed_build()
            # Before the files are read: a save made while they are is a change next time.
            found = _stamps(Path(config.docs_dir))
        site = self._prepare(config, self._workers_wanted(config))
        if stops_the_build(list(site.problems)):
            # A link or a special file: MkDocs' own walk of docs_dir, next, would follow the link
            # (or block on the FIFO). Stop before it, with every problem the loader found.
            _stop(site.problems)
        if site.degraded:
            # Pages are rendered only to find their problems, and most are left out (generated
            # pages, other languages' English ones): MkDocs would warn of links to them.
            config.validation.links.not_found = logging.DEBUG
        self.build = _Build(site, Linker(site.corpus, self.ctx, corpora=site.corpora))
        self.build.config, self.build.stamps, self.build.watched = config, found, watched
        if not site.degraded:
            self.build.shared = SharedPages(self.build.linker, prerendered, len(site.corpora))
        extensions = [self.build.linker.extension, prerendered.extension, RelpathOnceExtension()]
        config.markdown_extensions.extend(extensions)  # type: ignore[arg-type]
        # A preview publishes what changed in place of the served files: so always staged.
        self.staging = Staging(config, atomic=self.config.atomic or self.preview is not None)
        if self.preview is not None:
            self.preview.begin(search=self.config.search)
        return config

    def _prepare(self, config: MkDocsConfig, workers: int) -> PreparedSite:
        return prepare(
            Path(config.docs_dir),
            self.ctx,
            workers=workers,
            theme_dirs=[Path(d) for d in config.theme.dirs],
            nav_limit=self.config.nav_limit,
            languages=[LANGUAGE[code] for code in self.config.languages],
            memo=self.cache,
        )

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        site = self.build.site
        # Editor backups ("kosovo.md~") are no content: the loader skips them, so nothing
        # checked them, and MkDocs would publish them as they are.
        for backup in [f for f in files if f.src_uri.endswith("~")]:
            files.remove(backup)
        # Translation files are read by the loader; their pages are in their languages' sites.
        for translation in [f for f in files if _is_translation(f.src_uri)]:
            files.remove(translation)
        # Other languages' pages, and translations left out (whose bodies are still checked).
        for doc in [*site.documents.values(), *(s.document for s in site.stand_ins.values())]:
            if doc.language != SOURCE.code:
                front_matter = f"---\ntitle: {json.dumps(doc.title)}\n---\n"
                files.append(File.generated(config, doc.src_uri, content=front_matter))
        # A generated page is a title here; its Markdown is made when it is rendered (which a
        # large build does in workers, on_page_markdown).
        for spec in site.generated.values():
            front_matter = f"---\ntitle: {json.dumps(spec.title)}\n---\n"
            files.append(File.generated(config, spec.src_uri, content=front_matter))
        for asset in site.assets:
            files.append(File.generated(config, asset.src_uri, content=asset.content))
        config.nav = list(site.nav)
        self.build.files = files
        if self.cache is not None and not site.degraded:  # only serving reuses work
            self._begin_serving(config, files)
        return files

    def _begin_serving(self, config: MkDocsConfig, files: Files) -> None:
        """The digests this rebuild's keys are made of, and what changed since the last."""
        settings = digest(
            self.build.watched,  # the configuration file, the theme, the date
            config.docs_dir,
            config.site_url,
            config.use_directory_urls,
            [e for e in config.markdown_extensions if isinstance(e, str)],
            config.mdx_configs,
            dict(self.config),
            replace(self.ctx, prerendered=None),
        )
        on_files = digest(sorted(f.src_uri for f in files))
        self.build.serving = _Serving(settings, on_files)
        self._read_faces(self.build.serving)

    def _read_faces(self, serving: _Serving) -> None:
        """Every document's face, and whether pages read of others what they read last."""
        assert self.cache is not None
        cache, site, linker = self.cache, self.build.site, self.build.linker
        # What translations say of their English files (``generated.review``) reads the
        # version of those files, bodies and all.
        translated = {slug for _, slug in site.corpus.translations}
        by_uri = {d.src_uri: cache.face(d) for c in site.corpora.values() for d in c.documents}
        faces = digest(
            serving.settings,
            serving.files,
            sorted(site.corpus.translations.items()),
            [
                (
                    code,
                    [
                        (d.src_uri, by_uri[d.src_uri], d.version if d.slug in translated else None)
                        for d in c.documents
                    ],
                    c.unloaded,
                    c.assets,
                )
                for code, c in site.corpora.items()
            ],
        )
        serving.faces, serving.by_uri = faces, by_uri
        linker.recording = True
        names = linker.matcher_names
        serving.same_reads = cache.names is not None and cache.get("faces") == faces
        if not serving.same_reads and cache.names is not None:
            serving.changed = {
                code: changed_names(cache.names.get(code, {}), now) for code, now in names.items()
            }
        cache.put("faces", faces)

    @event_priority(-100)
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        """A large build renders every page's Markdown ahead, in workers."""
        build = self.build
        build.navs = language_navs(nav)
        # MkDocs renders theme templates (404.html) with this one: the source language's.
        nav = build.nav = build.navs[SOURCE.code]
        pages = _pages(files, config)
        # A serve rebuild runs beside the server's threads, where forking is unsafe; it
        # renders few pages anyway. Workers render the first build, before the threads start.
        build.workers = workers_for(len(pages), self._workers_wanted(config))
        first = self.cache is None or self.cache.names is None
        if build.workers > 1 and threading.active_count() == 1 and first:
            # A build keeps no page's HTML here; serve keeps it all, to reuse.
            build.store = PageStore() if self.cache is None else None
            # Serve renders a brief of each language itself, so that its first rebuild finds
            # the templates, locale data and Markdown extensions loaded.
            build.warm = _a_brief_of_each_language(pages, build.site) if self.cache else set()
            build.populated = populate_ahead(
                [page for page in pages if page.file.src_uri not in build.warm],
                config,
                files,
                build.workers,
                lambda page: self._found_ahead(page.file.src_uri),
                self._is_overview,
                build.store,
                # A brief's pages in every site to one worker: it converts the English body
                # once for them all (``shared_pages``) and lets go of it after the last.
                lambda page: source_uri(page.file.src_uri),
            )
        else:
            build.workers = 1
        return nav

    def _found_ahead(self, uri: str) -> Any:
        """What a worker hands back with a page besides the page: what the linker found, and
        while serving what the cache keeps of it and the rows it made (``render.fragments``).
        The worker keeps none of it: it renders thousands of pages of a large site."""
        serving, found = self.build.serving, self.build.found.pop(uri)
        # A page restored from another site's conversion found what it found: one object,
        # which the worker's results (a brief's pages, ``populate_ahead``) pickle once.
        if serving is None:
            return found
        assert self.fragments is not None
        return found, serving.made.get(uri), self.fragments.take()

    def on_page_read_source(self, page: Page, config: MkDocsConfig) -> str | None:
        """Nothing to read for a document the loader has read and checked, or a page rendered
        ahead: on_page_markdown gives the first its Markdown, on_page_content restores the other.
        """
        uri, site = page.file.src_uri, self.build.site
        if uri in self.build.populated or (uri in site.documents and uri not in site.stand_ins):
            return ""
        return None

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        uri, build = page.file.src_uri, self.build
        site, linker = build.site, build.linker
        if uri in build.populated:  # a worker rendered it: on_page_content restores it
            skip_rendering(page)
            return ""
        stand_in = site.stand_ins.get(uri)
        if stand_in is not None:  # left out for its own problems: check its body all the same
            linker.begin_page(stand_in.document, check_citations=stand_in.sources_known)
            return linker.bounded(stand_in.document.body)
        doc, spec = site.documents.get(uri), site.generated.get(uri)
        page.meta.update(language_meta(uri, site))
        if doc is not None:
            # The theme prints meta values as they are and reads some keys itself (a dispute's
            # `status` would become a page-status icon): give it only escaped values it needs,
            # and for search (theme/main.html) the kind's label and that the page is searchable.
            page.meta = {
                **page.meta,
                "title": escape(doc.title),
                "description": escape(doc.summary),
                "kind": translate(doc.language, f"kind.{doc.kind}"),
                "searchable": True,
            }
        elif spec is not None:
            page.meta["description"] = escape(page_description(spec.page, spec.language.code))
            page.meta["searchable"] = spec.page.searchable
        else:  # refused by the loader before it could be read (too large, not text): no page
            return ""
        serving = build.serving
        if serving is None:
            if self.cache is None and self.ctx.prerendered is not None:
                # A page's blocks are made with its Markdown and put back by its conversion:
                # none is read after its page (a large build's worker held every one).
                self.ctx.prerendered.clear()
            markdown = site.markdown(uri, self.ctx)
        else:
            kept = self._kept_or_key(uri, doc)
            if kept is None:  # rendered in an earlier rebuild: on_page_content restores it
                skip_rendering(page)
                return ""
            markdown = kept
        if doc is None:
            return markdown
        neutral = build.shared.markdown(uri, doc, markdown) if build.shared else None
        if build.shared is not None and uri in build.shared.restoring:
            skip_rendering(page)  # another site's conversion: on_page_content restores it
            return ""
        if neutral is not None:
            return neutral
        linker.begin_page(doc)
        return linker.bounded(markdown)

    def _json_ld(self, doc: Any) -> str:
        serving = self.build.serving
        if serving is None or self.cache is None:
            return json_ld(doc, self.ctx)
        key = digest("json-ld", serving.settings, self.cache.identity(doc))
        found = self.cache.get(key)
        return self.cache.put(key, json_ld(doc, self.ctx)) if found is None else found

    def _kept_or_key(self, uri: str, doc: Any) -> str | None:
        """While serving: None for a page whose rendering is kept, else its Markdown (and the
        rendering's key is noted, and what MkDocs logs while rendering it is captured)."""
        cache, build = self.cache, self.build
        serving = build.serving
        assert cache is not None and serving is not None
        identity = cache.identity(doc) if doc is not None else ""
        markdown_key = digest("markdown", serving.settings, uri, identity)
        markdown: Markdown | None = cache.last.get(markdown_key)
        if not self._markdown_holds(uri, markdown):
            text, lookups = build.site.markdown_reading(uri, self.ctx, serving.face)
            blocks = self.ctx.prerendered.blocks(text)  # type: ignore[union-attr]
            resolves = _LINKS_TO_FILES.search(text) is not None
            markdown = Markdown(text, digest(text), blocks, lookups, resolves)
        cache.put(markdown_key, markdown)
        key = digest(
            "page",
            serving.settings,
            uri,
            # A page shown in English in another language has the English page's file and body.
            (doc.path, doc.body_line, serving.face(doc)) if doc is not None else None,
            markdown.digest,
            serving.files if markdown.resolves else None,
        )
        kept: Rendered | None = cache.last.get(key)
        serving.keys[uri], serving.markdowns[uri] = key, markdown_key
        if self._rendering_holds(doc, kept):
            serving.kept[uri] = cache.get(key)
            return None
        serving.made[uri] = (key, (), markdown_key, markdown)
        self.ctx.prerendered.add(markdown.blocks)  # type: ignore[union-attr]
        serving.records[uri] = Records()
        return markdown.text

    def _markdown_holds(self, uri: str, markdown: Markdown | None) -> bool:
        """Whether a page's Markdown made in an earlier rebuild is what it would be now."""
        serving = self.build.serving
        assert serving is not None
        if markdown is None or serving.same_reads:
            return markdown is not None
        lookups = markdown.lookups
        return lookups is not None and lookups.hold(self.build.site.corpus_of(uri), serving.face)

    def _rendering_holds(self, doc: Document | None, kept: Rendered | None) -> bool:
        """Whether a page's rendering (of the same Markdown) in an earlier rebuild is what it
        would be now: the linker reads of other pages what it read then."""
        serving = self.build.serving
        assert serving is not None
        if kept is None or doc is None or serving.same_reads:
            return kept is not None
        reads, linker = kept.populated.extra.reads, self.build.linker
        changed = serving.changed.get(doc.language, frozenset())
        if reads is None or serving.moved is None:
            return reads is not None and reads.hold(linker, doc.language, changed)
        return reads.held_since(linker, doc.language, changed, serving.moved[doc.language])

    def on_page_content(
        self, html: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        uri, build = page.file.src_uri, self.build
        serving = build.serving
        kept = serving.kept.get(uri) if serving is not None else None
        ahead = build.populated.get(uri)
        shared, doc = build.shared, build.site.documents.get(uri)
        restored = shared.restore(uri, page, files, doc) if shared and doc else None
        if restored is not None:  # converted for another site, and sanitized (``_fill``)
            html, found = page.content, restored
            records = serving.records.pop(uri).done() if serving is not None else ()
            self._rendered_here(uri, page, html, found, records)
        elif kept is not None:  # rendered in an earlier rebuild
            serving.links[uri] = kept.links  # type: ignore[union-attr]
            serving.contents[uri] = kept.version  # type: ignore[union-attr]
            kept.populated.restore(page, files, meta=False)
            replay(kept.records)
            html, found = kept.populated.content, kept.populated.extra
        elif ahead is not None:  # by a worker
            ahead.restore(page, files)
            html, found = ahead.content, ahead.extra
            if self.cache is None:  # restored for good: a build keeps nothing for a rebuild
                del build.populated[uri]
            if serving is not None:
                found, made, rows = found
                assert self.fragments is not None
                self.fragments.add(rows)
                if made is not None:
                    serving.keys[uri], serving.markdowns[uri] = made[0], made[2]
                    self._keep(uri, replace(ahead, extra=found), made)
        else:
            records = serving.records.pop(uri).done() if serving and uri in serving.records else ()
            found = build.linker.end_page()  # nothing found on a generated page
            if shared is not None and doc is not None and uri in shared.converting:
                html = shared.converted(uri, page, html, found, doc)  # and sanitized
            else:
                html = sanitized(html)
            self._rendered_here(uri, page, html, found, records)
        build.found[uri] = found
        return html

    def _rendered_here(
        self, uri: str, page: Page, html: str, found: PageLinks, records: tuple[Any, ...]
    ) -> None:
        """While serving, a page rendered (or restored from another site's conversion) in
        this rebuild, kept with what MkDocs logged meanwhile."""
        serving = self.build.serving
        if serving is not None and uri in serving.made:
            made = (serving.keys[uri], records, *serving.made[uri][2:])
            serving.made[uri] = made
            self._keep(uri, Populated.capture(page, html, found), made)

    def _keep(self, uri: str, populated: Populated[PageLinks], made: tuple[Any, ...]) -> None:
        assert self.cache is not None
        key, records, markdown_key, markdown = made
        self.cache.put(markdown_key, markdown)
        version = digest(populated.content, _toc_key(populated.toc), populated.title_from_render)
        rendered = Rendered(populated, records, digest(populated.extra.links), version)
        self.cache.put(key, rendered)
        assert self.build.serving is not None
        self.build.serving.links[uri] = rendered.links
        self.build.serving.contents[uri] = rendered.version

    @event_priority(100)
    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        build = self.build
        env.globals.update(site_builder_t=page_translate, site_builder_plural=page_plural)
        env.globals["site_builder_names_url"] = names_url(files)
        without_repeated_anchor_links(_pages(files, config), build.site, files)
        build.derived = every_page_rendered(build.site, build.found)
        if self.cache is None:  # what the pages found is in the backlinks now
            build.found = {}
        if build.derived.failed:
            if self.cache is None:
                _stop(build.derived.problems)
            # A live preview keeps going: every page shows the problems until a save fixes them.
            print_diagnostics(list(build.derived.problems), sys.stderr)
            build.problems_page = problems_page(list(build.derived.problems))
            return env
        self._add_derived_files(config, files)
        env.bytecode_cache = bytecode_cache("theme", env.filters)
        if build.nav is not None:
            env.globals["site_builder_nav"] = shared_navs(build.navs, config)
        pages = build.pages = _pages(files, config)
        if build.serving is not None:
            self._templates_kept(pages, files)
        # A preview indexes what it serves once it is published (``preview``).
        build.search = self._search_index() if self.preview is None else None
        made = build.built.keys() | build.warm  # rendered already, or here
        ahead = [page for page in pages if page.file.src_uri not in made]
        if build.workers > 1 and build.nav is not None and ahead:  # every page's template, ahead
            self._build_ahead(ahead, config, env)
        if build.built or build.written or build.serving is not None:
            stub_template(env)  # while serving, for kept pages of later rebuilds (``_write``)
            for page in pages:  # MkDocs' loop then only writes what was made already
                if page.file.src_uri in build.built or page.file.src_uri in build.written:
                    page.meta["template"] = AHEAD_TEMPLATE
        if self.preview is not None:
            self.preview.static_files(files)
        build.env = env
        return env

    def _add_derived_files(self, config: MkDocsConfig, files: Files) -> None:
        """The files that need every page's links; a preview makes them once it is published."""
        build = self.build
        site, derived, ctx = build.site, build.derived, self.ctx
        assert derived is not None
        if self.preview is None:
            for asset in derived_files(site, derived, ctx):
                files.append(File.generated(config, asset.src_uri, content=asset.content))
            return
        serving = build.serving
        # Made of every face and of every page's links.
        key = digest(serving.faces, sorted(serving.links.items())) if serving else None
        made = lambda: ((f.src_uri, f.content) for f in derived_files(site, derived, ctx))  # noqa: E731
        self.preview.later(made, derived_paths(), key)

    def _build_ahead(self, pages: list[Page], config: MkDocsConfig, env: Any) -> None:
        """Every page's template rendered in workers: written by them in a build, kept for
        rebuilds while serving (whose preview indexes the pages once it has published them)."""
        build = self.build
        assert build.nav is not None
        build.ahead = True
        if build.store is not None:
            search = build.search
            write_ahead(
                pages, config, build.nav, env, build.workers, build.store, self._is_overview,
                search and (Excerpt.of, lambda page, made: search.add(page.file.dest_uri, made)),
            )  # fmt: skip
            build.written.update(page.file.src_uri for page in pages)
            build.store.close()
            if search is not None:
                search.request()  # Pagefind builds the index while MkDocs writes the rest
            return
        made = build_ahead(pages, config, build.nav, env, build.workers, self._is_overview)
        build.built.update(made)
        serving = build.serving
        if serving is not None:
            assert self.cache is not None
            for uri, output in made.items():
                built = Built(output, version(output))
                serving.versions[uri] = built.version
                if uri in serving.templates:
                    self.cache.put(serving.templates[uri], built)
        for page in pages:
            page.content = ""  # nothing reads it again

    def _templates_kept(self, pages: list[Page], files: Files) -> None:
        """While serving: every brief's "Mentioned in" now, then each page's template key,
        and the finished pages whose every input is as it was (``serve_cache``)."""
        build, cache = self.build, self.cache
        serving, derived = build.serving, build.derived
        assert serving is not None and cache is not None and derived is not None
        navs = {code: digest(_nav_key(nav.items)) for code, nav in build.navs.items()}
        names = names_urls(files)  # all a page's template reads of the site's files
        for page in pages:
            uri = page.file.src_uri
            rendering = serving.contents.get(uri)
            backlinks = self._fill_backlinks(page)
            if rendering is None:  # a page rendered without a key: nothing to go by
                continue
            doc = build.site.documents.get(uri)
            key = serving.templates[uri] = digest(
                "template",
                serving.settings,
                names,
                navs.get(language_of(uri).code),
                uri,
                rendering,  # the page's content: what its rendering made, its "Mentioned in"
                backlinks,
                page.url,
                page.canonical_url,
                page.edit_url,
                page.is_homepage,
                page.title,
                sorted(page.meta.items()),
                cache.identity(doc) if doc is not None else None,  # its JSON-LD's input
                _toc_key(page.toc),
                [(p.url, p.title) if p else None for p in (page.previous_page, page.next_page)],
                [a.title for a in page.ancestors],
            )
            built: Built | None = cache.get(key)
            if built is not None:
                build.built[uri] = built.output
                serving.versions[uri] = built.version

    def _fill_backlinks(self, page: Page) -> str | None:
        """A brief's "Mentioned in", in place of its placeholder; while serving, its key."""
        build = self.build
        assert build.derived is not None
        doc = build.site.documents.get(page.file.src_uri)
        if doc is None or not page.content or BACKLINKS_PLACEHOLDER not in page.content:
            return None
        links = build.derived.backlinks.get(doc.language, {}).get(doc.slug, ())
        corpus = build.site.corpora[doc.language]
        ctx = replace(self.ctx, language=LANGUAGE[doc.language])
        key = None
        if self.cache is None or build.serving is None:
            html = backlinks_html(doc, links, corpus, ctx)
        else:
            # The links come from their pages' renderings and front matter: the same links
            # from each page and the same faces, the same list (and the same titles to show).
            serving = build.serving
            keys, faces, sources = serving.links, serving.by_uri, []
            for slug in sorted({link.source for link in links}):
                source = corpus.by_slug.get(slug)
                if source is not None:
                    sources.append((slug, faces[source.src_uri], keys.get(source.src_uri)))
            exact = all(rendering is not None for _, _, rendering in sources)
            settings, face = serving.settings, faces[doc.src_uri]
            key = digest("backlinks", settings, face, sources, None if exact else links)
            found = self.cache.get(key)
            if found is not None:
                same, html = found
                self.cache.get(same)  # kept for the next build too
            else:
                # A page whose links changed may still link here as it did: then the list
                # is the same (made of its sources' faces and of the links themselves).
                titles = [(slug, face) for slug, face, _ in sources]
                same = digest("backlinks of", settings, face, titles, links)
                html = self.cache.get(same) or self.cache.put(
                    same, backlinks_html(doc, links, corpus, ctx)
                )
                self.cache.put(key, (same, html))
            key = same  # the list itself
        page.content = page.content.replace(BACKLINKS_PLACEHOLDER, html)
        return key

    def on_page_context(
        self, context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        build = self.build
        if build.navs:
            context["nav"] = build.navs[language_of(page.file.src_uri).code]
        uri = page.file.src_uri
        if uri in build.built or uri in build.written or not build.derived or build.derived.failed:
            return context
        doc = build.site.documents.get(uri)
        if doc is not None:
            # Made here, for its template alone: kept in page.meta from the first loop to the
            # second, 40,000 pages' JSON-LD was a tenth of a large build's parent.
            context["site_builder_json_ld"] = self._json_ld(doc)  # escaped for its script
        self._fill_backlinks(page)
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """Every built page gets its Content-Security-Policy (a worker's page got it there).

        A live preview has none: its server adds an inline reload script to every page, a new
        one each time, which no policy could know the hash of.
        """
        build, uri = self.build, page.file.src_uri
        serving = build.serving
        known = None
        if build.problems_page is not None:
            output = build.problems_page
        elif uri in build.written:
            return _WRITTEN  # for MkDocs to write nowhere
        elif uri in build.built:
            output = build.built[uri]
            known = serving.versions.get(uri) if serving is not None else None
        elif serving is not None and uri in serving.templates:
            assert self.cache is not None
            built = self.cache.put(serving.templates[uri], Built(output, version(output)))
            known = built.version
        elif self.cache is None:
            output = with_policy(output, page.content or "")
        if build.search is not None and not build.ahead:  # else given as workers finish
            build.search.add(page.file.dest_uri, output)
        if self.preview is not None:
            self.preview.page(page.file, output, known)
        return output

    def on_post_template(
        self, output_content: str, template_name: str, config: MkDocsConfig
    ) -> str:
        """Pages made from the theme alone (404.html) carry the policy too."""
        if self.cache is not None or not template_name.endswith(".html"):
            return output_content
        return with_policy(output_content, "")

    def on_post_build(self, config: MkDocsConfig) -> None:
        if self.cache is not None:
            build = self.build
            problems = build.problems_page is not None or build.serving is None
            self.cache.keep_used(showing_problems=problems, checked=build.serving is not None)
            if build.serving is not None:  # what the kept renderings were checked against
                self.cache.names = dict(build.linker.matcher_names)
            if self.fragments is not None and not problems:
                self.fragments.keep_used()
            if build.serving is not None and build.problems_page is None and build.stamps:
                self.served = build
        if self.preview is not None and self.staging is not None:
            # Published first, indexed after: searches wait for the index (``preview``).
            self.staging.publish(config, self.preview.publish)
            freeze_heap()
            return
        search, self.build.search = self.build.search, None
        try:
            if search is not None:
                search.write(Path(config.site_dir) / INDEX_FOLDER)
                _log.info(search.summary())  # shown with SITE_BUILDER_VERBOSE
        except SearchIndexError as error:
            raise PluginError(str(error)) from error  # on_build_error discards the staging
        if self.staging is not None:
            # Not when strict and warned: MkDocs fails the build next, and on_build_error
            # discards the staging.
            self.staging.publish(config)

    def on_build_error(self, error: Exception) -> None:
        build = getattr(self, "build", None)  # none if on_config stopped first
        if build is not None and build.store is not None:
            build.store.close()
        if build is not None and build.search is not None:
            build.search.close()  # stops Pagefind; nothing of its index is written
            build.search = None
        if self.staging is not None:
            self.staging.discard()

    def _search_index(self) -> SearchIndex | None:
        """A new search index for this build's pages (Pagefind started), unless search is off."""
        if not self.config.search:
            return None
        try:
            return SearchIndex()
        except SearchIndexError as error:
            raise PluginError(str(error)) from error

    def _is_overview(self, page: Page) -> bool:
        """A generated page: it gathers the whole corpus, so it costs as much as many briefs."""
        return page.file.src_uri in self.build.site.generated

    def _workers_wanted(self, config: MkDocsConfig) -> int:
        """The ``workers`` option (0: one per core for a large task), or 1.

        1 next to another plugin (workers would skip its page events). While serving, workers
        render only the first build, before the server's threads start (``on_nav``).
        """
        if set(config.plugins) != {"dialogue"}:
            return 1
        return self.config.workers


def _stamps(content: Path) -> dict[str, tuple[int, int, int]]:
    """content/'s entries (``files.stamps``) as a live preview compares them: without what the
    loader skips (an editor's swap files, backups), and folders by their type alone (saving
    a file by renaming another over it changes its folder's time)."""
    try:
        found = stamps(content)
    except OSError:  # gone, or unreadable: the whole rebuild says so
        return {}
    return {
        path: (mode, 0, 0) if stat.S_ISDIR(mode) else (mode, size, time_ns)
        for path, (mode, size, time_ns) in found.items()
        if not any(ignored(part) for part in path.split("/"))
    }


def _watched(config: MkDocsConfig) -> str:
    """What a save may change besides content/: the configuration file, the theme, the date."""
    config_file = Path(config.config_file_path) if config.config_file_path else None
    return digest(
        config_file.read_bytes() if config_file and config_file.is_file() else None,
        tree_signature(Path(config.theme.custom_dir) if config.theme.custom_dir else None),
        get_build_date(),
        build_date(),
    )


def _a_brief_of_each_language(pages: list[Page], site: PreparedSite) -> set[str]:
    found: dict[str, str] = {}
    for page in pages:
        doc = site.documents.get(page.file.src_uri)
        if doc is not None and doc.is_brief:
            found.setdefault(doc.language, doc.src_uri)
    return set(found.values())


def _shared_anew(build: _Build, sites: int) -> SharedPages | None:
    """The English bodies a rebuild of some pages converts once, with its linker."""
    shared = build.shared
    return None if shared is None else SharedPages(build.linker, shared.prerendered, sites)


def _pages_of_changed(last: PreparedSite, now: PreparedSite) -> set[str]:
    """The pages, in every language's site, of the English documents that are new objects."""
    edited = _edited(last, now)
    return {LANGUAGE[code].src_uri(doc.src_uri) for doc in edited for code in now.corpora}


def _linking_to(pages: dict[str, Page], uris: set[str]) -> set[str]:
    """The pages with links to anchors of these pages."""
    return {
        uri
        for uri, page in pages.items()
        if any(target.src_uri in uris for target in page.links_to_anchors or ())
    }


def _keys(serving: _Serving, uri: str) -> set[str]:
    """The cache's keys of what a page's last rendering made."""
    made = serving.made.get(uri)
    keys = {serving.keys.get(uri), serving.templates.get(uri), made[2] if made else None}
    return {key for key in keys if key is not None}


def _edited(last: PreparedSite, now: PreparedSite) -> list[Document]:
    """The English documents that are new objects."""
    return [doc for doc in now.corpus.documents if last.documents.get(doc.src_uri) is not doc]


def _affected(
    last: Derived,
    now: Derived,
    site: PreparedSite,
    pages: dict[str, Page],
    changed: set[str],
    was: PreparedSite | None,
) -> set[str]:
    """The pages whose "Mentioned in" lists other links now, or shows an edited document's
    face (``was``: the site before a front-matter edit), or whose links to anchors read the
    ``changed`` pages'."""
    affected = _backlinks_changed(last, now, site) | _linking_to(pages, changed)
    if was is not None:
        affected |= _mentioned_by(now, site, {doc.slug for doc in _edited(was, site)})
    return affected


def _mentioned_by(derived: Derived, site: PreparedSite, slugs: set[str]) -> set[str]:
    """The pages whose "Mentioned in" lists a page of one of these documents."""
    return {
        doc.src_uri
        for code, corpus in site.corpora.items()
        for slug, links in derived.backlinks.get(code, {}).items()
        if any(link.source in slugs for link in links) and (doc := corpus.by_slug.get(slug))
    }


def _backlinks_changed(last: Derived, now: Derived, site: PreparedSite) -> set[str]:
    """The pages whose "Mentioned in" lists other links now."""
    pages = set()
    for code, corpus in site.corpora.items():
        before, after = last.backlinks.get(code, {}), now.backlinks.get(code, {})
        for slug in before.keys() | after.keys():
            doc = corpus.by_slug.get(slug)
            if doc is not None and before.get(slug) != after.get(slug):
                pages.add(doc.src_uri)
    return pages


def _stop(problems: tuple[Diagnostic, ...]) -> None:
    """Print every problem and end the build, which then publishes nothing."""
    print_diagnostics(list(problems), sys.stderr)
    errors = sum(d.severity == "error" for d in sort_diagnostics(problems))
    raise PluginError(f"the content has {plural(errors, 'problem')}; nothing was written")


def _is_translation(src_uri: str) -> bool:
    return split_name(src_uri.rpartition("/")[2])[1] is not None


def _pages(files: Files, config: MkDocsConfig) -> list[Page]:
    """Every page MkDocs will render, made now for files outside the navigation, as MkDocs would."""
    for file in files.documentation_pages():
        if file.page is None:
            Page(None, file, config)
    return [file.page for file in files.documentation_pages() if file.page is not None]


def _nav_key(items: Any) -> list[Any]:
    """What the theme shows of a navigation: each item's kind, title, URL and metadata."""
    key: list[Any] = []
    for item in items:
        meta = sorted(item.meta.items()) if isinstance(item, Page) and item.meta else None
        children = _nav_key(item.children) if isinstance(item, Section) else None
        key.append((type(item).__name__, item.title, getattr(item, "url", None), meta, children))
    return key


def _toc_key(toc: Any) -> list[Any]:
    return [(a.title, a.url, a.level, _toc_key(a.children)) for a in toc or ()]
