"""``site-builder check`` end to end: what a contributor and a pull request actually see."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from site_builder.cli import main
from tests.support import REPO

FIXTURES = REPO / "tests" / "fixtures"
CONFIG = str(REPO / "mkdocs.yml")
FOLDERS = "actors/, disputes/, agreements/, places/, updates/, pages/"

#: Every problem of tests/fixtures/validation/content, in the order they are printed.
PROBLEMS = [
    (
        "content/actor",
        1,
        "unknown folder 'actor/' (did you mean 'actors'?): content/ holds only index.md, "
        f"assets/ and the folders {FOLDERS}",
    ),
    (
        "content/actors/Bad_Name.md",
        1,
        "'Bad_Name.md' is not a valid file name "
        "(lowercase ASCII letters, digits and single hyphens, e.g. 'bad-name.md')",
    ),
    ("content/actors/kosovo.md", 1, "slug 'kosovo' is also used by content/updates/kosovo.md"),
    (
        "content/actors/old",
        1,
        "sub-folders are not allowed in actors/: move the files of 'old/' up into actors/",
    ),
    (
        "content/actors/photo.jpg",
        1,
        "'photo.jpg' is not a Markdown file: put images and other files in content/assets/",
    ),
    (
        "content/actors/serbia.md",
        4,
        "unknown type 'goverment' (did you mean 'government'?); "
        "use one of: person, state, government, institution, organisation, party, media",
    ),
    (
        "content/disputes/north.md",
        8,
        "unknown actor 'serbai' in 'parties' (did you mean 'serbia'?)",
    ),
    (
        "content/disputes/north.md",
        9,
        "'kosovo' in 'places' is an actor, not a place (content/actors/kosovo.md)",
    ),
    ("content/disputes/north.md", 11, "unknown agreement 'brussels-agreemnt' in 'agreements'"),
    ("content/disputes/north.md", 17, "unknown actor 'montenegro' in 'positions'"),
    ("content/disputes/north.md", 21, "'north' in 'related' points at this file itself"),
    (
        "content/logo.png",
        1,
        "'logo.png' is not a Markdown file: put images and other files in content/assets/",
    ),
    (
        "content/notes.md",
        1,
        f"'notes.md' must be in one of the folders {FOLDERS} "
        "(only index.md lives at the top of content/)",
    ),
    (
        "content/pages/index.md",
        1,
        "the slug 'index' is reserved for the home page (content/index.md); rename the file",
    ),
    (
        "content/pages/timeline.md",
        1,
        "the slug 'timeline' is reserved for a generated page; rename the file",
    ),
    ("content/places/presevo.md", 2, "name 'Preševo' is also a name of content/places/presheva.md"),
    ("content/places/presheva.md", 7, "name 'Presevo' is also a name of content/places/presevo.md"),
    ("content/updates/kosovo.md", 1, "slug 'kosovo' is also used by content/actors/kosovo.md"),
    ("content/updates/talks.md", 7, "unknown slug 'nowhere' in 'about'"),
]


def _check(corpus: str, capsys: pytest.CaptureFixture[str], *options: str) -> tuple[int, str, str]:
    content = str(FIXTURES / corpus / "content")
    status = main(["check", "--content", content, "--config", CONFIG, *options])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_text_is_path_line_message_on_stderr(capsys) -> None:
    lines = [f"{path}:{line}: {message}\n" for path, line, message in PROBLEMS]
    expected = "".join(lines) + "19 problems in 15 files\n"
    assert _check("validation", capsys) == (1, "", expected)
    assert _check("validation", capsys, "--format", "text") == (1, "", expected)


def test_github_annotations_on_stdout(capsys) -> None:
    expected = "".join(
        f"::error file={path},line={line},title=Content problem in {path}::{message}\n"
        for path, line, message in PROBLEMS
    )
    assert _check("validation", capsys, "--format", "github") == (1, expected, "")


def test_one_github_annotation_exactly(capsys) -> None:
    _, out, _ = _check("validation", capsys, "--format", "github")
    assert out.splitlines()[6] == (
        "::error file=content/disputes/north.md,line=8,title=Content problem in "
        "content/disputes/north.md::unknown actor 'serbai' in 'parties' (did you mean 'serbia'?)"
    )


def test_json_is_a_list_of_records(capsys) -> None:
    status, out, err = _check("validation", capsys, "--format", "json")
    assert (status, err) == (1, "")
    assert json.loads(out) == [
        {"path": path, "line": line, "message": message, "severity": "error"}
        for path, line, message in PROBLEMS
    ]


@pytest.mark.parametrize(("output_format", "out"), [("text", ""), ("github", ""), ("json", "[]\n")])
def test_valid_content_exits_0_and_says_nothing(capsys, output_format: str, out: str) -> None:
    assert _check("minimal", capsys, "--format", output_format) == (0, out, "")


def test_a_missing_content_folder_is_a_usage_error(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "nowhere"
    assert main(["check", "--content", str(missing)]) == 2
    assert capsys.readouterr().err == f"site-builder: no content folder at {missing}\n"


def test_an_unknown_format_is_a_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "--format", "xml"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'xml' (choose from" in capsys.readouterr().err
