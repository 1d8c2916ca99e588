"""Disputes by actors: each actor's stated position on each dispute, side by side.

A table while it stays readable; past ``MAX_COLUMNS`` actors a table of disputes × actors is
mostly empty cells and grows with their product, so each dispute lists only its actors.
"""

from __future__ import annotations

from dataclasses import dataclass

from site_builder.content.generated_pages import GENERATED
from site_builder.content.model import Document, Position
from site_builder.generated.base import PageSpec
from site_builder.render.order import by_title
from site_builder.render.view import View

MAX_COLUMNS = 24


@dataclass(frozen=True)
class Cell:
    """``position`` holds the actor's statements; a party without any has ``party`` only."""

    party: bool = False
    position: Position | None = None


def cells(dispute: Document, actors: list[Document]) -> list[Cell]:
    stated = {p.actor: p for p in dispute.positions}
    return [Cell(a.slug in dispute.parties, stated.get(a.slug)) for a in actors]


def stances(dispute: Document, view: View) -> list[tuple[Document, Cell]]:
    """The actors a dispute involves, by title, each with its cell: linear in what is stated."""
    stated = {p.actor: p for p in dispute.positions}
    slugs = dict.fromkeys([*dispute.parties, *stated])
    actors = by_title(view.corpus.by_slug[s] for s in slugs if s in view.corpus.by_slug)
    return [(a, Cell(a.slug in dispute.parties, stated.get(a.slug))) for a in actors]


def body(view: View) -> str:
    disputes = by_title(view.corpus.of_kind("dispute"))
    if not disputes:
        return view.block("empty.html", text="No disputes yet.")
    involved = {s for d in disputes for s in (*d.parties, *(p.actor for p in d.positions))}
    actors = by_title(d for d in view.corpus.of_kind("actor") if d.slug in involved)
    if len(actors) > MAX_COLUMNS:
        return view.block("stance_list.html", rows=[(d, stances(d, view)) for d in disputes])
    rows = [(d, cells(d, actors)) for d in disputes]
    return view.block("stance_matrix.html", actors=actors, rows=rows)


PAGE = PageSpec(GENERATED["stance-matrix"], body)
