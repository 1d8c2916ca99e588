"""The shape of the package: one engine adapter folder, and a core that does not know it."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.support import REPO

PACKAGE = REPO / "site_builder"
ENGINE = ("mkdocs", "material")
#: The folders of the pipeline, in order; ``mkdocs/`` is the adapter.
CORE = ("text", "content", "safety", "markdown", "site", "generated", "render")


def _imports(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def _modules() -> dict[str, set[str]]:
    return {
        ".".join(p.relative_to(PACKAGE).with_suffix("").parts): _imports(p)
        for p in PACKAGE.rglob("*.py")
    }


def test_exactly_one_folder_imports_the_engine() -> None:
    users = {
        name.split(".")[0]
        for name, imports in _modules().items()
        if any(i.split(".")[0] in ENGINE for i in imports)
    }
    assert users == {"mkdocs"}


def test_the_core_never_reaches_the_adapter() -> None:
    """Only the command line, which picks the engine, imports the adapter."""
    for name, imports in _modules().items():
        if name.split(".")[0] in CORE:
            adapter = {i for i in imports if i.startswith("site_builder.mkdocs")}
            assert not adapter, f"site_builder.{name} imports {adapter}"


def test_every_module_sits_in_a_pipeline_folder() -> None:
    top_level = {p.stem for p in PACKAGE.glob("*.py")}
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert top_level == {"__init__", "cli"}
    assert folders == {*CORE, "mkdocs"}
