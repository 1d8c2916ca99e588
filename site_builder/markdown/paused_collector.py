"""A conversion with Python's cyclic garbage collector paused.

A page's tree grows by hundreds of thousands of elements on a large page, and each time the
objects that have lived a while grow by a quarter the collector walks all of them: on a page
of 80,000 wikilinks that took 1.6 s of its 4.7 s. Almost nothing a conversion makes is a
reference cycle (a tree holds its children, not its parent), so reference counting frees the
tree when its HTML is made; the collector goes on once the conversion ends.
"""

from __future__ import annotations

import gc

import markdown


def convert_with_collector_paused(md: markdown.Markdown) -> None:
    """``md.convert`` with the collector paused (if it was on) until the conversion ends."""
    convert = md.convert
    if getattr(convert, "paused", False):
        return

    def paused(source: str) -> str:
        if not gc.isenabled():
            return convert(source)
        gc.disable()
        try:
            return convert(source)
        finally:
            gc.enable()

    paused.paused = True  # type: ignore[attr-defined]
    md.convert = paused  # type: ignore[method-assign]
