"""The Content-Security-Policy of every page: what may run and load, written into the page.

Only the theme's own inline scripts run: each is allowed by the hash of its text, computed
from the finished page with the page's content left out, so no script a brief could smuggle
into its content is ever hashed. Script files load from the site itself ('self'): Material's,
the search box's and Pagefind's (``pagefind/pagefind.js``, imported when a reader first
searches). Pagefind searches in WebAssembly, which a policy blocks unless script-src has
'wasm-unsafe-eval': that allows compiling WebAssembly and nothing else (not ``eval``, not
inline scripts), and the WebAssembly it compiles comes from the site too (connect-src
'self'). Nothing loads from another host, and a reader's click on a source tells that host
nothing about the page it came from (``no-referrer``).
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.DOTALL)
_DATA_TYPE = re.compile(r"""\btype=["']?application/(?:ld\+)?json""")
_CHARSET = '<meta charset="utf-8">'

#: Every directive but script-src, whose hashes are the page's own.
DIRECTIVES = (
    "default-src 'self'",
    "img-src 'self' data:",
    "style-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
)


def theme_script_hashes(page_html: str, content_html: str) -> list[str]:
    """The CSP hash of every inline script of the page outside its content, in page order."""
    outside = page_html.replace(content_html, "") if content_html else page_html
    hashes = []
    for match in _INLINE_SCRIPT.finditer(outside):
        if _DATA_TYPE.search(match.group(1)):
            continue  # data, never run: script-src does not apply
        digest = hashlib.sha256(match.group(2).encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return list(dict.fromkeys(hashes))


def policy(hashes: list[str]) -> str:
    return "; ".join(
        (
            DIRECTIVES[0],
            f"script-src 'self' 'wasm-unsafe-eval' {' '.join(hashes)}".rstrip(),
            *DIRECTIVES[1:],
        )
    )


def with_policy(page_html: str, content_html: str) -> str:
    """The page with its policy and referrer policy first in its head, before any script."""
    if _CHARSET not in page_html:
        return page_html
    meta = (
        f'<meta http-equiv="Content-Security-Policy" '
        f'content="{policy(theme_script_hashes(page_html, content_html))}">'
        '<meta name="referrer" content="no-referrer">'
    )
    return page_html.replace(_CHARSET, _CHARSET + meta, 1)
