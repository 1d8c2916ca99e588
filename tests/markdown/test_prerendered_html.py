"""The build's own HTML blocks ride through Markdown as tokens and come out as they went in."""

from __future__ import annotations

import markdown
import pytest

from site_builder.generated import PAGES
from site_builder.markdown.linker import Linker
from site_builder.markdown.prerendered_html import Prerendered
from site_builder.site.config_file import markdown_extensions, read_config
from site_builder.site.pages import document_markdown
from tests.support import REPO, context, hostile_corpus, sample_corpus

EXTENSIONS, OPTIONS = markdown_extensions(read_config(REPO / "mkdocs.yml"))


def test_a_token_comes_out_as_the_html_it_stands_for() -> None:
    prerendered = Prerendered()
    html = '<aside class="infobox">\n<dl><dt>Kind</dt><dd>Actor &amp; party</dd></dl>\n</aside>'
    text = f"Before.\n\n{prerendered.token(html)}\n\nAfter *this*."
    out = markdown.Markdown(extensions=[prerendered.extension]).convert(text)
    assert out == f"<p>Before.</p>\n{html}\n\n<p>After <em>this</em>.</p>"
    assert out == markdown.Markdown().convert(f"Before.\n\n{html}\n\nAfter *this*.")


def test_equal_blocks_share_a_token_and_an_unknown_token_stays_a_comment() -> None:
    prerendered = Prerendered()
    assert (
        prerendered.token("<p>x</p>")
        == prerendered.token("<p>x</p>")
        != prerendered.token("<p>y</p>")
    )
    stranger = "<!-- site-builder:prerendered:000000000000000000000000 -->"
    assert prerendered.restore(f"a {stranger} b") == f"a {stranger} b"


@pytest.mark.parametrize("corpus", [sample_corpus(), hostile_corpus()], ids=["sample", "hostile"])
def test_every_page_renders_the_same_with_and_without_prerendered(corpus) -> None:  # type: ignore[no-untyped-def]
    """What the site build renders (tokens) is what the blocks written out would render."""
    prerendered = Prerendered()
    with_prerendered, without = context(prerendered=prerendered), context()
    pages = [(d, lambda c, d=d: document_markdown(d, corpus, c)) for d in corpus.documents]
    pages += [(None, lambda c, spec=spec: spec.markdown(corpus, c)) for spec in PAGES]
    for doc, make in pages:
        tokens, written = make(with_prerendered), make(without)
        assert "site-builder:prerendered:" in tokens and "site-builder:prerendered:" not in written
        assert _render(corpus, doc, tokens, prerendered) == _render(
            corpus, doc, written, prerendered
        )


def _render(corpus, doc, text: str, prerendered: Prerendered) -> str:  # type: ignore[no-untyped-def]
    extensions = [*EXTENSIONS, prerendered.extension]
    if doc is None:
        return markdown.Markdown(extensions=extensions, extension_configs=OPTIONS).convert(text)
    return Linker(corpus, context()).render(doc, text, extensions, OPTIONS)[0]
