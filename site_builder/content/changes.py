"""``check --changed-since REV``: only the problems a change is responsible for.

A contributor (or a pre-commit hook) wants the problems of the files they touched, plus the ones
their change causes elsewhere, such as a deleted or renamed slug that another brief still names,
without the noise of the rest of the folder. The full check always runs; this module only asks
git what changed and filters. It needs no site engine.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from site_builder.content.diagnostics import Diagnostic


class ChangesError(Exception):
    """The revision cannot be compared against (no git, not a checkout, unknown revision)."""


@dataclass(frozen=True)
class Changes:
    """Changed files as diagnostics name them (``content/actors/x.md``) and their slugs."""

    paths: frozenset[str]
    slugs: frozenset[str]


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except OSError as error:  # git is not installed
        raise ChangesError(f"cannot run git: {error.strerror}") from error


def changed_since(content_dir: Path, rev: str) -> Changes:
    """The content files that differ from ``rev`` in the working tree, untracked ones included."""
    content = Path(os.path.abspath(content_dir))
    top = _git(content, "rev-parse", "--show-toplevel")
    if top.returncode != 0:
        raise ChangesError(f"{content_dir} is not in a git checkout: --changed-since needs one")
    root = Path(top.stdout.strip())
    if _git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").returncode != 0:
        raise ChangesError(f"'{rev}' is not a valid git revision")
    # --no-renames: a renamed file counts as deleted (its old slug) and added (its new one).
    diff = _git(root, "diff", "--name-only", "--no-renames", "-z", rev, "--")
    untracked = _git(root, "ls-files", "--others", "--exclude-standard", "-z")
    names = [*diff.stdout.split("\0"), *untracked.stdout.split("\0")]
    return changes_in(content, [root / name for name in names if name])


def changes_in(content_dir: Path, files: Iterable[Path]) -> Changes:
    """Keep the files under ``content_dir``, named the way diagnostics name them."""
    content = Path(os.path.realpath(content_dir))
    paths, slugs = set(), set()
    for file in files:
        try:
            relative = Path(os.path.realpath(file)).relative_to(content)
        except ValueError:
            continue
        paths.add(f"{content.name}/{relative.as_posix()}")
        if file.suffix == ".md":
            slugs.add(file.stem)
    return Changes(frozenset(paths), frozenset(slugs))


def references(text: str, slugs: Iterable[str]) -> bool:
    """Whether a file's text names one of the slugs, as a wikilink or a front-matter value.

    Matching the slug as a whole token is deliberately generous: showing one problem too many
    is better than hiding the one a change caused.
    """
    return any(re.search(rf"(?<![\w-]){re.escape(slug)}(?![\w-])", text) for slug in slugs)


def select(
    diagnostics: Iterable[Diagnostic], changes: Changes, content_dir: Path
) -> list[Diagnostic]:
    """Problems in changed files, in files naming a changed slug, or naming a changed file."""
    kept: list[Diagnostic] = []
    cache: dict[str, bool] = {}
    for diagnostic in diagnostics:
        if (
            _in_changed(diagnostic.path, changes.paths)
            or any(path in diagnostic.message for path in changes.paths)
            or _names_changed_slug(diagnostic.path, changes.slugs, content_dir, cache)
        ):
            kept.append(diagnostic)
    return kept


def _in_changed(path: str, changed: frozenset[str]) -> bool:
    """The file itself changed, or it is a folder holding a changed file."""
    return path in changed or any(other.startswith(f"{path}/") for other in changed)


def _names_changed_slug(
    path: str, slugs: frozenset[str], content_dir: Path, cache: dict[str, bool]
) -> bool:
    if not slugs:
        return False
    if path not in cache:
        file = content_dir / path.partition("/")[2]
        try:
            cache[path] = file.is_file() and references(file.read_text("utf-8", "replace"), slugs)
        except OSError:
            cache[path] = False
    return cache[path]
