"""Automatic links, wikilinks and citations: one row per rule of the content contract."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from site_builder.markdown.linker import NOTES_PLACEHOLDER, Linker, PageLinks
from tests.support import EXTENSIONS, make_corpus, make_ctx
from tests.support import LINK_CORPUS as CORPUS


def render(markdown: str, page: str = "news") -> tuple[str, PageLinks]:
    """Render ``markdown`` as the body of ``page`` (so problems point into it)."""
    linker = Linker(CORPUS, make_ctx())
    return linker.render(replace(CORPUS.by_slug[page], body=markdown), markdown, EXTENSIONS)


def auto(slug: str, text: str, folder: str = "actors") -> str:
    summary = CORPUS.by_slug[slug].summary.replace("<", "&lt;").replace(">", "&gt;")
    return f'<a class="autolink" href="../{folder}/{slug}.md" title="{summary}">{text}</a>'


MENTIONS = [
    ("whole word", "Serbia talks.", f"<p>{auto('serbia', 'Serbia')} talks.</p>"),
    ("not inside a longer word", "Serbian and Kosovars.", "<p>Serbian and Kosovars.</p>"),
    (
        "longest name wins",
        "The EU Special Representative met the EU.",
        f"<p>The {auto('eusr', 'EU Special Representative')} met the "
        f"{auto('european-union', 'EU')}.</p>",
    ),
    (
        "without diacritics",
        "Presevo is here.",
        f"<p>{auto('presevo', 'Presevo', 'places')} is here.</p>",
    ),
    (
        "with diacritics when the name has none",
        "Sørensen spoke.",
        f"<p>{auto('sorensen', 'Sørensen')} spoke.</p>",
    ),
    (
        "undecomposable letters",
        "Medveda and Lodz Office.",
        f"<p>{auto('medvedja', 'Medveda', 'places')} and {auto('lodz', 'Lodz Office')}.</p>",
    ),
    (
        "Cyrillic spelling of a Serbian name",
        "У Прешеву, Прешево.",
        f"<p>У Прешеву, {auto('presevo', 'Прешево', 'places')}.</p>",
    ),
    ("Albanian name", "Në Preshevë.", f"<p>Në {auto('presevo', 'Preshevë', 'places')}.</p>"),
    ("case as written", "SERBIA and serbia.", "<p>SERBIA and serbia.</p>"),
    ("possessive with apostrophe", "Serbia's view.", f"<p>{auto('serbia', 'Serbia')}'s view.</p>"),
    (
        "possessive with typographic apostrophe",
        "Kosovo’s view.",
        f"<p>{auto('kosovo', 'Kosovo')}’s view.</p>",
    ),
    (
        "not in inline code",
        "`Serbia` then Kosovo.",
        f"<p><code>Serbia</code> then {auto('kosovo', 'Kosovo')}.</p>",
    ),
    (
        "not in fenced code",
        "```\nSerbia\n```",
        '<div class="highlight"><pre><span></span><code>Serbia\n</code></pre></div>',
    ),
    (
        "not in an existing link",
        "[Serbia](https://example.org)",
        '<p><a href="https://example.org" rel="noopener noreferrer">Serbia</a></p>',
    ),
    ("not in a heading", "## Serbia", '<h2 id="serbia">Serbia</h2>'),
    (
        "not in raw HTML",
        "<span>Serbia</span> Kosovo",
        f"<p><span>Serbia</span> {auto('kosovo', 'Kosovo')}</p>",
    ),
    ("not in a raw HTML block", "<div>Serbia</div>", "<div>Serbia</div>"),
    ("not in image text", "![Serbia](map.png)", '<p><img alt="Serbia" src="map.png" /></p>'),
    (
        "not in a URL",
        "See https://example.org/Serbia now.",
        "<p>See https://example.org/Serbia now.</p>",
    ),
    ("only the first mention", "Serbia, Serbia.", f"<p>{auto('serbia', 'Serbia')}, Serbia.</p>"),
    (
        "first mention after a wikilink still links",
        "Serbia and [[serbia|again]].",
        f"<p>{auto('serbia', 'Serbia')} and "
        '<a class="wikilink" href="../actors/serbia.md" title="A state &lt;in&gt; the Balkans.">'
        "again</a>.</p>",
    ),
]


@pytest.mark.parametrize(("rule", "markdown", "html"), MENTIONS, ids=[m[0] for m in MENTIONS])
def test_mentions(rule: str, markdown: str, html: str) -> None:
    output, found = render(markdown, page="notes")
    assert output == html
    assert found.diagnostics == ()


def test_never_links_a_page_to_itself() -> None:
    output, _ = render("Serbia and Kosovo.", page="serbia")
    assert output == (
        '<p>Serbia and <a class="autolink" href="kosovo.md" title="What Kosovo is.">Kosovo</a>.</p>'
    )


def test_updates_and_pages_are_not_automatic_targets() -> None:
    output, _ = render("About the News of the day.")
    assert "<a" not in output


def test_wikilink_uses_title_and_summary_tooltip() -> None:
    output, found = render("See [[about]] and [[presevo]].")
    assert '<a class="wikilink" href="../pages/about.md" title="What About is.">About</a>' in output
    assert (
        '<a class="wikilink" href="../places/presevo.md" title="What Preševo is.">Preševo</a>'
        in output
    )
    assert [(link.target, link.via) for link in found.links] == [
        ("about", "wikilink"),
        ("presevo", "wikilink"),
    ]


def test_wikilink_to_generated_page() -> None:
    output, found = render("See the [[timeline|timeline]].", page="notes")
    assert (
        '<a class="wikilink" href="../timeline.md" '
        'title="Every dated event on the site, with its source.">timeline</a>'
    ) in output
    assert found.diagnostics == ()


def test_unknown_wikilink_is_reported_at_its_line() -> None:
    _, found = render("First line.[^rks]\n\nSee [[serbai]] here.[^rks]\n")
    assert [str(d) for d in found.diagnostics] == [
        "content/updates/news.md:7: unknown page 'serbai' in wikilink (did you mean 'serbia'?)"
    ]


def test_citations_become_numbered_notes_with_the_source_text() -> None:
    output, found = render("One.[^rks] Two.[^rks]")
    assert '<sup class="citation" id="fnref:1">' in output
    assert output.count('<sup class="citation"><a class="footnote-ref" href="#fn:1"') == 1
    assert '<li id="fn:1"><p>RKS News, <cite>Title</cite>' in output
    assert found.diagnostics == ()


def test_unknown_citation_is_reported_with_a_suggestion() -> None:
    _, found = render("Text.[^rks]\n\nMore.[^rsk]")
    assert [str(d) for d in found.diagnostics] == [
        "content/updates/news.md:7: unknown source id 'rsk' in citation (did you mean 'rks'?)"
    ]


def test_each_mention_records_its_sentence() -> None:
    _, found = render("Talks stalled. Serbia and Kosovo met in Brussels. Nothing followed.")
    assert {(link.target, link.context) for link in found.links} == {
        ("serbia", "Serbia and Kosovo met in Brussels."),
        ("kosovo", "Serbia and Kosovo met in Brussels."),
    }


def test_sentence_leaves_out_citation_numbers() -> None:
    _, found = render("Serbia said so.[^rks] Later.")
    assert found.links[0].context == "Serbia said so."


@pytest.mark.parametrize(
    "markdown",
    [
        '<a href="javascript:alert(1)">x</a>',
        "[x](javascript:alert(1))",
        "<script>alert(1)</script>",
    ],
)
def test_forbidden_markup_in_the_body_is_an_error(markdown: str) -> None:
    _, found = render(markdown)
    assert found.diagnostics, markdown
    assert all(re.match(r"content/updates/news\.md:5: ", str(d)) for d in found.diagnostics)


def test_notes_go_where_the_page_asks() -> None:
    output, _ = render(f"Claim.[^rks]\n\n{NOTES_PLACEHOLDER}\n\n## Sources\n\nList.")
    assert output.index('<div class="footnote"') < output.index('<h2 id="sources">')
    assert NOTES_PLACEHOLDER not in output


def test_notes_close_the_page_by_default() -> None:
    output, _ = render("Claim.[^rks]\n\n## Later\n\nText.")
    assert output.index('<h2 id="later">') < output.index('<div class="footnote"')


def _recorded(corpus, markdown: str):  # type: ignore[no-untyped-def]
    linker = Linker(corpus, make_ctx())
    linker.recording = True
    page = replace(corpus.by_slug["news"], body=markdown)
    return linker.render(page, markdown, EXTENSIONS)[1].reads


def test_a_recording_linker_says_what_the_page_read_of_other_pages() -> None:
    """Each slug the page names, as it was known, and its prose as the matcher read it."""
    reads = _recorded(CORPUS, "Serbia met [[kosovo]], and [[nowhere]] said so.")
    assert reads is not None
    known = dict(reads.known)
    assert sorted(known) == ["kosovo", "nowhere", "serbia"]
    assert known["serbia"].source == "actors/serbia.md"
    assert known["serbia"].tooltip == "A state <in> the Balkans."
    assert known["nowhere"].source is None and known["nowhere"].hint == ""
    assert "Serbia met" in reads.prose
    assert _recorded(CORPUS, "Serbia.") is not None
    assert Linker(CORPUS, make_ctx()).render(CORPUS.by_slug["news"], "Serbia.")[1].reads is None


def test_what_a_page_read_holds_until_a_page_it_names_or_a_name_in_it_changes() -> None:
    reads = _recorded(CORPUS, "Serbia and Medveđa met.")
    assert reads is not None

    def holds(corpus, changed=frozenset()):  # type: ignore[no-untyped-def]
        return reads.hold(Linker(corpus, make_ctx()), "en", changed)

    assert holds(CORPUS)
    renamed = make_corpus(
        *(replace(d, summary="Renamed.") if d.slug == "serbia" else d for d in CORPUS.documents)
    )
    assert not holds(renamed)  # every link to Serbia shows its summary
    assert not holds(CORPUS, frozenset({"Medveda"}))  # a name in the prose links elsewhere now
    assert holds(CORPUS, frozenset({"Lodz Office"}))  # a name the page does not say


def test_a_page_that_held_holds_while_no_slug_it_read_moved() -> None:
    """After an edit of front matter, the slugs that read otherwise are found once, and each
    kept page is checked against them, not looked up again; a slug no page has still is."""
    reads = _recorded(CORPUS, "Serbia and Medveđa met [[nowhere]].")
    assert reads is not None
    last = Linker(CORPUS, make_ctx())
    renamed = make_corpus(
        *(replace(d, summary="Renamed.") if d.slug == "serbia" else d for d in CORPUS.documents)
    )
    now = Linker(renamed, make_ctx())
    moved = now.moved_since(last)["en"]
    assert moved == {"serbia"}
    assert not reads.held_since(now, "en", frozenset(), moved)
    assert reads.held_since(now, "en", frozenset(), frozenset())
    assert not reads.held_since(now, "en", frozenset({"Medveda"}), frozenset())
    nowhere = dict(reads.known)["nowhere"]
    hinted = replace(reads, known=(("nowhere", replace(nowhere, hint=" (did you mean x?)")),))
    assert not hinted.held_since(now, "en", frozenset(), frozenset())


class _Rewrite(Treeprocessor):
    """What a site engine does for readers once the linker has read the tree's links: MkDocs'
    relpath, which MkDocs adds after every extension."""

    def run(self, root) -> None:
        for element in root.iter("a"):
            element.set("href", "../../rewritten/")


class _RewriteExtension(Extension):
    def extendMarkdown(self, md) -> None:
        md.treeprocessors.register(_Rewrite(md), "rewrite", -1)


@pytest.mark.parametrize("raw", ["", ' <a href="../../rewritten/">r</a>'])
def test_targets_are_read_as_written_whatever_the_engine_makes_of_them(raw: str) -> None:
    """A body with raw HTML is read from its finished HTML, where the raw link is as written."""
    body = f"[k](../actors/kosovo.md) [e](../actors/kosovo\\.md#x){raw}\n"
    linker = Linker(CORPUS, make_ctx())
    doc = replace(CORPUS.by_slug["news"], body=body)
    html, found = linker.render(doc, body, [*EXTENSIONS, _RewriteExtension()])
    assert 'href="../../rewritten/"' in html
    expected = {("link", "../actors/kosovo.md"), ("link", "../actors/kosovo.md#x")}
    if raw:
        expected.add(("link", "../../rewritten/"))
    assert {(t.kind, t.url) for t in found.targets} == expected


def test_a_check_has_the_html_made_only_where_the_allowlist_reads_it() -> None:
    """``html=False`` (``check``): the same findings; no HTML for a page read from the tree."""
    linker = Linker(CORPUS, make_ctx())
    for body, serialized in [
        ("Kosovo met Serbia [[eusr]].[^rks] Missing.[^nope]\n", False),
        ("<b>Kosovo</b> met Serbia.[^rks] Missing.[^nope]\n", True),
    ]:
        doc = replace(CORPUS.by_slug["news"], body=body)
        html, found = linker.render(doc, body, EXTENSIONS)
        checked = linker.render(doc, body, EXTENSIONS, html=False)
        assert checked == (html if serialized else "", found)
        assert [d.message for d in found.diagnostics] == ["unknown source id 'nope' in citation"]
