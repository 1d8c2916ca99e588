"""Bounds on a body: each refused with its message before anything renders, in check and build.

Timings of the worst inputs under the size limit are in benchmarks/hostile_inputs.py.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from site_builder.content.model import Source
from site_builder.markdown.linker import Linker
from site_builder.safety.limits import (
    MAX_LIST_ITEMS,
    MAX_NESTING,
    MAX_TAGS,
    body_problems,
)
from tests.support import make_corpus, make_ctx, make_doc

CORPUS = make_corpus(
    make_doc("actor", "kosovo", "Kosovo"),
    make_doc("page", "about", "About", sources=(Source("s", "T", "P"),)),
)
COPIES = (
    "the body's paragraphs hold too much markup ('[', '<', '`', '*', '_', '&', '\\', '!') for "
    "their length to render in time: split the paragraphs that hold it"
)
FAR = "too far from what closes them to render in time: close them, or split the paragraphs"


def nested(depth: int) -> str:
    return "".join("  " * level + "- x\n" for level in range(depth))


REFUSED = [
    ("lists 21 deep", "Intro.\n\n" + nested(21), [(22, "lists or quotations are nested 21 levels deep; the limit is 20")]),
    ("quotes 500 deep", ">" * 500 + " x\n", [(0, "lists or quotations are nested 500 levels deep; the limit is 20")]),
    ("too many list items", "- x\n" * 5_001, [(0, "the body has 5,001 list items; the limit is 5,000: split the page")]),
    ("too many tags", "<b>x</b> " * 4_001, [(0, "the body has 8,002 '<' signs; the limit is 8,000: split the page")]),
    ("unclosed brackets before a long paragraph", "[" * 20 + " word" * 200_000, [(0, f"the body's '[' signs are {FAR} that hold them")]),
    ("unclosed tags before a long paragraph", "<a " * 200 + " word" * 200_000, [(0, f"the body's '<' signs are {FAR} that hold them")]),
    ("many links in a long paragraph", "[[kosovo]] " * 2_000 + " word" * 190_000, [(0, COPIES)]),
    ("many tags in a long paragraph", "<b>x</b> " * 500 + " word" * 190_000, [(0, COPIES)]),
    ("code spans in a long paragraph", "` a" * 300_000, [(0, COPIES)]),
    ("a long table", "| a |\n| - |\n" + "| 1 |\n" * 5_000, [(0, "the body has 5,002 table rows (lines with '|'); the limit is 5,000: split the page")]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("body", "expected"), [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED]
)
def test_a_body_past_a_bound_is_refused(body: str, expected: list[tuple[int, str]]) -> None:
    assert body_problems(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        nested(MAX_NESTING),
        "- x\n" * MAX_LIST_ITEMS,
        ("[[kosovo]] " * 20 + "1.[^s]\n\n") * 4_000,  # 80,000 wikilinks: no bound of their own
        ("X.[^s] " * 20 + "\n\n") * 6_000,  # 120,000 citations
        "<b>x</b> " * (MAX_TAGS // 2),
        "[closed] " * 200 + " word" * 100_000,  # brackets that close soon cost little
        ("[[kosovo]] " * 10 + " word" * 1_000 + "\n\n") * 300,  # links in many paragraphs
        ("[" * 20 + " word" * 1_000 + "\n\n") * 40,  # far apart in short paragraphs
    ],
    ids=[
        "nesting",
        "list items",
        "links",
        "citations",
        "tags",
        "closed brackets",
        "many paragraphs",
        "short paragraphs",
    ],
)
def test_a_body_within_every_bound_passes(body: str) -> None:
    assert body_problems(body) == []


def test_a_refused_body_is_reported_at_its_file_and_never_rendered() -> None:
    body = "Intro.\n\n" + nested(500)
    doc = replace(CORPUS.by_slug["about"], body=body)
    html, found = Linker(CORPUS, make_ctx()).render(doc, body)
    assert html == ""
    assert [(d.path, d.line, d.message) for d in found.diagnostics] == [
        (
            "content/pages/about.md",
            506,
            "lists or quotations are nested 500 levels deep; the limit is 20",
        )
    ]


def test_a_file_past_the_size_limit_is_never_rendered_by_the_build(tmp_path) -> None:
    """The 1 MB limit holds in the build too: a 4 MB page of nested lists is refused, not
    rendered (it took 112 s before the traceback)."""
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    content = Path(shutil.copytree(root / "tests/fixtures/minimal/content", tmp_path / "content"))
    body = "".join("  " * (level % 400) + "- x\n" for level in range(4_000_000 // 400))
    (content / "pages" / "huge.md").write_text(f"---\ntitle: Huge\nsummary: Huge.\n---\n{body}")
    done = subprocess.run(
        [sys.executable, "-m", "site_builder.cli", "build", "--content", str(content),
         "--site-dir", str(tmp_path / "site"), "--config", str(root / "mkdocs.yml")],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 1
    assert (
        "content/pages/huge.md:1: the file is larger than 1,000,000 bytes; split it into smaller "
        "ones" in done.stderr
    )
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "site").exists()
