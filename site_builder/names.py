"""The one name matcher: finds mentions of every brief's names in prose.

All names are compiled once per build into a single trie-shaped regular expression over
folded text, so matching costs grow with the length of the text, not with the number of
names (no loop of one pattern per name).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from site_builder.folding import (
    fold,
    has_cyrillic,
    serbian_to_cyrillic,
    serbian_to_latin,
)
from site_builder.model import Corpus, Name

_SERBIAN_LATIN = ("sr", "sr-Latn")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    slug: str


def spellings(name: Name) -> tuple[str, ...]:
    """A name as written, plus its other script: Latin for any Cyrillic name (read as
    Serbian, the region's Cyrillic language), Cyrillic for a Serbian name written in Latin."""
    if has_cyrillic(name.text):
        return (name.text, serbian_to_latin(name.text))
    if name.lang in _SERBIAN_LATIN:
        return (name.text, serbian_to_cyrillic(name.text))
    return (name.text,)


def _trie_pattern(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, longest first at each position, shaped as a trie."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(trie)


def _node_pattern(node: dict) -> str:
    branches = [
        re.escape(char) + _node_pattern(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


class NameMatcher:
    """Finds whole-word mentions of names; the longest name wins where names overlap."""

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        """``names`` are (name, slug) pairs; the first slug to claim a folded name keeps it."""
        self._slugs: dict[str, str] = {}
        for text, slug in names:
            key = fold(text.strip())
            if key:
                self._slugs.setdefault(key, slug)
        self._pattern = (
            re.compile(r"(?<!\w)(?P<name>" + _trie_pattern(self._slugs) + r")(?:'s)?(?!\w)")
            if self._slugs
            else None
        )

    def __len__(self) -> int:
        return len(self._slugs)

    def find(self, text: str) -> Iterator[Mention]:
        """Every mention in ``text``, left to right, as offsets into the original text."""
        if self._pattern is None:
            return
        for match in self._pattern.finditer(fold(text)):
            yield Mention(match.start("name"), match.end("name"), self._slugs[match["name"]])


def corpus_matcher(corpus: Corpus) -> NameMatcher:
    """The matcher for a build: every name of every brief (updates and pages are no targets)."""
    return NameMatcher(
        (spelling, doc.slug)
        for doc in corpus.briefs
        for name in doc.all_names
        for spelling in spellings(name)
    )
