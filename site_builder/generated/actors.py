"""Actors, grouped by type."""

from __future__ import annotations

from site_builder.content.model import ACTOR_TYPES
from site_builder.generated.base import PageSpec, lists_by_type
from site_builder.render.view import View


def body(view: View) -> str:
    return lists_by_type(view, "actor", ACTOR_TYPES, "No actors yet.")


PAGE = PageSpec(
    "actors",
    "Actors",
    "people, states, governments, institutions, organisations, parties and media.",
    body,
    searchable=True,
)
