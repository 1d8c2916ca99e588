"""Generated files and content pages of the sample corpus, compared with committed output.

After a deliberate change, regenerate with ``UPDATE_GOLDEN=1 .venv/bin/pytest tests/pages``
and review the diff (see tests/fixtures/pages/README.md).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from site_builder.generated import generate
from site_builder.site.pages import document_markdown
from tests.support import context, sample_corpus

GOLDEN = Path(__file__).resolve().parents[1] / "fixtures" / "pages" / "golden"
CORPUS = sample_corpus()
CTX = context()
OUTPUT = {
    **{f.src_uri: f.content for f in generate(CORPUS, CTX)},
    **{f"content/{d.src_uri}": document_markdown(d, CORPUS, CTX) for d in CORPUS.documents},
}


@pytest.mark.parametrize("name", sorted(OUTPUT))
def test_matches_golden(name: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(OUTPUT[name], encoding="utf-8")
    assert path.read_text(encoding="utf-8") == OUTPUT[name], f"regenerate: UPDATE_GOLDEN=1 ({name})"


def test_no_stale_golden_files() -> None:
    present = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file()}
    assert present == set(OUTPUT)
