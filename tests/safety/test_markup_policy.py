"""The content policy: markup and URL schemes that would run code in a reader's browser."""

from __future__ import annotations

import pytest

from site_builder.safety.markup_policy import markup_problems, url_problem

SCRIPT = "'<script>' elements are not allowed"
JAVASCRIPT = "'javascript:' URLs are not allowed"


@pytest.mark.parametrize(
    ("fragment", "problems"),
    [
        ("<script>alert(1)</script>", [SCRIPT]),
        ("<SCRIPT src=x.js></SCRIPT>", [SCRIPT]),
        ("<script", [SCRIPT]),
        ("<style>body{}</style>", ["'<style>' elements are not allowed"]),
        ('<iframe src="https://example.org">', ["'<iframe>' elements are not allowed"]),
        ("<object data=x>", ["'<object>' elements are not allowed"]),
        ("<embed src=x>", ["'<embed>' elements are not allowed"]),
        ("<form action=x>", ["'<form>' elements are not allowed"]),
        ('<meta http-equiv="refresh">', ["'<meta>' elements are not allowed"]),
        ("<img src=x onerror=alert(1)>", ["event-handler attribute 'onerror' is not allowed"]),
        ('<span ONCLICK="x()">a</span>', ["event-handler attribute 'onclick' is not allowed"]),
        ("<svg/onload=alert(1)>", ["event-handler attribute 'onload' is not allowed"]),
        (
            '<span title="a>b" onmouseover="x">',
            ["event-handler attribute 'onmouseover' is not allowed"],
        ),
        ("<img src=x onerror=y", ["event-handler attribute 'onerror' is not allowed"]),
        ('<a href="javascript:alert(1)">x</a>', [JAVASCRIPT]),
        ('<a href="  JaVaScRiPt:alert(1)">x</a>', [JAVASCRIPT]),
        ('<a href="java&#x09;script:alert(1)">x</a>', [JAVASCRIPT]),
        ('<a href="java\tscript:alert(1)">x</a>', [JAVASCRIPT]),
        ('<a href="&#106;avascript:alert(1)">x</a>', [JAVASCRIPT]),
        ('<a href="javascript&colon;alert(1)">x</a>', [JAVASCRIPT]),
        ('<abbr title="javascript:x">x</abbr>', [JAVASCRIPT]),
        ('<a href="vbscript:msgbox(1)">x</a>', ["'vbscript:' URLs are not allowed"]),
        ('<img src="data:image/png;base64,AAAA">', ["'data:' URLs are not allowed"]),
        ("[click](javascript:alert(1))", [JAVASCRIPT]),
        ("[click](java&#x09;script:alert(1))", [JAVASCRIPT]),
        ("[click](<javascript:alert(1)>)", [JAVASCRIPT]),
        ("[ref]: <javascript:alert(1)>", [JAVASCRIPT]),
        ("<javascript:alert(1)>", [JAVASCRIPT]),
        ("[ref]: javascript:alert(1)", [JAVASCRIPT]),
        (
            "<script>x</script><img onerror=y src=javascript:z>",
            [SCRIPT, "event-handler attribute 'onerror' is not allowed", JAVASCRIPT],
        ),
        ("<script></script><script></script>", [SCRIPT]),
    ],
)
def test_forbidden_markup(fragment: str, problems: list[str]) -> None:
    assert markup_problems(fragment) == problems


@pytest.mark.parametrize(
    "fragment",
    [
        "Plain text about Kosovo and Serbia.",
        '<span class="x">a</span> <abbr title="European Union">EU</abbr> <kbd>Ctrl</kbd>',
        '<a href="https://example.org/a?b=1&amp;c=2">link</a>',
        "[link](https://example.org) and <https://example.org>",
        "<scripts> <base64> <formation> are not the elements they start like",
        "Data: the census of 2011. A note on javascript: it is a language.",
        "a < b and c > d",
        "",
    ],
)
def test_harmless_markup(fragment: str) -> None:
    assert markup_problems(fragment) == []


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("javascript:alert(1)", JAVASCRIPT),
        (" JAVASCRIPT:alert(1)", JAVASCRIPT),
        ("java\nscript:alert(1)", JAVASCRIPT),
        ("java&#x09;script:alert(1)", JAVASCRIPT),
        ("&#x6A;avascript:alert(1)", JAVASCRIPT),
        ("vbscript:x", "'vbscript:' URLs are not allowed"),
        ("data:text/html,<script>", "'data:' URLs are not allowed"),
        ("https://example.org", None),
        ("http://example.org/javascript:x", None),
        ("mailto:press@example.org", None),
        ("/relative/path", None),
        ("#anchor", None),
    ],
)
def test_url_problem(url: str, problem: str | None) -> None:
    assert url_problem(url) == problem


@pytest.mark.parametrize("unit", ["<", "<a b=c ", "< ", "<a\n", "[x](", "&#", "<!--"])
def test_hostile_fragments_finish(unit: str) -> None:
    assert markup_problems(unit * 100_000) == []
