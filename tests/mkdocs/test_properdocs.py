"""ProperDocs, the maintained continuation of MkDocs 1.6, builds the same site."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from tests.support import BIN, ENV, REPO, fingerprint

_GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _build(engine: str, site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / engine), "build", "--strict", "-q", "-f", str(REPO / "mkdocs.yml"),
         "-d", str(site)],
        cwd=REPO, env={**ENV, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True,
    )  # fmt: skip


def _without_generator(site: Path) -> dict[str, str]:
    for page in site.rglob("*.html"):
        page.write_bytes(_GENERATOR.sub(b"", page.read_bytes(), count=1))
    return fingerprint(site)


def test_properdocs_builds_the_site_mkdocs_builds(tmp_path: Path) -> None:
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert "docs_dir: content" in config
    built = {engine: tmp_path / engine for engine in ("mkdocs", "properdocs")}
    for engine, site in built.items():
        result = _build(engine, site)
        assert result.returncode == 0, result.stderr
    generators = {
        engine: _GENERATOR.findall((site / "index.html").read_bytes())
        for engine, site in built.items()
    }
    assert generators["mkdocs"] == [
        b'<meta name="generator" content="mkdocs-1.6.1, mkdocs-material">'
    ]
    assert generators["properdocs"][0].startswith(
        b'<meta name="generator" content="mkdocs-ProperDocs'
    )
    assert _without_generator(built["mkdocs"]) == _without_generator(built["properdocs"])
    assert len(fingerprint(built["mkdocs"])) > 50  # the real site, not an empty folder
