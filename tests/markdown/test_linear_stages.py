"""Python-Markdown's block parser and inline stage, made linear: the same HTML as its own."""

from __future__ import annotations

import inspect
import re
from dataclasses import replace

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown.treeprocessors import InlineProcessor

from site_builder.markdown import linear_stages
from site_builder.markdown.linear_stages import QueuedInlineProcessor, use_linear_stages
from site_builder.markdown.linker import Linker
from tests.support import EXTENSIONS, FIXTURES, REPO, make_ctx
from tests.support import LINK_CORPUS as CORPUS

#: What the build renders with (mkdocs.yml), and what the linker tests render with.
BUILD_EXTENSIONS = ["toc", "attr_list", "tables", "admonition", "pymdownx.details"]
BUILD_EXTENSIONS += ["pymdownx.superfences"]
BODIES = sorted((REPO / "content").rglob("*.md")) + sorted(FIXTURES.rglob("*.md"))
TRICKY = [
    "*a* and **b** and ***c*** and `d` and [e](f.md) and <span>g</span> tail",
    "A *nested **strong** tail* here, then [a *link*](x.md 'title') and ![i](a.png).",
    "- item *one*\n- item [two](y.md)\n    - nested `three` and *four*\n\n"
    "| a | *b* |\n|---|---|\n| `c` | d |",
    "> quoted *text* with [[kosovo]] and [^rks] and Serbia.\n\n1. one\n2. *two*",
    "Para[^rks] one. [[serbia|Label *x*]] and [[nowhere]].\n\n## Heading *em*\n\n"
    "Text &amp; more\\*.",
    "&copy; <b>bold *not md*</b> __under__ _single_ http://example.org <http://x.org>",
]  # fmt: skip

word = st.sampled_from(["Serbia", "Kosovo", "talks", "x", "[[kosovo]]", "[^rks]", "&amp;", "\\*"])
inline = st.recursive(
    st.lists(word, min_size=1, max_size=4).map(" ".join),
    lambda inner: st.one_of(
        inner.map(lambda t: f"*{t}*"),
        inner.map(lambda t: f"**{t}**"),
        inner.map(lambda t: f"`{t}`"),
        inner.map(lambda t: f"[{t}](x.md)"),
        inner.map(lambda t: f"<span>{t}</span>"),
        st.tuples(inner, inner).map(" ".join),
    ),
    max_leaves=8,
)
#: Blocks of every kind the block processors read, some spanning blank lines.
block = st.one_of(
    inline,
    inline.map(lambda t: f"- {t}"),
    inline.map(lambda t: f"1. {t}\n\n    {t}"),
    inline.map(lambda t: f"## {t}"),
    inline.map(lambda t: f"{t}\n---"),
    inline.map(lambda t: f"> {t}\n>\n> {t}"),
    inline.map(lambda t: f"    code {t}"),
    inline.map(lambda t: f'!!! note "N"\n    {t}\n\n    {t}'),
    inline.map(lambda t: f"??? note\n    {t}"),
    inline.map(lambda t: f"| a |\n| - |\n| {t} |"),
    inline.map(lambda t: f"```\n{t}\n\n{t}\n```"),
    st.just("[ref]: x.md"),
    st.just("See [the ref][ref]."),
    st.just("***"),
    st.just(""),
    st.just("<div>\nraw\n</div>"),
)
document = st.lists(block, min_size=1, max_size=12).map("\n\n".join)


def _both(text: str, extensions: list[str]) -> tuple[str, str]:
    """``text`` rendered by Python-Markdown, and with its stages made linear."""
    plain = markdown.Markdown(extensions=extensions)
    linear = markdown.Markdown(extensions=extensions)
    use_linear_stages(linear)
    assert type(linear.treeprocessors["inline"]) is QueuedInlineProcessor
    return plain.convert(text), linear.convert(text)


def test_the_installed_inline_stage_is_the_copied_one() -> None:
    """When this fails, Python-Markdown changed ``InlineProcessor.run``: copy it again (with a
    deque for its stack) into ``QueuedInlineProcessor.run`` and update the digest."""
    assert linear_stages.upstream_is_the_copied_one()


def test_a_linker_renders_with_both() -> None:
    md = markdown.Markdown(extensions=[*EXTENSIONS, Linker(CORPUS, make_ctx()).extension])
    assert type(md.treeprocessors["inline"]) is QueuedInlineProcessor
    assert getattr(md.parser.parseBlocks, "windowed", False)


def test_another_inline_stage_is_left_alone() -> None:
    class Own(InlineProcessor):
        pass

    md = markdown.Markdown()
    md.treeprocessors.register(Own(md), "inline", 20)
    use_linear_stages(md)
    assert type(md.treeprocessors["inline"]) is Own


@pytest.mark.parametrize("text", TRICKY)
def test_the_same_html_as_python_markdown(text: str) -> None:
    html, linear = _both(text, EXTENSIONS)
    assert linear == html


@settings(max_examples=300, deadline=None)
@given(document)
def test_the_same_html_for_any_markdown(text: str) -> None:
    html, linear = _both(text, BUILD_EXTENSIONS)
    assert linear == html


@settings(max_examples=300, deadline=None)
@given(document, st.integers(min_value=1, max_value=3))
def test_the_same_html_whatever_the_window(text: str, window: int) -> None:
    """Blocks given a few at a time, so that windows end everywhere: lists, code, notes and
    quotes that span blank lines, reference definitions, headings that split their block."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(linear_stages, "BLOCK_WINDOW", window)
        html, linear = _both(text, BUILD_EXTENSIONS)
    assert linear == html


def test_the_same_html_for_every_body_of_the_site_and_the_fixtures() -> None:
    assert len(BODIES) > 20
    for path in BODIES:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(linear_stages, "BLOCK_WINDOW", 2)
            html, linear = _both(text, BUILD_EXTENSIONS)
        assert linear == html, path


def test_the_same_html_through_the_linker() -> None:
    """Wikilinks, citations and names to link, as the build renders them, with and without."""
    text = "\n\n".join(TRICKY * 400) + "\n\n" + "[[kosovo]] Serbia.[^rks] " * 200
    page = replace(CORPUS.by_slug["notes"], body=text)
    linear, _ = Linker(CORPUS, make_ctx()).render(page, text, EXTENSIONS)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(linear_stages, "_COPIED", False)  # Python-Markdown's own inline stage
        patch.setattr(linear_stages, "BLOCK_WINDOW", 10**9)  # and its own block parser
        html, _ = Linker(CORPUS, make_ctx()).render(page, text, EXTENSIONS)
    assert linear == html


def test_the_block_parser_never_holds_more_than_a_window(monkeypatch) -> None:
    longest = []
    md = markdown.Markdown()
    original = md.parser.parseBlocks

    def counting(parent, blocks):
        longest.append(len(blocks))
        return original(parent, blocks)

    md.parser.parseBlocks = counting
    use_linear_stages(md)
    md.convert("x\n\n" * 5_500)
    assert longest[0] == linear_stages.BLOCK_WINDOW
    assert max(longest) == linear_stages.BLOCK_WINDOW
    assert sum(longest) >= 5_500


def test_every_block_processor_reads_only_the_first_block() -> None:
    """What windows of blocks rely on: a processor that looked further down its list (at
    ``blocks[1]``, or at how many are left) could see the end of a window, not of the page."""
    md = markdown.Markdown(extensions=[*BUILD_EXTENSIONS, "md_in_html", "def_list"])
    further = re.compile(
        r"blocks\[(?!0\])|len\(blocks\)|in blocks\b|blocks\.(?!pop\(0\)|insert\(0)"
    )
    assert further.search("if len(blocks) > 1") and further.search("nxt = blocks[1]")
    assert not further.search("block = blocks.pop(0)\nblocks.insert(0, rest)\nblocks[0]")
    for processor in md.parser.blockprocessors:
        source = inspect.getsource(type(processor).run)
        assert not further.search(source), type(processor)
