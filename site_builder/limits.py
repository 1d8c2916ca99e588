"""Bounds on a body that keep every page quick to render, refused before anything renders.

Python-Markdown recurses once per nesting level and rescans text for every bracket it cannot
close; a body far past what any brief needs would take minutes or raise RecursionError. Each
bound is many times what a real brief uses.
"""

from __future__ import annotations

import re

MAX_NESTING = 20
MAX_BRACKETS = 4_000
MAX_TAGS = 8_000

_QUOTE = re.compile(r"[ \t]*((?:>[ \t]?)+)")
_LIST_ITEM = re.compile(r"( *)(?:[-*+]|\d{1,9}[.)])[ \t]")


def body_problems(body: str) -> list[tuple[int, str]]:
    """(line within the body, message) for every bound the body goes past."""
    problems: list[tuple[int, str]] = []
    deepest, deepest_line = 0, 0
    for number, line in enumerate(body.split("\n")):
        quote = _QUOTE.match(line)
        depth = quote.group(1).count(">") if quote else 0
        item = _LIST_ITEM.match(line[quote.end() :] if quote else line)
        if item:
            depth += len(item.group(1)) // 2 + 1
        if depth > deepest:
            deepest, deepest_line = depth, number
    if deepest > MAX_NESTING:
        problems.append(
            (
                deepest_line,
                f"lists or quotations are nested {deepest} levels deep; the limit is {MAX_NESTING}",
            )
        )
    for char, limit, what in (("[", MAX_BRACKETS, "'[' brackets"), ("<", MAX_TAGS, "'<' signs")):
        count = body.count(char)
        if count > limit:
            problems.append(
                (0, f"the body has {count:,} {what}; the limit is {limit:,}: split the page")
            )
    return problems
