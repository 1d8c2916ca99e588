"""HTML read into the events ``html.parser`` reports, several times faster, for tidy HTML.

Material's search index reads every page with ``html.parser``, which was a quarter of a large
build. Pages are made by Python-Markdown and the build's templates: tags with quoted
attributes, text with entities. For such HTML this tokenizer gives exactly the events that
``html.parser.HTMLParser(convert_charrefs=True)`` gives; for anything else (an unquoted
attribute, a stray ``<``, a declaration, script or style) it gives up and returns ``None``, so
that the caller uses ``html.parser`` itself.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

START, END, DATA = 0, 1, 2
#: (kind, tag or text, a start tag's attributes as written: read them with ``attributes``).
#: A self-closing tag is a start and an end, as html.parser reports it.
Event = tuple[int, str, str]

_TOKEN_RE = re.compile(
    r"""<(?:
        (?P<start>[a-zA-Z][-.a-zA-Z0-9:_]*)
          (?P<attrs>(?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'))?)*)
          \s*(?P<close>/?)>
      | /(?P<end>[a-zA-Z][-.a-zA-Z0-9:_]*)\s*>
      | !--(?!-?>).*?--\s*>
    )""",
    re.VERBOSE | re.DOTALL,
)
_ATTR_RE = re.compile(r"""\s+([^\s"'<>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'))?""")


def html_events(html: str) -> list[Event] | None:
    """The events of ``html``, or None where this tokenizer does not promise html.parser's."""
    events: list[Event] = []
    append = events.append
    cursor = 0
    for match in _TOKEN_RE.finditer(html):
        start, end = match.span()
        if start != cursor:
            text = html[cursor:start]
            if "<" in text:  # a "<" that starts no tag: html.parser's rules apply
                return None
            append((DATA, unescape(text) if "&" in text else text, ""))
        cursor = end
        tag, attrs, close, end_tag = match.groups()
        if tag is not None:
            tag = tag.lower()
            if tag in HTMLParser.CDATA_CONTENT_ELEMENTS:  # html.parser reads raw text there
                return None
            append((START, tag, attrs))
            if close:
                append((END, tag, ""))
        elif end_tag is not None:
            append((END, end_tag.lower(), ""))
    if cursor != len(html):
        text = html[cursor:]
        if "<" in text:
            return None
        events.append((DATA, unescape(text) if "&" in text else text, ""))
    return events


def attributes(text: str) -> list[tuple[str, str | None]]:
    """A start tag's attributes as html.parser reports them: names lowercased, values decoded."""
    return [
        (name.lower(), None if value is None else unescape(value[1:-1]))
        for name, value in (attr.groups() for attr in _ATTR_RE.finditer(text))
    ]
