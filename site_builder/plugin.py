"""The MkDocs plugin: thin glue from MkDocs events to the engine-independent core.

Order of events in one build, and what each does here:
  on_config        load and validate the content, set up the linker, stage the output folder
  on_files         add the generated pages; lay out the navigation
  on_page_markdown hand MkDocs the full Markdown of a document (infobox, body, sources, ...)
  on_page_content  collect the page's outgoing links and body problems
  on_env           every page is rendered: stop on problems, else derive the backlinks
  on_page_context  fill each brief's "Mentioned in" section
  on_post_build    publish the staged site folder
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from site_builder import atomic
from site_builder.context import BuildContext, build_date
from site_builder.diagnostics import Diagnostic, has_errors, plural, print_diagnostics
from site_builder.graph import backlinks, front_matter_links
from site_builder.linker import Linker
from site_builder.loader import load_corpus
from site_builder.model import Corpus, Document, Link, StandIn
from site_builder.navigation import navigation
from site_builder.pages import GeneratedFile, generate
from site_builder.render.brief import BACKLINKS_PLACEHOLDER, backlinks_html, page_markdown


class DialoguePluginConfig(Config):
    nav_limit = config_options.Type(int, default=40)
    """A kind's briefs are listed in the navigation while there are at most this many."""
    atomic = config_options.Type(bool, default=True)
    """Build into a staging folder and swap it in only after success."""


class DialoguePlugin(BasePlugin[DialoguePluginConfig]):
    def __init__(self) -> None:
        self.corpus = Corpus(())
        self.documents: dict[str, Document] = {}
        self.stand_ins: dict[str, StandIn] = {}
        self.diagnostics: list[Diagnostic] = []
        self.outgoing: dict[str, tuple[Link, ...]] = {}
        self.backlinks: dict[str, tuple[Link, ...]] = {}
        self.generated: tuple[GeneratedFile, ...] = ()
        self.staging: Path | None = None
        self.site_dir: Path | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.ctx = BuildContext(
            templates_dir=_templates_dir(config),
            build_date=build_date(),
            site_name=config.site_name,
            site_description=config.site_description or "",
            site_url=config.site_url or None,
            directory_urls=config.use_directory_urls,
        )
        if not config.repo_url:
            config.edit_uri = None  # no repository to edit in (REPO_URL unset): no edit links
        self.corpus, self.diagnostics = load_corpus(Path(config.docs_dir))
        self.documents = {doc.src_uri: doc for doc in self.corpus.documents}
        self.stand_ins = {s.document.src_uri: s for s in self.corpus.stand_ins}
        self.outgoing = {}
        self.linker = Linker(self.corpus, self.ctx)
        config.markdown_extensions.append(self.linker.extension)  # type: ignore[arg-type]
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
        self.generated = () if self._degraded else generate(self.corpus, self.ctx)
        for generated in self.generated:
            content = generated.content
            if generated.title is not None:  # a page: its title, as front matter MkDocs reads
                content = f"---\ntitle: {json.dumps(generated.title)}\n---\n\n{content}"
            files.append(File.generated(config, generated.src_uri, content=content))
        config.nav = navigation(self.corpus, self.generated, self.config.nav_limit)
        return files

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        doc = self._document(page)
        if doc is None:
            stand_in = self.stand_ins.get(page.file.src_uri)
            if stand_in is not None:  # left out for its own problems: check its body all the same
                self.linker.begin_page(stand_in.document, check_citations=stand_in.sources_known)
                return stand_in.document.body
            return None
        # The theme prints meta values as they are and reads some keys itself (a dispute's
        # `status` would become a page-status icon): give it only escaped title and summary.
        page.meta = {"title": escape(doc.title), "description": escape(doc.summary)}
        self.linker.begin_page(doc)
        if self._degraded:
            return doc.body
        return page_markdown(doc, self.corpus, self.ctx)

    def on_page_content(
        self, html: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.linker.page is not None:
            found = self.linker.end_page()
            self.outgoing[page.file.src_uri] = found.links
            self.diagnostics.extend(found.diagnostics)
        return None

    @event_priority(100)
    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> None:
        if has_errors(self.diagnostics):
            print_diagnostics(self.diagnostics, sys.stderr)
            errors = sum(d.severity == "error" for d in self.diagnostics)
            raise PluginError(f"the content has {plural(errors, 'problem')}; nothing was written")
        links = [link for found in self.outgoing.values() for link in found]
        self.backlinks = dict(backlinks([*links, *front_matter_links(self.corpus)]))

    def on_page_context(
        self, context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        doc = self._document(page)
        if doc is not None and page.content and BACKLINKS_PLACEHOLDER in page.content:
            html = backlinks_html(doc, self.backlinks.get(doc.slug, ()), self.corpus, self.ctx)
            page.content = page.content.replace(BACKLINKS_PLACEHOLDER, html)
        return context

    def on_post_build(self, config: MkDocsConfig) -> None:
        if self.staging is not None and self.site_dir is not None:
            atomic.publish(self.staging, self.site_dir)
            config.site_dir = str(self.site_dir)
            self.staging = None

    def on_build_error(self, error: Exception) -> None:
        if self.staging is not None:
            atomic.discard(self.staging)
            self.staging = None

    def _document(self, page: Page) -> Document | None:
        return self.documents.get(page.file.src_uri)


def _templates_dir(config: MkDocsConfig) -> Path:
    custom_dir = config.theme.custom_dir
    if custom_dir:
        return Path(custom_dir) / "site_builder"
    return Path(config.config_file_path or ".").parent / "theme" / "site_builder"
