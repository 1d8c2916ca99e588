"""With SOURCE_DATE_EPOCH set, the same content builds to the same bytes, in any checkout folder.

Two checkouts in different folders, built with different hash seeds, must agree on every file:
pages, sitemap.xml(.gz), the search index (Pagefind's), feed and diagram included.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.support import REPO


def checkout(folder: Path) -> Path:
    folder.mkdir(parents=True)
    shutil.copytree(REPO / "content", folder / "content")
    shutil.copytree(REPO / "theme", folder / "theme")
    shutil.copy(REPO / "mkdocs.yml", folder / "mkdocs.yml")
    return folder


def build(folder: Path, seed: str) -> dict[str, str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1750000000", "PYTHONHASHSEED": seed}
    result = subprocess.run(
        [sys.executable, "-m", "site_builder.cli", "build"],
        cwd=folder, capture_output=True, text=True, timeout=300, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    site = folder / "site"
    return {
        str(file.relative_to(site)): hashlib.sha256(file.read_bytes()).hexdigest()
        for file in sorted(site.rglob("*"))
        if file.is_file()
    }


def test_two_checkouts_build_byte_identical_sites(tmp_path: Path) -> None:
    """Every file is identical; a difference names the files so it can be fixed."""
    first = build(checkout(tmp_path / "one"), "1")
    second = build(checkout(tmp_path / "elsewhere" / "two"), "2")
    for name in ("sitemap.xml", "sitemap.xml.gz", "pagefind/pagefind-entry.json", "feed.xml",
                 "diagram.svg", "index.html", "data/briefs.json", "data/statements.csv",
                 "data/datapackage.json", "schemas/actor.schema.json"):  # fmt: skip
        assert name in first
    for folder in ("pagefind/index/", "pagefind/fragment/"):
        assert any(name.startswith(folder) for name in first), folder
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_the_output_holds_no_checkout_path_and_no_wall_clock(tmp_path: Path) -> None:
    """No absolute path of the checkout leaks, and the sitemap's dates come from the epoch."""
    folder = checkout(tmp_path / "leaky-checkout-name")
    build(folder, "0")
    site = folder / "site"
    leaks = [
        str(file.relative_to(site))
        for file in site.rglob("*")
        if file.is_file() and b"leaky-checkout-name" in file.read_bytes()
    ]
    assert leaks == []
    packed = (site / "sitemap.xml.gz").read_bytes()
    mtime = int.from_bytes(packed[4:8], "little")  # MkDocs stamps the epoch's day
    assert 1750000000 - 86400 < mtime <= 1750000000
    assert gzip.decompress(packed) == (site / "sitemap.xml").read_bytes()
    assert "<lastmod>2025-06-15</lastmod>" in (site / "sitemap.xml").read_text()
