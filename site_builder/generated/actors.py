"""Actors, grouped by type."""

from __future__ import annotations

from site_builder.content.generated_pages import GENERATED
from site_builder.content.model import ACTOR_TYPES
from site_builder.generated.base import PageSpec, lists_by_type
from site_builder.render.view import View


def body(view: View) -> str:
    return lists_by_type(view, "actor", ACTOR_TYPES, "page.actors.empty")


PAGE = PageSpec(GENERATED["actors"], body)
