"""The published site changes only after a fully successful build.

A failed build (content errors), a build killed midway, and a failed plain ``mkdocs build`` must
each leave the previous site byte-for-byte as it was.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.support import MINIMAL, REPO, fake_pagefind, fingerprint

ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1750000000"}


def cli(*args: str, cwd: Path = REPO) -> list[str]:
    return [sys.executable, "-m", "site_builder.cli", *args]


def build(content: Path, site: Path, config: Path = REPO / "mkdocs.yml"):
    return subprocess.run(
        cli("build", "--content", str(content), "--site-dir", str(site), "--config", str(config)),
        cwd=REPO, capture_output=True, text=True, timeout=300, env=ENV,
    )  # fmt: skip


def published(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    content = tmp_path / "content"
    shutil.copytree(MINIMAL, content)
    site = tmp_path / "site"
    result = build(content, site)
    assert result.returncode == 0, result.stderr
    before = fingerprint(site)
    assert "index.html" in before
    return content, site, before


def break_content(content: Path) -> None:
    (content / "pages" / "about.md").write_text(
        "---\ntitle: About\nsummary: About.\n---\nSee [[nowhere]].\n"
    )


def test_a_failed_build_leaves_the_published_site_untouched(tmp_path: Path) -> None:
    """Content errors: exit 1, same bytes, no staging folder left beside the site."""
    content, site, before = published(tmp_path)
    (content / "pages" / "new.md").write_text("---\ntitle: New\nsummary: A new page.\n---\nNew.\n")
    break_content(content)
    result = build(content, site)
    assert result.returncode == 1
    assert "content/pages/about.md:5: unknown page 'nowhere' in wikilink" in result.stderr
    assert fingerprint(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "site"]


def _big_corpus(content: Path, count: int = 600) -> None:
    """Many cross-linked places: a build that takes a few seconds."""
    sources = "sources:\n  - id: atlas\n    title: Atlas\n    publisher: Maps\n"
    for number in range(count):
        neighbour = (number + 1) % count
        paragraph = (
            f"Placename {number} borders Placename {neighbour} and [[place-{neighbour}]].[^atlas]"
        )
        (content / "places" / f"place-{number}.md").write_text(
            f"---\ntitle: Placename {number}\nsummary: Place number {number}.\ntype: city\n"
            f"reviewed: 2025-06-02\n{sources}---\n" + f"{paragraph}\n\n" * 5
        )


def test_a_build_killed_midway_leaves_the_published_site_untouched(tmp_path: Path) -> None:
    """SIGKILL while pages are being written: the old site is intact, the next build cleans up."""
    content, site, before = published(tmp_path)
    _big_corpus(content)
    process = subprocess.Popen(
        cli("build", "--content", str(content), "--site-dir", str(site), "--config", "mkdocs.yml"),
        cwd=REPO, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    staging = f".site-staging-{process.pid}"
    deadline = time.monotonic() + 60
    while not any((tmp_path / staging).rglob("*.html")) and time.monotonic() < deadline:
        time.sleep(0.01)  # wait until MkDocs has written its first pages, then kill at once
    assert process.poll() is None, "the build finished before it could be killed: grow the corpus"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert fingerprint(site) == before
    assert (tmp_path / staging).is_dir()  # the half-written output was never swapped in
    for file in (content / "places").glob("place-*.md"):
        file.unlink()
    result = build(content, site)  # the next build removes the dead build's staging folder
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "site"]


def test_a_failed_mkdocs_build_leaves_the_published_site_untouched(tmp_path: Path) -> None:
    """Plain ``mkdocs build`` goes through the same plugin, so it is just as atomic."""
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    shutil.copytree(MINIMAL, checkout / "content")
    shutil.copytree(REPO / "theme", checkout / "theme")
    shutil.copy(REPO / "mkdocs.yml", checkout / "mkdocs.yml")
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--quiet"]
    first = subprocess.run(
        mkdocs, cwd=checkout, capture_output=True, text=True, timeout=300, env=ENV
    )
    assert first.returncode == 0, first.stderr
    site = checkout / "site"
    before = fingerprint(site)
    break_content(checkout / "content")
    second = subprocess.run(
        mkdocs, cwd=checkout, capture_output=True, text=True, timeout=300, env=ENV
    )
    assert second.returncode != 0
    assert "content/pages/about.md:5: unknown page 'nowhere' in wikilink" in second.stderr
    assert fingerprint(site) == before
    assert sorted(p.name for p in checkout.iterdir()) == ["content", "mkdocs.yml", "site", "theme"]


def test_a_strict_build_with_an_engine_warning_leaves_the_published_site_untouched(
    tmp_path: Path,
) -> None:
    """MkDocs fails a strict build only after its last plugin event: nothing is published."""
    content, site, before = published(tmp_path)
    brief = content / "actors" / "serbia.md"
    brief.write_text(brief.read_text("utf-8") + "\nSee [elsewhere](nowhere.md).\n", "utf-8")
    result = subprocess.run(
        cli("build", "--strict", "--content", str(content), "--site-dir", str(site)),
        cwd=REPO, capture_output=True, text=True, timeout=300, env=ENV,
    )  # fmt: skip
    assert result.returncode == 1
    assert "contains a link 'nowhere.md'" in result.stderr
    assert fingerprint(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "site"]  # no staging left


def test_a_failed_search_index_leaves_the_published_site_untouched(tmp_path: Path) -> None:
    """The index is built into the staging folder: if Pagefind fails, nothing is published."""
    content, site, before = published(tmp_path)
    assert "pagefind/pagefind.js" in before
    (content / "pages" / "about.md").write_text("---\ntitle: About\nsummary: Changed.\n---\nNew.\n")
    broken = {**ENV, "PAGEFIND_BINARY_PATH": str(tmp_path / "no-such-pagefind")}
    result = subprocess.run(
        cli("build", "--content", str(content), "--site-dir", str(site)),
        cwd=REPO, capture_output=True, text=True, timeout=300, env=broken,
    )  # fmt: skip
    assert result.returncode == 1
    assert "the search index could not be built: [Errno 2]" in result.stderr
    assert "Traceback" not in result.stderr
    assert fingerprint(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "site"]


def test_a_page_the_indexer_rejects_leaves_the_published_site_untouched(tmp_path: Path) -> None:
    """Pagefind reads the pages while the build goes on: its failure on one still fails the
    build at its end, with the page named, and nothing is published."""
    content, site, before = published(tmp_path)
    (content / "pages" / "about.md").write_text("---\ntitle: About\nsummary: Changed.\n---\nNew.\n")
    tools = tmp_path / "tools"
    tools.mkdir()
    reject = 'answer(message["message_id"], {"type": "Error", "message": "cannot read this"})'
    broken = {**ENV, "PAGEFIND_BINARY_PATH": str(fake_pagefind(tools, reject))}
    result = subprocess.run(
        cli("build", "--content", str(content), "--site-dir", str(site)),
        cwd=REPO, capture_output=True, text=True, timeout=300, env=broken,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "ERROR   -  the search index could not be built: index.html: cannot read this"
    )  # the first page the site has, the home page
    assert "Traceback" not in result.stderr
    assert fingerprint(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "site", "tools"]
