"""The one name matcher: finds mentions of every brief's names in prose.

All names are compiled once per build into a single trie-shaped regular expression over
folded text, so matching costs grow with the length of the text, not with the number of
names (no loop of one pattern per name).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from site_builder.content.languages import SOURCE, Language
from site_builder.content.model import Corpus, Document, Name
from site_builder.text.declension import TABLES, declined
from site_builder.text.folding import (
    fold,
    has_cyrillic,
    serbian_to_cyrillic,
    serbian_to_latin,
)

_SERBIAN_LATIN = ("sr", "sr-Latn")

#: The longest name, in characters. The front-matter rules refuse longer ones; the matcher
#: leaves them out, since its pattern nests a group for every letter of a name.
MAX_NAME_LENGTH = 200


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
    """A regex matching any of ``words``, longest first at each position, shaped as a trie.

    The trie is walked with a stack of its own, not by recursion, so a long name costs time in
    proportion to its length and never Python's recursion limit. The regex nests one group per
    letter at most, which is why names are bounded (:data:`MAX_NAME_LENGTH`).
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    patterns: dict[int, str] = {}  # id of a node -> its pattern, once its children have one
    stack: list[tuple[dict, bool]] = [(trie, False)]
    while stack:
        node, children_done = stack.pop()
        if not children_done:
            stack.append((node, True))
            stack.extend((child, False) for char, child in node.items() if char)
            continue
        branches = [
            re.escape(char) + patterns.pop(id(child))
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            patterns[id(node)] = ""
        elif "" in node:  # a word ends here: what follows is optional
            patterns[id(node)] = "(?:" + "|".join(branches) + ")?"
        else:
            patterns[id(node)] = (
                branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
            )
    return patterns[id(trie)]


class NameMatcher:
    """Finds whole-word mentions of names; the longest name wins where names overlap."""

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        """``names`` are (name, slug) pairs; the first slug to claim a folded name keeps it.

        Names longer than :data:`MAX_NAME_LENGTH` are left out (the schema reports them).
        """
        self._slugs: dict[str, str] = {}
        for text, slug in names:
            key = fold(text.strip())
            if key and len(key) <= MAX_NAME_LENGTH:
                self._slugs.setdefault(key, slug)
        self._pattern = (
            re.compile(r"(?<!\w)(?P<name>" + _trie_pattern(self._slugs) + r")(?:'s)?(?!\w)")
            if self._slugs
            else None
        )

    def __len__(self) -> int:
        return len(self._slugs)

    @property
    def names(self) -> Mapping[str, str]:
        """Every folded name, with the slug it links to."""
        return MappingProxyType(self._slugs)

    def find(self, text: str) -> Iterator[Mention]:
        """Every mention in ``text``, left to right, as offsets into the original text."""
        return self.find_folded(fold(text))

    def find_folded(self, folded: str) -> Iterator[Mention]:
        """``find`` on text already folded (folding keeps offsets)."""
        if self._pattern is None:
            return
        for match in self._pattern.finditer(folded):
            yield Mention(match.start("name"), match.end("name"), self._slugs[match["name"]])


def changed_names(before: Mapping[str, str], after: Mapping[str, str]) -> frozenset[str]:
    """The folded names that link elsewhere, or no longer or newly link, from one matcher to
    the next. Matching a text can differ between the two only where one of these is part of
    it: each match is the longest name found at its place, so names that are nowhere in the
    text take no part in it."""
    return frozenset(
        name for name in before.keys() | after.keys() if before.get(name) != after.get(name)
    )


def corpus_matcher(corpus: Corpus, language: Language = SOURCE) -> NameMatcher:
    """The matcher for a build's pages in ``language``: every name of every brief (updates and
    pages are no targets), then the declined forms of the language's own names."""
    explicit = [
        (spelling, doc.slug)
        for doc in corpus.briefs
        for name in doc.all_names
        for spelling in spellings(name)
    ]
    return _matcher((*explicit, *_declined_forms(corpus, language)))


@lru_cache(maxsize=8)
def _matcher(names: tuple[tuple[str, str], ...]) -> NameMatcher:
    """One matcher per set of names: a live preview rebuilds with the same names, mostly, and
    compiling the pattern of every name is a tenth of a second at 1,000 briefs."""
    return NameMatcher(names)


def _declined_forms(corpus: Corpus, language: Language) -> list[tuple[str, str]]:
    """(form, slug) for the declined forms of each brief's names in ``language``; a form that
    two briefs would get is left out (an explicit name wins over a form in the matcher)."""
    written = language.derived_from or language.code
    if written not in TABLES:
        return []
    owners: dict[str, set[str]] = {}
    for doc in corpus.briefs:
        person = doc.kind == "actor" and doc.type == "person"
        for name in _own_names(doc, written):
            for form in declined(name.text, written, person=person):
                for spelling in spellings(Name(form, name.lang)):
                    owners.setdefault(fold(spelling), set()).add(doc.slug)
    return [(form, next(iter(slugs))) for form, slugs in owners.items() if len(slugs) == 1]


def _own_names(doc: Document, written: str) -> list[Name]:
    """A brief's names in the language itself: its translation's, and its ``names`` there."""
    lang = "sr-Latn" if written == "sr" else written  # a Serbian name, in whichever script
    translation = doc.freshness.translation if doc.freshness else None
    own = [Name(doc.title, lang)] if translation else []
    own += [Name(a, lang) for a in translation.aliases] if translation else []
    own += [n for n in doc.names if n.lang and n.lang.split("-")[0] == written]
    return own
