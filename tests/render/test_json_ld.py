"""Schema.org JSON-LD: the type that fits each kind, every name, and text that stays data."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from site_builder.render.json_ld import json_ld, json_ld_data, schema_type, script_text
from tests.support import HOSTILE, context, doc, hostile_corpus, sample_corpus

CORPUS = sample_corpus()
CTX = context()


def graph(slug: str, corpus=CORPUS, ctx=CTX) -> list[dict]:
    return json.loads(json_ld(corpus.by_slug[slug], ctx))["@graph"]


@pytest.mark.parametrize(
    ("kind", "type_", "expected"),
    [
        ("actor", "person", "Person"),
        ("actor", "state", "GovernmentOrganization"),
        ("actor", "government", "GovernmentOrganization"),
        ("actor", "institution", "GovernmentOrganization"),
        ("actor", "organisation", "Organization"),
        ("actor", "party", "Organization"),
        ("actor", "media", "NewsMediaOrganization"),
        ("place", "country", "AdministrativeArea"),
        ("place", "region", "AdministrativeArea"),
        ("place", "municipality", "AdministrativeArea"),
        ("place", "city", "City"),
        ("place", "crossing", "Place"),
        ("agreement", None, "CreativeWork"),
        ("dispute", None, "Thing"),
        ("update", None, "Event"),
    ],
)
def test_type_by_kind(kind, type_, expected) -> None:
    assert schema_type(doc(kind, "x", "X", type=type_)) == expected


def test_a_place_with_every_name_and_its_wikidata_item() -> None:
    presevo = replace(CORPUS.by_slug["presevo"], wikidata="Q1234", aliases=("Presevo",))
    item = json_ld_data(presevo, CTX)["@graph"][0]
    assert item == {
        "@type": "AdministrativeArea",
        "@id": "https://example.org/dialogue/places/presevo/",
        "url": "https://example.org/dialogue/places/presevo/",
        "name": "Preševo",
        "description": "What Preševo is.",
        "alternateName": ["Presevo", "Preshevë", "Прешево"],
        "sameAs": "https://www.wikidata.org/wiki/Q1234",
        "dateModified": "2025-11-01",
    }


def test_citations_dates_and_events_of_a_brief() -> None:
    item, *events = graph("european-union")
    assert item["alternateName"] == ["EU"]
    assert item["citation"] == [
        {
            "@type": "CreativeWork",
            "name": "2013 Brussels Agreement",
            "publisher": {"@type": "Organization", "name": "Wikipedia"},
            "url": "https://en.wikipedia.org/wiki/BA",
        }
    ]
    assert item["dateModified"] == "2024-01-15"
    assert [(e["@type"], e["startDate"], e["name"], e["about"]) for e in events] == [
        ("Event", "2011-03", "The dialogue begins.", {"@id": item["url"]}),
        ("Event", "2013-04-19", "First agreement.", {"@id": item["url"]}),
    ]


def test_an_agreement_an_update_and_a_person_say_what_their_type_knows() -> None:
    agreement = graph("brussels-agreement")[0]
    assert (agreement["dateCreated"], agreement["creativeWorkStatus"]) == (
        "2013-04-19",
        "partly-implemented",
    )
    assert graph("2025-06-10-talks")[0]["startDate"] == "2025-06-10"
    assert graph("besnik-bislimi")[0]["jobTitle"] == "Kosovo's chief negotiator"


def test_without_a_site_url_the_page_is_its_own_relative_address() -> None:
    item = graph("kosovo", ctx=context(site_url=None))[0]
    assert (item["@id"], item["url"]) == ("./", "./")


def test_hand_written_pages_have_none() -> None:
    assert json_ld(CORPUS.by_slug["about"], CTX) == ""


@pytest.mark.parametrize("slug", [d.slug for d in hostile_corpus().documents if d.kind != "page"])
def test_hostile_front_matter_cannot_leave_the_script_element(slug: str) -> None:
    corpus = hostile_corpus()
    text = json_ld(corpus.by_slug[slug], CTX)
    assert not {"<", ">", "&"} & set(text)
    item = json.loads(text)["@graph"][0]
    assert item["name"].endswith(HOSTILE)  # decoded, the text is exactly what was written
    assert HOSTILE in item["alternateName"][-1]


def test_breakouts_are_escaped() -> None:
    text = script_text({"name": "</script><!-- & \u2028"})
    assert text == '{"name":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028"}'
    assert json.loads(text) == {"name": "</script><!-- & \u2028"}
