"""The core does not depend on MkDocs: only the glue modules import it (or Material)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "site_builder"
#: Modules that meet MkDocs and Material: the plugin and what it hands its work to.
GLUE = {"plugin", "ahead", "shared_nav", "material_search"}
ENGINE = ("mkdocs", "material")


def _imports(path: Path) -> set[str]:
    """Modules imported at the top level of a file (imports inside functions are lazy)."""
    names: set[str] = set()
    for node in ast.parse(path.read_text("utf-8")).body:
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _module(path: Path) -> str:
    return ".".join(path.relative_to(PACKAGE).with_suffix("").parts).removesuffix(".__init__")


def test_only_the_glue_imports_the_engine() -> None:
    modules = {_module(p): _imports(p) for p in PACKAGE.rglob("*.py")}
    engine_users = {
        name for name, imports in modules.items() if any(i.split(".")[0] in ENGINE for i in imports)
    }
    assert engine_users == GLUE
    for name, imports in modules.items():  # nor does the core reach it through the glue
        if name not in GLUE and name != "cli":
            glue = {i for i in imports if i.removeprefix("site_builder.") in GLUE}
            assert not glue, f"site_builder.{name} imports {glue}"
