"""``site-builder build`` and ``serve`` as MkDocs runs them, and MkDocs' errors as exit codes."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.commands.serve import serve as mkdocs_serve
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException


def build(config_file: Path, content: Path, site_dir: Path, *, strict: bool) -> None:
    mkdocs_build(
        load_config(
            config_file=str(config_file),
            docs_dir=os.path.abspath(content),
            site_dir=str(site_dir),
            strict=strict,
        )
    )


def serve(config_file: Path, content: Path, dev_addr: str | None) -> None:
    mkdocs_serve(
        config_file=str(config_file),
        docs_dir=os.path.abspath(content),
        dev_addr=dev_addr,
        livereload=True,
    )


def failure(error: Exception) -> str | None:
    """What to tell of an error MkDocs has raised (None: not MkDocs', let it through).

    An ``Abort`` comes after its reasons were printed; any other MkDocs error explains itself.
    """
    if isinstance(error, Abort):
        return "the build failed; the site folder is unchanged"
    if isinstance(error, MkDocsException):
        return str(error)
    return None


def quiet_logs(*, verbose: bool) -> None:
    """MkDocs logs through 'mkdocs'; show its warnings, and progress only when asked."""
    logging.basicConfig(format="%(levelname)-7s -  %(message)s")
    level = logging.INFO if verbose or os.environ.get("SITE_BUILDER_VERBOSE") else logging.WARNING
    logging.getLogger("mkdocs").setLevel(level)
