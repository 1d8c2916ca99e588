"""The sourcing rule of contract v2: every statement of a brief's body cites a source.

Each case is a body and the problems it must give, with their lines (the body starts on line 5).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from site_builder.content.kinds import Kind
from site_builder.content.model import Source
from site_builder.markdown.linker import Linker
from tests.support import make_corpus, make_ctx, make_doc

EXTENSIONS = ["toc", "attr_list", "md_in_html", "tables", "admonition", "pymdownx.superfences"]
SOURCES = (Source("rks", "Title", "RKS News"),)
CORPUS = make_corpus(
    make_doc("actor", "kosovo", "Kosovo", sources=SOURCES),
    make_doc("dispute", "plates", "Plates", sources=SOURCES),
    make_doc("agreement", "deal", "Deal", sources=SOURCES),
    make_doc("place", "presevo", "Preševo", sources=SOURCES),
    make_doc("update", "news", "News", sources=SOURCES),
    make_doc("page", "about", "About", sources=SOURCES),
    make_doc("page", "index", "Home", sources=SOURCES),
)
HINT = "cites no source: add a citation such as [^id], with the id of one of this brief's sources"


def problems(body: str, slug: str = "news") -> list[tuple[int, str]]:
    doc = replace(CORPUS.by_slug[slug], body=body)
    _, found = Linker(CORPUS, make_ctx()).render(doc, body, EXTENSIONS)
    return [(d.line, d.message) for d in found.diagnostics]


CASES = [
    ("a cited paragraph", "Kosovo said so.[^rks]\n", []),
    ("an uncited paragraph", "Kosovo said so.\n", [(5, f"this paragraph {HINT}")]),
    (
        "the second paragraph, on its own line",
        "One.[^rks]\n\nTwo says\nmore.\n",
        [(7, f"this paragraph {HINT}")],
    ),
    (
        "the same words twice, each at its own line",
        "Same.[^rks]\n\nSame.\n",
        [(7, f"this paragraph {HINT}")],
    ),
    (
        "list items each cite",
        "- One.[^rks]\n- Two.\n- Three.[^rks]\n",
        [(6, f"this list item {HINT}")],
    ),
    (
        "a nested list's items count alone",
        "- Parent.[^rks]\n    - Child.\n",
        [(6, f"this list item {HINT}")],
    ),
    ("a list item that only holds a list", "- \n    - Child.[^rks]\n", []),
    (
        "a table's body rows",
        "| Who | What |\n| --- | --- |\n| Kosovo | Yes.[^rks] |\n| Serbia | No. |\n",
        [(8, f"this table row {HINT}")],
    ),
    ("headings state nothing", "## Background\n\nText.[^rks]\n", []),
    ("code states nothing", "```\nnot prose\n```\n", []),
    (
        "an editorial note",
        '!!! note "Naming"\n    The site uses the English names.\n',
        [],
    ),
    (
        "a quotation introduced by a cited sentence",
        "He said:[^rks]\n\n> Quoted words.\n",
        [],
    ),
    (
        "a quotation introduced by nothing cited",
        "He said:\n\n> Quoted words.\n",
        [(5, f"this paragraph {HINT}"), (7, f"this paragraph {HINT}")],
    ),
    ("an image alone states nothing", "![Map](../assets/map.png)\n", []),
    (
        "an unknown id is reported once, as an unknown id",
        "Said.[^rsk]\n",
        [(5, "unknown source id 'rsk' in citation (did you mean 'rks'?)")],
    ),
    (
        "a hand-written footnote definition",
        "Said.[^rks]\n\n[^rks]: RKS News, 2025.\n",
        [
            (
                7,
                "hand-written footnote definitions are not allowed: describe the source under "
                "'sources' in the front matter and cite it with [^id]",
            )
        ],
    ),
]


@pytest.mark.parametrize(("body", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_rule(body: str, expected: list[tuple[int, str]]) -> None:
    assert problems(body) == expected


@pytest.mark.parametrize("slug", ["kosovo", "plates", "deal", "presevo", "news"])
def test_every_brief_kind_and_updates_are_held_to_it(slug: str) -> None:
    assert problems("Uncited.\n", slug) == [(5, f"this paragraph {HINT}")]


@pytest.mark.parametrize("slug", ["about", "index"])
def test_pages_and_the_home_page_are_exempt(slug: str) -> None:
    assert problems("About the site.\n", slug) == []


def test_kinds_held_to_the_rule() -> None:
    from site_builder.content.kinds import SOURCED_KINDS

    exempt: set[Kind] = {"page"}
    assert {"actor", "dispute", "agreement", "place", "update"} == SOURCED_KINDS
    assert not exempt & SOURCED_KINDS
