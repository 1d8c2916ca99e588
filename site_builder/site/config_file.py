"""What the core needs from the site configuration file, read without the site engine."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class _TolerantLoader(yaml.SafeLoader):
    """Safe loading that reads engine-specific tags (``!!python/name:…``, ``!ENV``) as None."""


_TolerantLoader.add_multi_constructor("", lambda _loader, _suffix, _node: None)


def read_config(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    return data if isinstance(data, dict) else {}


def markdown_extensions(config: dict[str, Any]) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """Extension names and their options, as the site engine would pass them to Markdown."""
    names: list[str] = []
    options: dict[str, dict[str, Any]] = {}
    for entry in config.get("markdown_extensions") or []:
        if isinstance(entry, str):
            names.append(entry)
        elif isinstance(entry, dict):
            for name, value in entry.items():
                names.append(name)
                if isinstance(value, dict):
                    options[name] = {k: v for k, v in value.items() if v is not None}
    return names, options


def templates_dir(config_dir: Path, custom_dir: str | None) -> Path:
    """The build's own templates: ``site_builder/`` in the custom theme folder.

    The one place that says where they are, for ``check`` (which reads the configuration file
    itself) and for the engine adapter (which gets the folder from the engine's settings).
    """
    return config_dir / (custom_dir or "theme") / "site_builder"


def custom_theme_dir(config: dict[str, Any]) -> str | None:
    theme = config.get("theme")
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    return custom_dir if isinstance(custom_dir, str) else None
