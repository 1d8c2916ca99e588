"""What the serve and preview tests share."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support import MINIMAL


@pytest.fixture()
def content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the minimal fixture to edit, built reproducibly."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    copy = tmp_path / "content"
    shutil.copytree(MINIMAL, copy)
    return copy
