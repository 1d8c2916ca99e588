"""What the home page adds to its introduction: latest updates, disputes, ways in."""

from __future__ import annotations

from site_builder.generated import PAGES
from site_builder.generated.disputes import by_status
from site_builder.generated.feed import FEED_PATH
from site_builder.render.order import by_date
from site_builder.render.view import View, heading

LATEST = 5


def home_blocks(view: View) -> tuple[str, ...]:
    latest = by_date(view.corpus.of_kind("update"), newest_first=True)[:LATEST]
    return (
        heading("Latest updates"),
        view.block("doc_list.html", docs=latest, empty="No updates yet."),
        heading("Disputes by status"),
        by_status(view, level=3),
        heading("Explore"),
        view.block("entry_points.html", pages=PAGES, feed=FEED_PATH if view.ctx.site_url else None),
    )
