"""The second defence: every page's finished content passes an HTML sanitizer before it is
published.

The allowlist of ``allowlist`` refuses, with a message, whatever a brief may not hold; this
pass holds the whole content of each page (brief, build blocks, generated pages) to what the
build itself writes, with nh3 (Rust's ammonia on html5ever, a parser that follows the HTML
standard). Anything that reached the content by a path no check foresaw is dropped, not
published. A page restored from another site's conversion (``mkdocs.shared_pages``) is that
conversion sanitized once, with its own site's parts (blocks, cited sources) sanitized each.
Tests show that on every page of the real site and of the fixtures it changes nothing the
build made (the same tree of elements, attributes and text).
"""

from __future__ import annotations

import nh3

#: Every element the build writes into a page's content: Markdown's, the briefs' allowlist,
#: and the build's own blocks (infoboxes, indexes, the inline diagram's SVG).
TAGS = frozenset(
    {
        "a", "abbr", "article", "aside", "b", "blockquote", "br", "caption", "cite", "code",
        "dd", "del", "desc", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure",
        "g", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark",
        "nav", "ol", "p", "path", "pre", "q", "rect", "s", "samp", "section", "small", "span",
        "strong", "sub", "summary", "sup", "svg", "table", "tbody", "td", "text", "tfoot", "th",
        "thead", "time", "title", "tr", "tspan", "u", "ul", "var", "wbr",
    }
)  # fmt: skip
ATTRIBUTES: dict[str, set[str]] = {
    "*": {"class", "id", "title", "lang", "role", "aria-label", "aria-labelledby",
          "aria-hidden", "tabindex"},
    "a": {"href", "rel", "type"},
    # The infobox's spellings and name keys, for search only (render/search_spellings.py)
    "span": {"data-pagefind-weight", "hidden"},
    "img": {"src", "alt", "width", "height"},
    "td": {"style", "colspan", "rowspan"},
    "th": {"scope", "style", "colspan", "rowspan"},
    "time": {"datetime"},
    "ol": {"start", "reversed"},
    "li": {"value"},
    "details": {"open"},
    "svg": {"viewBox", "width", "height", "xmlns", "font-family", "font-size"},
    "g": {"fill", "font-weight", "stroke", "stroke-width"},
    "path": {"d", "stroke-dasharray"},
    "rect": {"fill", "height", "rx", "stroke", "width", "x", "y"},
    "text": {"dominant-baseline", "fill", "font-size", "x", "y"},
    "tspan": {"x", "y"},
}  # fmt: skip
URL_SCHEMES = {"http", "https", "mailto"}


def sanitized(html: str) -> str:
    """``html`` with everything outside what the build writes taken out.

    Comments stay (the build's placeholders are comments until they are filled); ``rel`` is
    left as the build set it.
    """
    return nh3.clean(
        html,
        tags=set(TAGS),
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=False,
    )
