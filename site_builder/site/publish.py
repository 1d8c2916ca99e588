"""Publish a site folder only after a fully successful build.

A build writes into a staging folder beside the site folder; only success swaps it in, so a
failed or interrupted build leaves the published site exactly as it was.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

_STAGING = "-staging-"


def staging_dir(site_dir: Path) -> Path:
    """A fresh staging folder on the same file system as ``site_dir`` (so renames are atomic)."""
    site_dir = site_dir.resolve()
    for stale in site_dir.parent.glob(f".{site_dir.name}{_STAGING}*"):
        if not _alive(stale.name.rsplit("-", 1)[-1]):
            shutil.rmtree(stale, ignore_errors=True)
    staging = site_dir.parent / f".{site_dir.name}{_STAGING}{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    return staging


def publish(staging: Path, site_dir: Path) -> None:
    """Swap the finished staging folder in place of ``site_dir``."""
    site_dir = site_dir.resolve()
    retired = site_dir.parent / f".{site_dir.name}-retired-{os.getpid()}"
    if site_dir.exists():
        site_dir.rename(retired)
    staging.rename(site_dir)
    shutil.rmtree(retired, ignore_errors=True)


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
