"""The Markdown of every content page, whichever stage composes it."""

from __future__ import annotations

from site_builder.content.kinds import HOME
from site_builder.content.languages import source_uri
from site_builder.content.model import Corpus, Document
from site_builder.generated.home import home_markdown
from site_builder.render.brief_page import page_markdown
from site_builder.site.context import BuildContext


def document_markdown(doc: Document, corpus: Corpus, ctx: BuildContext) -> str:
    """Each language's home page gathers the corpus like a generated page; every other page is
    its own."""
    if source_uri(doc.src_uri) == HOME:
        return home_markdown(doc, corpus, ctx)
    return page_markdown(doc, corpus, ctx)
