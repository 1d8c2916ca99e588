"""The MkDocs and Material internals the adapter relies on, each checked against the pins."""

from __future__ import annotations

import inspect
import re
from importlib.metadata import version
from pathlib import Path

import pytest
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page, _RelativePathTreeprocessor

from site_builder.mkdocs import internals
from site_builder.mkdocs.relpath_once import RelpathOnceExtension
from tests.support import REPO

PYPROJECT = (REPO / "pyproject.toml").read_text(encoding="utf-8")


def test_the_installed_engine_is_the_pinned_one() -> None:
    assert '"mkdocs>=1.6.1,<2"' in PYPROJECT
    assert '"mkdocs-material>=9.8.1,<10"' in PYPROJECT
    assert re.fullmatch(r"1\.6\.\d+", version("mkdocs"))
    assert re.fullmatch(r"9\.\d+\.\d+", version("mkdocs-material"))


def test_the_internals_have_the_shapes_the_adapter_calls() -> None:
    assert internals.populate_page is mkdocs_build._populate_page
    assert list(inspect.signature(mkdocs_build._populate_page).parameters) == [
        "page", "config", "files", "dirty",
    ]  # fmt: skip
    assert list(inspect.signature(mkdocs_build.get_context).parameters) == [
        "nav", "files", "config", "page", "base_url",
    ]  # fmt: skip


def test_a_rendered_title_and_the_current_page_are_where_the_adapter_looks(
    tmp_path: Path,
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text("# The heading\n\nText.\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nplugins: []\n", encoding="utf-8")
    config = load_config(
        str(tmp_path / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(tmp_path / "site")
    )
    file = File("a.md", str(docs), str(tmp_path / "site"), use_directory_urls=True)
    page = Page(None, file, config)
    files = Files([file])
    internals.populate_page(page, config, files)
    assert internals.rendered_title(page) == "The heading"
    internals.restore_rendered_title(page, "Restored")
    assert page.title == "Restored"
    internals.set_current_page(config, page)
    assert config._current_page is page
    internals.set_current_page(config, None)
    assert config._current_page is None


def test_relpath_is_asked_once_for_each_url_of_a_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text("[x](b.md) [y](b.md#h) [z](b.md) [w](b.md#h)\n", encoding="utf-8")
    (docs / "b.md").write_text("# H\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nplugins: []\n", encoding="utf-8")
    config = load_config(
        str(tmp_path / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(tmp_path / "site")
    )
    config.markdown_extensions.append(RelpathOnceExtension())  # as the plugin adds it
    site = str(tmp_path / "site")
    a, b = (File(name, str(docs), site, use_directory_urls=True) for name in ("a.md", "b.md"))
    asked: list[str] = []
    path_to_url = _RelativePathTreeprocessor.path_to_url

    def counted(self: _RelativePathTreeprocessor, url: str) -> str:
        asked.append(url)
        return path_to_url(self, url)

    monkeypatch.setattr(_RelativePathTreeprocessor, "path_to_url", counted)
    page = Page(None, a, config)
    internals.populate_page(page, config, Files([a, b]))
    assert asked == ["b.md", "b.md#h"]
    assert page.content == (
        '<p><a href="../b/">x</a> <a href="../b/#h">y</a> <a href="../b/">z</a> '
        '<a href="../b/#h">w</a></p>'
    )
    assert page.links_to_anchors == {b: {"h": "b.md#h"}}
