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
"""

from __future__ import annotations

from mkdocs.commands.build import _populate_page, get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

__all__ = [
    "get_context",
    "populate_page",
    "rendered_title",
    "restore_rendered_title",
    "set_current_page",
]

populate_page = _populate_page


def set_current_page(config: MkDocsConfig, page: Page | None) -> None:
    config._current_page = page


def rendered_title(page: Page) -> str | None:
    return page._title_from_render


def restore_rendered_title(page: Page, title: str | None) -> None:
    page._title_from_render = title
