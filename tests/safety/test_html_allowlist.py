"""The HTML allowlist: each payload of the issue-14 probe is a ``path:line`` problem in check.

Bodies are rendered with the site's Markdown extensions, so attributes that ``attr_list`` adds
are judged like raw HTML. The body starts on line 5; the payload is on line 7.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from site_builder.cli import main
from site_builder.content.model import Source
from site_builder.markdown.linker import Linker
from tests.support import MINIMAL, make_corpus, make_ctx, make_doc

EXTENSIONS = ["toc", "attr_list", "md_in_html", "tables", "admonition", "pymdownx.superfences"]
CORPUS = make_corpus(make_doc("page", "about", "About", sources=(Source("s", "T", "P"),)))
EVIL = "https://evil.example"
IMG_HINT = "put the file in content/assets/ and link it relatively"


def problems(payload: str) -> list[tuple[int, str]]:
    body = f"Intro.\n\n{payload}\n"
    doc = replace(CORPUS.by_slug["about"], body=body)
    _, found = Linker(CORPUS, make_ctx()).render(doc, body, EXTENSIONS)
    return [(d.line, d.message) for d in found.diagnostics]


def attribute(name: str, tag: str, allowed: str = "class, id, lang, title") -> str:
    return f"attribute '{name}' is not allowed on '<{tag}>' (allowed: {allowed})"


CASES = [
    (
        "attr_list handler",
        'Para.\n{: tabindex="0" autofocus onfocus="alert(1)" }',
        [attribute("tabindex", "p"), attribute("autofocus", "p"),
         "event-handler attribute 'onfocus' is not allowed"],
    ),
    (
        "attr_list on an image",
        '![x](nope.png){: onerror="alert(1)" }',
        ["event-handler attribute 'onerror' is not allowed"],
    ),
    ("attr_list on a heading", "## H {: onmouseover=alert(1) }", ["event-handler attribute 'onmouseover' is not allowed"]),
    (
        "attr_list formaction",
        'Para.\n{: formaction="javascript:alert(1)" }',
        [attribute("formaction", "p")],
    ),
    (
        "noscript differential",
        '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
        ["'<noscript>' elements are not allowed"],
    ),
    ("xmp", "<xmp><img src=x onerror=alert(1)></xmp>", ["'<xmp>' elements are not allowed"]),
    ("noembed", "<noembed><img src=x onerror=alert(1)></noembed>", ["'<noembed>' elements are not allowed"]),
    ("noframes", "<noframes><img src=x onerror=alert(1)></noframes>", ["'<noframes>' elements are not allowed"]),
    ("textarea", "<textarea><img src=x onerror=alert(1)></textarea>", ["'<textarea>' elements are not allowed"]),
    ("title", "<title><img src=x onerror=alert(1)></title>", ["'<title>' elements are not allowed"]),
    ("comment differential", "<!--><img src=x onerror=alert(1)>-->", ["event-handler attribute 'onerror' is not allowed"]),
    ("CDATA differential", "<div><![CDATA[><img src=x onerror=alert(1)>]]></div>", ["event-handler attribute 'onerror' is not allowed"]),
    (
        "SVG animate",
        '<svg><animate attributeName="href" values="0;javascript:alert(1)"/></svg>',
        ["'<svg>' elements are not allowed: SVG and MathML can run script; use an image",
         "'<animate>' elements are not allowed"],
    ),
    ("plaintext", "<plaintext>", ["'<plaintext>' elements are not allowed"]),
    ("overlay", '<div style="position:fixed;inset:0">x</div>', [attribute("style", "div", "class, id, lang, role, title")]),
    ("remote img", f'<img src="{EVIL}/x.png">', [f"images must come from the site itself, not '{EVIL}/x.png': {IMG_HINT}"]),
    ("remote Markdown image", f"![t]({EVIL}/x.png)", [f"images must come from the site itself, not '{EVIL}/x.png': {IMG_HINT}"]),
    ("protocol-relative img", '<img src="//evil.example/x.png">', [f"images must come from the site itself, not '//evil.example/x.png': {IMG_HINT}"]),
    ("srcset", f'<img src="a.png" srcset="{EVIL}/x.png 2x">', [attribute("srcset", "img", "alt, class, height, id, lang, src, title, width")]),
    ("video", f'<video src="{EVIL}/v.mp4" poster="{EVIL}/p.png"></video>', ["'<video>' elements are not allowed: media would load from other hosts"]),
    ("audio source", f'<audio><source src="{EVIL}/a.mp3"></audio>', ["'<audio>' elements are not allowed: media would load from other hosts", "'<source>' elements are not allowed: media would load from other hosts"]),
    ("input image", f'<input type="image" src="{EVIL}/i.png">', ["'<input>' elements are not allowed"]),
    ("svg use", f'<svg><use href="{EVIL}/s.svg#a"/></svg>', ["'<svg>' elements are not allowed: SVG and MathML can run script; use an image", "'<use>' elements are not allowed"]),
    ("style url", f'<p style="background:url({EVIL}/b.png)">x</p>', [attribute("style", "p")]),
    ("style through attr_list", f'Para.\n{{: style="background:url({EVIL}/b.png)" }}', ["'{: style=… }' sets an attribute: attr_list may set only classes and ids ('{: .class #id }')", attribute("style", "p")]),
    ("ping", f'<a href="{EVIL}/" ping="{EVIL}/p">x</a>', [attribute("ping", "a", "class, href, id, lang, rel, role, title")]),
    ("javascript link", "[x](javascript:alert(1))", ["'javascript:' URLs are not allowed"]),
    ("attr_list title", 'Para.\n{: title="x" lang=sr }', ["'{: title=… }' sets an attribute: attr_list may set only classes and ids ('{: .class #id }')", "'{: lang=… }' sets an attribute: attr_list may set only classes and ids ('{: .class #id }')"]),
    ("attr_list href", '## H {: href="x.md" }', ["'{: href=… }' sets an attribute: attr_list may set only classes and ids ('{: .class #id }')", "attribute 'href' is not allowed on '<h2>' (allowed: class, id, lang, title)"]),
    ("script", "<script>alert(1)</script>", ["'<script>' elements are not allowed"]),
]  # fmt: skip


@pytest.mark.parametrize(("payload", "messages"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_payload_is_refused_at_its_line(payload: str, messages: list[str]) -> None:
    line = 8 if "\n{:" in payload else 7  # attr_list's braces stand on the next line
    assert sorted(problems(payload)) == sorted((line, message) for message in messages)


@pytest.mark.parametrize(
    "harmless",
    [
        "<span class='x'>a</span> <abbr title='European Union'>EU</abbr> <kbd>Ctrl</kbd>",
        "<figure><img src='../assets/map.png' alt='Map'><figcaption>Map</figcaption></figure>",
        "| a | b |\n|:--|--:|\n| 1 | 2 |",
        "[EEAS](https://www.eeas.europa.eu/) and [mail](mailto:press@example.org)",
        "Para.\n{: .lead #intro }",
        '!!! note "Naming"\n    Text.',
        "```\n{: title=x }\n```",
    ],
)
def test_what_briefs_need_passes(harmless: str) -> None:
    assert problems(harmless) == []


def test_links_to_other_hosts_open_nothing_that_reaches_back() -> None:
    body = "[EEAS](https://www.eeas.europa.eu/) and [[about]].\n"
    doc = replace(CORPUS.by_slug["about"], body=body)
    html, _ = Linker(CORPUS, make_ctx()).render(doc, body, EXTENSIONS)
    assert '<a href="https://www.eeas.europa.eu/" rel="noopener noreferrer">EEAS</a>' in html


HOSTILE = Path(__file__).resolve().parents[1] / "fixtures" / "hostile"


def test_the_hostile_html_fixtures_are_each_refused_with_their_message(
    tmp_path: Path, capsys
) -> None:
    """tests/fixtures/hostile/html/: one payload a page; exactly expected-html.txt."""
    content = Path(shutil.copytree(MINIMAL, tmp_path / "content"))
    for page in sorted((HOSTILE / "html" / "pages").glob("*.md")):
        shutil.copy(page, content / "pages" / page.name)
    config = str(HOSTILE.parents[2] / "mkdocs.yml")
    assert main(["check", "--content", str(content), "--config", config]) == 1
    printed = capsys.readouterr().err.splitlines()
    expected = (HOSTILE / "expected-html.txt").read_text("utf-8").splitlines()
    assert printed[:-1] == expected
    assert printed[-1] == f"{len(expected)} problems in {len(CASES)} files"
    assert len(CASES) == len(list((HOSTILE / "html" / "pages").glob("*.md")))
