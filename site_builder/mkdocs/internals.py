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
* Material's search plugin: its ``search_index`` and the index's ``entries`` list and
  ``add_entry_from_context`` method, so that entries made ahead, or unchanged since the last
  serve rebuild, are reused (the search issue replaces Material's search with Pagefind).
* ``material.plugins.search.plugin``'s ``Element``, ``Parser``, ``Section`` and ``void``: read by
  ``material_search``, its faster mirror of Material's page reader.
"""

from __future__ import annotations

from typing import Any

from mkdocs.commands.build import _populate_page, get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

__all__ = [
    "get_context",
    "populate_page",
    "rendered_title",
    "restore_rendered_title",
    "search_index",
    "set_current_page",
]

populate_page = _populate_page


def set_current_page(config: MkDocsConfig, page: Page | None) -> None:
    config._current_page = page


def rendered_title(page: Page) -> str | None:
    return page._title_from_render


def restore_rendered_title(page: Page, title: str | None) -> None:
    page._title_from_render = title


def search_index(config: MkDocsConfig) -> Any:
    """Material's search index of this build, or None without Material's search."""
    return getattr(config.plugins.get("material/search"), "search_index", None)
