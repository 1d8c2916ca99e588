"""The "Mentioned in" list of a page: who links here, and in which sentence."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from site_builder.content.kinds import KINDS, REFERENCES
from site_builder.content.model import Corpus, Document, Link
from site_builder.render.order import by_title
from site_builder.render.view import View, html_block
from site_builder.site.context import BuildContext


@dataclass(frozen=True)
class Context:
    """The sentence that mentions a brief, or how a front-matter link reads from its side."""

    text: str
    quoted: bool


@dataclass(frozen=True)
class Backlink:
    doc: Document
    contexts: tuple[Context, ...]


def _context(link: Link, view: View) -> Context:
    if link.via != "front-matter":
        return Context(link.context, quoted=True)
    key = re.split(r"[.\[]", link.context, maxsplit=1)[0]
    if key in REFERENCES:
        return Context(view.translate(f"reference.{key}"), False)
    return Context(view.translate("reference.other", key=key), False)


def backlinks_html(doc: Document, links: Sequence[Link], corpus: Corpus, ctx: BuildContext) -> str:
    """Pages linking to ``doc``, grouped by kind and sorted by title, each with its sentences."""
    view = View.of(doc.src_uri, corpus, ctx)
    contexts: dict[str, dict[Context, None]] = {}  # each source's contexts, each once, in order
    for link in links:
        if link.target == doc.slug and link.source != doc.slug and link.source in corpus.by_slug:
            found = contexts.setdefault(link.source, {})
            context = _context(link, view)
            if context.text:
                found[context] = None
    sources = by_title(corpus.by_slug[slug] for slug in contexts)
    groups = [
        (
            view.translate(f"kind.{kind.name}.plural"),
            [Backlink(d, tuple(contexts[d.slug])) for d in sources if d.kind == kind.name],
        )
        for kind in KINDS
    ]
    # Put into the finished page, never through Markdown: plain HTML, not a block token.
    return html_block(view.text("backlinks.html", groups=[(h, e) for h, e in groups if e]))
