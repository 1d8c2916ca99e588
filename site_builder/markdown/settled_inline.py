"""A text whose only inline markup is settled matches, made into its elements at once.

Python-Markdown's inline stage takes a text through every inline pattern in turn: each match
becomes a placeholder in a new copy of the text, then each placeholder becomes its element.
For a page of 120,000 citations that took 2.5 s, for nothing when the citations are the only
markup of their text. So a pattern may tell ahead, by its ``settles(match)``, that its
``handleMatch`` will take the match and make an element whose text is atomic, with no tail,
of a match holding no trigger of the patterns before it (a citation of a source, whose id is
a slug): a settled match. ``split`` calls ``handleMatch`` on each match of a text in the
order Python-Markdown would (pattern by pattern, each left to right), and hands back the
elements as its placeholders would have become.

It does so only where no other pattern could match, as the patterns' triggers tell: every
match of a pattern's expression holds one of its triggers (Python-Markdown's own in ``_OWN``,
a site pattern's in its ``TRIGGERS``). The text around the settled matches holds none, and
the patterns after a settled match see only its placeholder, which holds none either. Where a
registered pattern's triggers are not known, there is no ``split`` at all.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass

import markdown
from markdown import inlinepatterns as own
from markdown.util import STX, AtomicString

#: The triggers of Python-Markdown's own patterns, by the expression each is registered with.
_OWN = {
    own.BACKTICK_RE: r"[`\\]",
    own.ESCAPE_RE: r"\\",
    own.LINK_RE: r"\[",  # and REFERENCE_RE, the same
    own.IMAGE_LINK_RE: r"\[",  # and IMAGE_REFERENCE_RE
    own.AUTOLINK_RE: "<",
    own.AUTOMAIL_RE: "<",
    own.LINE_BREAK_RE: "  \n",
    own.HTML_RE: "<",
    own.ENTITY_RE: "&",
}

Elements = list[tuple[etree.Element, list[str]]]


@dataclass(frozen=True)
class SettledInline:
    """The settling patterns of a Markdown's inline patterns, in their order, and the
    triggers of every pattern; ``of`` makes one, or None when a pattern's are unknown."""

    settling: tuple[own.InlineProcessor, ...]
    triggers: re.Pattern[str]

    @classmethod
    def of(cls, md: markdown.Markdown) -> SettledInline | None:
        settling, triggers = [], [re.escape(STX)]  # a text holding a placeholder already
        for pattern in md.inlinePatterns:  # in priority order
            found = _triggers(pattern, md)
            if found is None:
                return None
            if hasattr(pattern, "settles"):
                settling.append(pattern)
            triggers.append(found)
        found = re.compile("|".join(dict.fromkeys(triggers)))
        return cls(tuple(settling), found) if settling else None

    def split(self, data: str, ancestors: list[str]) -> tuple[str, Elements] | None:
        """The text before the first element, and the elements (each with its tail and a copy
        of ``ancestors``), as Python-Markdown would make them of ``data``; None where it might
        make them otherwise (it is then Python-Markdown's to do)."""
        if isinstance(data, AtomicString):
            return None
        found: list[tuple[own.InlineProcessor, re.Match[str]]] = []
        for pattern in self.settling:  # pattern by pattern, as Python-Markdown takes them
            if any(exclude.lower() in ancestors for exclude in pattern.ANCESTOR_EXCLUDES):
                return None
            matches = list(pattern.getCompiledRegExp().finditer(data))
            settles: Callable[[re.Match[str]], bool] = pattern.settles  # type: ignore[attr-defined]
            if not all(settles(m) for m in matches):
                return None
            found += ((pattern, m) for m in matches)
        if not found:
            return None
        around, cursor = [], 0
        for _, m in sorted(found, key=lambda item: item[1].start()):
            if m.start() < cursor:
                return None  # two overlap
            around.append(data[cursor : m.start()])
            cursor = m.end()
        around.append(data[cursor:])
        if self.triggers.search("".join(around)):
            return None
        made = sorted((pattern.handleMatch(m, data) for pattern, m in found), key=_start)
        head, elements, cursor = data[: made[0][1]], [], made[0][1]
        for node, start, end in made:
            if elements and start > cursor:
                elements[-1][0].tail = data[cursor:start]
            elements.append((node, ancestors[:]))
            cursor = end
        if cursor < len(data):
            elements[-1][0].tail = data[cursor:]
        return head, elements


def _start(made: tuple[etree.Element, int, int]) -> int:
    return made[1]


def _triggers(pattern: object, md: markdown.Markdown) -> str | None:
    """What every match of ``pattern`` holds, as an expression; None if that is not known."""
    if pattern is md.delimiters:  # emphasis: its tokens, '*' and '_'
        return "|".join(re.escape(token) for token in md.delimiters.tokens)
    if type(pattern).__module__ == own.__name__:
        return _OWN.get(getattr(pattern, "pattern", None))
    return getattr(pattern, "TRIGGERS", None)
