"""Publish a site folder only after a fully successful build.

A build writes into a staging folder beside the site folder; only success swaps it in, so a
failed or interrupted build leaves the published site exactly as it was.

A live preview's rebuild stages only the files that changed (``publish_changes``): they are
moved into the site folder one by one, each replacing its old version at once, and the files
the site no longer has are deleted. (Deleting is what costs on some file systems: a whole
site swapped in and the old one deleted took seconds.)
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from pathlib import Path

_STAGING = "-staging-"


def staging_dir(site_dir: Path) -> Path:
    """A fresh staging folder on the same file system as ``site_dir`` (so renames are atomic)."""
    site_dir = site_dir.resolve()
    return process_folder(site_dir.parent, f".{site_dir.name}{_STAGING}")


def process_folder(parent: Path, prefix: str) -> Path:
    """``parent/<prefix><this process's id>``, not made yet and empty; the folders of this
    prefix that processes no longer running left (killed, or stopped with Ctrl-C) are removed."""
    for stale in parent.glob(f"{prefix}*"):
        if not _alive(stale.name.removeprefix(prefix)):
            shutil.rmtree(stale, ignore_errors=True)
    folder = parent / f"{prefix}{os.getpid()}"
    shutil.rmtree(folder, ignore_errors=True)
    return folder


def publish(staging: Path, site_dir: Path) -> None:
    """Swap the finished staging folder in place of ``site_dir``."""
    site_dir = site_dir.resolve()
    retired = site_dir.parent / f".{site_dir.name}-retired-{os.getpid()}"
    if site_dir.exists():
        site_dir.rename(retired)
    staging.rename(site_dir)
    shutil.rmtree(retired, ignore_errors=True)


def publish_changes(staging: Path, site_dir: Path, gone: Iterable[str]) -> list[str]:
    """Move every file of ``staging`` into ``site_dir``, delete the files ``gone`` (paths
    relative to the site folder) and the folders they leave empty, and remove ``staging``.

    Returns the paths of the files moved in.
    """
    moved = []
    for folder, _, names in os.walk(staging):
        relative = Path(folder).relative_to(staging)
        for name in names:
            target = site_dir / relative / name
            if target.is_dir() and not target.is_symlink():
                shutil.rmtree(target)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(Path(folder) / name, target)
            moved.append((relative / name).as_posix())
    for path in gone:
        target = site_dir / path
        target.unlink(missing_ok=True)
        for parent in target.parents:
            if parent == site_dir or not parent.is_relative_to(site_dir):
                break
            try:
                parent.rmdir()  # only if empty
            except OSError:
                break
    shutil.rmtree(staging, ignore_errors=True)
    return moved


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)


def _alive(pid: str) -> bool:
    if not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
