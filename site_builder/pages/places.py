"""Places, grouped by type, each with its name in every language given."""

from __future__ import annotations

from site_builder.model import PLACE_TYPES
from site_builder.pages.base import PageSpec, doc_lists, grouped
from site_builder.render.labels import plural_label
from site_builder.render.order import by_title
from site_builder.render.view import View


def body(view: View) -> str:
    places = by_title(view.corpus.of_kind("place"))
    groups = grouped(places, lambda d: d.type or "", PLACE_TYPES)
    return doc_lists(view, [(plural_label(t), docs) for t, docs in groups], "No places yet.")


PAGE = PageSpec(
    "places",
    "Places",
    "municipalities, regions, crossings and cities, with their names in each language.",
    body,
)
