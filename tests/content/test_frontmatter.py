"""Front matter parsing: values, lines of every key path, and every YAML problem refused."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from site_builder.content import frontmatter
from site_builder.content.diagnostics import Diagnostic
from site_builder.content.frontmatter import MAX_DEPTH, parse_front_matter

PATH = "content/actors/kosovo.md"
ALIASES = "YAML anchors and aliases ('&name', '*name') are not allowed; write the value out in full"
TOO_DEEP = f"values are nested more than {MAX_DEPTH} levels deep"


def problems(text: str) -> list[tuple[int, str]]:
    return [(d.line, d.message) for d in parse_front_matter(text, PATH)[1]]


@pytest.fixture(params=sorted({frontmatter.LOADER, yaml.SafeLoader}, key=lambda c: c.__name__))
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Hostile input is refused with the C parser and with the pure-Python fallback alike."""
    monkeypatch.setattr(frontmatter, "LOADER", request.param)


def test_values_lines_and_body() -> None:
    text = (
        "---\n"
        "title: Kosovo\n"
        "reviewed: 2025-06-02\n"
        "sources:\n"
        "  - id: a\n"
        "    url: https://example.org\n"
        "names:\n"
        "  sr-Cyrl: Косово\n"
        "---\n"
        "First body line.\n"
    )
    front, found = parse_front_matter(text, PATH)
    assert found == []
    assert front is not None
    assert front.data == {
        "title": "Kosovo",
        "reviewed": dt.date(2025, 6, 2),
        "sources": [{"id": "a", "url": "https://example.org"}],
        "names": {"sr-Cyrl": "Косово"},
    }
    assert front.lines == {
        "title": 2,
        "reviewed": 3,
        "sources": 4,
        "sources[0]": 5,
        "sources[0].id": 5,
        "sources[0].url": 6,
        "names": 7,
        "names.sr-Cyrl": 8,
    }
    assert front.body == "First body line.\n"
    assert front.body_line == 10


@pytest.mark.parametrize(
    ("text", "body", "body_line"),
    [
        ("---\r\ntitle: x\r\n---\r\nbody\r\n", "body\n", 4),
        ("\ufeff---\ntitle: x\n---\nbody", "body", 4),
        ("---\ntitle: x\n...\nbody", "body", 4),
        ("---  \ntitle: x\n---  \nbody", "body", 4),
        ("---\ntitle: x\n---", "", 4),
    ],
)
def test_line_endings_bom_and_delimiters(text: str, body: str, body_line: int) -> None:
    front, found = parse_front_matter(text, PATH)
    assert found == []
    assert front is not None
    assert (front.data, front.body, front.body_line) == ({"title": "x"}, body, body_line)


def test_empty_front_matter_is_an_empty_mapping() -> None:
    front, found = parse_front_matter("---\n---\nbody\n", PATH)
    assert found == []
    assert front is not None
    assert front.data == {}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-06-02", dt.date(2025, 6, 2)),
        ("2025", 2025),
        ("'2025'", "2025"),
        ("2025-06", "2025-06"),
        ("2025-02-30", "2025-02-30"),  # looks like a date to YAML, is none: kept as text
        ("yes", True),
        ("1" * 5000, "1" * 5000),  # too many digits for an int: kept as text
        ("=", "="),
        ("~", None),
    ],
)
def test_scalars(value: str, expected: object) -> None:
    front, _ = parse_front_matter(f"---\nkey: {value}\n---\n", PATH)
    assert front is not None
    assert front.data["key"] == expected


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("Hello", 1, "the file has no front matter: its first line must be '---'"),
        ("\n---\ntitle: x\n---\n", 1, "the file has no front matter: its first line must be '---'"),
        ("---\ntitle: x\n", 1, "the front matter is not closed: add a '---' line after it"),
        (
            "---\ntitle: a: b\n---\n",
            2,
            "invalid YAML: a value that contains ': ' must be in quotes",
        ),
        (
            '---\ntitle: x\nsummary: "abc\n---\n',
            3,
            "a quoted value is not closed: the quote that opens on this line has no closing quote",
        ),
        (
            "---\ntitle: x\n\tsummary: y\n---\n",
            3,
            "invalid YAML: tabs are not allowed here; indent with spaces",
        ),
        ("---\ntitle: a\x07\n---\n", 2, "invalid YAML: the character U+0007 is not allowed"),
        ("---\ntitle: &t Kosovo\naliases: [*t]\n---\n", 2, ALIASES),
        ("---\ntitle: x\naliases: [*t]\n---\n", 3, ALIASES),
        (
            "---\ntitle: !!python/object/apply:os.system [ls]\n---\n",
            2,
            "YAML tags such as '!!python/object/apply:os.system' are not allowed; "
            "write a plain value",
        ),
        (
            "---\ntitle: !!str 2025\n---\n",
            2,
            "YAML tags such as '!!str' are not allowed; write a plain value",
        ),
        (
            "---\ntitle: !custom x\n---\n",
            2,
            "YAML tags such as '!custom' are not allowed; write a plain value",
        ),
        ("---\n" + "a: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n---\n", 2, TOO_DEEP),
        (
            "---\n- title\n- summary\n---\n",
            2,
            "the front matter must be 'key: value' lines, not a list",
        ),
        (
            "---\njust a sentence\n---\n",
            2,
            "the front matter must be 'key: value' lines, not plain text",
        ),
    ],
)
def test_refused(text: str, line: int, message: str) -> None:
    front, found = parse_front_matter(text, PATH)
    assert front is None
    assert found == [Diagnostic(PATH, line, message)]


def test_nesting_up_to_the_limit_is_fine() -> None:
    depth = MAX_DEPTH - 1  # the front matter mapping is the first level
    front, found = parse_front_matter("---\na: " + "[" * depth + "]" * depth + "\n---\n", PATH)
    assert found == []
    assert front is not None


@pytest.mark.parametrize(
    ("text", "line", "message", "data"),
    [
        (
            "---\ntitle: a\nsummary: b\ntitle: c\n---\n",
            4,
            "duplicate key 'title' (first set on line 2)",
            {"title": "a", "summary": "b"},
        ),
        (
            "---\nsources:\n  - id: a\n    title: t\n    id: b\n---\n",
            5,
            "duplicate key 'id' (first set on line 3)",
            {"sources": [{"id": "a", "title": "t"}]},
        ),
        (
            "---\n[a, b]: c\ntitle: x\n---\n",
            2,
            "a key must be plain text, not a list",
            {"title": "x"},
        ),
        ("---\n? {a: b}\n: c\n---\n", 2, "a key must be plain text, not a mapping", {}),
    ],
)
def test_reported_but_parsed(text: str, line: int, message: str, data: dict[str, object]) -> None:
    front, found = parse_front_matter(text, PATH)
    assert found == [Diagnostic(PATH, line, message)]
    assert front is not None
    assert front.data == data


def test_all_duplicate_keys_reported() -> None:
    text = "---\ntitle: a\ntitle: b\nsummary: c\nsummary: d\n---\n"
    assert problems(text) == [
        (3, "duplicate key 'title' (first set on line 2)"),
        (5, "duplicate key 'summary' (first set on line 4)"),
    ]


@pytest.mark.usefixtures("loader")
def test_billion_laughs_is_refused_at_the_first_anchor() -> None:
    levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        name, previous = chr(ord("a") + level), chr(ord("a") + level - 1)
        levels.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
    assert problems("---\n" + "\n".join(levels) + "\n---\n") == [(2, ALIASES)]


@pytest.mark.usefixtures("loader")
@pytest.mark.parametrize(
    "yaml_text",
    [
        "a: " + "[" * 200_000,
        "a: " + "{a: " * 100_000,
        "".join(" " * i + "k:\n" for i in range(1000)),
        "a:\n" + "".join(" " * (i + 1) + "- \n" for i in range(1000)),
    ],
)
def test_deep_nesting_is_refused(yaml_text: str) -> None:
    found = problems(f"---\n{yaml_text}\n---\n")
    assert [message for _, message in found] == [TOO_DEEP]


@pytest.mark.usefixtures("loader")
def test_huge_duplicate_mapping_is_reported_per_key() -> None:
    text = "---\n" + "title: x\n" * 10_000 + "---\n"
    found = problems(text)
    assert len(found) == 9_999
    assert found[0] == (3, "duplicate key 'title' (first set on line 2)")
