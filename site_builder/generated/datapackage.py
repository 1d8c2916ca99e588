"""The downloads under /data/ and their Frictionless Data Package (v2) descriptor.

Every file is described with its size and SHA-256, so a researcher can tell which release a
copy is; the version and date are the build's day (SOURCE_DATE_EPOCH when set).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any

from site_builder.content.model import Corpus, Link
from site_builder.generated.base import GeneratedFile
from site_builder.generated.dataset import DATA_DIR, TABLES, Column, Table, brief_records, csv_text
from site_builder.site.context import BuildContext
from site_builder.site.urls import absolute_url

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
PACKAGE = "datapackage.json"
BRIEFS = "briefs.json"
#: The standard the descriptor follows, by its name (which no language translates).
STANDARD = {"title": "Frictionless Data Package", "path": "https://datapackage.org/"}
LICENSE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 International",
}


def json_text(value: Any) -> str:
    """Stable JSON: keys in the order written, UTF-8 as is, one trailing newline."""
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def _briefs_json(records: Iterable[dict[str, Any]]) -> bytes:
    """``json_text({"briefs": records})`` in UTF-8, each record encoded as it is made: a
    large site's records, whose links both ways are most of the data, are never all held."""
    nested = (
        json.dumps(record, ensure_ascii=False, indent=2).replace("\n", "\n    ").encode("utf-8")
        for record in records
    )  # a JSON string holds no newline: each line of a record is indented two levels more
    body = b",\n    ".join(nested)
    if not body:
        return json_text({"briefs": []}).encode("utf-8")
    return b'{\n  "briefs": [\n    ' + body + b"\n  ]\n}\n"


def version(ctx: BuildContext) -> str:
    """The build's day as a calendar version a semantic-version reader accepts: 2026.12.1."""
    day = ctx.build_date
    return f"{day.year}.{day.month}.{day.day}"


def _field(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {
        "name": column.name,
        "type": column.type,
        "description": column.description,
    }
    constraints: dict[str, Any] = {}
    if column.required:
        constraints["required"] = True
    if column.pattern:
        constraints["pattern"] = column.pattern
    if constraints:
        field["constraints"] = constraints
    return field


def _resource(name: str, path: str, data: bytes, **described: Any) -> dict[str, Any]:
    return {
        "name": name,
        "path": path,
        **described,
        "encoding": "utf-8",
        "bytes": len(data),
        "hash": f"sha256:{hashlib.sha256(data).hexdigest()}",
    }


def _table_resource(table: Table, content: bytes) -> dict[str, Any]:
    return _resource(
        table.name,
        table.path,
        content,
        type="table",
        title=table.title,
        description=table.description,
        format="csv",
        mediatype="text/csv",
        schema={"fields": [_field(c) for c in table.columns], "missingValues": [""]},
    )


def descriptor(ctx: BuildContext, briefs: bytes, tables: Mapping[Table, bytes]) -> dict[str, Any]:
    package: dict[str, Any] = {
        "$schema": PROFILE,
        "name": "kosovo-serbia-dialogue-explainer",
        "title": ctx.site_name,
        "description": (
            "Who the parties of the EU-facilitated Kosovo–Serbia dialogue are, what each said"
            " and when, what was agreed, and the sources, as published on the site. Content and"
            " data: CC BY 4.0; the code that builds them: MIT."
        ),
        "version": version(ctx),
        "created": f"{ctx.build_date.isoformat()}T00:00:00Z",
        "licenses": [LICENSE],
    }
    if ctx.site_url:
        package["homepage"] = absolute_url(ctx.site_url, "")
    package["resources"] = [
        _resource(
            "briefs",
            BRIEFS,
            briefs,
            title="Briefs and updates",
            description=(
                "Every brief and update: kind, slug, URL, title, summary, names, front-matter"
                " facts, and its links to and from other pages."
            ),
            format="json",
            mediatype="application/json",
        ),
        *(_table_resource(table, content) for table, content in tables.items()),
    ]
    return package


def data_files(
    corpus: Corpus, ctx: BuildContext, backlinks: Mapping[str, tuple[Link, ...]]
) -> tuple[GeneratedFile, ...]:
    """briefs.json, one CSV per table, then the descriptor of them all.

    ``backlinks``: every page's incoming links, once every page is rendered.
    """
    briefs = _briefs_json(brief_records(corpus, ctx, backlinks))
    tables = {table: csv_text(table, corpus).encode("utf-8") for table in TABLES}
    package = json_text(descriptor(ctx, briefs, tables)).encode("utf-8")
    files = {BRIEFS: briefs, **{t.path: text for t, text in tables.items()}, PACKAGE: package}
    return tuple(
        GeneratedFile(f"{DATA_DIR}/{path}", text, None, None) for path, text in files.items()
    )
