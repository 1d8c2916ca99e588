"""Per-kind front-matter rules: one case per diagnostic, with its exact text and line.

Each case starts from a valid brief of its kind, drops some keys and appends lines; the line a
diagnostic must point at is marked with ``#!`` (no mark: line 1, the opening ``---``).
"""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.content.frontmatter import parse_front_matter
from site_builder.content.kinds import Kind, required_keys
from site_builder.content.model import (
    Correction,
    Name,
    PartialDate,
    Position,
    Source,
    Statement,
    TimelineEntry,
)
from site_builder.content.schema import Checked, check_front_matter

SOURCES = "\n  - id: eeas\n    title: Dialogue\n    publisher: EEAS"
BASE: dict[Kind, dict[str, str]] = {
    "actor": {
        "title": "Kosovo",
        "summary": "A state.",
        "type": "state",
        "reviewed": "2025-06-02",
        "sources": SOURCES,
    },
    "dispute": {
        "title": "Licence plates",
        "summary": "Which plates cars may use.",
        "status": "open",
        "parties": "[kosovo, serbia]",
        "reviewed": "2025-06-02",
        "sources": SOURCES,
    },
    "agreement": {
        "title": "Brussels Agreement",
        "summary": "The 2013 agreement.",
        "date": "2013-04-19",
        "parties": "[kosovo, serbia]",
        "status": "in-force",
        "reviewed": "2025-06-02",
        "sources": SOURCES,
    },
    "place": {
        "title": "Preševo",
        "summary": "A municipality.",
        "type": "municipality",
        "reviewed": "2025-06-02",
        "sources": SOURCES,
    },
    "update": {
        "title": "Talks resume",
        "summary": "The talks resume.",
        "date": "2025-06-02",
        "reviewed": "2025-06-02",
        "sources": SOURCES,
    },
    "page": {"title": "About", "summary": "About the site."},
}
PATHS: dict[Kind, str] = {
    "actor": "content/actors/x.md",
    "dispute": "content/disputes/x.md",
    "agreement": "content/agreements/x.md",
    "place": "content/places/x.md",
    "update": "content/updates/x.md",
    "page": "content/pages/x.md",
}


def brief(kind: Kind, extra: str = "", drop: tuple[str, ...] = ()) -> str:
    lines = [f"{key}: {value}" for key, value in BASE[kind].items() if key not in drop]
    return (
        "---\n" + "\n".join(lines) + ("\n" + extra.strip("\n") if extra else "") + "\n---\nBody.\n"
    )


TODAY = dt.date(2026, 12, 1)


def check(kind: Kind, text: str, slug: str = "x") -> Checked:
    front, found = parse_front_matter(text, PATHS[kind])
    assert found == []
    assert front is not None
    return check_front_matter(
        front, kind=kind, slug=slug, src_uri=PATHS[kind][8:], path=PATHS[kind], today=TODAY
    )


def marked_line(text: str) -> int:
    return next((n for n, line in enumerate(text.split("\n"), 1) if "#!" in line), 1)


@pytest.mark.parametrize("kind", list(BASE))
def test_base_briefs_are_valid(kind: Kind) -> None:
    checked = check(kind, brief(kind))
    assert checked.diagnostics == ()
    assert checked.document is not None


ACTOR_TYPES = "person, state, government, institution, organisation, party, media"
SLUG = "lowercase ASCII letters, digits and single hyphens"
DATES = "(write YYYY, YYYY-MM or YYYY-MM-DD)"
DAY = "(write YYYY-MM-DD)"  # where a full date is required
LIST = "(start each item on a line of its own with '- ')"
PLAIN = "'summary' must be plain text, without"
LANG = "in 'names' is not a language code such as 'sq', 'sr' or 'sr-Cyrl'"
SOURCE_B = "  - id: b\n    title: t\n    publisher: p\n"
ENTRY = "timeline:\n  - date: 2013\n"


CASES: list[tuple[Kind, tuple[str, ...], str, str]] = [
    # keys
    ("actor", (), "sumary: x  #!", "unknown key 'sumary' (did you mean 'summary'?)"),
    ("actor", (), "colour: red  #!", "unknown key 'colour'"),
    (
        "actor",
        (),
        "status: open  #!",
        "unknown key 'status' (only disputes and agreements have 'status')",
    ),
    ("dispute", (), "names: {sq: x}  #!", "unknown key 'names' (only places have 'names')"),
    ("actor", ("summary",), "", "missing required key 'summary'"),
    ("actor", ("title",), "", "missing required key 'title'"),
    ("actor", ("reviewed",), "", "missing required key 'reviewed'"),
    ("actor", ("sources",), "", "missing required key 'sources'"),
    ("actor", ("type",), "", "missing required key 'type'"),
    ("dispute", ("status",), "", "missing required key 'status'"),
    ("dispute", ("parties",), "", "missing required key 'parties'"),
    ("agreement", ("date",), "", "missing required key 'date'"),
    ("agreement", ("parties",), "", "missing required key 'parties'"),
    ("place", ("type",), "", "missing required key 'type'"),
    ("place", ("sources",), "", "missing required key 'sources'"),
    ("update", ("date",), "", "missing required key 'date'"),
    ("update", ("sources",), "", "missing required key 'sources'"),
    ("page", ("summary",), "", "missing required key 'summary'"),
    # types and empty values
    ("actor", ("title",), "title: [Kosovo]  #!", "'title' must be text, not a list"),
    (
        "actor",
        ("title",),
        "title: 1244  #!",
        "'title' must be text, not a number (put it in quotes)",
    ),
    (
        "actor",
        ("title",),
        "title: No  #!",
        "'title' must be text, not true/false (put it in quotes)",
    ),
    ("actor", ("title",), "title:  #!", "'title' is empty"),
    ("actor", ("title",), "title: '  '  #!", "'title' is empty"),
    ("actor", (), "role: {a: b}  #!", "'role' must be text, not a mapping"),
    ("actor", (), "aliases: Republic of Kosovo  #!", f"'aliases' must be a list, not text {LIST}"),
    ("actor", (), "aliases:  #!", "'aliases' is empty"),
    (
        "actor",
        (),
        "aliases:\n  - RKS\n  - 12  #!",
        "'aliases[1]' must be text, not a number (put it in quotes)",
    ),
    ("actor", (), "tags: [a, '']  #!", "'tags[1]' is empty"),
    ("place", (), "names: [sq, sr]  #!", "'names' must be a mapping, not a list"),
    ("place", (), "names:  #!", "'names' is empty"),
    ("dispute", (), "positions: kosovo  #!", "'positions' must be a mapping, not text"),
    ("actor", ("sources",), "sources: [eeas]  #!", "'sources[0]' must be a mapping, not text"),
    # summaries
    (
        "actor",
        ("summary",),
        f"summary: {'a' * 301}  #!",
        "'summary' is 301 characters long; the limit is 300",
    ),
    ("actor", ("summary",), "summary: A <b>state</b>.  #!", f"{PLAIN} HTML tags"),
    ("actor", ("summary",), "summary: A *young* state.  #!", f"{PLAIN} Markdown emphasis"),
    ("actor", ("summary",), "summary: A __young__ state.  #!", f"{PLAIN} Markdown emphasis"),
    ("actor", ("summary",), "summary: A `state`.  #!", f"{PLAIN} Markdown code"),
    (
        "actor",
        ("summary",),
        "summary: A [state](https://example.org).  #!",
        f"{PLAIN} Markdown links",
    ),
    ("actor", ("summary",), "summary: Next to '[[serbia]]'.  #!", f"{PLAIN} wikilinks"),
    ("actor", ("summary",), "summary: A state.[^eeas]  #!", f"{PLAIN} citations"),
    (
        "actor",
        ("summary",),
        "summary: |  #!\n  A state.\n  In the Balkans.",
        f"{PLAIN} line breaks",
    ),
    # slugs
    (
        "dispute",
        ("parties",),
        "parties: [Kosovo, serbia]  #!",
        f"'Kosovo' in 'parties[0]' is not a valid slug ({SLUG}, e.g. 'kosovo')",
    ),
    (
        "actor",
        (),
        "affiliation:\n  - kosovo--government  #!",
        f"'kosovo--government' in 'affiliation[0]' is not a valid slug "
        f"({SLUG}, e.g. 'kosovo-government')",
    ),
    (
        "dispute",
        (),
        "places: [Preševo]  #!",
        f"'Preševo' in 'places[0]' is not a valid slug ({SLUG}, e.g. 'presevo')",
    ),
    (
        "dispute",
        (),
        "positions:\n  Serbia:  #!\n    - {date: 2025, text: No., source: eeas}",
        f"'Serbia' in 'positions' is not a valid slug ({SLUG}, e.g. 'serbia')",
    ),
    ("dispute", ("parties",), "parties: []  #!", "'parties' needs at least one actor"),
    ("agreement", ("parties",), "parties: []  #!", "'parties' needs at least one actor"),
    # enums
    (
        "actor",
        ("type",),
        "type: goverment  #!",
        f"unknown type 'goverment' (did you mean 'government'?); use one of: {ACTOR_TYPES}",
    ),
    ("actor", ("type",), "type: town  #!", f"unknown type 'town'; use one of: {ACTOR_TYPES}"),
    (
        "place",
        ("type",),
        "type: town  #!",
        "unknown type 'town'; use one of: country, region, municipality, city, crossing",
    ),
    (
        "dispute",
        ("status",),
        "status: stalld  #!",
        "unknown status 'stalld' (did you mean 'stalled'?); "
        "use one of: open, stalled, in-progress, partly-implemented, resolved",
    ),
    (
        "agreement",
        ("status",),
        "status: signed  #!",
        "unknown status 'signed'; "
        "use one of: in-force, partly-implemented, not-implemented, superseded",
    ),
    ("actor", ("type",), "type: [state]  #!", "'type' must be text, not a list"),
    # dates
    (
        "actor",
        ("reviewed",),
        "reviewed: 2025-06  #!",
        "'reviewed' must be a full date (YYYY-MM-DD), not '2025-06'",
    ),
    (
        "actor",
        ("reviewed",),
        "reviewed: 2025  #!",
        "'reviewed' must be a full date (YYYY-MM-DD), not '2025'",
    ),
    (
        "actor",
        ("reviewed",),
        "reviewed: 2025-02-30  #!",
        f"'reviewed' is not a valid date: '2025-02-30' {DAY}",
    ),
    (
        "actor",
        ("reviewed",),
        "reviewed: June 2025  #!",
        f"'reviewed' is not a valid date: 'June 2025' {DAY}",
    ),
    (
        "actor",
        ("reviewed",),
        "reviewed: 2025-06-02 10:00:00  #!",
        f"'reviewed' is not a valid date: '2025-06-02 10:00:00' {DAY}",
    ),
    ("actor", ("reviewed",), "reviewed: [2025-06-02]  #!", "'reviewed' must be a date, not a list"),
    ("actor", ("reviewed",), "reviewed:  #!", "'reviewed' is empty"),
    (
        "update",
        ("date",),
        "date: 2025-06  #!",
        "'date' must be a full date (YYYY-MM-DD), not '2025-06'",
    ),
    ("agreement", ("date",), "date: 2013-13  #!", f"'date' is not a valid date: '2013-13' {DATES}"),
    ("agreement", ("date",), "date: 13  #!", f"'date' is not a valid date: '13' {DATES}"),
    ("agreement", ("date",), "date: true  #!", f"'date' is not a valid date: 'true' {DATES}"),
    # sources
    ("actor", ("sources",), "sources: []  #!", "'sources' needs at least one source"),
    (
        "actor",
        ("sources",),
        "sources:\n  - id: eeas  #!\n    title: Dialogue",
        "missing required key 'publisher' in 'sources[0]'",
    ),
    (
        "actor",
        ("sources",),
        "sources:\n  - id: eeas\n    title: Dialogue\n    publisher: EEAS\n    titel: x  #!",
        "unknown key 'titel' in 'sources[0]' (did you mean 'title'?)",
    ),
    (
        "actor",
        ("sources",),
        "sources:\n  - id: EEAS 2024  #!\n    title: t\n    publisher: p",
        f"'EEAS 2024' in 'sources[0].id' is not a valid slug ({SLUG}, e.g. 'eeas-2024')",
    ),
    (
        "actor",
        (),
        "  - id: eeas  #!\n    title: t\n    publisher: p",
        "duplicate source id 'eeas' (first used on line 7)",
    ),
    ("actor", (), "  - id: b\n    title: t\n    publisher:  #!", "'sources[1].publisher' is empty"),
    (
        "actor",
        (),
        SOURCE_B + "    date: 2024-15  #!",
        f"'sources[1].date' is not a valid date: '2024-15' {DATES}",
    ),
    (
        "actor",
        (),
        SOURCE_B + "    url: ftp://example.org/x  #!",
        "'sources[1].url' must be an http:// or https:// address, not 'ftp://example.org/x'",
    ),
    (
        "actor",
        (),
        SOURCE_B + "    url: example.org  #!",
        "'sources[1].url' must be an http:// or https:// address, not 'example.org'",
    ),
    (
        "actor",
        (),
        SOURCE_B + "    url: https://example.org/a b  #!",
        "'sources[1].url' must be an http:// or https:// address, not 'https://example.org/a b'",
    ),
    (
        "actor",
        (),
        SOURCE_B + "    url: javascript:alert(1)  #!",
        "'javascript:' URLs are not allowed in 'sources[1].url'",
    ),
    (
        "actor",
        (),
        SOURCE_B + "    url: ' data:text/html,x'  #!",
        "'data:' URLs are not allowed in 'sources[1].url'",
    ),
    # timeline
    (
        "actor",
        (),
        "timeline:\n  - date: 2013-04-19\n    text: Signed.\n    source: eeass  #!",
        "'eeass' in 'timeline[0].source' is not the id of one of this brief's sources "
        "(did you mean 'eeas'?)",
    ),
    (
        "actor",
        (),
        "timeline:\n  - date: 2013-04-19  #!\n    text: Signed.",
        "missing required key 'source' in 'timeline[0]'",
    ),
    (
        "actor",
        (),
        "timeline:\n  - date: 2013-04-19\n    text: Signed.\n    source: eeas\n    note: x  #!",
        "unknown key 'note' in 'timeline[0]'",
    ),
    (
        "actor",
        (),
        "timeline:\n  - date: April 2013  #!\n    text: Signed.\n    source: eeas",
        f"'timeline[0].date' is not a valid date: 'April 2013' {DATES}",
    ),
    ("actor", (), ENTRY + "    text:  #!\n    source: eeas", "'timeline[0].text' is empty"),
    ("actor", (), "timeline: Signed in 2013.  #!", f"'timeline' must be a list, not text {LIST}"),
    # statements (contract v2)
    (
        "dispute",
        (),
        "positions:\n  serbia: Central issue.  #!",
        "'positions.serbia' is a plain-text position; contract v2 wants a list of dated, "
        'sourced statements: \'serbia: [{date: YYYY-MM-DD, text: "… said …", '
        "source: <id of one of this brief's sources>}]'",
    ),
    (
        "dispute",
        (),
        "positions:\n  serbia: []  #!",
        "'positions.serbia' needs at least one statement",
    ),
    (
        "dispute",
        (),
        "positions:\n  serbia:\n    - text: Central.  #!\n      source: eeas",
        "missing required key 'date' in 'positions.serbia[0]'",
    ),
    (
        "dispute",
        (),
        "positions:\n  serbia:\n    - date: 2025-06-02  #!\n      text: Central.",
        "missing required key 'source' in 'positions.serbia[0]'",
    ),
    (
        "dispute",
        (),
        "positions:\n  serbia:\n    - date: 2025-06-02\n      text: Central.\n"
        "      source: eas  #!",
        "'eas' in 'positions.serbia[0].source' is not the id of one of this brief's sources "
        "(did you mean 'eeas'?)",
    ),
    (
        "dispute",
        (),
        "positions:\n  serbia:\n    - {date: 2025-06-02, text: Later., source: eeas}\n"
        "    - {date: 2024, text: Earlier., source: eeas}  #!",
        "the statements of 'serbia' must be in date order, oldest first: "
        "2024 is listed after 2025-06-02",
    ),
    (
        "dispute",
        (),
        "positions:\n  serbia:\n    - {date: 2025, text: Yes., source: eeas, quote: x}  #!",
        "unknown key 'quote' in 'positions.serbia[0]'",
    ),
    # corrections, wikidata and checked days (contract v2)
    (
        "actor",
        (),
        "corrections:\n  - date: 2026-11-30  #!",
        "missing required key 'text' in 'corrections[0]'",
    ),
    (
        "actor",
        (),
        "corrections:\n  - date: 2026-12  #!\n    text: Fixed.",
        "'corrections[0].date' must be a full date (YYYY-MM-DD), not '2026-12'",
    ),
    (
        "actor",
        (),
        "corrections:\n  - date: 2027-01-05  #!\n    text: Fixed.",
        "'corrections[0].date' is 2027-01-05, a day in the future",
    ),
    (
        "page",
        (),
        "corrections: []  #!",
        "unknown key 'corrections' (only actors, disputes, agreements, places and updates have "
        "'corrections')",
    ),
    (
        "actor",
        (),
        "wikidata: 1246  #!",
        "'wikidata' must be text, not a number (put it in quotes)",
    ),
    (
        "place",
        (),
        "wikidata: q1246  #!",
        "'wikidata' must be a Wikidata item id such as 'Q1246' (Q and digits), not 'q1246'",
    ),
    (
        "dispute",
        (),
        "wikidata: Q1246  #!",
        "unknown key 'wikidata' (only actors, agreements and places have 'wikidata')",
    ),
    (
        "actor",
        ("reviewed",),
        "reviewed: 2026-12-03  #!",
        "'reviewed' is 2026-12-03, a day in the future",
    ),
    (
        "actor",
        (),
        SOURCE_B + "    checked: 2027-06-01  #!",
        "'sources[1].checked' is 2027-06-01, a day in the future",
    ),
    (
        "update",
        ("date",),
        "date: 2027-02-01  #!",
        "'date' is 2027-02-01, a day in the future",
    ),
    (
        "actor",
        (),
        ENTRY + "    text: Met.\n    source: eeas\n    involves: [Serbia]  #!",
        f"'Serbia' in 'timeline[0].involves[0]' is not a valid slug ({SLUG}, e.g. 'serbia')",
    ),
    # names
    ("place", (), "names:\n  sq: Preshevë\n  SR: Preševo  #!", f"'SR' {LANG}"),
    ("place", (), "names:\n  sr-cyrl: Прешево  #!", f"'sr-cyrl' {LANG} (did you mean 'sr-Cyrl'?)"),
    ("place", (), "names:\n  sq:  #!", "'names.sq' is empty"),
    # policy
    (
        "actor",
        (),
        "role: <script>alert(1)</script>  #!",
        "'<script>' elements are not allowed in 'role'",
    ),
    (
        "dispute",
        (),
        "positions:\n  kosovo:\n    - date: 2025\n      text: <img src=x onerror=alert(1)>  #!"
        "\n      source: eeas",
        "event-handler attribute 'onerror' is not allowed in 'positions.kosovo[0].text'",
    ),
    (
        "actor",
        (),
        ENTRY + "    text: See [this](javascript:alert(1)).  #!\n    source: eeas",
        "'javascript:' URLs are not allowed in 'timeline[0].text'",
    ),
    (
        "actor",
        (),
        "tags:\n  - ok\n  - <iframe src=x>  #!",
        "'<iframe>' elements are not allowed in 'tags[1]'",
    ),
]


@pytest.mark.parametrize(("kind", "drop", "extra", "message"), CASES)
def test_diagnostic(kind: Kind, drop: tuple[str, ...], extra: str, message: str) -> None:
    text = brief(kind, extra, drop)
    checked = check(kind, text)
    assert [(d.path, d.line, d.message) for d in checked.diagnostics] == [
        (PATHS[kind], marked_line(text), message)
    ]
    assert checked.document is None


def test_all_problems_of_one_file_are_reported() -> None:
    text = "---\ntitle: 12\nsumary: x\ntype: goverment\nreviewed: 2025-06\n---\n"
    checked = check("actor", text)
    assert [(d.line, d.message) for d in checked.diagnostics] == [
        (1, "missing required key 'summary'"),
        (1, "missing required key 'sources'"),
        (2, "'title' must be text, not a number (put it in quotes)"),
        (3, "unknown key 'sumary' (did you mean 'summary'?)"),
        (
            4,
            "unknown type 'goverment' (did you mean 'government'?); use one of: person, state, "
            "government, institution, organisation, party, media",
        ),
        (5, "'reviewed' must be a full date (YYYY-MM-DD), not '2025-06'"),
    ]


@pytest.mark.parametrize(
    ("kind", "required"),
    [
        ("actor", ("title", "summary", "reviewed", "sources", "type")),
        ("dispute", ("title", "summary", "reviewed", "sources", "status", "parties")),
        ("agreement", ("title", "summary", "reviewed", "sources", "date", "parties", "status")),
        ("place", ("title", "summary", "reviewed", "sources", "type")),
        ("update", ("title", "summary", "reviewed", "sources", "date")),
        ("page", ("title", "summary")),
    ],
)
def test_required_keys(kind: Kind, required: tuple[str, ...]) -> None:
    assert required_keys(kind) == required


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2013", PartialDate(2013)),
        ("'2013'", PartialDate(2013)),
        ("2013-04", PartialDate(2013, 4)),
        ("2013-04-19", PartialDate(2013, 4, 19)),
        ("'2013-04-19'", PartialDate(2013, 4, 19)),
    ],
)
def test_partial_dates(value: str, expected: PartialDate) -> None:
    checked = check("agreement", brief("agreement", f"date: {value}", drop=("date",)))
    assert checked.document is not None
    assert checked.document.date == expected


def test_dispute_document_fields() -> None:
    extra = """
aliases: [plates dispute]
tags: [mobility]
positions:
  kosovo:
    - {date: 2022-11-23, text: Kosovo said it wanted reciprocity., source: eeas}
  serbia:
    - {date: 2021, text: Serbia said no., source: eeas}
    - {date: 2022-11, text: Serbia said yes., source: eeas}
agreements: [brussels-agreement]
places: [mitrovica]
related: [kosovo]
timeline:
  - date: 2022-11
    text: A deal.
    source: eeas
"""
    checked = check("dispute", brief("dispute", extra))
    document = checked.document
    assert checked.diagnostics == ()
    assert document is not None
    assert (document.kind, document.slug, document.path) == (
        "dispute",
        "x",
        "content/disputes/x.md",
    )
    assert (document.title, document.summary, document.status) == (
        "Licence plates",
        "Which plates cars may use.",
        "open",
    )
    assert (document.body, document.body_line) == ("Body.\n", 27)
    assert document.reviewed == dt.date(2025, 6, 2)
    assert document.sources == (Source("eeas", "Dialogue", "EEAS"),)
    assert document.parties == ("kosovo", "serbia")
    assert document.positions == (
        Position(
            "kosovo",
            (
                Statement(
                    PartialDate(2022, 11, 23), "Kosovo said it wanted reciprocity.", "eeas", 15
                ),
            ),
        ),
        Position(
            "serbia",
            (
                Statement(PartialDate(2021), "Serbia said no.", "eeas", 17),
                Statement(PartialDate(2022, 11), "Serbia said yes.", "eeas", 18),
            ),
        ),
    )
    assert document.positions[1].latest.text == "Serbia said yes."
    assert [s.text for s in document.positions[1].earlier] == ["Serbia said no."]
    assert (document.agreements, document.places, document.related) == (
        ("brussels-agreement",),
        ("mitrovica",),
        ("kosovo",),
    )
    assert document.aliases == ("plates dispute",)
    assert document.tags == ("mobility",)
    assert document.timeline == (TimelineEntry(PartialDate(2022, 11), "A deal.", "eeas", 23),)
    assert document.line_of("positions.serbia") == 16
    assert document.line_of("parties") == 5
    assert [(r.line, r.key, r.slug, r.kinds) for r in checked.references] == [
        (5, "parties", "kosovo", ("actor",)),
        (5, "parties", "serbia", ("actor",)),
        (19, "agreements", "brussels-agreement", ("agreement",)),
        (20, "places", "mitrovica", ("place",)),
        (21, "related", "kosovo", ()),
        # Statements name sources, so positions are read after them.
        (14, "positions", "kosovo", ("actor",)),
        (16, "positions", "serbia", ("actor",)),
    ]
    assert checked.names == (("Licence plates", 2), ("plates dispute", 11))


def test_place_names_and_source_details() -> None:
    extra = """
names:
  sq: Preshevë
  sr: Preševo
  sr-Cyrl: Прешево
sources:
  - id: census
    title: '  Census  '
    publisher: Statistical Office
    date: 2022
    url: https://example.org/census
"""
    checked = check("place", brief("place", extra, drop=("sources",)))
    assert checked.diagnostics == ()
    document = checked.document
    assert document is not None
    assert document.names == (
        Name("Preshevë", "sq"),
        Name("Preševo", "sr"),
        Name("Прешево", "sr-Cyrl"),
    )
    assert document.sources == (
        Source(
            "census",
            "Census",
            "Statistical Office",
            PartialDate(2022),
            "https://example.org/census",
        ),
    )
    # A Serbian name counts in both scripts, as the name matcher reads it.
    assert checked.names == (
        ("Preševo", 2), ("Preshevë", 7),
        ("Preševo", 8), ("Прешево", 8),
        ("Прешево", 9), ("Preševo", 9),
    )  # fmt: skip


def test_v2_keys_become_fields() -> None:
    extra = """
wikidata: Q1246
corrections:
  - date: 2026-11-30
    text: An earlier version misdated the election.
  - date: 2026-12-02
    text: A day ahead is allowed, for contributors east of the build machine.
timeline:
  - date: 2013-04-19
    text: Both sides accept the text.
    source: eeas
    involves: [serbia, brussels-agreement]
"""
    checked = check("actor", brief("actor", extra))
    assert checked.diagnostics == ()
    document = checked.document
    assert document is not None
    assert document.wikidata == "Q1246"
    assert document.corrections == (
        Correction(dt.date(2026, 11, 30), "An earlier version misdated the election.", 12),
        Correction(
            dt.date(2026, 12, 2),
            "A day ahead is allowed, for contributors east of the build machine.",
            14,
        ),
    )
    assert document.timeline[0].involves == ("serbia", "brussels-agreement")
    assert [(r.line, r.key, r.slug, r.kinds) for r in checked.references] == [
        (20, "timeline", "serbia", ()),
        (20, "timeline", "brussels-agreement", ()),
    ]
    assert ("timeline", "serbia") in document.references


def test_a_source_records_the_day_it_was_checked() -> None:
    checked = check(
        "actor",
        brief(
            "actor",
            SOURCE_B.replace("  - id: b", "sources:\n  - id: b") + "    checked: 2026-11-20",
            drop=("sources",),
        ),
    )
    assert checked.document is not None
    assert checked.document.sources[0].checked == dt.date(2026, 11, 20)


@pytest.mark.parametrize(
    ("slug", "messages"),
    [
        ("2025-06-02-talks", []),
        ("2025-06-02", []),
        ("talks", []),
        (
            "2025-06-03-talks",
            ["'date' is 2025-06-02 but the file name starts with 2025-06-03; make them agree"],
        ),
    ],
)
def test_an_updates_date_agrees_with_its_file_name(slug: str, messages: list[str]) -> None:
    checked = check("update", brief("update"), slug=slug)
    assert [d.message for d in checked.diagnostics] == messages


def test_folded_summary_is_one_line() -> None:
    text = brief("actor", "summary: >\n  A state\n  in the Balkans.", drop=("summary",))
    checked = check("actor", text)
    assert checked.document is not None
    assert checked.document.summary == "A state in the Balkans."


def test_references_of_an_invalid_document_are_still_collected() -> None:
    checked = check("update", brief("update", "about: [vehicle-plates]\nsumary: x"))
    assert checked.document is None
    assert [(r.key, r.slug) for r in checked.references] == [("about", "vehicle-plates")]


_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.dates(),
    st.text(max_size=20),
    st.sampled_from(["kosovo", "2025-06", "eeas", "sr-Cyrl", "<script>", "[[x]]", "https://x.org"]),
)
_KEYS = st.sampled_from(
    [
        "title",
        "summary",
        "sources",
        "timeline",
        "names",
        "positions",
        "parties",
        "date",
        "id",
        "x",
        "corrections",
        "wikidata",
        "checked",
        "involves",
        "text",
        "source",
    ]
)
_VALUES = st.recursive(
    _SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_KEYS, children, max_size=5),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(data=st.dictionaries(_KEYS, _VALUES, max_size=8), kind=st.sampled_from(list(BASE)))
def test_any_front_matter_gives_diagnostics_not_exceptions(data: dict, kind: Kind) -> None:
    text = "---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\n"
    front, found = parse_front_matter(text, PATHS[kind])
    assert front is not None
    checked = check_front_matter(
        front, kind=kind, slug="x", src_uri="x.md", path=PATHS[kind], today=TODAY
    )
    assert (checked.document is None) == bool(found or checked.diagnostics)
    assert all(d.path == PATHS[kind] and d.line >= 1 for d in checked.diagnostics)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_gives_diagnostics_not_exceptions(text: str) -> None:
    for candidate in (text, f"---\n{text}\n---\n"):
        front, found = parse_front_matter(candidate, PATHS["page"])
        if front is not None:
            check_front_matter(front, kind="page", slug="x", src_uri="x.md", path=PATHS["page"])
        assert front is not None or found
