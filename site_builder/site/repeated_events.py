"""Timeline entries that tell one event twice: same date, same briefs, alike in wording.

An event is written once, in the brief it belongs to, and ``involves`` shows it on the others.
Contributors who do not know that write it again on each brief, in other words. Two entries
are taken for one event when they have the same date, no numbers that tell them apart, and
either the same words, or each concerns the brief the other is written in (the briefs an entry
concerns: its own, those it involves and those its text names, found by the one name matcher)
and they share enough folded words. A brief merely named by both (the EU, say) is not enough:
one meeting has several outcomes, each an event of its own brief. Only a warning: a person
decides.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from site_builder.content.diagnostics import Diagnostic
from site_builder.content.languages import SOURCE_CODE
from site_builder.content.model import Corpus, Document, TimelineEntry
from site_builder.render.dates import human_date
from site_builder.text.folding import fold
from site_builder.text.names import NameMatcher, corpus_matcher

#: Folded words two entries must share to look alike, and the share of the shorter entry's
#: words that must be in common.
MIN_COMMON_WORDS = 3
MIN_COMMON_SHARE = 0.4
#: Words too common to tell two events apart.
_COMMON_WORDS = """
a an and as at by for from in into is it its of on or that the their them they this to was
were which while who with has have had his her he she says said also after before since than
then there these those not no be been being are will would s according january february march
april may june july august september october november december
"""
_COMMON = frozenset(_COMMON_WORDS.split())
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class _Event:
    doc: Document
    entry: TimelineEntry
    briefs: frozenset[str]
    words: frozenset[str]
    numbers: frozenset[str]

    @property
    def where(self) -> str:
        return f"{self.doc.path}:{self.entry.line}"


def words(text: str) -> frozenset[str]:
    """The folded, lower-case words of ``text`` that can tell events apart (numbers aside)."""
    found = _WORD.findall(fold(text).lower())
    return frozenset(w for w in found if w not in _COMMON and not w.isdigit())


def numbers(text: str) -> frozenset[str]:
    """The numbers of ``text``: "round 122" and "round 152" of one day are two events."""
    return frozenset(w for w in _WORD.findall(text) if w.isdigit())


def _events(corpus: Corpus, matcher: NameMatcher) -> Iterator[_Event]:
    for doc in corpus.documents:
        for entry in doc.timeline:
            named = {m.slug for m in matcher.find(entry.text)}
            briefs = frozenset({doc.slug, *entry.involves, *named})
            yield _Event(doc, entry, briefs, words(entry.text), numbers(entry.text))


def alike(a: _Event, b: _Event) -> frozenset[str]:
    """The words two entries share if they look like one event, else nothing."""
    if a.entry.date != b.entry.date:
        return frozenset()
    if a.numbers and b.numbers and not a.numbers & b.numbers:
        return frozenset()
    if a.words == b.words:
        return a.words
    if a.doc.slug not in b.briefs and b.doc.slug not in a.briefs:
        return frozenset()
    common = a.words & b.words
    fewest = min(len(a.words), len(b.words)) or 1
    enough = len(common) >= MIN_COMMON_WORDS and len(common) / fewest >= MIN_COMMON_SHARE
    return common if enough else frozenset()


def _by_date(events: Iterable[_Event]) -> dict[str, list[_Event]]:
    found: dict[str, list[_Event]] = {}
    for event in events:
        found.setdefault(event.entry.date.iso, []).append(event)
    return found


def repeated_events(corpus: Corpus) -> list[Diagnostic]:
    """A warning on every entry that repeats an earlier one (by file and line), naming it."""
    diagnostics: list[Diagnostic] = []
    for group in _by_date(_events(corpus, corpus_matcher(corpus))).values():
        group.sort(key=lambda e: (e.doc.path, e.entry.line))
        for i, later in enumerate(group):
            for first in group[:i]:
                common = alike(first, later)
                if common:
                    diagnostics.append(_warning(first, later, common))
                    break
    return diagnostics


def _warning(first: _Event, later: _Event, common: frozenset[str]) -> Diagnostic:
    shown = ", ".join(sorted(common)[:5])
    date = human_date(later.entry.date, SOURCE_CODE)  # contributors read problems in English
    message = (
        f"this event looks like the one at {first.where} (same date, {date}; "
        f"words in common: {shown}): write it once, in the brief it belongs to, and list the "
        f"other briefs under its 'involves' (here: involves: [{later.doc.slug}])"
    )
    return Diagnostic(later.doc.path, later.entry.line, message, "warning")
