"""Schema.org JSON-LD of a brief or update: who or what the page is about, for machines.

Types, by kind:
  actor      Person (person), GovernmentOrganization (state, government, institution: public
             bodies), NewsMediaOrganization (media), else Organization
  place      AdministrativeArea (country, region, municipality: neutral about statehood, which
             is what the dialogue disputes; "Country" would take a side), City, or Place
  agreement  CreativeWork: the texts were negotiated, some never signed or ratified;
             Legislation would claim a legal force and a jurisdiction many of them lack, and
             creativeWorkStatus carries the site's status without that claim
  dispute    Thing: schema.org has no type for a question between parties
  update     Event, dated; a brief's timeline entries are Events about it, in the same graph

The JSON is written for a ``<script type="application/ld+json">`` element: ``<``, ``>`` and
``&`` are escaped as ``\\u003c`` and so on, so no front-matter text can close the element or
open a comment, whatever it holds.
"""

from __future__ import annotations

import json
from typing import Any

from site_builder.content.model import Document, Source
from site_builder.site.context import BuildContext
from site_builder.site.urls import absolute_url, page_url, relative_url

WIKIDATA_ITEM = "https://www.wikidata.org/wiki/"
_ACTOR_TYPES = {
    "person": "Person",
    "state": "GovernmentOrganization",
    "government": "GovernmentOrganization",
    "institution": "GovernmentOrganization",
    "media": "NewsMediaOrganization",
}
_PLACE_TYPES = {
    "country": "AdministrativeArea",
    "region": "AdministrativeArea",
    "municipality": "AdministrativeArea",
    "city": "City",
}
_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}
_ESCAPES |= {0x2028: "\\u2028", 0x2029: "\\u2029"}


def schema_type(doc: Document) -> str:
    match doc.kind:
        case "actor":
            return _ACTOR_TYPES.get(doc.type or "", "Organization")
        case "place":
            return _PLACE_TYPES.get(doc.type or "", "Place")
        case "agreement":
            return "CreativeWork"
        case "update":
            return "Event"
    return "Thing"


def _citation(source: Source) -> dict[str, Any]:
    cited: dict[str, Any] = {"@type": "CreativeWork", "name": source.title}
    cited["publisher"] = {"@type": "Organization", "name": source.publisher}
    if source.date:
        cited["datePublished"] = source.date.iso
    if source.url:
        cited["url"] = source.url
    return cited


def _own_facts(doc: Document) -> dict[str, Any]:
    """What the type itself says: a date, a status, a role."""
    facts: dict[str, Any] = {}
    if doc.kind == "update" and doc.date:
        facts["startDate"] = doc.date.iso
    if doc.kind == "agreement":
        facts["dateCreated"] = doc.date.iso if doc.date else None
        facts["creativeWorkStatus"] = doc.status
    if doc.kind == "actor" and doc.type == "person" and doc.role:
        facts["jobTitle"] = doc.role
    return {key: value for key, value in facts.items() if value}


def json_ld_data(doc: Document, ctx: BuildContext) -> dict[str, Any] | None:
    """The graph of a brief or update (None for a hand-written page)."""
    if not (doc.is_brief or doc.kind == "update"):
        return None
    here = page_url(doc.src_uri, directory_urls=ctx.directory_urls)
    url = absolute_url(ctx.site_url, here) if ctx.site_url else relative_url(here, here)
    alternate = [n.text for n in doc.all_names if n.text != doc.title]
    item: dict[str, Any] = {
        "@type": schema_type(doc),
        "@id": url,
        "url": url,
        "name": doc.title,
        "description": doc.summary,
        **_own_facts(doc),
    }
    if alternate:
        item["alternateName"] = list(dict.fromkeys(alternate))
    if doc.wikidata:
        item["sameAs"] = WIKIDATA_ITEM + doc.wikidata
    if doc.sources:
        item["citation"] = [_citation(s) for s in doc.sources]
    if doc.reviewed:
        item["dateModified"] = doc.reviewed.isoformat()
    events = [
        {
            "@type": "Event",
            "name": entry.text,
            "startDate": entry.date.iso,
            "about": {"@id": url},
            **({"citation": _citation(s)} if (s := doc.source(entry.source)) else {}),
        }
        for entry in doc.timeline
    ]
    return {"@context": "https://schema.org", "@graph": [item, *events]}


def script_text(data: dict[str, Any]) -> str:
    """JSON that is safe as the whole text of a script element."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_ESCAPES)


def json_ld(doc: Document, ctx: BuildContext) -> str:
    """The text of the page's JSON-LD script element; empty for a page that has none."""
    data = json_ld_data(doc, ctx)
    return "" if data is None else script_text(data)
