"""Bounds on a body that keep every page quick to render, refused before anything renders.

Python-Markdown recurses once per nesting level; for every ``[`` or ``<`` it cannot close it
scans on to the end of the paragraph, and for every link or tag it finds it copies the rest of
the paragraph; the search index of the current theme rereads a list once per item. A body far
past what any brief needs would take minutes or raise RecursionError. Each bound is many
times what a real brief uses, and each is measured in ``benchmarks/hostile_inputs.py``: every
input under the size limit checks and builds in seconds, or is refused. Links, wikilinks and
citations need no bound of their own: the site's code is linear in them (80,000 wikilinks or
120,000 citations in a 1 MB body check and build in seconds), and what Python-Markdown does
for each is bounded with the rest of a paragraph's markup (``MAX_COPIES``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

MAX_NESTING = 20
MAX_LIST_ITEMS = 5_000
MAX_TABLE_ROWS = 5_000
MAX_TAGS = 8_000
#: Characters scanned from each opening bracket or "<" to what closes it (or to the end of its
#: paragraph): what the renderer reads again and again, character by character.
MAX_SCAN = {"[": 10_000_000, "<": 30_000_000}
#: Each inline element the renderer finds (link, tag, code, emphasis, entity, escape) makes it
#: copy the rest of its paragraph once: the signs that open them times the length of the
#: paragraph holding them, added up.
MAX_COPIES = 400_000_000
_INLINE_SIGNS = re.compile(r"[\[<`*_&\\!]")

_QUOTE = re.compile(r"[ \t]*((?:>[ \t]?)+)")
_LIST_ITEM = re.compile(r"( *)(?:[-*+]|\d{1,9}[.)])[ \t]")
_TABLE_ROW = re.compile(r"^[^\n]*\|", re.MULTILINE)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_CLOSING = {"[": "]", "<": ">"}


def body_problems(body: str) -> list[tuple[int, str]]:
    """(line within the body, message) for every bound the body goes past."""
    problems = []
    deepest, deepest_line, items = 0, 0, 0
    for number, line in enumerate(body.split("\n")):
        quote = _QUOTE.match(line)
        depth = quote.group(1).count(">") if quote else 0
        item = _LIST_ITEM.match(line[quote.end() :] if quote else line)
        if item:
            depth += len(item.group(1)) // 2 + 1
            items += 1
        if depth > deepest:
            deepest, deepest_line = depth, number
    if deepest > MAX_NESTING:
        message = (
            f"lists or quotations are nested {deepest} levels deep; the limit is {MAX_NESTING}"
        )
        problems.append((deepest_line, message))
    counts = (
        (items, MAX_LIST_ITEMS, "list items"),
        (len(_TABLE_ROW.findall(body)), MAX_TABLE_ROWS, "table rows (lines with '|')"),
        (body.count("<"), MAX_TAGS, "'<' signs"),
    )
    for count, limit, what in counts:
        if count > limit:
            problems.append(
                (0, f"the body has {count:,} {what}; the limit is {limit:,}: split the page")
            )
    blocks = _BLANK_LINE.split(body)
    for opening, limit in MAX_SCAN.items():
        if sum(_scanned(block, opening) for block in blocks) > limit:
            message = (
                f"the body's '{opening}' signs are too far from what closes them to render "
                "in time: close them, or split the paragraphs that hold them"
            )
            problems.append((0, message))
    if sum(len(_INLINE_SIGNS.findall(block)) * len(block) for block in blocks) > MAX_COPIES:
        message = (
            "the body's paragraphs hold too much markup ('[', '<', '`', '*', '_', '&', '\\', '!') "
            "for their length to render in time: split the paragraphs that hold it"
        )
        problems.append((0, message))
    return problems


def _scanned(block: str, opening: str) -> int:
    """Characters from each ``opening`` to its closing sign, or to the end of the block."""
    closing = _CLOSING[opening]
    if opening not in block:
        return 0
    total = 0
    waiting: list[int] = []
    for index in _signs(block, opening, closing):
        if block[index] == opening:
            waiting.append(index)
        elif waiting:
            total += index - waiting.pop()
    return total + sum(len(block) - start for start in waiting)


def _signs(block: str, opening: str, closing: str) -> Iterator[int]:
    pattern = re.compile(f"[{re.escape(opening)}{re.escape(closing)}]")
    return (match.start() for match in pattern.finditer(block))
