"""A JSON Schema of each kind's front matter, and of a translation file's, made from the same
registry and rules as ``check``.

Editors read it (yaml-language-server) to complete keys and flag a wrong value as it is
typed. It states what a schema can: which keys a kind has and needs, enumerations, the shape
of slugs, dates, sources, statements and names. What needs every file (does a slug exist, is a
name unique) or judgement (placeholder text, markup) stays with ``check``.

Regenerate the committed copies with ``python -m site_builder.content.json_schema``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from site_builder.content.kinds import COMMON_KEYS, KIND, KINDS, Kind, required_keys
from site_builder.content.model import (
    ACTOR_TYPES,
    AGREEMENT_STATUSES,
    DISPUTE_STATUSES,
    PLACE_TYPES,
)
from site_builder.content.schema import (
    CORRECTION_REQUIRED,
    DAY_PATTERN,
    LANGUAGE_CODE,
    PARTIAL_DATE_PATTERN,
    SLUG_PATTERN,
    SOURCE_REQUIRED,
    STATEMENT_REQUIRED,
    SUMMARY_LIMIT,
    TIMELINE_REQUIRED,
    WIKIDATA,
)
from site_builder.content.translation_schema import (
    KEYS,
    REQUIRED,
    TRANSLATION_KEYS,
    VERSION,
)
from site_builder.text.names import MAX_NAME_LENGTH

#: Where the schemas live, in the repository and on the site.
SCHEMA_DIR = "schemas"
#: The schema of translation files ("presevo.sq.md"), whatever their kind.
TRANSLATION = "translation"
#: Every schema: one per kind, then the translations'.
SCHEMAS: tuple[str, ...] = (*(kind.name for kind in KINDS), TRANSLATION)
DIALECT = "https://json-schema.org/draft/2020-12/schema"

_TEXT: dict[str, Any] = {"type": "string", "pattern": r"\S"}
_NAME: dict[str, Any] = {**_TEXT, "maxLength": MAX_NAME_LENGTH}
_SLUG: dict[str, Any] = {"type": "string", "pattern": f"^{SLUG_PATTERN}$"}
_DAY: dict[str, Any] = {
    "type": "string",
    "format": "date",
    "pattern": f"^{DAY_PATTERN}$",
    "description": "A day: YYYY-MM-DD.",
}
_PARTIAL_DATE: dict[str, Any] = {
    "description": "A year, a month or a day: YYYY, YYYY-MM or YYYY-MM-DD.",
    "anyOf": [
        {"type": "integer", "minimum": 1, "maximum": 9999},
        {"type": "string", "pattern": f"^{PARTIAL_DATE_PATTERN}$"},
    ],
}


def schema_path(name: str) -> str:
    """The path of a schema (a kind's, or TRANSLATION) from the repository and the site root."""
    return f"{SCHEMA_DIR}/{name}.schema.json"


def _record(properties: dict[str, Any], required: tuple[str, ...]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": list(required),
        "additionalProperties": False,
    }


def _list(item: dict[str, Any], *, unique: bool = False, at_least_one: bool = False) -> dict:
    schema: dict[str, Any] = {"type": "array", "items": item}
    if unique:
        schema["uniqueItems"] = True
    if at_least_one:
        schema["minItems"] = 1
    return schema


def _slugs(*, at_least_one: bool = False) -> dict[str, Any]:
    return _list(_SLUG, unique=True, at_least_one=at_least_one)


_SOURCE = _record(
    {
        "id": _SLUG,
        "title": _TEXT,
        "publisher": _TEXT,
        "date": _PARTIAL_DATE,
        "url": {"type": "string", "pattern": r"^https?://[^\s/]+[^\s]*$"},
        "checked": _DAY,
    },
    SOURCE_REQUIRED,
)
_TIMELINE_ENTRY = _record(
    {"date": _PARTIAL_DATE, "text": _TEXT, "source": _TEXT, "involves": _slugs()},
    TIMELINE_REQUIRED,
)
_STATEMENT = _record({"date": _PARTIAL_DATE, "text": _TEXT, "source": _TEXT}, STATEMENT_REQUIRED)
_CORRECTION = _record({"date": _DAY, "text": _TEXT}, CORRECTION_REQUIRED)


def _choice(choices: tuple[str, ...]) -> dict[str, Any]:
    return {"type": "string", "enum": list(choices)}


def _key_schema(kind: Kind, key: str) -> dict[str, Any]:
    """The schema of one front-matter key of ``kind``; every key of the registry has one."""
    by_kind: dict[tuple[Kind, str], dict[str, Any]] = {
        ("actor", "type"): _choice(ACTOR_TYPES),
        ("place", "type"): _choice(PLACE_TYPES),
        ("dispute", "status"): _choice(DISPUTE_STATUSES),
        ("agreement", "status"): _choice(AGREEMENT_STATUSES),
        ("agreement", "date"): _PARTIAL_DATE,
        ("update", "date"): _DAY,
    }
    by_key: dict[str, dict[str, Any]] = {
        "title": _NAME,
        "summary": {**_TEXT, "maxLength": SUMMARY_LIMIT, "pattern": r"^[^\n]*\S[^\n]*$"},
        "aliases": _list({**_NAME, "minLength": 2}),
        "tags": _list(_TEXT),
        "reviewed": _DAY,
        "sources": _list(_SOURCE, at_least_one=True),
        "timeline": _list(_TIMELINE_ENTRY),
        "role": _TEXT,
        "parties": _slugs(at_least_one=True),
        "positions": {
            "type": "object",
            "propertyNames": _SLUG,
            "additionalProperties": _list(_STATEMENT, at_least_one=True),
        },
        "names": {
            "type": "object",
            "propertyNames": {"pattern": f"^{LANGUAGE_CODE.pattern}$"},
            "additionalProperties": _NAME,
        },
        "wikidata": {"type": "string", "pattern": f"^{WIKIDATA.pattern}$"},
        "corrections": _list(_CORRECTION),
    }
    if (kind, key) in by_kind:
        return by_kind[kind, key]
    return by_key.get(key) or _slugs()  # the other keys name other documents


def front_matter_schema(kind: Kind) -> dict[str, Any]:
    """The schema of one kind's front matter: its keys and no others, the required ones."""
    spec = KIND[kind]
    keys = (*COMMON_KEYS, *spec.keys)
    return {
        "$schema": DIALECT,
        "title": f"Front matter of content/{spec.folder}/ ({spec.folder})",
        "type": "object",
        "properties": {key: _key_schema(kind, key) for key in keys},
        "required": list(required_keys(kind)),
        "additionalProperties": False,
    }


def translation_schema() -> dict[str, Any]:
    """The schema of a translation file's front matter: only what changes with the language.

    Its title, summary and aliases are held to the English keys' rules; under ``translation``,
    each actor's statements and the timeline are texts alone, matched to the English entries by
    position (whether the counts agree needs the English file: ``check`` tells).
    """
    translation = {
        "of": {"type": "string", "pattern": f"^{VERSION.pattern}$",
               "description": "Written by 'site-builder translations --stamp FILE'."},
        "reviewed": _DAY,
        "positions": {"type": "object", "propertyNames": _SLUG,
                      "additionalProperties": _list(_TEXT, at_least_one=True)},
        "timeline": _list(_TEXT),
    }  # fmt: skip
    english = {key: _key_schema("page", key) for key in KEYS if key != "translation"}
    return {
        "$schema": DIALECT,
        "title": "Front matter of a translation file (content/<folder>/<slug>.<language>.md)",
        "type": "object",
        "properties": {
            **english,
            "translation": _record({key: translation[key] for key in TRANSLATION_KEYS}, ()),
        },
        "required": list(REQUIRED),
        "additionalProperties": False,
    }


def schema_files() -> dict[str, str]:
    """Every schema of SCHEMAS as the text committed under schemas/ and published with the site."""
    schemas = {kind.name: front_matter_schema(kind.name) for kind in KINDS}
    schemas[TRANSLATION] = translation_schema()
    return {schema_path(name): json.dumps(schemas[name], indent=2) + "\n" for name in SCHEMAS}


def main(root: str = ".") -> int:
    """Write the schemas under ``root``/schemas/."""
    for path, text in schema_files().items():
        target = Path(root) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
