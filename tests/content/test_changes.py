"""``check --changed-since``: a contributor sees the problems of their change, not everyone's."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from site_builder.cli import main
from site_builder.content.changes import Changes, changes_in, references, select
from site_builder.content.diagnostics import Diagnostic
from tests.support import MINIMAL, REPO

CONFIG = str(REPO / "mkdocs.yml")
GIT_IDENTITY = ("-c", "user.name=T", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false")


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", *GIT_IDENTITY, *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture(autouse=True)
def _own_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from a git hook, the tests must not act on the hook's repository."""
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git checkout whose last commit holds the minimal corpus with one old, unrelated problem."""
    shutil.copytree(MINIMAL, tmp_path / "content")
    with (tmp_path / "content" / "index.md").open("a") as home:
        home.write("Read [[nowhere]].\n")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "start")
    return tmp_path


def _check(repo: Path, capsys: pytest.CaptureFixture[str], *options: str) -> tuple[int, str]:
    content = str(repo / "content")
    status = main(["check", "--content", content, "--config", CONFIG, *options])
    captured = capsys.readouterr()  # text goes to stderr, the other formats to stdout
    return status, captured.out + captured.err


def test_the_full_check_sees_the_old_problem(repo: Path, capsys) -> None:
    assert _check(repo, capsys) == (
        1,
        "content/index.md:8: unknown page 'nowhere' in wikilink\n1 problem in 1 file\n",
    )


def test_no_change_no_problem(repo: Path, capsys) -> None:
    assert _check(repo, capsys, "--changed-since", "HEAD") == (0, "")


def test_an_untracked_file_is_a_change(repo: Path, capsys) -> None:
    (repo / "content" / "pages" / "notes.md").write_text("---\ntitle: Notes\n---\nText.\n")
    assert _check(repo, capsys, "--changed-since", "HEAD") == (
        1,
        "content/pages/notes.md:1: missing required key 'summary'\n1 problem in 1 file\n",
    )


def test_a_deleted_slug_reports_the_files_that_still_name_it(repo: Path, capsys) -> None:
    _git(repo, "rm", "-q", "content/agreements/brussels-agreement.md")
    assert _check(repo, capsys, "--changed-since", "HEAD") == (
        1,
        "content/disputes/vehicle-licence-plates.md:23: "
        "unknown agreement 'brussels-agreement' in 'agreements'\n"
        "content/pages/about.md:5: "
        "unknown page 'brussels-agreement' in wikilink (did you mean 'agreements'?)\n"
        "2 problems in 2 files\n",
    )


def test_a_renamed_file_counts_as_its_old_and_new_slug(repo: Path, capsys) -> None:
    _git(repo, "mv", "content/places/presevo.md", "content/places/presevo-municipality.md")
    _git(repo, "commit", "-q", "-m", "rename")
    assert _check(repo, capsys, "--changed-since", "HEAD~1", "--format", "github") == (
        1,
        "::error file=content/disputes/vehicle-licence-plates.md,line=26,"
        "title=Content problem in content/disputes/vehicle-licence-plates.md"
        "::unknown place 'presevo' in 'places'\n",
    )


def test_the_github_format_goes_to_stdout(repo: Path, capsys) -> None:
    (repo / "content" / "actors" / "kosovo.md").unlink()
    content = str(repo / "content")
    argv = ["check", "--content", content, "--config", CONFIG, "--changed-since", "HEAD"]
    assert main([*argv, "--format", "json"]) == 1
    assert '"path": "content/actors/serbia.md"' in capsys.readouterr().out


def test_a_revision_that_does_not_exist_is_a_usage_error(repo: Path, capsys) -> None:
    assert _check(repo, capsys, "--changed-since", "no-such-branch") == (
        2,
        "site-builder: 'no-such-branch' is not a valid git revision\n",
    )


def test_outside_a_checkout_is_a_usage_error(tmp_path: Path, capsys) -> None:
    shutil.copytree(MINIMAL, tmp_path / "content")
    content = tmp_path / "content"
    status = main(
        ["check", "--content", str(content), "--config", CONFIG, "--changed-since", "HEAD"]
    )
    assert (status, capsys.readouterr().err) == (
        2,
        f"site-builder: {content} is not in a git checkout: --changed-since needs one\n",
    )


def test_changes_outside_the_content_folder_do_not_count(tmp_path: Path) -> None:
    content = tmp_path / "content"
    changes = changes_in(content, [tmp_path / "README.md", content / "actors" / "kosovo.md"])
    assert changes == Changes(frozenset({"content/actors/kosovo.md"}), frozenset({"kosovo"}))


def test_references_match_whole_slugs_only() -> None:
    assert references("parties: [kosovo, serbia]", ["kosovo"])
    assert references("See [[kosovo|the state]].", ["kosovo"])
    assert not references("See [[kosovo-police]].", ["kosovo"])
    assert not references("Kosovo takes part.", ["kosovo"])


def test_select_keeps_folder_problems_and_problems_that_name_a_changed_file(
    tmp_path: Path,
) -> None:
    changes = Changes(frozenset({"content/actors/old/former.md"}), frozenset({"former"}))
    kept = Diagnostic("content/actors/old", 1, "sub-folders are not allowed")
    named = Diagnostic(
        "content/places/a.md", 2, "name 'A' is also a name of content/actors/old/former.md"
    )
    other = Diagnostic("content/places/b.md", 2, "unknown type 'town'")
    assert select([kept, named, other], changes, tmp_path / "content") == [kept, named]
