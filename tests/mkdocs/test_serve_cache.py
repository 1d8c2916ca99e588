"""Serving reuses unchanged pages, and what it serves is exactly what a fresh build makes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from site_builder.content.languages import LANGUAGES
from tests.support import MINIMAL, REPO, fingerprint


def _build(content: Path, site: Path, *, serving: bool) -> object:
    config = load_config(str(REPO / "mkdocs.yml"), docs_dir=str(content), site_dir=str(site))
    plugin = config.plugins["dialogue"]
    if serving and plugin.cache is None:
        config.plugins.on_startup(command="serve", dirty=False)
    build(config)
    return plugin


@pytest.fixture()
def content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    copy = tmp_path / "content"
    shutil.copytree(MINIMAL, copy)
    return copy


def test_a_rebuild_while_serving_equals_a_fresh_build(content: Path, tmp_path: Path) -> None:
    served = tmp_path / "served"
    plugin = _build(content, served, serving=True)
    try:
        assert len(plugin.cache.last) > 5
        # An edit whose effects reach other pages: a new mention changes Serbia's backlinks.
        update = sorted((content / "updates").glob("*.md"))[0]
        update.write_text(
            update.read_text(encoding="utf-8") + "\nMitrovica was named again.[^eeas]\n", "utf-8"
        )
        rendered_before = dict(plugin.cache.last)
        mitrovica = served / "places" / "mitrovica" / "index.html"
        backlinks_before = mitrovica.read_text(encoding="utf-8")
        _build(content, served, serving=True)
        assert mitrovica.read_text(encoding="utf-8") != backlinks_before  # cross-page change
        reused = set(rendered_before) & set(plugin.cache.last)
        # New: the edited page, and the backlinks of the brief it now names, in every
        # language's site (the update has no translation: each shows the English one).
        assert len(plugin.cache.last) - len(reused) == 2 * len(LANGUAGES)
        assert (served / "pagefind" / "pagefind-entry.json").is_file()  # search, indexed again
    finally:
        plugin.on_shutdown()
    fresh = _build(content, tmp_path / "fresh", serving=False)
    assert fresh.cache is None
    # A preview carries no Content-Security-Policy (its server adds an inline reload script);
    # apart from that one element, what it serves is byte for byte a fresh build.
    for page in (tmp_path / "fresh").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "Content-Security-Policy" not in (
            served / page.relative_to(tmp_path / "fresh")
        ).read_text(encoding="utf-8")
        page.write_text(_POLICY.sub("", text, count=1), encoding="utf-8")
    assert fingerprint(served) == fingerprint(tmp_path / "fresh")


_POLICY = re.compile(
    r'<meta http-equiv="Content-Security-Policy" content="[^"]*">'
    r'<meta name="referrer" content="no-referrer">'
)


def test_a_page_from_the_cache_has_its_anchors_checked_again(
    content: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """MkDocs checks links into other pages' anchors after every build: cached pages too."""
    update = sorted((content / "updates").glob("*.md"))[0]
    update.write_text(
        update.read_text(encoding="utf-8")
        + "\nSee [the timeline](../timeline.md#nowhere).[^eeas]\n",
        "utf-8",
    )
    served = tmp_path / "served"
    plugin = _build(content, served, serving=True)
    try:
        warned = [r.getMessage() for r in caplog.records if "#nowhere" in r.getMessage()]
        caplog.clear()
        _build(content, served, serving=True)  # nothing changed: every page from the cache
        again = [r.getMessage() for r in caplog.records if "#nowhere" in r.getMessage()]
    finally:
        plugin.on_shutdown()
    assert warned == [
        f"Doc file '{update.relative_to(content).as_posix()}' contains a link "
        "'../timeline.md#nowhere', but the doc 'timeline.md' does not contain an anchor "
        "'#nowhere'."
    ]
    assert again == warned
