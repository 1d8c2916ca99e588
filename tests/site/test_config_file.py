"""What the core reads from mkdocs.yml without the engine, and where the build's templates are."""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.config import load_config

from site_builder.site.config_file import custom_theme_dir, read_config, templates_dir
from tests.support import MINIMAL, REPO


def test_check_and_the_build_find_the_templates_in_the_same_folder(tmp_path: Path) -> None:
    """One function says where they are: a theme moved to another folder moves both."""
    shutil.copytree(REPO / "theme", tmp_path / "skin")
    config_file = tmp_path / "mkdocs.yml"
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert "custom_dir: theme\n" in text
    config_file.write_text(text.replace("custom_dir: theme\n", "custom_dir: skin\n"), "utf-8")
    for_check = templates_dir(tmp_path, custom_theme_dir(read_config(config_file)))
    config = load_config(str(config_file), docs_dir=str(MINIMAL), site_dir=str(tmp_path / "s"))
    plugin = config.plugins["dialogue"]
    plugin.on_config(config)
    assert for_check == tmp_path / "skin" / "site_builder"
    assert Path(plugin.ctx.templates_dir).resolve() == for_check.resolve()


def test_without_a_custom_theme_the_templates_are_in_theme() -> None:
    assert templates_dir(Path("/site"), None) == Path("/site/theme/site_builder")
    assert custom_theme_dir({"theme": {"name": "material"}}) is None
    assert custom_theme_dir({"theme": {"custom_dir": "skin"}}) == "skin"
