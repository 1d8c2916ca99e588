"""One conversion of an English body for every site: neutral markers, filled in after."""

from __future__ import annotations

import pickle
from dataclasses import replace
from pathlib import Path

import markdown

from site_builder.content.languages import LANGUAGE
from site_builder.content.model import Link
from site_builder.markdown.linker import Linker, PageLinks
from site_builder.markdown.prerendered_html import Prerendered
from site_builder.markdown.site_neutral import SharedReads, neutral_markdown
from site_builder.render.source import source_html
from site_builder.site.pipeline import PreparedSite, prepare
from tests.support import MINIMAL, context

EXTENSIONS = ["toc", "attr_list", "tables", "admonition", "pymdownx.details",
              "pymdownx.superfences"]  # fmt: skip
CONFIGS = {"toc": {"permalink": True}}


def _site(content: Path) -> tuple[PreparedSite, Linker, Prerendered]:
    prerendered = Prerendered()
    ctx = context(prerendered=prerendered)
    languages = [LANGUAGE[code] for code in ("en", "sq", "sr", "sr-latn")]
    site = prepare(content, ctx, languages=languages)
    return site, Linker(site.corpus, ctx, corpora=site.corpora), prerendered


def test_markers_stand_for_blocks_and_headings() -> None:
    prerendered = Prerendered()
    token = prerendered.token("<div>box</div>\n")
    text = f"Body.\n\n{token}\n\n## Burimet {{#sources}}\n"
    neutral = neutral_markdown(text, "Body.", "sq", prerendered.blocks(text))
    assert neutral is not None
    assert neutral.markdown == (
        "Body.\n\n<!-- site-builder:neutral:0 -->\n\n## site-builder-heading-0 {#sources}\n"
    )
    assert neutral.blocks == ("<div>box</div>\n",)
    assert neutral.headings == ("heading.sources",)
    html = '<h2 id="sources">site-builder-heading-0<a></a></h2><!-- site-builder:neutral:0 -->'
    assert neutral.fill(html, ()) == '<h2 id="sources">Burimet<a></a></h2><div>box</div>\n'
    assert neutral.heading_words() == {"site-builder-heading-0": "Burimet"}


def test_notes_are_filled_in_each_language() -> None:
    neutral = neutral_markdown("Body.\n", "Body.", "sr", {})
    assert neutral is not None
    html = (
        '<p class="footnote-title">site-builder-notes-heading</p>'
        '<!-- site-builder:neutral-source:0 --> <a title="site-builder-note-back-1">'
    )
    assert neutral.fill(html, ("<cite>S</cite>",)) == (
        '<p class="footnote-title">Напомене</p><cite>S</cite> <a title="Назад на навод 1 у тексту">'
    )


def test_what_is_filled_in_is_not_read_again() -> None:
    """A block or a source whose text looks like a marker stays as it is, as it would in the
    site's own conversion; so does a marker with nothing to stand for."""
    prerendered = Prerendered()
    token = prerendered.token(
        "<p>&gt;site-builder-heading-0&lt;</p><!-- site-builder:neutral-source:0 -->\n"
    )
    text = f"Body.\n\n{token}\n\n## Burimet {{#sources}}\n"
    neutral = neutral_markdown(text, "Body.", "sq", prerendered.blocks(text))
    assert neutral is not None
    html = (
        "<!-- site-builder:neutral:0 --><h2>site-builder-heading-0</h2>"
        "<!-- site-builder:neutral-source:0 --><!-- site-builder:neutral:1 -->"
        "<h3>site-builder-heading-1</h3>"
    )
    assert neutral.fill(html, ('<cite title="site-builder-note-back-2">S</cite>',)) == (
        "<p>&gt;site-builder-heading-0&lt;</p><!-- site-builder:neutral-source:0 -->\n"
        '<h2>Burimet</h2><cite title="site-builder-note-back-2">S</cite>'
        "<!-- site-builder:neutral:1 --><h3>site-builder-heading-1</h3>"
    )


def test_a_body_that_could_be_taken_for_the_builds_own_is_converted_as_it_is() -> None:
    assert neutral_markdown("site-builder x\n", "site-builder x", "sq", {}) is None
    body = "Text.\n\n## Burimet {#sources}"
    assert neutral_markdown(body + "\n", body, "sq", {}) is None
    token = "<!-- site-builder:prerendered:000000000000000000000000 -->"
    assert neutral_markdown(f"Body.\n\n{token}\n", "Body.", "sq", {}) is None


def _neutral_then_filled(site: PreparedSite, linker: Linker, prerendered: Prerendered, uri: str):
    doc = site.documents[uri]
    text = site.markdown(uri, context(prerendered=prerendered))
    plain_html, plain = linker.render(doc, text, [*EXTENSIONS, prerendered.extension], CONFIGS)
    neutral = neutral_markdown(text, doc.body, doc.language, prerendered.blocks(text))
    assert neutral is not None
    md = markdown.Markdown(
        extensions=[*EXTENSIONS, prerendered.extension, linker.extension], extension_configs=CONFIGS
    )
    linker.begin_page(doc, neutral=True)
    html = md.convert(linker.bounded(neutral.markdown))
    found = linker.end_page()
    sources = {s.id: s for s in doc.sources}
    cited = tuple(source_html(sources[i], doc.language) for i in found.cited)
    return plain_html, plain, neutral.fill(html, cited), found


def test_a_neutral_conversion_filled_in_is_the_sites_own() -> None:
    site, linker, prerendered = _site(MINIMAL)
    assert len(site.documents) == 40
    for uri in site.documents:
        plain_html, plain, filled, found = _neutral_then_filled(site, linker, prerendered, uri)
        assert filled == plain_html, uri
        assert (found.links, found.diagnostics, found.anchors, found.cited) == (
            plain.links, plain.diagnostics, plain.anchors, plain.cited
        ), uri  # fmt: skip


def test_reads_hold_where_every_slug_and_mention_reads_alike() -> None:
    site, linker, prerendered = _site(MINIMAL)
    *_, found = _neutral_then_filled(site, linker, prerendered, "sq/actors/kosovo.md")
    shared = found.shared
    assert shared is not None
    assert [slug for slug, _ in shared.known] == ["european-union", "serbia"]
    assert shared.hold(linker, "sr/actors/kosovo.md", "sr")
    *_, english = _neutral_then_filled(site, linker, prerendered, "actors/kosovo.md")
    assert english.shared is not None
    assert english.shared.hold(linker, "sq/actors/kosovo.md", "sq")
    slug, known = shared.known[0]
    retitled = replace(shared, known=((slug, replace(known, title="EU")), *shared.known[1:]))
    assert not retitled.hold(linker, "sr/actors/kosovo.md", "sr")
    elsewhere = replace(shared, mentions=((),) * len(shared.mentions))
    assert not elsewhere.hold(linker, "sr/actors/kosovo.md", "sr")


def test_what_a_neutral_conversion_read_stays_in_its_process() -> None:
    """A worker hands back a page's links, not the prose it read; one object pickled once."""
    link = Link("kosovo", "serbia", "mention", "Kosovo and Serbia met.")
    read = SharedReads("actors/kosovo.md", (), ("Kosovo and Serbia met.",), ((),))
    found = PageLinks((link,), (), frozenset({"talks"}), (), ("a",), None, read)
    english, other = pickle.loads(pickle.dumps([found, found]))
    assert english is other
    assert english == found and english.shared is None and found.shared is read
