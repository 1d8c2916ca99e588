"""Settled citations and wikilinks, made into elements at once: what Python-Markdown makes."""

from __future__ import annotations

import re
from dataclasses import replace

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown.inlinepatterns import InlineProcessor, SimpleTagInlineProcessor
from markdown.treeprocessors import InlineProcessor as InlineStage

from site_builder.markdown.linker import Linker, PageLinks
from site_builder.markdown.settled_inline import SettledInline
from tests.markdown.test_linear_stages import BUILD_EXTENSIONS
from tests.support import EXTENSIONS, make_ctx
from tests.support import LINK_CORPUS as CORPUS


def render(text: str, split: bool = True) -> tuple[str, PageLinks]:
    page = replace(CORPUS.by_slug["news"], body=text)
    with pytest.MonkeyPatch.context() as patch:
        if not split:
            patch.setattr(SettledInline, "of", classmethod(lambda cls, md: None))
        return Linker(CORPUS, make_ctx()).render(page, text, EXTENSIONS)


#: Settled matches, matches that are not (an unknown id or page, a label), and every trigger.
piece = st.sampled_from(
    ["X.[^rks]", "[^rks]", "[^nope]", "[[kosovo]]", "[[ serbia | ]]", "[[kosovo|Label]]",
     "[[nowhere]]", " Serbia ", "words", "*", "_a_", "`c`", "\\*", "[x](y.md)", "<b>", "&amp;",
     "  \n", "\n", "[", "]", "!", "[^rks", "[[^rks]]", "[^a`b]", "(x)", " "]
)  # fmt: skip
paragraph = st.lists(piece, min_size=1, max_size=12).map("".join)
text = st.lists(paragraph, min_size=1, max_size=4).map("\n\n".join)


@settings(max_examples=400, deadline=None)
@given(text)
def test_the_same_page_as_python_markdown_makes(body: str) -> None:
    html, found = render(body)
    assert (html, found) == render(body, split=False)


@pytest.mark.parametrize(
    "body",
    [
        "One.[^rks] Two.[^rks] Three [[kosovo]] and [[ serbia | ]] end.[^rks]",
        "> Quoted.[^rks]\n\n- Item.[^rks] [[kosovo]]\n\n| a |\n| - |\n| b.[^rks] |",
        "Said.[^rks] Then *this*.[^rks] And [^nope] and [[kosovo|Label]].",
        "Serbia said.[^rks]\n\n## Kosovo [[serbia]]\n\nEnd.[^rks]",
    ],
)
def test_the_same_page_for_each_kind_of_block(body: str) -> None:
    assert render(body) == render(body, split=False)


def test_a_paragraph_of_settled_matches_goes_through_no_pattern(monkeypatch) -> None:
    """Python-Markdown's own way applies the patterns to the text once per match."""
    applied = []
    apply = InlineStage._InlineProcessor__applyPattern

    def counting(self, pattern, data, index, start=0):
        done = apply(self, pattern, data, index, start)
        applied.append(done[1] and getattr(pattern, "TRIGGERS", "") in (r"\[\^", r"\[\["))
        return done

    monkeypatch.setattr(InlineStage, "_InlineProcessor__applyPattern", counting)
    body = "Said.[^rks] [[kosovo]] then.[^rks] " * 50
    for text, matched in ((body, 0), (body + " *emphasis*", 150)):  # '*': Markdown's own way
        html, _ = render(text)
        assert html.count('class="citation"') == 100
        assert sum(applied) == matched
        applied.clear()


def test_the_build_s_patterns_are_all_known() -> None:
    md = markdown.Markdown(extensions=[*BUILD_EXTENSIONS, Linker(CORPUS, make_ctx()).extension])
    settled = SettledInline.of(md)
    assert settled is not None
    assert [type(pattern).__name__ for pattern in settled.settling] == [
        "_WikilinkProcessor",
        "_CitationProcessor",
    ]
    assert settled.triggers.pattern == ("\x02|[`\\\\]|\\\\|\\[\\[|\\[\\^|\\[|<|  \n|&|\\*|_")


def test_a_pattern_whose_triggers_are_unknown_leaves_it_all_to_python_markdown() -> None:
    md = markdown.Markdown(extensions=[Linker(CORPUS, make_ctx()).extension])
    assert SettledInline.of(md) is not None
    md.inlinePatterns.register(InlineProcessor(r"~~(.+?)~~"), "strike", 40)
    assert SettledInline.of(md) is None


def test_a_known_kind_of_pattern_with_another_expression_is_not_known() -> None:
    md = markdown.Markdown(extensions=[Linker(CORPUS, make_ctx()).extension])
    md.inlinePatterns.register(SimpleTagInlineProcessor(r"(\^)(.+?)\^", "sup"), "caret", 40)
    assert SettledInline.of(md) is None


def test_no_settling_pattern_no_split() -> None:
    assert SettledInline.of(markdown.Markdown()) is None


def test_each_settled_match_is_handled_once_in_order() -> None:
    body = "A.[^rks] [[kosovo]] B.[^rks] [[serbia]] [[kosovo]]"
    html, found = render(body)
    assert [link.target for link in found.links] == ["kosovo", "serbia", "kosovo"]
    assert re.findall(r'<sup class="citation"[^>]*>', html) == [
        '<sup class="citation" id="fnref:1">',
        '<sup class="citation">',
    ]
