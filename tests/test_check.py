"""check: every problem of every file, the same whether bodies are rendered here or in workers."""

from __future__ import annotations

import shutil
from pathlib import Path

from site_builder.check import check_content
from site_builder.config_file import markdown_extensions, read_config
from tests.factories import REPO, make_ctx

EXTENSIONS, OPTIONS = markdown_extensions(read_config(REPO / "mkdocs.yml"))
MINIMAL = Path(__file__).parent / "fixtures" / "minimal" / "content"


def test_workers_find_what_one_process_finds(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(MINIMAL, content)
    for brief in ("actors/serbia.md", "places/mitrovica.md", "pages/about.md"):
        path = content / brief
        path.write_text(path.read_text("utf-8") + "\nSee [[nowhere]].[^nosuch]\n", "utf-8")
    serial = check_content(content, make_ctx(), EXTENSIONS, OPTIONS, workers=1)
    parallel = check_content(content, make_ctx(), EXTENSIONS, OPTIONS, workers=2)
    assert parallel == serial
    assert [d.path for d in serial if "wikilink" in d.message] == [
        "content/actors/serbia.md", "content/pages/about.md", "content/places/mitrovica.md"
    ]  # fmt: skip
