"""The relationship diagram, inline in its page and as a standalone SVG file."""

from __future__ import annotations

from site_builder.content.generated_pages import GENERATED
from site_builder.content.model import Corpus
from site_builder.generated.base import PageSpec
from site_builder.render import diagram
from site_builder.render.view import View
from site_builder.site.context import BuildContext

#: Where the standalone copy lives, from the site root.
SVG_PATH = "diagram.svg"


def body(view: View) -> str:
    return diagram.figure(
        view,
        diagram.relationship_graph(view),
        view.translate("diagram.relationship.caption"),
        standalone=SVG_PATH,
        kept=True,
    )


def standalone_svg(corpus: Corpus, ctx: BuildContext) -> str:
    """The wide diagram as a file, its links relative to where the file lives."""
    view = View(corpus, ctx, SVG_PATH)
    return diagram.wide_svg(view, diagram.relationship_graph(view))


PAGE = PageSpec(GENERATED["diagram"], body)
