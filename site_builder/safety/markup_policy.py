"""What content may not contain: markup that runs code or pulls in other documents.

Contributors may write harmless raw HTML; these checks refuse the few elements, attributes and
URL schemes that would let a brief run script in a reader's browser. They over-refuse odd but
harmless spellings rather than let an obfuscated one through.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

#: Elements that run code, embed other documents, submit data or change how the page loads.
FORBIDDEN_ELEMENTS = (
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "form",
    "frame",
    "frameset",
    "applet",
    "base",
    "link",
    "meta",
)
FORBIDDEN_SCHEMES = ("javascript", "vbscript", "data")

_ELEMENT = re.compile(rf"<({'|'.join(FORBIDDEN_ELEMENTS)})(?![\w:-])", re.IGNORECASE)
# Browsers ignore ASCII whitespace and control characters inside a URL's scheme.
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f\\]+")
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")
# Markdown link targets: inline links, reference definitions and autolinks.
_MARKDOWN_URLS = (
    re.compile(r"\]\(\s*<?([^)>]*)"),
    re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*<?([^\s>]+)", re.MULTILINE),
    re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]*:[^<>]*)>"),
)


def url_problem(url: str) -> str | None:
    """The problem with a URL whose scheme runs code or inlines content, if it has one."""
    # Decoded twice: Markdown may decode an entity and HTML-escape the result once more.
    text = _IGNORED_IN_URL.sub("", html.unescape(html.unescape(url))).lower()
    match = _SCHEME.match(text)
    if match and match.group(1) in FORBIDDEN_SCHEMES:
        return f"'{match.group(1)}:' URLs are not allowed"
    return None


def markup_problems(text: str) -> list[str]:
    """Messages for forbidden markup in an HTML/Markdown fragment, each once, in a stable order."""
    problems = [
        f"'<{m.group(1).lower()}>' elements are not allowed" for m in _ELEMENT.finditer(text)
    ]
    problems.extend(_attribute_problems(text))
    for pattern in _MARKDOWN_URLS:
        problems.extend(filter(None, (url_problem(m.group(1)) for m in pattern.finditer(text))))
    return list(dict.fromkeys(problems))


def _attribute_problems(text: str) -> list[str]:
    if "=" not in text:  # attributes without a value cannot hold a handler or a URL
        return []
    # The parser knows where quoted attribute values end, which a regular expression does not.
    parser = _AttributeParser()
    parser.feed(text + ">")  # closes a tag left open at the end, so its attributes are seen
    parser.close()
    return parser.problems


class _AttributeParser(HTMLParser):
    """Collects event-handler attributes and forbidden URLs in any attribute of any tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on") and len(name) > 2:
                self.problems.append(f"event-handler attribute '{name}' is not allowed")
            elif value and (problem := url_problem(value)):
                self.problems.append(problem)
