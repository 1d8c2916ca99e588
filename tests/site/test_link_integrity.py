"""Every internal link, anchor and asset of a built site resolves to a file or element in it.

MkDocs only warns about some broken links and never sees the ones generated pages and templates
write, so the built output itself is crawled: a reader must never land on a 404 or a dead anchor.
"""

from __future__ import annotations

import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.support import MINIMAL, REPO

_URL_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src"}


class _Page(HTMLParser):
    """The ids of one page and the (tag, url) of every link and asset reference in it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key in ("id", "name"):
            if values.get(key) and (key == "id" or tag == "a"):
                self.ids.add(values[key] or "")
        wanted = _URL_ATTRIBUTES.get(tag)
        if wanted and values.get(wanted):
            self.refs.append((tag, values[wanted] or ""))


def _parse(file: Path) -> _Page:
    page = _Page()
    page.feed(file.read_text(encoding="utf-8"))
    page.close()
    return page


def broken_links(site: Path) -> list[str]:
    """Every unresolved internal reference, as 'page: tag url (why)'."""
    pages = {file: _parse(file) for file in sorted(site.rglob("*.html"))}
    problems = []
    for file, page in pages.items():
        for tag, url in page.refs:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or url.startswith("//"):
                continue  # external (absolute) URLs are out of scope here
            base = site if parts.path.startswith("/") else file.parent
            path = unquote(parts.path).lstrip("/")
            target = file if not parts.path else (base / path).resolve()
            if parts.path and target.is_dir():
                target = target / "index.html"
            where = f"{file.relative_to(site)}: <{tag}> {url}"
            if site.resolve() not in (target.resolve(), *target.resolve().parents):
                problems.append(f"{where} (leaves the site)")
            elif not target.is_file():
                problems.append(f"{where} (no such file)")
            elif parts.fragment and target.suffix == ".html":
                ids = pages.get(target, pages.get(target.resolve()))
                ids = ids.ids if ids else _parse(target).ids
                if unquote(parts.fragment) not in ids:
                    problems.append(f"{where} (no element with this id)")
    return problems


def _build(content: Path, site: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "site_builder.cli", "build", "--content", str(content),
         "--site-dir", str(site), "--config", "mkdocs.yml"],
        cwd=REPO, capture_output=True, text=True, timeout=300,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1750000000"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("content", [MINIMAL, REPO / "content"], ids=["minimal", "real"])
def test_every_internal_link_anchor_and_asset_resolves(content: Path, tmp_path: Path) -> None:
    """Crawls the built site: internal href/src and #anchors must hit a file and an id."""
    site = tmp_path / "site"
    _build(content, site)
    assert len(list(site.rglob("*.html"))) > 5
    assert broken_links(site) == []


def test_the_crawler_sees_broken_links(tmp_path: Path) -> None:
    """The crawler itself can fail: a dead page, a dead anchor and a missing asset are found."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<h2 id="here">x</h2><a href="#here">ok</a><a href="../b/">page</a>'
        '<a href="#gone">anchor</a><img src="../img.png"><script src="/app.js"></script>'
        '<a href="https://example.org/">external</a><a href="../index.html#top">top</a>'
    )
    (tmp_path / "index.html").write_text('<p id="top">home</p>')
    assert broken_links(tmp_path) == [
        "a/index.html: <a> ../b/ (no such file)",
        "a/index.html: <a> #gone (no element with this id)",
        "a/index.html: <img> ../img.png (no such file)",
        "a/index.html: <script> /app.js (no such file)",
    ]
