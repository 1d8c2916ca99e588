"""The first paragraph of a body, so that a brief's page can show it before the key facts.

A reader on a phone learns what a brief is about from its summary and its first paragraph;
the infobox comes after them. Only a plain paragraph leads: a body that opens with a heading,
a list, a table, an admonition, raw HTML or code keeps its order and the infobox goes first.
"""

from __future__ import annotations

import re

#: A first line that opens something other than a paragraph (Python-Markdown's block syntax).
_NOT_A_PARAGRAPH = re.compile(
    r"(?:#|!!!|\?\?\?|[-*+] |\d+[.)] |>|\||<|```|~~~|    |\t|\[\^[^\]]*\]:|\*\[|:|$)"
)
#: A line that would turn the lines above it into a heading (setext) or a table.
_UNDERLINE = re.compile(r"^\s*(?:=+|-+|[|:\- ]*---[|:\- ]*)\s*$")


def split_lead(body: str) -> tuple[str, str]:
    """(first paragraph, the rest), or ("", body) when the body does not open with one."""
    text = body.lstrip("\n")
    block, _, rest = text.partition("\n\n")
    lines = block.split("\n")
    if _NOT_A_PARAGRAPH.match(lines[0]) or any(_UNDERLINE.match(line) for line in lines[1:]):
        return "", body
    return block, rest.lstrip("\n")
