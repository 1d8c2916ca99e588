"""Properties of automatic linking that must hold for any text, checked on generated Markdown."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from dataclasses import replace

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.markdown.linker import Linker
from tests.support import EXTENSIONS, make_ctx
from tests.support import LINK_CORPUS as CORPUS

NAMES = ["Serbia", "Kosovo", "EU", "EU Special Representative", "Presevo", "Preševo Valley",
         "Sørensen", "Medveđa", "Прешево", "Serbian", "Kosovars"]  # fmt: skip
WORDS = ["the", "talks", "said", "in", "and", "’s", "'s", ",", ".", "https://x.org/Serbia"]

word = st.sampled_from(NAMES + WORDS)
phrase = st.lists(word, min_size=1, max_size=8).map(" ".join)
inline = st.one_of(
    phrase,
    phrase.map(lambda p: f"`{p}`"),
    phrase.map(lambda p: f"[{p}](https://example.org)"),
    phrase.map(lambda p: f"*{p}*"),
    phrase.map(lambda p: f"<span>{p}</span>"),
)
block = st.one_of(
    st.lists(inline, min_size=1, max_size=5).map(" ".join),
    phrase.map(lambda p: f"## {p}"),
    phrase.map(lambda p: f"```\n{p}\n```"),
    phrase.map(lambda p: f"- {p}"),
)
document = st.lists(block, min_size=1, max_size=6).map("\n\n".join)


def _visible(html_text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", html_text))


def _link(text: str) -> tuple[str, etree.Element]:
    page = replace(CORPUS.by_slug["news"], body=text)
    output, _ = Linker(CORPUS, make_ctx()).render(page, text, EXTENSIONS)
    return output, etree.fromstring(f"<root>{output}</root>")


@settings(max_examples=300, deadline=None)
@given(document)
def test_linking_never_changes_the_visible_text(text: str) -> None:
    output, _ = _link(text)
    plain = markdown.markdown(text, extensions=EXTENSIONS)
    assert _visible(output) == _visible(plain)


@settings(max_examples=300, deadline=None)
@given(document)
def test_never_links_inside_code_links_or_headings(text: str) -> None:
    _, root = _link(text)
    for container in root.iter():
        if container.tag in ("code", "pre", "a", "h2", "span"):
            inner = [e for e in container.iter() if e is not container]
            assert not any(e.get("class") == "autolink" for e in inner)


@settings(max_examples=300, deadline=None)
@given(document)
def test_links_each_target_at_most_once(text: str) -> None:
    _, root = _link(text)
    targets = [a.get("href") for a in root.iter("a") if a.get("class") == "autolink"]
    assert len(targets) == len(set(targets))
