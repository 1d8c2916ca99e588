"""What a brief's HTML may contain, checked on the HTML as a browser would parse it.

The body is rendered first (Markdown, raw HTML, and the attributes extensions such as
``attr_list`` add), then parsed with html5lib, which implements the WHATWG parsing algorithm:
``<!-->``, ``<![CDATA[``, ``<noscript>`` or an unclosed ``<textarea`` mean here what they mean
in a reader's browser. Every element, attribute and URL is then held to an allowlist of what
briefs need; anything else is a problem, named so that a contributor can find and fix it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import html5lib

from site_builder.safety.markup_policy import url_problem

#: Elements a brief may use. Media (img) comes from the site itself; nothing runs, embeds,
#: submits or restyles the page.
ELEMENTS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details",
        "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
        "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp",
        "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot",
        "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
        # html5lib's fragment wrapper
        "html", "head", "body",
    }
)  # fmt: skip
#: Attributes any allowed element may carry (what ``attr_list`` may add: class and id).
GLOBAL_ATTRIBUTES = frozenset({"class", "id", "title", "lang"})
ELEMENT_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "rel", "role"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "td": frozenset({"colspan", "rowspan", "style"}),
    "th": frozenset({"colspan", "rowspan", "scope", "style"}),
    "time": frozenset({"datetime"}),
    "ol": frozenset({"start", "reversed"}),
    "li": frozenset({"value"}),
    "details": frozenset({"open"}),
    "div": frozenset({"role"}),
    "sup": frozenset({"role"}),
}
#: The one inline style briefs need: the alignment the tables extension writes.
_TABLE_ALIGN = re.compile(r"text-align: (?:left|right|center);")
_LINK_SCHEMES = ("http", "https", "mailto")
_NAMESPACE = re.compile(r"^\{[^}]*\}")
#: Each element's attributes, with the ones any element may carry.
_ALLOWED = {tag: GLOBAL_ATTRIBUTES | ELEMENT_ATTRIBUTES.get(tag, frozenset()) for tag in ELEMENTS}


@functools.lru_cache(maxsize=1024)
def _local_name(name: str) -> str:
    """A tag or attribute name without html5lib's namespace, in lower case (a page has few
    names and many elements: each name is read once)."""
    return _NAMESPACE.sub("", name).lower()


@dataclass(frozen=True)
class Refusal:
    """Something outside the allowlist: ``literal`` is how to find it in the source."""

    literal: str
    message: str


@dataclass(frozen=True)
class PageHtml:
    """What a page's HTML holds, read in one parse: what it may not, and what it points at.

    ``targets`` are the links and images a contributor wrote (``href`` or ``src``, relative to
    the page's Markdown file); the build's own links are right by construction.
    """

    refusals: tuple[Refusal, ...]
    ids: frozenset[str]
    targets: tuple[tuple[str, str], ...]


def html_refusals(html: str) -> list[Refusal]:
    """Every element, attribute or URL of ``html`` that briefs may not use, each once."""
    return list(read_html(html).refusals)


def read_html(html: str) -> PageHtml:
    """``html`` parsed as a browser parses it, then read."""
    return read_tree(html5lib.parseFragment(html, treebuilder="etree", namespaceHTMLElements=False))


def read_tree(tree) -> PageHtml:
    """An ElementTree of the page: html5lib's, or Markdown's own where no raw HTML can be."""
    ids = frozenset(e.get("id") for e in tree.iter() if isinstance(e.tag, str) and e.get("id"))
    return PageHtml(tuple(dict.fromkeys(_refusals(tree))), ids, tuple(_targets(tree)))


#: What a body needs before it can hold raw HTML ("<") or extra attributes ("{: ...}"):
#: without either, Markdown's own tree is the page, and parsing its HTML again tells nothing.
MAY_HOLD_MARKUP = re.compile(r"[<{]")


#: Links the build writes itself: to briefs (by name or wikilink), to notes, to headings.
_BUILD_LINKS = frozenset({"autolink", "wikilink", "footnote-ref", "footnote-backref",
                          "headerlink", "source-link"})  # fmt: skip


#: attr_list's braces, as Python-Markdown reads them: '{: ... }' or '{#id .class key=value}'.
_ATTRIBUTE_LIST = re.compile(r"\{\:?[ ]*([^\}\n ][^\}\n]*)[ ]*\}")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def attribute_list_refusals(body: str) -> Iterator[tuple[int, str]]:
    """(line within the body, message) for every ``{: key=value }`` that the allowlist would
    let through on some element: attr_list may set classes and ids, all the theme needs, and
    nothing else (code blocks aside). Other keys are refused by the allowlist itself."""
    allowed = GLOBAL_ATTRIBUTES.union(*ELEMENT_ATTRIBUTES.values())
    fence = ""
    for number, line in enumerate(body.split("\n")):
        opened = _FENCE.match(line)
        if opened and (not fence or opened.group(1).startswith(fence)):
            fence = "" if fence else opened.group(1)[:3]
            continue
        if fence:
            continue
        for braces in _ATTRIBUTE_LIST.finditer(line):
            for token in braces.group(1).split():
                name = token.split("=", 1)[0].lower()
                if "=" in token and name in allowed:
                    message = (
                        f"'{{: {name}=… }}' sets an attribute: attr_list may set only classes "
                        "and ids ('{: .class #id }')"
                    )
                    yield number, message


#: The elements whose URL may point into the site: their kind of target and its attribute.
TARGET_ATTRIBUTES = {"a": ("link", "href"), "img": ("image", "src")}


def written_target(element) -> tuple[str, str] | None:
    """("link", href) or ("image", src) of an element a contributor wrote, when it points
    into the site (a build link, or one to another host, is None)."""
    if not isinstance(element.tag, str):
        return None
    tag = _local_name(element.tag)
    if tag not in TARGET_ATTRIBUTES or (tag == "a" and element.get("class") in _BUILD_LINKS):
        return None
    kind, attribute = TARGET_ATTRIBUTES[tag]
    url = element.get(attribute)
    if url is None or _scheme(url) is not None or url.strip().startswith("//"):
        return None
    return kind, url


def _targets(tree) -> Iterator[tuple[str, str]]:
    for element in tree.iter():
        if (target := written_target(element)) is not None:
            yield target


def _refusals(tree) -> Iterator[Refusal]:
    for element in tree.iter():
        if not isinstance(element.tag, str):  # comments: never rendered
            continue
        tag = _local_name(element.tag)
        if tag == "document_fragment":
            continue
        if tag not in ELEMENTS:
            yield Refusal(f"<{tag}", _element_message(tag))
            continue
        for name, value in element.attrib.items():
            name = _local_name(str(name))
            problem = _attribute_problem(tag, name, value or "")
            if problem:
                yield Refusal(name if name in problem.split("'") else value, problem)


def _element_message(tag: str) -> str:
    if tag in ("svg", "math"):
        return f"'<{tag}>' elements are not allowed: SVG and MathML can run script; use an image"
    if tag in ("video", "audio", "source", "track", "picture"):
        return f"'<{tag}>' elements are not allowed: media would load from other hosts"
    return f"'<{tag}>' elements are not allowed"


def _attribute_problem(tag: str, name: str, value: str) -> str | None:
    if name.startswith("on"):
        return f"event-handler attribute '{name}' is not allowed"
    allowed = _ALLOWED[tag]
    if name not in allowed:
        listed = ", ".join(sorted(allowed))
        return f"attribute '{name}' is not allowed on '<{tag}>' (allowed: {listed})"
    if name == "style" and not _TABLE_ALIGN.fullmatch(value.strip()):
        return f"attribute 'style' is not allowed on '<{tag}>' except for table alignment"
    if name == "href":
        return _link_problem(value)
    if name == "src":
        return _media_problem(value)
    return None


@functools.lru_cache(maxsize=4096)  # the same few URLs, link after link (notes, anchors)
def _link_problem(url: str) -> str | None:
    if problem := url_problem(url):
        return problem
    scheme = _scheme(url)
    if scheme is not None and scheme not in _LINK_SCHEMES:
        return f"'{scheme}:' links are not allowed; link to http, https or mailto addresses"
    return None


def _media_problem(url: str) -> str | None:
    """Images come from the site itself: a request to another host tells it who reads what."""
    if problem := url_problem(url):
        return problem
    if _scheme(url) is not None or url.strip().startswith(("//", "\\")):
        return (
            f"images must come from the site itself, not '{url}': "
            "put the file in content/assets/ and link it relatively"
        )
    return None


def _scheme(url: str) -> str | None:
    try:
        scheme = urlsplit(url.strip()).scheme
    except ValueError:
        return "invalid"
    return scheme.lower() or None
