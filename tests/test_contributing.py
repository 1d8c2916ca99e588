"""CONTRIBUTING.md is the contributor's reference: its examples must pass the checker as written."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from site_builder.cli import main
from site_builder.model import FOLDER_KINDS

ROOT = Path(__file__).resolve().parent.parent
GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
EXAMPLES = re.findall(r'^```markdown title="(content/[^"]+)"\n(.*?)^```$', GUIDE, re.M | re.S)


def test_there_is_an_example_of_every_kind() -> None:
    folders = {Path(path).parent.name for path, _ in EXAMPLES}
    assert folders == set(FOLDER_KINDS)


def test_the_examples_pass_check(tmp_path: Path, capsys) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal" / "content", content)
    for path, text in EXAMPLES:
        (tmp_path / path).write_text(text, encoding="utf-8")
    assert main(["check", "--content", str(content), "--config", str(ROOT / "mkdocs.yml")]) == 0
    assert capsys.readouterr().err == ""


def test_an_example_that_breaks_is_caught(tmp_path: Path, capsys) -> None:
    """The test above would pass vacuously if the examples were never written."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal" / "content", content)
    path, text = next((p, t) for p, t in EXAMPLES if "/actors/" in p)
    (tmp_path / path).write_text(text.replace("type: state", "type: nation"), encoding="utf-8")
    assert main(["check", "--content", str(content), "--config", str(ROOT / "mkdocs.yml")]) == 1
    assert f"{path}:4: unknown type 'nation'" in capsys.readouterr().err


def test_every_check_option_is_documented() -> None:
    for option in ("--content", "--format text|github|json", "--changed-since REV"):
        assert option in GUIDE
    assert "files whose names start with `.` or end with `~`" in GUIDE
