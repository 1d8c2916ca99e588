"""The Content-Security-Policy written into every built page."""

from __future__ import annotations

import base64
import hashlib
import re

from site_builder.safety.csp import DIRECTIVES, policy, theme_script_hashes, with_policy

CONTENT = "<article><script>window.__ran = 1</script></article>"
PAGE = (
    '<html><head><meta charset="utf-8"><script>theme()</script>'
    '<script id="__config" type="application/json">{"a": 1}</script>'
    '<script type="application/ld+json">{"@type": "Person"}</script>'
    '<script src="assets/bundle.js"></script></head>'
    f"<body>{CONTENT}<script>theme()</script><script>later()</script></body></html>"
)


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_only_the_themes_inline_scripts_are_hashed_each_once() -> None:
    """Data blocks (Material's configuration, JSON-LD) never run: script-src does not apply."""
    assert theme_script_hashes(PAGE, CONTENT) == [sha("theme()"), sha("later()")]


def test_the_policy_comes_first_in_the_head_with_no_referrer() -> None:
    out = with_policy(PAGE, CONTENT)
    head = out[: out.index("<script")]
    assert head.startswith('<html><head><meta charset="utf-8"><meta http-equiv="Content-Security')
    assert '<meta name="referrer" content="no-referrer">' in head
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', out)
    assert csp is not None
    assert csp.group(1) == policy([sha("theme()"), sha("later()")])
    # Pagefind's WebAssembly needs 'wasm-unsafe-eval'; nothing else that evaluates may run.
    assert csp.group(1).startswith("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha")
    assert "'unsafe-eval'" not in csp.group(1)
    for directive in ("object-src 'none'", "base-uri 'none'", "form-action 'none'"):
        assert directive in DIRECTIVES
    assert "unsafe-inline" not in csp.group(1) and "http" not in csp.group(1)


def test_a_page_without_a_head_is_left_alone() -> None:
    assert with_policy("<p>x</p>", "") == "<p>x</p>"
