"""The home page: its hand-written introduction, then latest updates, disputes and ways in."""

from __future__ import annotations

from site_builder.content.generated_pages import GENERATED_PAGES
from site_builder.content.model import Corpus, Document
from site_builder.generated.disputes import by_status
from site_builder.generated.feed import feed_path
from site_builder.markdown.linker import NOTES_PLACEHOLDER
from site_builder.render.brief_page import sources_section
from site_builder.render.labels import page_blurb, page_title
from site_builder.render.order import by_date
from site_builder.render.view import View, markdown_page
from site_builder.site.context import BuildContext

LATEST = 5


def home_markdown(doc: Document, corpus: Corpus, ctx: BuildContext) -> str:
    view = View.of(doc.src_uri, corpus, ctx)
    body = markdown_page(doc.body, NOTES_PLACEHOLDER)
    return markdown_page(body, *_blocks(view), *sources_section(view, doc))


def _blocks(view: View) -> tuple[str, ...]:
    latest = by_date(view.corpus.of_kind("update"), newest_first=True)[:LATEST]
    language = view.ctx.language
    pages = [
        (language.src_uri(p.src_uri), page_title(p, language.code), page_blurb(p, language.code))
        for p in GENERATED_PAGES
    ]
    return (
        view.heading("home.latest"),
        view.block("doc_list.html", docs=latest, empty=view.translate("page.updates.empty")),
        view.heading("home.disputes"),
        by_status(view, level=3),
        view.heading("home.explore"),
        view.block(
            "entry_points.html",
            pages=pages,
            feed=feed_path(language) if view.ctx.site_url else None,
        ),
    )
