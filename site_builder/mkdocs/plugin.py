"""The MkDocs plugin: thin glue from MkDocs events to the engine-independent core.

Order of events in one build, and what each does here:
  on_config        load and validate the content, set up the linker, stage the output folder
  on_files         add the generated pages and assets; lay out the navigation
  on_nav           in a large build, render every page's Markdown ahead, in workers
  on_page_read_source  nothing to read for a loaded document or a page rendered ahead
  on_page_markdown hand MkDocs the full Markdown of a document (infobox, body, sources, ...)
  on_page_content  collect the page's outgoing links and body problems; pass the content
                   through the sanitizer (the second defence)
  on_env           every page is rendered: stop on problems (a live preview shows them
                   instead), else derive the backlinks; in a
                   large build, render every page's template ahead, in workers
  on_page_context  fill each brief's "Mentioned in" section
  on_post_page     hand MkDocs a page its workers finished; give every page its
                   Content-Security-Policy (not while serving); while serving content with
                   problems, show the problems instead
  on_post_template the policy for pages made from the theme alone (404.html)
  on_post_build    publish the staged site folder (not when a strict build has warned)

A large build is one of 200 pages or more, outside ``serve``: see ``ahead`` and ``parallel``.

While serving, a page (content or generated) whose Markdown and whose cross-page inputs (every
brief's names, titles and summaries, the set of files, the Markdown settings) did not change
since the last rebuild is taken from a cache instead of being rendered again; so are its
search-index entries, and a brief's "Mentioned in" list when its backlinks did not change.
Loading, generating page Markdown and the backlinks themselves are always done afresh.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

from site_builder.content.diagnostics import Diagnostic, has_errors, plural, print_diagnostics
from site_builder.content.files import stops_the_build
from site_builder.content.loader import load_corpus
from site_builder.content.model import Corpus, Document, Link, StandIn
from site_builder.generated import PAGES, assets, data_files
from site_builder.generated.base import PageSpec
from site_builder.markdown.linker import Linker, PageLinks
from site_builder.markdown.prerendered_html import Islands
from site_builder.mkdocs.internals import search_index
from site_builder.mkdocs.material_search import add_entries
from site_builder.mkdocs.render_ahead import (
    AHEAD_TEMPLATE,
    Built,
    Populated,
    build_ahead,
    populate_ahead,
    stub_template,
)
from site_builder.mkdocs.shared_nav import shared_nav
from site_builder.render.brief_page import BACKLINKS_PLACEHOLDER, backlinks_html
from site_builder.render.jinja_cache import bytecode_cache
from site_builder.render.json_ld import json_ld
from site_builder.render.problems import problems_page
from site_builder.safety.csp import with_policy
from site_builder.safety.sanitize import sanitized
from site_builder.site import publish as atomic
from site_builder.site.config_file import templates_dir
from site_builder.site.context import BuildContext, build_date
from site_builder.site.link_targets import target_problems
from site_builder.site.links import backlinks, front_matter_links
from site_builder.site.navigation import navigation
from site_builder.site.pages import document_markdown
from site_builder.site.workers import workers_for


class DialoguePluginConfig(Config):
    nav_limit = config_options.Type(int, default=40)
    """A kind's briefs are listed in the navigation while there are at most this many."""
    atomic = config_options.Type(bool, default=True)
    """Build into a staging folder and swap it in only after success."""
    workers = config_options.Type(int, default=0)
    """Processes that load and render in a build: 0 is one per core once the site is large."""


@dataclass
class _ServeCache:
    """What the last build made (pages, search entries, backlinks), by a digest of its inputs.

    Only what the current build uses is kept, so the cache never outgrows one build.
    """

    last: dict[str, Any] = field(default_factory=dict)
    used: dict[str, Any] = field(default_factory=dict)

    def get(self, key: str) -> Any:
        value = self.last.get(key)
        if value is not None:
            self.used[key] = value
        return value

    def put(self, key: str, value: Any) -> Any:
        self.used[key] = value
        return value

    def keep_used(self) -> None:
        self.last, self.used = self.used, {}


def _digest(*parts: object) -> str:
    return hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()


class DialoguePlugin(BasePlugin[DialoguePluginConfig]):
    def __init__(self) -> None:
        self.cache: _ServeCache | None = None
        #: While serving content with problems, the page every URL shows instead.
        self.problems_page: str | None = None
        self.inputs = ""
        self.pending: dict[str, str] = {}
        self.corpus = Corpus(())
        self.documents: dict[str, Document] = {}
        self.stand_ins: dict[str, StandIn] = {}
        self.diagnostics: list[Diagnostic] = []  # the loader's; pages' are in ``found``
        self.found: dict[str, PageLinks] = {}
        self.backlinks: dict[str, tuple[Link, ...]] = {}
        self.generated_pages: dict[str, PageSpec] = {}
        self.staging: Path | None = None
        self.site_dir: Path | None = None
        self.warnings: CountHandler | None = None
        self.nav: Navigation | None = None
        self.workers = 1
        self.populated: dict[str, Populated[PageLinks]] = {}
        self.built: dict[str, Built] = {}

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """MkDocs keeps a plugin with this hook between serve rebuilds: so the cache lives."""
        self.cache = _ServeCache() if command == "serve" else None

    def on_shutdown(self) -> None:
        self.cache = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        islands = Islands()
        self.ctx = BuildContext(
            templates_dir=templates_dir(
                Path(config.config_file_path or ".").parent, config.theme.custom_dir
            ),
            build_date=build_date(),
            site_name=config.site_name,
            site_description=config.site_description or "",
            site_url=config.site_url or None,
            directory_urls=config.use_directory_urls,
            islands=islands,
        )
        if not config.repo_url:
            config.edit_uri = None  # no repository to edit in (REPO_URL unset): no edit links
        self.corpus, self.diagnostics = load_corpus(
            Path(config.docs_dir),
            workers=self._workers_wanted(config),
            theme_dirs=[Path(d) for d in config.theme.dirs],
        )
        if stops_the_build(self.diagnostics):
            # A link or a special file: MkDocs' own walk of docs_dir, next, would follow the link
            # (or block on the FIFO). Stop before it, with every problem the loader found.
            _stop(self.diagnostics)
        self.documents = {doc.src_uri: doc for doc in self.corpus.documents}
        self.stand_ins = {s.document.src_uri: s for s in self.corpus.stand_ins}
        self.found = {}
        self.problems_page = None
        if self.cache is not None:  # a failed build used nothing worth keeping
            self.cache.used = {}
        self.linker = Linker(self.corpus, self.ctx)
        config.markdown_extensions.extend([self.linker.extension, islands.extension])  # type: ignore[list-item]
        if config.strict:  # MkDocs counts warnings too, but only tells after on_post_build
            self.warnings = CountHandler()
            self.warnings.setLevel(logging.WARNING)
            logging.getLogger("mkdocs").addHandler(self.warnings)
        if self.config.atomic:
            self.site_dir = Path(config.site_dir)
            self.staging = atomic.staging_dir(self.site_dir)
            config.site_dir = str(self.staging)
        return config

    @property
    def _degraded(self) -> bool:
        """Front matter has errors: render bodies to find their problems, generate nothing."""
        return has_errors(self.diagnostics)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        # Editor backups ("kosovo.md~") are no content: the loader skips them, so nothing
        # checked them, and MkDocs would publish them as they are.
        for backup in [f for f in files if f.src_uri.endswith("~")]:
            files.remove(backup)
        # A generated page is a title here; its Markdown is made when it is rendered (which a
        # large build does in workers, on_page_markdown), its assets now.
        self.generated_pages = {} if self._degraded else {spec.src_uri: spec for spec in PAGES}
        for spec in self.generated_pages.values():
            search = "" if spec.page.searchable else "search:\n  exclude: true\n"
            front_matter = f"---\ntitle: {json.dumps(spec.title)}\n{search}---\n"
            files.append(File.generated(config, spec.src_uri, content=front_matter))
        generated_assets = () if self._degraded else assets(self.corpus, self.ctx)
        for asset in generated_assets:
            files.append(File.generated(config, asset.src_uri, content=asset.content))
        config.nav = navigation(
            self.corpus, [*self.generated_pages.values(), *generated_assets], self.config.nav_limit
        )
        self.pending = {}
        if self.cache is None:  # only serving reuses pages, so only serving needs the digest
            return files
        self.inputs = _digest(
            config.docs_dir,
            config.use_directory_urls,
            [e for e in config.markdown_extensions if isinstance(e, str)],
            config.mdx_configs,
            sorted(f.src_uri for f in files),
            [(d.slug, d.src_uri, d.title, d.summary, d.all_names) for d in self.corpus.documents],
        )
        return files

    @event_priority(-100)
    def on_pre_build(self, config: MkDocsConfig) -> None:
        """Material's search: a faster reader, and the entries of pages built ahead or unchanged."""
        self.populated, self.built = {}, {}
        index = search_index(config)
        if index is not None:
            index.add_entry_from_context = self._reused_search(index)

    def _reused_search(self, index: Any) -> Any:
        cache = self.cache

        def add_entry_from_context(page: Page) -> None:
            built = self.built.get(page.file.src_uri)
            if built is not None:
                index.entries.extend(built.search_entries)
                return
            if cache is None:
                add_entries(index, page)
                return
            key = _digest("search", page.url, str(page.title), page.content, page.meta)
            entries = cache.get(key)
            if entries is None:
                start = len(index.entries)
                add_entries(index, page)
                cache.put(key, index.entries[start:])
            else:
                index.entries.extend(entries)

        return add_entry_from_context

    @event_priority(-100)
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        """A large build renders every page's Markdown ahead, in workers."""
        self.nav = nav
        pages = _pages(files, config)
        self.workers = workers_for(len(pages), self._workers_wanted(config))
        if self.workers > 1:
            self.populated = populate_ahead(
                pages,
                config,
                files,
                self.workers,
                lambda page: self.found[page.file.src_uri],
                self._is_overview,
            )
        return nav

    def on_page_read_source(self, page: Page, config: MkDocsConfig) -> str | None:
        """Nothing to read for a document the loader has read and checked, or a page rendered
        ahead: on_page_markdown gives the first its Markdown, on_page_content restores the other.
        """
        uri = page.file.src_uri
        if uri in self.populated or (uri in self.documents and uri not in self.stand_ins):
            return ""
        return None

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if page.file.src_uri in self.populated:  # a worker rendered it; on_page_content restores it
            return ""
        doc = self._document(page)
        stand_in = self.stand_ins.get(page.file.src_uri)
        if stand_in is not None:  # left out for its own problems: check its body all the same
            self.linker.begin_page(stand_in.document, check_citations=stand_in.sources_known)
            return self.linker.bounded(stand_in.document.body)
        if doc is not None:
            # The theme prints meta values as they are and reads some keys itself (a dispute's
            # `status` would become a page-status icon): give it only escaped title and summary.
            page.meta = {"title": escape(doc.title), "description": escape(doc.summary)}
            page.meta["json_ld"] = json_ld(doc, self.ctx)  # escaped for its script element
            if self._degraded:
                self.linker.begin_page(doc)
                return self.linker.bounded(doc.body)
            markdown = document_markdown(doc, self.corpus, self.ctx)
        elif (spec := self.generated_pages.get(page.file.src_uri)) is not None:
            page.meta["description"] = escape(spec.page.description)
            markdown = spec.markdown(self.corpus, self.ctx)
        else:  # refused by the loader before it could be read (too large, not text): no page
            return ""
        if self.cache is not None:
            where = (doc.path, doc.body_line) if doc else page.file.src_uri
            key = self.pending[page.file.src_uri] = _digest("page", self.inputs, where, markdown)
            if key in self.cache.last:
                return ""  # rendered last time from the same inputs: on_page_content restores it
        if doc is not None:
            self.linker.begin_page(doc)
            return self.linker.bounded(markdown)
        return markdown

    def on_page_content(
        self, html: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        key = self.pending.get(page.file.src_uri)
        cached = self.cache.get(key) if self.cache is not None and key else None
        restored = self.populated.get(page.file.src_uri) or cached  # by a worker, or kept
        if restored is not None:
            restored.restore(page, files)
            html, found = restored.content, restored.extra
        else:
            found = self.linker.end_page()  # nothing found on a generated page
            html = sanitized(html)
            if self.cache is not None and key:
                self.cache.put(key, Populated.capture(page, html, found))
        self.found[page.file.src_uri] = found  # by page: a page rendered twice counts once
        return html

    @event_priority(100)
    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        problems = [*self.diagnostics, *(d for f in self.found.values() for d in f.diagnostics)]
        contents = {**self.documents, **{uri: s.document for uri, s in self.stand_ins.items()}}
        problems += target_problems(
            self.corpus,
            {uri: (contents[uri], f) for uri, f in self.found.items() if uri in contents},
        )
        if has_errors(problems):
            if self.cache is None:
                _stop(problems)
            # A live preview keeps going: every page shows the problems until a save fixes them.
            print_diagnostics(problems, sys.stderr)
            self.problems_page = problems_page(problems)
            return env
        links = [link for found in self.found.values() for link in found.links]
        self.backlinks = dict(backlinks([*links, *front_matter_links(self.corpus)]))
        for asset in data_files(self.corpus, self.ctx, self.backlinks):  # they need every link
            files.append(File.generated(config, asset.src_uri, content=asset.content))
        env.bytecode_cache = bytecode_cache("theme")
        if self.nav is not None:
            env.globals["site_builder_nav"] = shared_nav(self.nav, config)
        if self.workers > 1 and self.nav is not None:  # every page's template, ahead
            index = search_index(config)
            entries = index.entries if index is not None else None
            pages = _pages(files, config)
            self.built = build_ahead(
                pages, config, self.nav, env, entries, self.workers, self._is_overview
            )
            stub_template(env)
            for page in pages:  # MkDocs' loop now only writes what the workers made
                page.meta["template"] = AHEAD_TEMPLATE
                page.content = ""  # nothing reads it again: no need to scan it (search does)
        return env

    def on_page_context(
        self, context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        doc = self._document(page)
        if page.file.src_uri in self.built:
            return context
        if doc is not None and page.content and BACKLINKS_PLACEHOLDER in page.content:
            links = self.backlinks.get(doc.slug, ())
            if self.cache is None:
                html = backlinks_html(doc, links, self.corpus, self.ctx)
            else:
                key = _digest("backlinks", self.inputs, doc.src_uri, links)
                html = self.cache.get(key) or self.cache.put(
                    key, backlinks_html(doc, links, self.corpus, self.ctx)
                )
            page.content = page.content.replace(BACKLINKS_PLACEHOLDER, html)
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """Every built page gets its Content-Security-Policy (a worker's page got it there).

        A live preview has none: its server adds an inline reload script to every page, a new
        one each time, which no policy could know the hash of.
        """
        if self.problems_page is not None:
            return self.problems_page
        built = self.built.get(page.file.src_uri)
        if built is not None:
            return built.output
        return output if self.cache is not None else with_policy(output, page.content or "")

    def on_post_template(
        self, output_content: str, template_name: str, config: MkDocsConfig
    ) -> str:
        """Pages made from the theme alone (404.html) carry the policy too."""
        if self.cache is not None or not template_name.endswith(".html"):
            return output_content
        return with_policy(output_content, "")

    def on_post_build(self, config: MkDocsConfig) -> None:
        if self.cache is not None:
            self.cache.keep_used()
        if self._stop_counting_warnings():
            return  # strict: MkDocs fails the build next, and on_build_error discards the staging
        if self.staging is not None and self.site_dir is not None:
            atomic.publish(self.staging, self.site_dir)
            config.site_dir = str(self.site_dir)
            self.staging = None

    def on_build_error(self, error: Exception) -> None:
        self._stop_counting_warnings()
        if self.staging is not None:
            atomic.discard(self.staging)
            self.staging = None

    def _stop_counting_warnings(self) -> bool:
        """Whether a strict build has warned (and so must not be published)."""
        if self.warnings is None:
            return False
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        warned, self.warnings = bool(self.warnings.get_counts()), None
        return warned

    def _document(self, page: Page) -> Document | None:
        return self.documents.get(page.file.src_uri)

    def _is_overview(self, page: Page) -> bool:
        """A generated page: it gathers the whole corpus, so it costs as much as many briefs."""
        return page.file.src_uri in self.generated_pages

    def _workers_wanted(self, config: MkDocsConfig) -> int:
        """The ``workers`` option (0: one per core for a large task), or 1.

        1 while serving (the server runs threads, and its rebuilds reuse unchanged pages) and
        next to another plugin (workers would skip its page events).
        """
        if self.cache is not None or not set(config.plugins) <= {"material/search", "dialogue"}:
            return 1
        return self.config.workers


def _stop(problems: list[Diagnostic]) -> None:
    """Print every problem and end the build, which then publishes nothing."""
    print_diagnostics(problems, sys.stderr)
    errors = sum(d.severity == "error" for d in problems)
    raise PluginError(f"the content has {plural(errors, 'problem')}; nothing was written")


def _pages(files: Files, config: MkDocsConfig) -> list[Page]:
    """Every page MkDocs will render, made now for files outside the navigation, as MkDocs would."""
    for file in files.documentation_pages():
        if file.page is None:
            Page(None, file, config)
    return [file.page for file in files.documentation_pages() if file.page is not None]
