"""The "Mentioned in" list: who links to a page, grouped, sorted, with the sentence."""

from __future__ import annotations

import re

from site_builder.content.model import Link
from site_builder.render.brief_page import backlinks_html
from tests.support import context, sample_corpus

CORPUS = sample_corpus()


def backlinks(slug: str, links: list[Link]) -> str:
    return backlinks_html(CORPUS.by_slug[slug], links, CORPUS, context())


def test_grouped_by_kind_and_sorted_by_title() -> None:
    html = backlinks(
        "kosovo",
        [
            Link("2025-06-10-talks", "kosovo", "front-matter", "about"),
            Link("serbia", "kosovo", "mention", "Serbia talks to Kosovo."),
            Link("european-union", "kosovo", "wikilink", "The EU facilitates."),
            Link("license-plates", "kosovo", "front-matter", "parties"),
            Link("association", "kosovo", "front-matter", "parties[0]"),
        ],
    )
    assert re.findall(r"<h3>(\w+)</h3>", html) == ["Actors", "Disputes", "Updates"]
    titles = re.findall(r'title="[^"]*">([^<]+)</a>', html)
    assert titles == [
        "European Union", "Serbia", "Association of Serb-majority Municipalities",
        "Licence plates", "Talks resume in Brussels",
    ]  # fmt: skip


def test_sentences_and_front_matter_keys() -> None:
    html = backlinks(
        "kosovo",
        [
            Link("serbia", "kosovo", "mention", "Serbia & Kosovo <talk>."),
            Link("association", "kosovo", "front-matter", "parties"),
            Link("2025-06-10-talks", "kosovo", "front-matter", "about"),
        ],
    )
    assert '<q class="backlink-sentence">Serbia &amp; Kosovo &lt;talk&gt;.</q>' in html
    assert "(listed among the parties)" in html
    assert "(listed among the subjects of the update)" in html


def test_links_are_relative_to_the_target_page() -> None:
    html = backlinks("kosovo", [Link("serbia", "kosovo", "mention", "x")])
    assert 'href="../serbia/"' in html


def test_one_entry_per_page_with_each_sentence_once() -> None:
    html = backlinks(
        "kosovo",
        [
            Link("serbia", "kosovo", "mention", "Once."),
            Link("serbia", "kosovo", "wikilink", "Once."),
            Link("serbia", "kosovo", "front-matter", "related"),
        ],
    )
    assert html.count("<li>") == 1
    assert html.count("Once.") == 1
    assert "See also" in html


def test_other_targets_and_self_links_are_ignored() -> None:
    html = backlinks(
        "kosovo",
        [Link("kosovo", "kosovo", "mention", "Self."), Link("serbia", "presevo", "mention", "x")],
    )
    assert "No other page links here yet." in html
    assert "<li>" not in html


def test_thousands_of_sentences_from_one_page_each_once_in_order() -> None:
    """Each sentence is kept once, in the order first met, in time linear in the links."""
    links = [Link("serbia", "kosovo", "wikilink", f"Sentence {n % 500}.") for n in range(20_000)]
    html = backlinks("kosovo", links)
    sentences = re.findall(r'<q class="backlink-sentence">([^<]+)</q>', html)
    assert sentences == [f"Sentence {n}." for n in range(500)]
