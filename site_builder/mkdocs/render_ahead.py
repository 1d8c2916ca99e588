"""Pages rendered ahead of MkDocs' two page loops, by forked workers (see ``parallel``).

MkDocs renders one page after another, twice: every page's Markdown (``_populate_page``), then
every page's template (``_build_page``). Backlinks need every page's links between the two, so
the plugin does each loop's work ahead, in workers, at the last event before that loop
(``on_nav``, ``on_env``), and MkDocs' own loops only take the results. Workers run MkDocs' own
code on their pages, so each page comes out as a serial build makes it. MkDocs' loop then
reads nothing for a page rendered ahead and converts nothing; the plugin restores what the
worker made (``Populated.restore``) when the page's content is handed over.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from site_builder.mkdocs.internals import (
    get_context,
    populate_page,
    rendered_title,
    restore_rendered_title,
    set_current_page,
)
from site_builder.site.workers import fork_map

#: The template MkDocs' own loop renders for a page built ahead: nothing (see ``stub_template``).
AHEAD_TEMPLATE = "site-builder:built-ahead"

Extra = TypeVar("Extra")


@dataclass(frozen=True)
class Populated(Generic[Extra]):
    """What rendering its Markdown leaves on a page, and what the plugin learnt from it.

    Made by a worker, or kept from the last serve rebuild; restored on the page either way.
    """

    meta: dict[str, Any]
    content: str
    toc: Any
    title_from_render: str | None
    anchors: set[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None  # by the linked file's src_uri
    extra: Extra

    @classmethod
    def capture(cls, page: Page, content: str, extra: Extra) -> Populated[Extra]:
        links = page.links_to_anchors
        return cls(
            meta=dict(page.meta),
            content=content,
            toc=page.toc,
            title_from_render=rendered_title(page),
            anchors=page.present_anchor_ids,
            links_to_anchors=None
            if links is None
            else {file.src_uri: anchors for file, anchors in links.items()},
            extra=extra,
        )

    def restore(self, page: Page, files: Files, *, meta: bool = True) -> None:
        """``meta``: False where the page's metadata was made afresh (a page kept by serve)."""
        if meta:
            page.meta = dict(self.meta)
        page.content, page.toc = self.content, self.toc
        restore_rendered_title(page, self.title_from_render)
        page.present_anchor_ids = self.anchors
        if self.links_to_anchors is not None:
            page.links_to_anchors = {
                files.src_uris[src_uri]: links for src_uri, links in self.links_to_anchors.items()
            }


def populate_ahead(
    pages: Sequence[Page],
    config: MkDocsConfig,
    files: Files,
    workers: int,
    extra: Callable[[Page], Extra],
    heavy: Callable[[Page], bool] | None = None,
) -> dict[str, Populated[Extra]]:
    """Every page's Markdown rendered; ``extra(page)`` is what the plugin kept of it.

    ``heavy`` pages (far costlier than the rest) are handed to workers first.
    """

    def populate(page: Page) -> Populated[Extra]:
        populate_page(page, config, files)
        assert page.content is not None
        return Populated.capture(page, page.content, extra(page))

    results = fork_map(populate, pages, workers, heavy)
    return {page.file.src_uri: result for page, result in zip(pages, results, strict=True)}


def build_ahead(
    pages: Sequence[Page],
    config: MkDocsConfig,
    nav: Navigation,
    env: jinja2.Environment,
    workers: int,
    heavy: Callable[[Page], bool] | None = None,
    each: Callable[[Page, str], None] | None = None,
) -> dict[str, str]:
    """Every page's finished HTML, by source path, as ``mkdocs.commands.build._build_page``
    renders it; ``each(page, html)`` is called with every page in order as soon as it is
    finished (see ``fork_map``)."""
    doc_files = [page.file for page in pages]

    def build(page: Page) -> str:
        set_current_page(config, page)
        page.active = True
        try:
            context = get_context(nav, doc_files, config, page)
            template = env.get_template(page.meta.get("template", "main.html"))
            context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
            return config.plugins.on_post_page(template.render(context), page=page, config=config)
        finally:
            page.active = False
            set_current_page(config, None)

    def given(index: int, html: str) -> None:
        assert each is not None
        each(pages[index], html)

    results = fork_map(build, pages, workers, heavy, given if each else None)
    return {page.file.src_uri: result for page, result in zip(pages, results, strict=True)}


def stub_template(env: jinja2.Environment) -> None:
    """Let ``env`` know AHEAD_TEMPLATE, whose output the plugin then replaces (on_post_page)."""
    loader = env.loader
    assert loader is not None
    env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({AHEAD_TEMPLATE: ""}), loader])
