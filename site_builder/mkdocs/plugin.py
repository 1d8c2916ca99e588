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
                       strict build has warned): a failed index keeps the published site

A large build is one of 200 pages or more, outside ``serve``: see ``render_ahead``. While
serving, unchanged pages come from ``serve_cache``.
"""

from __future__ import annotations

import json
import logging
import sys
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
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from site_builder.content.diagnostics import (
    Diagnostic,
    plural,
    print_diagnostics,
    sort_diagnostics,
)
from site_builder.content.files import stops_the_build
from site_builder.content.languages import LANGUAGE, SOURCE, language_of
from site_builder.content.translations import split_name
from site_builder.markdown.linker import Linker, PageLinks
from site_builder.markdown.prerendered_html import Prerendered
from site_builder.mkdocs.languages import (
    language_meta,
    language_navs,
    names_url,
    page_plural,
    page_translate,
    without_repeated_anchor_links,
)
from site_builder.mkdocs.render_ahead import (
    AHEAD_TEMPLATE,
    Populated,
    build_ahead,
    populate_ahead,
    stub_template,
)
from site_builder.mkdocs.serve_cache import ServeCache, digest
from site_builder.mkdocs.shared_nav import shared_navs
from site_builder.mkdocs.staging import Staging
from site_builder.render.brief_page import BACKLINKS_PLACEHOLDER, backlinks_html
from site_builder.render.catalogue import translate
from site_builder.render.jinja_cache import bytecode_cache
from site_builder.render.json_ld import json_ld
from site_builder.render.labels import page_description
from site_builder.render.problems import problems_page
from site_builder.safety.csp import with_policy
from site_builder.safety.sanitize import sanitized
from site_builder.site.config_file import templates_dir
from site_builder.site.context import BuildContext, build_date
from site_builder.site.pipeline import (
    Derived,
    PreparedSite,
    derived_files,
    every_page_rendered,
    prepare,
)
from site_builder.site.search_index import INDEX_FOLDER, SearchIndex, SearchIndexError
from site_builder.site.workers import workers_for

_log = logging.getLogger("mkdocs.plugins.dialogue")


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
    #: Pages rendered ahead by workers: their Markdown, then their finished HTML.
    populated: dict[str, Populated[PageLinks]] = field(default_factory=dict)
    built: dict[str, str] = field(default_factory=dict)
    derived: Derived | None = None
    nav: Navigation | None = None
    #: Each language's part of the navigation, by language code.
    navs: dict[str, Navigation] = field(default_factory=dict)
    workers: int = 1
    #: While serving: the digest of the inputs every page shares, and each page's own key.
    inputs: str = ""
    keys: dict[str, str] = field(default_factory=dict)
    #: While serving content with problems, the page every URL shows instead.
    problems_page: str | None = None
    #: The search index, fed every finished page (from on_env on; none while showing problems).
    search: SearchIndex | None = None
    #: Whether workers build the pages' templates: the index is then fed as they finish.
    ahead: bool = False


class DialoguePlugin(BasePlugin[DialoguePluginConfig]):
    def __init__(self) -> None:
        self.cache: ServeCache | None = None
        self.staging: Staging | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """MkDocs keeps a plugin with this hook between serve rebuilds: so the cache lives."""
        self.cache = ServeCache() if command == "serve" else None

    def on_shutdown(self) -> None:
        self.cache = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        prerendered = Prerendered()
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
        )
        if not config.repo_url:
            config.edit_uri = None  # no repository to edit in (REPO_URL unset): no edit links
        site = prepare(
            Path(config.docs_dir),
            self.ctx,
            workers=self._workers_wanted(config),
            theme_dirs=[Path(d) for d in config.theme.dirs],
            nav_limit=self.config.nav_limit,
            languages=[LANGUAGE[code] for code in self.config.languages],
        )
        if stops_the_build(list(site.problems)):
            # A link or a special file: MkDocs' own walk of docs_dir, next, would follow the link
            # (or block on the FIFO). Stop before it, with every problem the loader found.
            _stop(site.problems)
        if site.degraded:
            # Pages are rendered only to find their problems, and most are left out (generated
            # pages, other languages' English ones): MkDocs would warn of links to them.
            config.validation.links.not_found = logging.DEBUG
        self.build = _Build(site, Linker(site.corpus, self.ctx, corpora=site.corpora))
        if self.cache is not None:
            self.cache.forget_failed_build()
        config.markdown_extensions.extend([self.build.linker.extension, prerendered.extension])  # type: ignore[list-item]
        self.staging = Staging(config, atomic=self.config.atomic)
        return config

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
        if self.cache is not None:  # only serving reuses pages, so only serving needs the digest
            self.build.inputs = digest(
                config.docs_dir,
                config.use_directory_urls,
                [e for e in config.markdown_extensions if isinstance(e, str)],
                config.mdx_configs,
                sorted(f.src_uri for f in files),
                [
                    (d.slug, d.src_uri, d.title, d.summary, d.all_names)
                    for d in site.corpus.documents
                ],
            )
        return files

    @event_priority(-100)
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        """A large build renders every page's Markdown ahead, in workers."""
        build = self.build
        build.navs = language_navs(nav)
        # MkDocs renders theme templates (404.html) with this one: the source language's.
        nav = build.nav = build.navs[SOURCE.code]
        pages = _pages(files, config)
        build.workers = workers_for(len(pages), self._workers_wanted(config))
        if build.workers > 1:
            build.populated = populate_ahead(
                pages,
                config,
                files,
                build.workers,
                lambda page: build.found[page.file.src_uri],
                self._is_overview,
            )
        return nav

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
                "json_ld": json_ld(doc, self.ctx),  # escaped for its script element
            }
        elif spec is not None:
            page.meta["description"] = escape(page_description(spec.page, spec.language.code))
            page.meta["searchable"] = spec.page.searchable
        else:  # refused by the loader before it could be read (too large, not text): no page
            return ""
        markdown = site.markdown(uri, self.ctx)
        if self.cache is not None and not site.degraded:
            # A page shown in English in another language has the English page's file and body.
            where = (uri, doc.path, doc.body_line) if doc else uri
            key = build.keys[uri] = digest("page", build.inputs, where, markdown)
            if key in self.cache.last:
                return ""  # rendered last time from the same inputs: on_page_content restores it
        if doc is None:
            return markdown
        linker.begin_page(doc)
        return linker.bounded(markdown)

    def on_page_content(
        self, html: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        uri, build = page.file.src_uri, self.build
        key = build.keys.get(uri)
        cached = self.cache.get(key) if self.cache is not None and key else None
        restored = build.populated.get(uri) or cached  # by a worker, or kept
        if restored is not None:
            restored.restore(page, files)
            html, found = restored.content, restored.extra
        else:
            found = build.linker.end_page()  # nothing found on a generated page
            html = sanitized(html)
            if self.cache is not None and key:
                self.cache.put(key, Populated.capture(page, html, found))
        build.found[uri] = found
        return html

    @event_priority(100)
    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        build = self.build
        env.globals.update(site_builder_t=page_translate, site_builder_plural=page_plural)
        env.globals["site_builder_names_url"] = names_url(files)
        without_repeated_anchor_links(_pages(files, config), build.site, files)
        build.derived = every_page_rendered(build.site, build.found)
        if build.derived.failed:
            if self.cache is None:
                _stop(build.derived.problems)
            # A live preview keeps going: every page shows the problems until a save fixes them.
            print_diagnostics(list(build.derived.problems), sys.stderr)
            build.problems_page = problems_page(list(build.derived.problems))
            return env
        for asset in derived_files(build.site, build.derived, self.ctx):  # need every link
            files.append(File.generated(config, asset.src_uri, content=asset.content))
        env.bytecode_cache = bytecode_cache("theme", env.filters)
        if build.nav is not None:
            env.globals["site_builder_nav"] = shared_navs(build.navs, config)
        search = build.search = self._search_index()
        if build.workers > 1 and build.nav is not None:  # every page's template, ahead
            pages = _pages(files, config)
            build.ahead = True
            build.built = build_ahead(
                pages, config, build.nav, env, build.workers, self._is_overview,
                search and (lambda page, html: search.add(page.file.dest_uri, html)),
            )  # fmt: skip
            if search is not None:
                search.request()  # Pagefind builds the index while MkDocs writes the pages
            stub_template(env)
            for page in pages:  # MkDocs' loop now only writes what the workers made
                page.meta["template"] = AHEAD_TEMPLATE
                page.content = ""  # nothing reads it again
        return env

    def on_page_context(
        self, context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        build = self.build
        if build.navs:
            context["nav"] = build.navs[language_of(page.file.src_uri).code]
        doc = build.site.documents.get(page.file.src_uri)
        if page.file.src_uri in build.built or doc is None or build.derived is None:
            return context
        if page.content and BACKLINKS_PLACEHOLDER in page.content:
            links = build.derived.backlinks.get(doc.language, {}).get(doc.slug, ())
            corpus = build.site.corpora[doc.language]
            ctx = replace(self.ctx, language=LANGUAGE[doc.language])
            if self.cache is None:
                html = backlinks_html(doc, links, corpus, ctx)
            else:
                key = digest("backlinks", build.inputs, doc.src_uri, links)
                html = self.cache.get(key) or self.cache.put(
                    key, backlinks_html(doc, links, corpus, ctx)
                )
            page.content = page.content.replace(BACKLINKS_PLACEHOLDER, html)
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """Every built page gets its Content-Security-Policy (a worker's page got it there).

        A live preview has none: its server adds an inline reload script to every page, a new
        one each time, which no policy could know the hash of.
        """
        build = self.build
        if build.problems_page is not None:
            return build.problems_page
        built = build.built.get(page.file.src_uri)
        if built is not None:
            return built
        output = output if self.cache is not None else with_policy(output, page.content or "")
        if build.search is not None and not build.ahead:  # else given as workers finish
            build.search.add(page.file.dest_uri, output)
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
            self.cache.keep_used()
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

        1 while serving (the server runs threads, and its rebuilds reuse unchanged pages) and
        next to another plugin (workers would skip its page events).
        """
        if self.cache is not None or set(config.plugins) != {"dialogue"}:
            return 1
        return self.config.workers


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
