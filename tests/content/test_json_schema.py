"""The front-matter JSON Schemas agree with the validator, and the committed copies are current."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from site_builder.content.frontmatter import parse_front_matter
from site_builder.content.json_schema import (
    TRANSLATION,
    front_matter_schema,
    schema_files,
    translation_schema,
)
from site_builder.content.kinds import FOLDER_KINDS, KINDS, Kind
from site_builder.content.schema import check_front_matter, is_slug
from site_builder.content.translation_schema import check_translation
from site_builder.content.translations import split_name
from tests.support import FIXTURES, LEFT_OUT, REPO, TRANSLATED, schema_errors

REGENERATE = "python -m site_builder.content.json_schema"


def kind_of(relative: Path) -> Kind:
    return "page" if relative.parts == ("index.md",) else FOLDER_KINDS[relative.parts[0]]


def front_matter(path: Path) -> dict[str, Any]:
    front, problems = parse_front_matter(path.read_text(encoding="utf-8"), str(path))
    assert front is not None, problems
    return front.data


def validator_problems(kind: Kind, data: dict[str, Any], slug: str = "x") -> list[str]:
    """The validator's own per-file rules on ``data`` (the cross-file ones need the corpus)."""
    text = "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\nBody.\n"
    front, problems = parse_front_matter(text, "x.md")
    assert front is not None, problems
    checked = check_front_matter(
        front, kind=kind, slug=slug, src_uri="x.md", path="x.md", today=dt.date(2026, 1, 1)
    )
    return [d.message for d in checked.diagnostics]


def translation_problems(data: dict[str, Any]) -> list[str]:
    """The validator's own rules for a translation file's front matter (without its English
    file, against which the loader matches the texts' counts)."""
    text = "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\nTekst.\n"
    front, problems = parse_front_matter(text, "x.sq.md")
    assert front is not None, problems
    checked = check_translation(
        front, language="sq", slug="x", path="x.sq.md", today=dt.date(2026, 1, 1)
    )
    return [d.message for d in checked.diagnostics]


def test_committed_schemas_are_current() -> None:
    for path, text in schema_files().items():
        committed = REPO / path
        assert committed.is_file(), f"{path} is missing: run `{REGENERATE}`"
        assert committed.read_text(encoding="utf-8") == text, f"{path} is stale: run `{REGENERATE}`"
    committed = {p.relative_to(REPO).as_posix() for p in (REPO / "schemas").iterdir()}
    assert committed == set(schema_files()), f"stale files in schemas/: run `{REGENERATE}`"


def test_one_schema_per_kind_with_its_keys_and_required_keys() -> None:
    actor = front_matter_schema("actor")
    assert actor["required"] == ["title", "summary", "reviewed", "sources", "type"]
    assert actor["properties"]["type"] == {
        "type": "string",
        "enum": ["person", "state", "government", "institution", "organisation", "party", "media"],
    }
    assert actor["additionalProperties"] is False
    assert sorted(schema_files()) == sorted(
        [*(f"schemas/{k.name}.schema.json" for k in KINDS), "schemas/translation.schema.json"]
    )


def test_a_translations_schema_has_only_what_changes_with_the_language() -> None:
    """Whatever the kind: title, summary and aliases as the English file has them."""
    schema = translation_schema()
    assert schema["required"] == ["title", "summary"]
    assert list(schema["properties"]) == ["title", "summary", "aliases", "translation"]
    for key in ("title", "summary", "aliases"):
        assert schema["properties"][key] == front_matter_schema("place")["properties"][key]
    translation = schema["properties"]["translation"]
    assert list(translation["properties"]) == ["of", "reviewed", "positions", "timeline"]
    assert (translation["additionalProperties"], schema["additionalProperties"]) == (False, False)


def schema_of(relative: Path) -> str:
    """The schema a file of content/ follows: its kind's, or the translations'."""
    return kind_of(relative) if split_name(relative.name)[1] is None else TRANSLATION


#: Every file of content/: briefs, pages and translations ("x.sq.md").
CONTENT = sorted(p.relative_to(REPO / "content") for p in (REPO / "content").rglob("*.md"))
#: The translations of the translated fixture, which loads without a problem.
TRANSLATIONS = sorted(
    p.relative_to(TRANSLATED) for p in TRANSLATED.rglob("*.md") if split_name(p.name)[1]
)


@pytest.mark.parametrize("relative", CONTENT, ids=str)
def test_every_content_file_validates(relative: Path) -> None:
    data = front_matter(REPO / "content" / relative)
    assert schema_errors(schema_of(relative), data) == []


@pytest.mark.parametrize("relative", TRANSLATIONS, ids=str)
def test_every_translation_of_the_fixtures_validates(relative: Path) -> None:
    assert schema_errors(TRANSLATION, front_matter(TRANSLATED / relative)) == []


def test_the_left_out_translations_the_schema_can_judge_alone() -> None:
    """The schema rejects the translation whose front matter the validator rejects alone; the
    others are wrong only against their English files (a count, a file that is missing)."""
    root = LEFT_OUT / "content"
    rejected = {}
    for path in sorted(root.rglob("*.md")):
        front, _ = parse_front_matter(path.read_text(encoding="utf-8"), str(path))
        if front is None:
            continue  # not YAML: no schema can read it either
        by_validator = bool(translation_problems(front.data))
        rejected[path.relative_to(root).as_posix()] = (
            by_validator,
            bool(schema_errors(TRANSLATION, front.data)),
        )
    assert rejected == {
        "disputes/vehicle-licence-plates.sq.md": (False, False),
        "places/nowhere.sq.md": (False, False),
        "places/presevo.sq.md": (True, True),
    }


def test_the_validation_fixture_the_schema_can_judge_alone() -> None:
    """Of the broken fixtures, the schema rejects each file the validator rejects on its own;
    the rest are wrong only against other files (a slug that is missing or taken, a name two
    briefs claim), which no per-file schema can see, and both let them pass alone."""
    root = FIXTURES / "validation" / "content"
    rejected: dict[str, tuple[bool, bool]] = {}
    for path in sorted(root.glob("*/*.md")):
        relative = path.relative_to(root)
        refused = not is_slug(relative.stem) or relative.stem in ("index", "timeline")
        if relative.parts[0] not in FOLDER_KINDS or refused:
            continue  # refused for its place or name, before its front matter counts
        kind, data = kind_of(relative), front_matter(path)
        by_validator = bool(validator_problems(kind, data, relative.stem))
        rejected[relative.as_posix()] = (by_validator, bool(schema_errors(kind, data)))
    assert rejected == {
        "actors/kosovo.md": (False, False),
        "actors/serbia.md": (True, True),
        "disputes/north.md": (False, False),
        "places/presevo.md": (False, False),
        "places/presheva.md": (False, False),
        "updates/kosovo.md": (False, False),
        "updates/talks.md": (False, False),
    }


VALID_DISPUTE: dict[str, Any] = {
    "title": "North",
    "summary": "The north.",
    "status": "open",
    "parties": ["kosovo", "serbia"],
    "positions": {"serbia": [{"date": "2025-06", "text": "Vučić said so.", "source": "eeas"}]},
    "reviewed": dt.date(2025, 6, 2),
    "sources": [{"id": "eeas", "title": "Dialogue", "publisher": "EEAS", "url": "https://e.eu/x"}],
    "corrections": [{"date": dt.date(2025, 6, 3), "text": "A date was wrong."}],
    "timeline": [{"date": 2013, "text": "Agreed.", "source": "eeas", "involves": ["kosovo"]}],
}


def spoiled(**changes: Any) -> dict[str, Any]:
    data = {**VALID_DISPUTE, **changes}
    return {key: value for key, value in data.items() if value is not None}


#: Per-file rules a schema can state; each case breaks one.
BROKEN = {
    "unknown key": spoiled(colour="red"),
    "key of another kind": spoiled(type="state"),
    "missing required key": spoiled(status=None),
    "value not in the enumeration": spoiled(status="frozen"),
    "slug with capitals": spoiled(parties=["Kosovo"]),
    "slug listed twice": spoiled(parties=["kosovo", "kosovo"]),
    "no party": spoiled(parties=[]),
    "text where a list goes": spoiled(parties="kosovo"),
    "date that is not a date": spoiled(timeline=[{"date": "June", "text": "x", "source": "eeas"}]),
    "timeline entry without source": spoiled(timeline=[{"date": 2013, "text": "x"}]),
    "plain-text position (contract v1)": spoiled(positions={"serbia": "Against."}),
    "statement without date": spoiled(positions={"serbia": [{"text": "x", "source": "eeas"}]}),
    "source without publisher": spoiled(sources=[{"id": "eeas", "title": "Dialogue"}]),
    "unknown key in a source": spoiled(
        sources=[{"id": "eeas", "title": "D", "publisher": "E", "link": "https://e.eu"}]
    ),
    "source address that is not http": spoiled(
        sources=[{"id": "eeas", "title": "D", "publisher": "E", "url": "ftp://e.eu/x"}]
    ),
    "correction of a month": spoiled(corrections=[{"date": "2025-06", "text": "x"}]),
    "reviewed as a month": spoiled(reviewed="2025-06"),
    "summary too long": spoiled(summary="x" * 301),
    "summary on two lines": spoiled(summary="One.\nTwo."),
    "empty title": spoiled(title=" "),
}


@pytest.mark.parametrize("case", BROKEN, ids=str)
def test_schema_and_validator_reject_the_same_broken_front_matter(case: str) -> None:
    assert validator_problems("dispute", VALID_DISPUTE) == []
    assert schema_errors("dispute", VALID_DISPUTE) == []
    assert validator_problems("dispute", BROKEN[case]) != []
    assert schema_errors("dispute", BROKEN[case]) != []


@pytest.mark.parametrize(
    ("kind", "data", "error"),
    [
        ("place", {"names": {"albanian": "Preshevë"}}, "'albanian' does not match"),
        ("update", {"date": "2025-06"}, "'2025-06' does not match"),
        ("agreement", {"date": 2013}, None),
        ("agreement", {"date": 2013, "wikidata": "1246"}, "'1246' does not match"),
        ("agreement", {"date": 2013, "wikidata": "Q1246"}, None),
    ],
)
def test_kind_specific_keys(kind: Kind, data: dict[str, Any], error: str | None) -> None:
    base = {"title": "T", "summary": "S.", "reviewed": "2025-06-02",
            "sources": [{"id": "s", "title": "T", "publisher": "P"}]}  # fmt: skip
    required = {"place": {"type": "city"}, "update": {}, "agreement": {"status": "in-force",
                "parties": ["kosovo"]}}  # fmt: skip
    found = schema_errors(kind, {**base, **required[kind], **data})
    assert found == [] if error is None else found[0].startswith(error), found


VALID_TRANSLATION: dict[str, Any] = {
    "title": "Targat",
    "summary": "Nëse makinat mund të kalojnë.",
    "aliases": ["mosmarrëveshja për targat"],
    "translation": {
        "of": "7fee44b45a40",
        "reviewed": dt.date(2025, 6, 2),
        "positions": {"serbia": ["Serbia tha se.", "Serbia pranoi."]},
        "timeline": ["Kosova fillon.", "Palët pajtohen."],
    },
}


def spoiled_translation(translation: dict[str, Any] | None = None, **changes: Any) -> dict:
    data = {**VALID_TRANSLATION, **changes}
    data["translation"] = {**VALID_TRANSLATION["translation"], **(translation or {})}
    return {key: value for key, value in data.items() if value is not None}


#: Per-file rules of translations a schema can state; each case breaks one.
BROKEN_TRANSLATIONS = {
    "missing title": spoiled_translation(title=None),
    "a key of the English file": spoiled_translation(sources=[{"id": "s"}]),
    "a kind's key": spoiled_translation(status="open"),
    "unknown key": spoiled_translation(titel="Targat"),
    "unknown key in 'translation'": spoiled_translation(translation={"timelines": ["x"]}),
    "'of' written by hand": spoiled_translation(translation={"of": "the latest"}),
    "reviewed as a month": spoiled_translation(translation={"reviewed": "2025-06"}),
    "a statement copied whole": spoiled_translation(
        translation={"positions": {"serbia": [{"date": 2021, "text": "x", "source": "s"}]}}
    ),
    "a timeline text that is a number": spoiled_translation(translation={"timeline": [2021]}),
    "a position as one text": spoiled_translation(translation={"positions": {"serbia": "x"}}),
    "summary on two lines": spoiled_translation(summary="Një.\nDy."),
    "an alias of one letter": spoiled_translation(aliases=["T"]),
}


@pytest.mark.parametrize("case", BROKEN_TRANSLATIONS, ids=str)
def test_schema_and_validator_reject_the_same_broken_translation(case: str) -> None:
    assert translation_problems(VALID_TRANSLATION) == []
    assert schema_errors(TRANSLATION, VALID_TRANSLATION) == []
    assert translation_problems(BROKEN_TRANSLATIONS[case]) != []
    assert schema_errors(TRANSLATION, BROKEN_TRANSLATIONS[case]) != []
