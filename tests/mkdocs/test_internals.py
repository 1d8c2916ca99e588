"""The MkDocs and Material internals the adapter relies on, each checked against the pins."""

from __future__ import annotations

import inspect
import re
from importlib.metadata import version
from pathlib import Path

from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from site_builder.mkdocs import internals
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
