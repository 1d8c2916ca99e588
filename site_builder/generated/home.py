"""The home page: its hand-written introduction, then latest updates, disputes and ways in."""

from __future__ import annotations

from site_builder.content.generated_pages import GENERATED_PAGES
from site_builder.content.model import Corpus, Document
from site_builder.generated.disputes import by_status
from site_builder.generated.feed import feed_path
from site_builder.markdown.linker import NOTES_PLACEHOLDER
from site_builder.render.brief_page import sources_section
from site_builder.render.order import by_date
from site_builder.render.view import View, heading, markdown_page
from site_builder.site.context import BuildContext

LATEST = 5


def home_markdown(doc: Document, corpus: Corpus, ctx: BuildContext) -> str:
    view = View.of(doc.src_uri, corpus, ctx)
    body = markdown_page(doc.body, NOTES_PLACEHOLDER)
    return markdown_page(body, *_blocks(view), *sources_section(view, doc))


def _blocks(view: View) -> tuple[str, ...]:
    latest = by_date(view.corpus.of_kind("update"), newest_first=True)[:LATEST]
    return (
        heading("Latest updates"),
        view.block("doc_list.html", docs=latest, empty="No updates yet."),
        heading("Disputes by status"),
        by_status(view, level=3),
        heading("Explore"),
        view.block(
            "entry_points.html",
            pages=GENERATED_PAGES,
            feed=feed_path(view.ctx.language) if view.ctx.site_url else None,
        ),
    )
