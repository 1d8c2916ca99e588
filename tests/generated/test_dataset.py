"""The records of the open data: one row per item, the front matter as facts, links both ways."""

from __future__ import annotations

import csv
import io

from site_builder.content.model import Link
from site_builder.generated.dataset import TABLES, brief_records, csv_text, facts
from site_builder.site.links import backlinks, front_matter_links
from tests.support import HOSTILE, context, hostile_corpus, sample_corpus

CORPUS = sample_corpus()
CTX = context()
TABLE = {t.name: t for t in TABLES}


def rows(name: str, corpus=CORPUS) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(csv_text(TABLE[name], corpus))))


def test_the_tables_and_their_columns() -> None:
    assert {t.path: [c.name for c in t.columns] for t in TABLES} == {
        "statements.csv": ["dispute", "actor", "date", "text", "source_id", "source_url"],
        "timeline.csv": ["date", "text", "brief", "involves", "source_id", "source_url"],
        "sources.csv": ["publisher", "title", "date", "url", "cited_by"],
        "names.csv": ["name", "language", "script", "form", "brief"],
        "corrections.csv": ["date", "brief", "text"],
    }


def test_one_row_per_statement_with_its_source() -> None:
    assert rows("statements") == [
        {"dispute": "association", "actor": "serbia", "date": "2025-06-02",
         "text": "The central issue for Serbia.", "source_id": "rks",
         "source_url": "https://rks.news/no-breakthrough"},
        {"dispute": "association", "actor": "european-union", "date": "2015-08",
         "text": "Agreed the principles.", "source_id": "print", "source_url": ""},
        {"dispute": "association", "actor": "european-union", "date": "2025-05",
         "text": "Must be implemented.", "source_id": "rks",
         "source_url": "https://rks.news/no-breakthrough"},
    ]  # fmt: skip


def test_timeline_is_oldest_first_and_sources_list_who_cites_them() -> None:
    assert [(r["date"], r["brief"], r["source_id"]) for r in rows("timeline")] == [
        ("2011-03", "european-union", "wiki"),
        ("2013", "association", "rks"),
        ("2013-04-19", "european-union", "wiki"),
        ("2025-02-09", "kosovo", "rks"),
    ]
    cited = {r["title"]: r["cited_by"] for r in rows("sources")}
    assert cited["2013 Brussels Agreement"] == "about brussels-agreement european-union kosovo"
    assert cited["A newspaper article"] == "association"


def test_names_carry_language_script_and_form() -> None:
    presevo = [r for r in rows("names") if r["brief"] == "presevo"]
    assert [(r["name"], r["language"], r["script"], r["form"]) for r in presevo] == [
        ("Preševo", "", "Latn", "title"),
        ("Preshevë", "sq", "Latn", "name"),
        ("Preševo", "sr-Latn", "Latn", "name"),
        ("Прешево", "sr-Cyrl", "Cyrl", "name"),
    ]


def test_corrections_newest_first() -> None:
    assert rows("corrections") == [
        {"date": "2025-11-02", "brief": "association", "text": "An earlier version overstated it."}
    ]


def test_markup_and_quotes_survive_as_written() -> None:
    """CSV carries text, not HTML: the hostile text comes back exactly, commas and quotes too."""
    texts = [r["text"] for r in rows("statements", hostile_corpus())]
    assert texts == [HOSTILE] * 3


def test_facts_are_the_front_matter_but_names_and_summary() -> None:
    plates = CORPUS.by_slug["association"]
    found = facts(plates)
    assert list(found) == [
        "reviewed", "sources", "timeline", "status", "parties", "positions", "agreements",
        "places", "corrections",
    ]  # fmt: skip
    assert found["positions"][1] == {
        "actor": "european-union",
        "statements": [
            {"date": "2015-08", "text": "Agreed the principles.", "source": "print"},
            {"date": "2025-05", "text": "Must be implemented.", "source": "rks"},
        ],
    }
    assert found["sources"][1] == {
        "id": "print", "title": "A newspaper article", "publisher": "Koha", "date": "2025-06"
    }  # fmt: skip
    assert found["corrections"] == [
        {"date": "2025-11-02", "text": "An earlier version overstated it."}
    ]


def test_briefs_and_updates_each_once_with_links_both_ways() -> None:
    mention = Link("2025-06-10-talks", "serbia", "mention", "Serbia said so.")
    graph = backlinks([mention, *front_matter_links(CORPUS)])
    records = list(brief_records(CORPUS, CTX, graph))
    slugs = [r["slug"] for r in records]
    assert sorted(slugs) == sorted(d.slug for d in CORPUS.documents if d.kind != "page")
    serbia = records[slugs.index("serbia")]
    assert serbia["url"] == "https://example.org/dialogue/actors/serbia/"
    assert {"source": "2025-06-10-talks", "via": "mention", "context": "Serbia said so."} in serbia[
        "links_in"
    ]
    talks = records[slugs.index("2025-06-10-talks")]
    assert talks["links_out"] == [
        {"target": "kosovo", "via": "front-matter", "context": "about"},
        {"target": "serbia", "via": "front-matter", "context": "about"},
        {"target": "serbia", "via": "mention", "context": "Serbia said so."},
    ]
    presevo = records[slugs.index("presevo")]
    assert presevo["names"] == {"sq": "Preshevë", "sr-Latn": "Preševo", "sr-Cyrl": "Прешево"}


def test_without_a_site_url_addresses_start_at_the_site_root() -> None:
    records = list(brief_records(CORPUS, context(site_url=None), {}))
    assert records[0]["url"] == "actors/besnik-bislimi/"
