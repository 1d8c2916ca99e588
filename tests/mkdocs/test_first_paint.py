"""What stands between a reader on a slow phone and a page's first paint, in every language.

Every built page loads three stylesheets, Material's two and the site's, and nothing else that
blocks rendering: no script file that is not deferred, no inline style (the policy would refuse
it). Its inline scripts are the ones its Content-Security-Policy allows, each by the hash of
its text, and no other hash. Figures: benchmarks/README.md ("Readers on slow phones").
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from site_builder.content.languages import LANGUAGES
from tests.support import MINIMAL, TRANSLATED, build_site

STYLESHEETS = [
    re.compile(r"assets/stylesheets/main\.[0-9a-f]{8}\.min\.css"),
    re.compile(r"assets/stylesheets/palette\.[0-9a-f]{8}\.min\.css"),
    re.compile(r"assets/stylesheets/site\.css"),
]
_DATA = re.compile(r"application/(ld\+)?json")
_HASH = re.compile(r"'(sha256-[A-Za-z0-9+/=]+)'")


class _Page(HTMLParser):
    """The elements that decide what a page waits for, in page order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.in_head = False
        self.head: list[tuple[str, dict[str, str | None]]] = []
        self.stylesheets: list[str] = []
        self.styles = 0
        self.script_files: list[tuple[str, dict[str, str | None]]] = []
        self.inline_scripts: list[str] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "head":
            self.in_head = True
        if self.in_head:
            self.head.append((tag, found))
        if tag == "link" and found.get("rel") == "stylesheet":
            self.stylesheets.append(str(found.get("href")))
        elif tag == "style":
            self.styles += 1
        elif tag == "script" and "src" in found:
            self.script_files.append((str(found["src"]), found))
        elif tag == "script" and not _DATA.search(found.get("type") or ""):
            self._script = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.in_head = False
        if tag == "script" and self._script is not None:
            self.inline_scripts.append("".join(self._script))
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)


def _parse(page: Path) -> tuple[_Page, str]:
    text = page.read_text("utf-8")
    parsed = _Page()
    parsed.feed(text)
    return parsed, text


def _policy(text: str) -> str:
    match = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', text)
    assert match, "no policy"
    return match.group(1)


@pytest.fixture(scope="module", params=["minimal", "every language"])
def pages(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Every page of the minimal fixture, and of the translated fixture in every language."""
    site = tmp_path_factory.mktemp("first-paint") / "site"
    if request.param == "minimal":
        build_site(MINIMAL, site, workers=1)
    else:
        build_site(TRANSLATED, site, workers=1, languages=[lang.code for lang in LANGUAGES])
    found = sorted(site.rglob("*.html"))
    assert len(found) > 20
    return found


def test_three_stylesheets_block_rendering_and_nothing_else(pages: list[Path]) -> None:
    for page in pages:
        parsed, _ = _parse(page)
        assert len(parsed.stylesheets) == len(STYLESHEETS), page
        for href, expected in zip(parsed.stylesheets, STYLESHEETS, strict=True):
            assert expected.search(href), (page, href)
        heads = [attrs.get("href") for tag, attrs in parsed.head if tag == "link"]
        assert all(sheet in heads for sheet in parsed.stylesheets), page
        assert parsed.styles == 0, page  # style-src 'self': an inline style would be refused
        assert parsed.script_files, page
        for src, attrs in parsed.script_files:
            assert "defer" in attrs or "async" in attrs, (page, src)


def test_the_policy_allows_exactly_the_inline_scripts_on_the_page(pages: list[Path]) -> None:
    for page in pages:
        parsed, text = _parse(page)
        policy = _policy(text)
        script_src = next(d for d in policy.split("; ") if d.startswith("script-src "))
        allowed = set(_HASH.findall(script_src))
        present = {
            "sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode()
            for s in parsed.inline_scripts
        }
        assert parsed.inline_scripts, page  # Material's, in the head and the header
        assert allowed == present, page
        assert "style-src 'self';" in policy and "unsafe-inline" not in policy, page


def test_both_schemes_are_declared_before_any_script(pages: list[Path]) -> None:
    """Material's bundle adds a color-scheme meta when it runs; the page's own comes first,
    so that adding it does not make the browser compute every element's style again."""
    for page in pages:
        parsed, _ = _parse(page)
        tags = [(tag, attrs) for tag, attrs in parsed.head if tag in ("meta", "script")]
        schemes = [i for i, (tag, attrs) in enumerate(tags) if attrs.get("name") == "color-scheme"]
        assert len(schemes) == 1, page
        assert tags[schemes[0]][1].get("content") == "light dark", page
        assert all(tag != "script" for tag, _ in tags[: schemes[0]]), page
