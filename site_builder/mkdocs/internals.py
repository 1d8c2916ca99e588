"""Every use the adapter makes of MkDocs' and Material's internals, and only here.

MkDocs 1.6 is frozen, and the pins in pyproject.toml hold these still; an upgrade that moves
one fails ``tests/mkdocs/test_internals.py`` by name, not a build somewhere downstream.

* ``mkdocs.commands.build._populate_page``: a page's Markdown rendered as MkDocs' own loop
  renders it, so pages rendered ahead in workers come out as a serial build makes them.
* ``mkdocs.commands.build.get_context``: a page's template context, for the same reason.
* ``MkDocsConfig._current_page``: the page being rendered, which MkDocs' ``url`` template filter
  reads; set while a worker renders a page's template.
* ``Page._title_from_render``: the title MkDocs takes from a page's first heading; restored on
  a page rendered ahead.
* ``File.abs_dest_path``: where MkDocs writes a page or copies a file (a cached property,
  so it can be set). A live preview points it at the null device for a file the served folder
  has already (``preview``): MkDocs' loops write every file, and offer no way to skip one.
* ``mkdocs.utils.write_file``: a page written by the worker that rendered it, encoded as
  ``_build_page`` encodes it, so a large build's parent holds no page's HTML.
* ``Page.render``: replaced, on a page the plugin restores (rendered ahead, or kept by
  serve), by setting its content only; MkDocs would build a Markdown converter with every
  extension for each such page, to convert nothing (a third of a serve rebuild at 1,000
  briefs).
* ``LiveReloadServer.get_app``/``set_app`` (``wsgiref``): the preview's server, whose requests
  for the search index are made to wait for it (``preview.Preview.gate``).
* ``LiveReloadServer.builder``: what the server runs after a save; the plugin runs its own
  rebuild of the edited pages first, and MkDocs' whole build only where that cannot do
  (``plugin.DialoguePlugin.rebuild_edited``). ``File.abs_dest_path`` is set again for the pages
  it writes, into the new staging folder.
* ``_RelativePathTreeprocessor.path_to_url``, registered as ``relpath``: the readers' URL of
  one written link. Its answers are kept for the rest of the page (``relpath_once``).
"""

from __future__ import annotations

import functools
import os
from typing import Any

import markdown
from mkdocs.commands.build import _populate_page, get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.utils import write_file

__all__ = [
    "get_context",
    "keep_relpath_answers",
    "populate_page",
    "render_again",
    "rendered_title",
    "restore_rendered_title",
    "set_current_page",
    "skip_rendering",
    "wrap_builder",
    "wrap_server",
    "write_into",
    "write_nowhere",
    "write_page",
]

populate_page = _populate_page
#: The name MkDocs registers its relpath treeprocessor by, for each page it renders.
RELPATH = "relpath"


def set_current_page(config: MkDocsConfig, page: Page | None) -> None:
    config._current_page = page


def rendered_title(page: Page) -> str | None:
    return page._title_from_render


def restore_rendered_title(page: Page, title: str | None) -> None:
    page._title_from_render = title


def write_page(page: Page, output: str) -> None:
    """``output`` written where MkDocs' own loop writes ``page``, as it writes it."""
    write_file(output.encode("utf-8", errors="xmlcharrefreplace"), page.file.abs_dest_path)


def write_nowhere(file: File) -> None:
    file.abs_dest_path = os.devnull


def write_into(file: File, folder: str) -> None:
    """Where MkDocs would write ``file`` in a build into ``folder``."""
    file.abs_dest_path = os.path.normpath(os.path.join(folder, file.dest_uri))


def wrap_builder(server: Any, wrap: Any) -> None:
    """Rebuild through ``wrap(builder)``, ``builder`` being what the server ran."""
    server.builder = wrap(server.builder)


def wrap_server(server: Any, wrap: Any) -> None:
    """Serve through ``wrap(app)``, ``app`` being the server's WSGI application."""
    server.set_app(wrap(server.get_app()))


def skip_rendering(page: Page) -> None:
    """The plugin restores ``page`` when its content is handed over: convert nothing."""

    def render(config: Any, files: Any) -> None:
        page.content = ""

    page.render = render  # type: ignore[method-assign]


def render_again(page: Page) -> None:
    """Undo ``skip_rendering``: ``page`` is converted again."""
    page.__dict__.pop("render", None)


def keep_relpath_answers(md: markdown.Markdown) -> None:
    """``md``'s relpath, if it has one, asked once for each distinct URL it is given. MkDocs
    makes a relpath for each page it renders: what this keeps ends with the page."""
    if RELPATH in md.treeprocessors:
        relpath = md.treeprocessors[RELPATH]
        relpath.path_to_url = functools.cache(relpath.path_to_url)  # type: ignore[attr-defined]
