"""Markup in front matter never reaches a page raw, whatever field it is in."""

from __future__ import annotations

import pytest

from site_builder.content.model import Link
from site_builder.render.brief_page import backlinks_html
from site_builder.site.pages import document_markdown
from tests.support import HOSTILE, Audit, assert_escaped, context, hostile_corpus, to_html

CORPUS = hostile_corpus()


@pytest.mark.parametrize("slug", sorted(CORPUS.by_slug))
def test_front_matter_is_escaped_on_every_content_page(slug: str) -> None:
    html = to_html(document_markdown(CORPUS.by_slug[slug], CORPUS, context()))
    assert_escaped(html)


def test_summaries_stay_whole_inside_link_tooltips() -> None:
    html = to_html(document_markdown(CORPUS.by_slug["association"], CORPUS, context()))
    titles = [attrs.get("title") for tag, attrs in Audit(html).tags if tag == "a"]
    assert HOSTILE in titles


def test_backlink_sentences_are_escaped() -> None:
    links = [
        Link("association", "kosovo", "mention", HOSTILE),
        Link("2025-06-10-talks", "kosovo", "front-matter", "about"),
    ]
    html = backlinks_html(CORPUS.by_slug["kosovo"], links, CORPUS, context())
    assert_escaped(html)
