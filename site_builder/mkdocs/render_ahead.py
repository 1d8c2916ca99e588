"""Pages rendered ahead of MkDocs' two page loops, by forked workers (see ``parallel``).

MkDocs renders one page after another, twice: every page's Markdown (``_populate_page``), then
every page's template (``_build_page``). Backlinks need every page's links between the two, so
the plugin does each loop's work ahead, in workers, at the last event before that loop
(``on_nav``, ``on_env``), and MkDocs' own loops only take the results. Workers run MkDocs' own
code on their pages, so each page comes out as a serial build makes it. MkDocs' loop then
reads nothing for a page rendered ahead and converts nothing; the plugin restores what the
worker made (``Populated.restore``) when the page's content is handed over.

A build (not a preview) keeps no page's HTML in the parent process: the first loop's workers
put each page's content in a ``PageStore`` on disk, and the second loop's take it from there
and write the finished page themselves (``write_ahead``). At 1,000 briefs in four sites that
HTML was 0.85 GB of the parent's 1 GB.
"""

from __future__ import annotations

import pickle
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar
from urllib.parse import quote

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
    write_nowhere,
    write_page,
)
from site_builder.site.publish import process_folder
from site_builder.site.workers import fork_map

#: The template MkDocs' own loop renders for a page built ahead: nothing (see ``stub_template``).
AHEAD_TEMPLATE = "site-builder:built-ahead"

Extra = TypeVar("Extra")
#: What a worker hands back of each page it wrote (``write_ahead``).
T = TypeVar("T")


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


class PageStore:
    """Each page's content and table of contents, on disk from MkDocs' first loop to its
    second, for workers to put and take: so that the parent never holds them."""

    def __init__(self) -> None:
        # Named by the process, so that the next build removes what a killed one left.
        self.folder = process_folder(Path(tempfile.gettempdir()), "site-builder-pages-")
        self.folder.mkdir(mode=0o700)

    def put(self, page: Page) -> None:
        """Stored, and taken off ``page``."""
        with self._path(page).open("wb") as out:
            pickle.dump((page.content, page.toc), out, protocol=pickle.HIGHEST_PROTOCOL)
        page.content, page.toc = "", None

    def take(self, page: Page) -> None:
        """Put back on ``page``."""
        with self._path(page).open("rb") as stored:
            page.content, page.toc = pickle.load(stored)

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def _path(self, page: Page) -> Path:
        return self.folder / quote(page.file.src_uri, safe="")


def populate_ahead(
    pages: Sequence[Page],
    config: MkDocsConfig,
    files: Files,
    workers: int,
    extra: Callable[[Page], Extra],
    heavy: Callable[[Page], bool] | None = None,
    store: PageStore | None = None,
    together: Callable[[Page], str] | None = None,
) -> dict[str, Populated[Extra]]:
    """Every page's Markdown rendered; ``extra(page)`` is what the plugin kept of it.

    ``heavy`` pages (far costlier than the rest) are handed to workers first; pages of one
    ``together`` key to one worker. With a ``store``, each page's content and table of
    contents go there, not to the parent.
    """

    def populate(page: Page) -> Populated[Extra]:
        populate_page(page, config, files)
        if store is not None:
            store.put(page)
        assert page.content is not None
        populated = Populated.capture(page, page.content, extra(page))
        page.markdown = None  # kept by MkDocs: a worker keeps nothing of a page handed back
        return populated

    results = fork_map(populate, pages, workers, heavy, together=together)
    return {page.file.src_uri: result for page, result in zip(pages, results, strict=True)}


def build_ahead(
    pages: Sequence[Page],
    config: MkDocsConfig,
    nav: Navigation,
    env: jinja2.Environment,
    workers: int,
    heavy: Callable[[Page], bool] | None = None,
) -> dict[str, str]:
    """Every page's finished HTML, by source path, as ``mkdocs.commands.build._build_page``
    renders it."""
    results = fork_map(renderer(pages, config, nav, env), pages, workers, heavy)
    return {page.file.src_uri: result for page, result in zip(pages, results, strict=True)}


def write_ahead(
    pages: Sequence[Page],
    config: MkDocsConfig,
    nav: Navigation,
    env: jinja2.Environment,
    workers: int,
    store: PageStore,
    heavy: Callable[[Page], bool] | None = None,
    each: tuple[Callable[[str], T], Callable[[Page, T], None]] | None = None,
) -> None:
    """Every page rendered as ``build_ahead`` renders it, from its content in ``store``, and
    written by the worker that rendered it; MkDocs' own loop then writes nowhere. Only for
    ``each``, ``(kept, given)``, does anything of a page come back to this process: what
    ``kept(html)`` makes of it in the worker, handed to ``given(page, kept)`` with every page
    in order as soon as it is finished (see ``fork_map``), one page at a time."""
    render = renderer(pages, config, nav, env)
    kept, given = each if each is not None else (None, None)

    def write(page: Page) -> T | None:
        store.take(page)
        html = render(page)
        write_page(page, html)
        page.content, page.toc = "", None  # nor of a page written
        return kept(html) if kept is not None else None

    def handed(index: int, made: T) -> None:
        assert given is not None
        given(pages[index], made)  # and nothing kept

    fork_map(write, pages, workers, heavy, handed if given is not None else None)
    for page in pages:
        write_nowhere(page.file)
        page.content = ""


def renderer(
    pages: Sequence[Page], config: MkDocsConfig, nav: Navigation, env: jinja2.Environment
) -> Callable[[Page], str]:
    """A page's finished HTML, as ``mkdocs.commands.build._build_page`` renders it."""
    doc_files = [page.file for page in pages]

    def render(page: Page) -> str:
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

    return render


def stub_template(env: jinja2.Environment) -> None:
    """Let ``env`` know AHEAD_TEMPLATE, whose output the plugin then replaces (on_post_page)."""
    loader = env.loader
    assert loader is not None
    env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({AHEAD_TEMPLATE: ""}), loader])
