"""CONTRIBUTING.md is the contributor's reference: its examples must pass the checker as written.

The examples form a complete content folder on their own, so they are checked without the test
corpus: a guide that leans on files a reader cannot see would teach less than it shows.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from site_builder.cli import main
from site_builder.content.kinds import FOLDER_KINDS
from site_builder.render.catalogue import translate
from tests.support import REPO

GUIDE = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
EXAMPLES = re.findall(r'^```markdown title="(content/[^"]+)"\n(.*?)^```$', GUIDE, re.M | re.S)
#: The YAML snippets the guide shows on their own (positions, corrections, ...).
SNIPPETS = re.findall(r"^```yaml\n(.*?)^```$", GUIDE, re.M | re.S)
#: The guide with its line breaks undone, to find a sentence wherever the text wraps it.
FLAT_GUIDE = " ".join(GUIDE.split())
CONFIG = ["--config", str(REPO / "mkdocs.yml")]


def _write_examples(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    for path, text in EXAMPLES:
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    return content


def _check(content: Path, capsys) -> tuple[int, str]:
    status = main(["check", "--content", str(content), *CONFIG])
    return status, capsys.readouterr().err


def _example(folder: str) -> tuple[str, str]:
    return next((p, t) for p, t in EXAMPLES if f"/{folder}/" in p)


def _replace(tmp_path: Path, path: str, old: str, new: str) -> None:
    file = tmp_path / path
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in the example {path}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_there_is_an_example_of_every_kind() -> None:
    folders = {Path(path).parent.name for path, _ in EXAMPLES}
    assert folders == set(FOLDER_KINDS)


def test_the_examples_pass_check(tmp_path: Path, capsys) -> None:
    """No problem and no warning: the examples are what a finished brief looks like."""
    assert _check(_write_examples(tmp_path), capsys) == (0, "")


def test_the_examples_show_every_v2_key() -> None:
    text = "\n".join(t for _, t in EXAMPLES)
    for key in ("positions:", "checked:", "corrections:", "wikidata:", "involves:"):
        assert key in text, f"no example uses {key}"
    assert '!!! note "Naming"' in text
    assert "\n> " in text, "no example shows a quotation after a cited paragraph"
    place = _example("places")[1]
    assert "sources:" in place and "[^" in place
    path, update = _example("updates")
    assert re.search(r"^date: " + re.escape(Path(path).name[:10]) + "$", update, re.M)


@pytest.mark.parametrize("snippet", SNIPPETS, ids=lambda s: s.split(":")[0])
def test_the_yaml_snippets_are_in_the_examples(snippet: str) -> None:
    """A snippet shown on its own is part of an example, so it has passed the checker too."""
    key, entries = snippet.split("\n", 1)
    assert any(key in text and entries in text for _, text in EXAMPLES), snippet


def test_an_example_that_breaks_is_caught(tmp_path: Path, capsys) -> None:
    """The test above would pass vacuously if the examples were never written."""
    content = _write_examples(tmp_path)
    path, _ = _example("actors")
    _replace(tmp_path, path, "type: state", "type: nation")
    status, err = _check(content, capsys)
    assert status == 1
    assert f"{path}:5: unknown type 'nation'" in err  # line 2: the schema comment


def _broken_examples() -> dict[str, list[tuple[str, str]]]:
    """Each v2 rule broken once in the examples: file -> (old, new) edits."""
    dispute, _ = _example("disputes")
    update, _ = _example("updates")
    place, place_text = _example("places")
    uncited = "It began with reciprocity measures by Kosovo.[^reciprocity]"
    return {
        dispute: [
            (uncited, "It began with reciprocity measures by Kosovo.\n\nNo source here."),
            ("- Serbia stops issuing new plates.[^plates-deal]", "- Serbia stops issuing."),
            (
                "    - date: 2021-09-20\n      text: Kosovo's",
                "    - date: 2023-01\n      text: Kosovo's",
            ),
            (
                "  serbia:\n    - date: 2022-11-23\n"
                "      text: According to the EEAS, Serbia agreed to stop issuing new plates.\n"
                "      source: plates-deal\n",
                "  serbia: Serbia agreed to stop issuing new plates.\n",
            ),
        ],
        "content/agreements/brussels-agreement.md": [
            ("[[serbia]].\n", "[[serbia]].\n\n[^note]: A note written by hand.\n")
        ],
        "content/actors/kosovo.md": [("wikidata: Q1246", "wikidata: kosovo")],
        "content/actors/serbia.md": [("reviewed: 2025-06-02", "reviewed: 2999-06-02")],
        update: [("date: 2022-11-23\nabout", "date: 2022-11-24\nabout")],
        place: [(place_text[place_text.index("sources:") : place_text.index("---\n", 4)], "")],
    }


def test_every_message_the_guide_quotes_for_v2_is_what_check_says(tmp_path: Path, capsys) -> None:
    content = _write_examples(tmp_path)
    for path, edits in _broken_examples().items():
        for old, new in edits:
            _replace(tmp_path, path, old, new)
    status, err = _check(content, capsys)
    assert status == 1
    messages = [line.split(": ", 1)[1] for line in err.splitlines() if ": " in line]
    uncited = ": add a citation such as [^id], with the id of one of this brief's sources"
    # What check prints -> how the guide quotes it (the year stands for any future day).
    expected = {
        f"this paragraph cites no source{uncited}": f"this paragraph cites no source{uncited}",
        f"this list item cites no source{uncited}": "this list item …",
        "the statements of 'kosovo' must be in date order, oldest first: 2022-11-23 is "
        "listed after 2023-01": None,
        "'positions.serbia' is a plain-text position; contract v2 wants a list of dated, "
        'sourced statements: \'serbia: [{date: YYYY-MM-DD, text: "… said …", source: <id of '
        "one of this brief's sources>}]'": None,
        "hand-written footnote definitions are not allowed: describe the source under "
        "'sources' in the front matter and cite it with [^id]": None,
        "'wikidata' must be a Wikidata item id such as 'Q1246' (Q and digits), not 'kosovo'": None,
        "'reviewed' is 2999-06-02, a day in the future": (
            "'reviewed' is 2027-06-02, a day in the future"
        ),
        "'date' is 2022-11-24 but the file name starts with 2022-11-23; make them agree": None,
        "missing required key 'sources'": None,
    }
    for message, quoted in expected.items():
        assert message in messages, message
        assert f"`{quoted or message}`" in FLAT_GUIDE, f"the guide does not quote: {message}"


def test_the_placeholder_warning_is_quoted_as_check_prints_it(tmp_path: Path, capsys) -> None:
    content = tmp_path / "content"
    new = ["new", "actor", "ivica-dacic", "--title", "Ivica Dačić", "--content", str(content)]
    assert main(new) == 0
    capsys.readouterr()
    status, err = _check(content, capsys)
    assert status == 0, "placeholder text is a warning, not a problem"
    warning = (
        "content/actors/ivica-dacic.md:14: 'Title of the article or document' is placeholder "
        "text from 'site-builder new': replace it with what the brief needs"
    )
    assert warning in err.splitlines()
    assert warning in GUIDE


def test_the_guide_quotes_what_the_site_says_of_a_party_without_a_statement() -> None:
    sentence = "No statement by this party is recorded in the sources cited here."
    assert sentence in FLAT_GUIDE
    assert translate("en", "positions.silent") == sentence


def test_every_check_option_is_documented() -> None:
    for option in ("--content", "--format text|github|json", "--changed-since REV"):
        assert option in GUIDE
    assert "files whose names start with `.` or end with `~`" in GUIDE
