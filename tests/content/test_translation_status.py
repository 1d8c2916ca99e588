"""``site-builder translations``: every translation's state, and ``--stamp``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

import site_builder.content.translation_status as translation_status
from site_builder.content.loader import load_corpus
from site_builder.content.translation_status import stamp, statuses
from tests.support import TRANSLATED, left_out_translations, site_builder


def _states(content: Path) -> dict[tuple[str, str], str]:
    corpus, _ = load_corpus(content)
    return {(s.language, s.path): s.state for s in statuses(corpus, content)}


def test_an_english_edit_makes_its_translations_outdated_until_stamped(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(TRANSLATED, content)
    plates = ("sq", "content/disputes/vehicle-licence-plates.sq.md")
    assert _states(content)[plates] == "unreviewed"
    assert _states(content)[("sr", "content/actors/serbia.sr.md")] == "up to date"
    assert _states(content)[("sq", "content/places/presevo.sq.md")] == "missing"
    english = content / "disputes" / "vehicle-licence-plates.md"
    english.write_text(english.read_text("utf-8") + "\nOne more sentence.[^plates-deal]\n", "utf-8")
    assert _states(content)[plates] == "outdated"
    version = stamp(content / "disputes" / "vehicle-licence-plates.sq.md")
    assert (
        f"  of: {version}\n" in (content / "disputes" / "vehicle-licence-plates.sq.md").read_text()
    )
    assert _states(content)[plates] == "unreviewed"


def test_stamp_adds_the_version_where_there_is_none(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(TRANSLATED, content)
    file = content / "places" / "presevo.sq.md"
    file.write_text("---\ntitle: Preshevë\nsummary: Komunë.\n---\n", "utf-8")
    version = stamp(file)
    assert file.read_text("utf-8") == (
        f"---\ntitle: Preshevë\nsummary: Komunë.\ntranslation:\n  of: {version}\n---\n"
    )
    assert _states(content)[("sq", "content/places/presevo.sq.md")] == "unreviewed"


def test_stamp_quotes_a_version_that_would_read_as_a_number(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = tmp_path / "content"
    shutil.copytree(TRANSLATED, content)
    file = content / "places" / "presevo.sq.md"
    file.write_text("---\ntitle: Preshevë\nsummary: Komunë.\n---\n", "utf-8")
    monkeypatch.setattr(translation_status, "file_version", lambda text: "123456789012")
    assert stamp(file) == "123456789012"
    front = file.read_text("utf-8").split("---\n")[1]
    assert '  of: "123456789012"\n' in front
    assert yaml.safe_load(front)["translation"]["of"] == "123456789012"


def test_a_translation_the_checks_left_out_is_invalid_not_missing(tmp_path: Path) -> None:
    content = left_out_translations(tmp_path)
    states = _states(content)
    assert states[("sq", "content/places/presevo.sq.md")] == "invalid (see check)"
    assert states[("sr", "content/actors/serbia.sr.md")] == "invalid (see check)"
    assert states[("sq", "content/places/mitrovica.sq.md")] == "missing"


def test_the_command_lists_every_translation_and_exits_0() -> None:
    done = site_builder("translations", "--content", str(TRANSLATED))
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert "sq  unreviewed             content/disputes/vehicle-licence-plates.sq.md" in lines
    assert "sr  up to date             content/actors/serbia.sr.md" in lines
    assert "sq  missing                content/places/presevo.sq.md" in lines
