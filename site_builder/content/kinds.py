"""The kinds of content and the front-matter keys that name other briefs: one registry each.

The loader (folders), the schema (keys), ``site-builder new``, the navigation and the labels
readers see all read these, so a new kind or a new reference key is added in one place.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

Kind = Literal["actor", "dispute", "agreement", "place", "update", "page"]

#: The home page: the one file at the top of content/, a ``page``.
HOME = "index.md"

#: Keys every kind may have (``pages/`` need only title and summary).
COMMON_KEYS = ("title", "summary", "aliases", "tags", "reviewed", "sources", "related", "timeline")


@dataclass(frozen=True)
class KindSpec:
    name: Kind
    #: content/<folder>/ holds this kind.
    folder: str
    label: str
    plural: str
    #: Keys only this kind has, then which of them it must have.
    keys: tuple[str, ...]
    required: tuple[str, ...] = ()
    #: Its names are targets of automatic links (a *brief*).
    brief: bool = False
    #: Every paragraph of its body must cite a source, and it needs ``reviewed`` and ``sources``.
    sourced: bool = True
    #: It has a section in the navigation, under its index page.
    section: bool = True


KINDS: tuple[KindSpec, ...] = (
    KindSpec(
        "actor", "actors", "Actor", "Actors",
        keys=("type", "affiliation", "role", "wikidata", "corrections"),
        required=("type",), brief=True,
    ),
    KindSpec(
        "dispute", "disputes", "Dispute", "Disputes",
        keys=("status", "parties", "positions", "agreements", "places", "corrections"),
        required=("status", "parties"), brief=True,
    ),
    KindSpec(
        "agreement", "agreements", "Agreement", "Agreements",
        keys=("date", "parties", "status", "wikidata", "corrections"),
        required=("date", "parties", "status"), brief=True,
    ),
    KindSpec(
        "place", "places", "Place", "Places",
        keys=("type", "names", "wikidata", "corrections"), required=("type",), brief=True,
    ),
    KindSpec(
        "update", "updates", "Update", "Updates",
        keys=("date", "about", "corrections"), required=("date",),
    ),
    KindSpec("page", "pages", "Page", "Pages", keys=(), sourced=False, section=False),
)  # fmt: skip

KIND: Mapping[Kind, KindSpec] = MappingProxyType({k.name: k for k in KINDS})
#: content/<folder>/ -> kind. ``index.md`` at the top is the home page, a ``page``.
FOLDER_KINDS: Mapping[str, Kind] = MappingProxyType({k.folder: k.name for k in KINDS})
BRIEF_KINDS: tuple[Kind, ...] = tuple(k.name for k in KINDS if k.brief)
SOURCED_KINDS: frozenset[Kind] = frozenset(k.name for k in KINDS if k.sourced)


def folder(kind: Kind) -> str:
    return KIND[kind].folder


def required_keys(kind: Kind) -> tuple[str, ...]:
    """The keys a document of this kind must have, in the order the contract lists them."""
    keys = (
        ("title", "summary", "reviewed", "sources") if KIND[kind].sourced else ("title", "summary")
    )
    return (*keys, *KIND[kind].required)


@dataclass(frozen=True)
class Reference:
    """A front-matter key whose values are slugs of other documents."""

    #: Kinds the slugs must be of (empty: any document).
    kinds: tuple[Kind, ...]
    #: How the named brief's "Mentioned in" describes the naming page.
    phrase: str


REFERENCES: Mapping[str, Reference] = MappingProxyType(
    {
        "parties": Reference(("actor",), "listed among the parties"),
        "affiliation": Reference(("actor",), "listed as an affiliation"),
        "positions": Reference(("actor",), "records a stated position"),
        "timeline": Reference((), "records an event involving it"),
        "agreements": Reference(("agreement",), "listed among the agreements concerned"),
        "places": Reference(("place",), "listed among the places concerned"),
        "about": Reference((), "listed among the subjects of the update"),
        "related": Reference((), "listed under “See also”"),
    }
)
