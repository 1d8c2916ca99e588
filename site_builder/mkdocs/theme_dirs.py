"""The theme folders a build publishes assets from, found without importing the engine.

``check`` runs without MkDocs: it only needs to know which asset paths the theme owns.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path


def theme_dirs(config_dir: Path, custom_dir: str | None) -> list[Path]:
    """The custom theme folder, then Material's templates."""
    dirs = [config_dir / custom_dir] if custom_dir else []
    spec = importlib.util.find_spec("material")  # locates the package; does not import it
    if spec is not None and spec.submodule_search_locations:
        dirs.extend(Path(p) / "templates" for p in spec.submodule_search_locations)
    return dirs
