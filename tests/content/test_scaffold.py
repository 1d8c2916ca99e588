"""``site-builder new``: a first brief that passes ``check`` before the contributor edits it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from site_builder.cli import main
from site_builder.content.kinds import folder
from site_builder.content.scaffold import KIND_NAMES as KINDS
from tests.support import MINIMAL, REPO

CONFIG = str(REPO / "mkdocs.yml")


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return Path(shutil.copytree(MINIMAL, tmp_path / "content"))


def _new(content: Path, *args: str) -> int:
    return main(["new", *args, "--content", str(content)])


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_passes_check_as_written(content: Path, kind: str, capsys) -> None:
    assert _new(content, kind, f"new-{kind}", "--title", f"Brand-new {kind} “Ω”") == 0
    path = content / folder(kind) / f"new-{kind}.md"
    assert capsys.readouterr().out == (
        f"Wrote {path}: fill in what its comments ask, then run 'site-builder check'.\n"
    )
    assert path.read_text(encoding="utf-8").startswith(f'---\ntitle: "Brand-new {kind} “Ω”"\n')
    assert main(["check", "--content", str(content), "--config", CONFIG]) == 0
    # It passes, and says which words are still the scaffold's own.
    warned = [line.split(": ", 1)[1] for line in capsys.readouterr().err.splitlines()[:-1]]
    placeholders = ["Write the brief here"]
    if kind != "page":
        placeholders = [
            "Title of the article or document",
            "Who published it",
            "Write the brief here",
        ]
    assert warned == [
        f"'{p}' is placeholder text from 'site-builder new': replace it with what the brief needs"
        for p in ["one sentence saying what this is", *placeholders]
    ]


def test_the_brief_says_what_to_fill_in(content: Path) -> None:
    assert _new(content, "place", "gracanica", "--title", "Gračanica") == 0
    text = (content / "places" / "gracanica.md").read_text(encoding="utf-8")
    assert "#   sq: Preshevë\n" in text
    assert "  - id: source-1\n" in text
    assert (
        "Write the brief here, in your own words: every paragraph and list item cites its "
        "source.[^source-1]\n"
    ) in text


def test_a_dated_update_takes_the_date_of_its_file_name(content: Path) -> None:
    assert _new(content, "update", "2025-06-02-talks", "--title", "Talks") == 0
    text = (content / "updates" / "2025-06-02-talks.md").read_text(encoding="utf-8")
    assert "\ndate: 2025-06-02   # the day of the events it reports" in text
    assert main(["check", "--content", str(content), "--config", CONFIG]) == 0


def test_a_dispute_shows_the_dated_statement_form(content: Path) -> None:
    assert _new(content, "dispute", "water", "--title", "Water") == 0
    text = (content / "disputes" / "water.md").read_text(encoding="utf-8")
    assert "#     - date: " in text
    assert "#       source: source-1" in text
    # Uncommented, the example is a valid v2 position.
    uncommented = text.replace("# positions:", "positions:").replace("#   ", "  ", 1)
    uncommented = uncommented.replace("#     - date", "    - date").replace("#       ", "      ")
    (content / "disputes" / "water.md").write_text(uncommented, encoding="utf-8")
    assert main(["check", "--content", str(content), "--config", CONFIG]) == 0


SLUG_RULE = "is not a valid slug: use lowercase letters, digits and single hyphens"
RESERVED = "is reserved for a generated page; choose another slug"


@pytest.mark.parametrize(
    ("slug", "message"),
    [
        ("Bad_Slug", f"'Bad_Slug' {SLUG_RULE}"),
        ("two--hyphens", f"'two--hyphens' {SLUG_RULE}"),
        ("timeline", f"'timeline' {RESERVED}"),
        ("index", f"'index' {RESERVED}"),
    ],
)
def test_a_bad_or_reserved_slug_is_a_usage_error(
    content: Path, slug: str, message: str, capsys
) -> None:
    assert _new(content, "actor", slug, "--title", "X") == 2
    assert capsys.readouterr().err == f"site-builder: {message}\n"
    assert not list(content.glob(f"*/{slug}.md"))


def test_a_slug_is_unique_across_kinds(content: Path, capsys) -> None:
    assert _new(content, "place", "kosovo", "--title", "Kosovo") == 2
    assert capsys.readouterr().err == (
        f"site-builder: {content}/actors/kosovo.md already exists: "
        "slugs are unique across all kinds\n"
    )


def test_a_dispute_needs_an_actor_first(tmp_path: Path, capsys) -> None:
    assert _new(tmp_path, "dispute", "water", "--title", "Water") == 2
    assert capsys.readouterr().err == (
        "site-builder: a dispute needs at least one actor: create one first with 'new actor'\n"
    )


def test_an_unknown_kind_is_a_usage_error(content: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        _new(content, "person", "someone", "--title", "Someone")
    assert exit_info.value.code == 2
    assert "argument KIND: invalid choice: 'person'" in capsys.readouterr().err


@pytest.mark.parametrize("command", [None, "build", "check", "serve", "new"])
def test_help_works_for_every_command(command: str | None, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"] if command else ["--help"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith(f"usage: site-builder {command or ''}".rstrip())
