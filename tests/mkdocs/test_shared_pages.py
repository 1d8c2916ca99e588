"""English bodies converted once for every site: the same site as converting each page."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

import site_builder.mkdocs.shared_pages as shared_pages
from site_builder.markdown.prerendered_html import Prerendered
from site_builder.markdown.site_neutral import Neutral
from site_builder.mkdocs.shared_pages import SharedPages
from tests.support import build_site, fingerprint


def test_pages_restored_from_another_sites_conversion_are_the_sites_own(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = {"restored": 0}
    markdown = SharedPages.markdown

    def counted(self: SharedPages, uri: str, doc, text: str) -> str | None:
        found = markdown(self, uri, doc, text)
        made["restored"] += uri in self.restoring
        return found

    monkeypatch.setattr(SharedPages, "markdown", counted)
    plugin = build_site(content, tmp_path / "shared")
    # Each page's three other sites (the home pages aside) from its English page's conversion.
    assert made == {"restored": 27}
    # Let go once restored by every site: only the home pages' are left, each site's its own.
    assert [uri for uri, _ in plugin.build.shared.made] == ["index.md"] * 4
    monkeypatch.setattr(SharedPages, "markdown", lambda self, uri, doc, text: None)
    build_site(content, tmp_path / "each")
    assert fingerprint(tmp_path / "shared") == fingerprint(tmp_path / "each")


def test_a_build_keeps_no_pages_blocks_once_the_page_is_converted(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The blocks a page's Markdown holds are put back by its conversion, and then forgotten:
    at the end only those of the last page made are left."""
    made: list[str] = []
    since: list[str] = []
    token, clear = Prerendered.token, Prerendered.clear

    def counted(self: Prerendered, html: str) -> str:
        made.append(html)
        since.append(html)
        return token(self, html)

    def cleared(self: Prerendered) -> None:
        since.clear()
        clear(self)

    monkeypatch.setattr(Prerendered, "token", counted)
    monkeypatch.setattr(Prerendered, "clear", cleared)
    plugin = build_site(content, tmp_path / "site")
    assert plugin.ctx.prerendered is not None
    assert sorted(plugin.ctx.prerendered._html.values()) == sorted(set(since))
    assert 0 < len(set(since)) < len(set(made))


def test_what_each_site_puts_in_a_restored_page_is_sanitized_too(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A conversion is sanitized once for every site, and each site's own blocks and cited
    sources on their own: what reached them by a path no check foresaw is dropped in every
    site, as sanitizing the whole page would drop it."""
    restored: list[str] = []
    restore, neutral, cited = SharedPages.restore, SharedPages._neutral, shared_pages.source_html

    def counted(self: SharedPages, uri: str, *args: Any) -> Any:
        found = restore(self, uri, *args)
        restored.extend([uri] if found is not None else [])
        return found

    def hostile_blocks(self: SharedPages, doc: Any, markdown: str) -> Neutral | None:
        found = neutral(self, doc, markdown)
        if found is None:
            return None
        return replace(found, blocks=tuple(f"{b}<script>block()</script>" for b in found.blocks))

    monkeypatch.setattr(SharedPages, "restore", counted)
    monkeypatch.setattr(SharedPages, "_neutral", hostile_blocks)
    monkeypatch.setattr(
        shared_pages, "source_html", lambda *a: f'<span onclick="cite()">{cited(*a)}</span>'
    )
    build_site(content, tmp_path / "site")
    pages = [p.read_text("utf-8") for p in (tmp_path / "site").rglob("index.html")]
    assert len(restored) == 27
    assert [p for p in pages if "block()" in p or "cite()" in p] == []
