"""Places, grouped by type, each with its name in every language given."""

from __future__ import annotations

from site_builder.content.generated_pages import GENERATED
from site_builder.content.model import PLACE_TYPES
from site_builder.generated.base import PageSpec, lists_by_type
from site_builder.render.view import View


def body(view: View) -> str:
    return lists_by_type(view, "place", PLACE_TYPES, "page.places.empty")


PAGE = PageSpec(GENERATED["places"], body)
