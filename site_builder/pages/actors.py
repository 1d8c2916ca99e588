"""Actors, grouped by type."""

from __future__ import annotations

from site_builder.model import ACTOR_TYPES
from site_builder.pages.base import PageSpec, doc_lists, grouped
from site_builder.render.labels import plural_label
from site_builder.render.order import by_title
from site_builder.render.view import View


def body(view: View) -> str:
    actors = by_title(view.corpus.of_kind("actor"))
    groups = grouped(actors, lambda d: d.type or "", ACTOR_TYPES)
    return doc_lists(view, [(plural_label(t), docs) for t, docs in groups], "No actors yet.")


PAGE = PageSpec(
    "actors",
    "Actors",
    "people, states, governments, institutions, organisations, parties and media.",
    body,
)
