"""The downloads and their Data Package descriptor: valid against the published profile and
their own table schemas, stable byte for byte, dated by the build."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import jsonschema
import pytest

from site_builder.generated import data_files
from site_builder.generated.datapackage import descriptor, json_text
from site_builder.generated.dataset import brief_records
from tests.support import (
    DATAPACKAGE_PROFILE,
    context,
    hostile_corpus,
    sample_corpus,
    validate_data_package,
)

CTX = context()


def written(folder: Path, corpus=None) -> Path:
    for file in data_files(corpus or sample_corpus(), CTX, {}):
        target = folder / file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.content)
    return folder / "data"


def test_the_files_under_data() -> None:
    assert [f.src_uri for f in data_files(sample_corpus(), CTX, {})] == [
        "data/briefs.json", "data/statements.csv", "data/timeline.csv", "data/sources.csv",
        "data/names.csv", "data/corrections.csv", "data/datapackage.json",
    ]  # fmt: skip


@pytest.mark.parametrize("corpus", [sample_corpus(), hostile_corpus()], ids=["sample", "hostile"])
def test_package_and_every_table_validate(corpus, tmp_path: Path) -> None:
    report = validate_data_package(written(tmp_path, corpus))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "message"])
    assert [task.name for task in report.tasks] == [
        "briefs", "statements", "timeline", "sources", "names", "corrections",
    ]  # fmt: skip


def test_the_profile_rejects_what_it_should(tmp_path: Path) -> None:
    """The vendored profile is really applied: a package without resources fails it."""
    profile = json.loads(DATAPACKAGE_PROFILE.read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError, match="'resources' is a required property"):
        jsonschema.Draft7Validator(profile).validate({"name": "x"})


def test_a_row_that_breaks_its_schema_fails_validation(tmp_path: Path) -> None:
    folder = written(tmp_path)
    statements = folder / "statements.csv"
    text = statements.read_text(encoding="utf-8").replace("2025-06-02", "June 2025", 1)
    statements.write_bytes(text.encode("utf-8"))
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        resource.pop("hash"), resource.pop("bytes")  # the edit changed both; keep to the row
    (folder / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    report = validate_data_package(folder)
    assert [
        (t.name, t.flatten(["rowNumber", "fieldName", "type"])) for t in report.tasks if not t.valid
    ] == [("statements", [[2, "date", "constraint-error"]])]


def test_a_file_changed_after_the_build_fails_its_hash(tmp_path: Path) -> None:
    folder = written(tmp_path)
    names = folder / "names.csv"
    names.write_bytes(names.read_bytes().replace(b"Kosovo", b"Kosova", 1))
    report = validate_data_package(folder)
    assert [(t.name, t.flatten(["type"])) for t in report.tasks if not t.valid] == [
        ("names", [["hash-count"]])
    ]


def test_descriptor_names_licence_version_date_and_every_file() -> None:
    files = {f.src_uri: f.content for f in data_files(sample_corpus(), CTX, {})}
    package = json.loads(files["data/datapackage.json"])
    assert package["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert package["licenses"] == [
        {
            "name": "CC-BY-4.0",
            "path": "https://creativecommons.org/licenses/by/4.0/",
            "title": "Creative Commons Attribution 4.0 International",
        }
    ]
    assert (package["version"], package["created"]) == ("2025.12.1", "2025-12-01T00:00:00Z")
    assert package["homepage"] == "https://example.org/dialogue/"
    for resource in package["resources"]:
        data = files[f"data/{resource['path']}"]
        assert resource["bytes"] == len(data)
        assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
    fields = package["resources"][1]["schema"]["fields"]
    assert fields[2] == {
        "name": "date",
        "type": "string",
        "description": "When: YYYY, YYYY-MM or YYYY-MM-DD.",
        "constraints": {"required": True, "pattern": "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"},
    }


def test_same_corpus_and_day_give_the_same_bytes() -> None:
    first = data_files(sample_corpus(), CTX, {})
    assert first == data_files(sample_corpus(), CTX, {})
    later = data_files(sample_corpus(), context(build_date=CTX.build_date.replace(day=2)), {})
    assert [f.src_uri for f in first if f not in later] == ["data/datapackage.json"]


def test_without_a_site_url_there_is_no_homepage() -> None:
    assert "homepage" not in descriptor(context(site_url=None), b"{}", {})


@pytest.mark.parametrize("briefs", [True, False], ids=["sample", "pages alone"])
def test_briefs_json_is_json_text_of_the_records_encoded_one_at_a_time(briefs: bool) -> None:
    corpus = sample_corpus()
    if not briefs:  # no brief or update: the empty list, as json_text writes it
        corpus = type(corpus)(tuple(d for d in corpus.documents if d.kind == "page"))
    made = {f.src_uri: f.content for f in data_files(corpus, CTX, {})}["data/briefs.json"]
    whole = json_text({"briefs": list(brief_records(corpus, CTX, {}))})
    assert made == whole.encode("utf-8")
    assert bool(json.loads(made)["briefs"]) is briefs
