"""The kinds of content and the front-matter keys that name other briefs: one registry each.

The loader (folders), the schema (keys), ``site-builder new`` and the navigation all read
these, so a new kind or a new reference key is added in one place (and its words in each
language's catalogue, ``render/catalogues/``: ``kind.<name>``, ``reference.<key>``).
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
        "actor", "actors",
        keys=("type", "affiliation", "role", "wikidata", "corrections"),
        required=("type",), brief=True,
    ),
    KindSpec(
        "dispute", "disputes",
        keys=("status", "parties", "positions", "agreements", "places", "corrections"),
        required=("status", "parties"), brief=True,
    ),
    KindSpec(
        "agreement", "agreements",
        keys=("date", "parties", "status", "wikidata", "corrections"),
        required=("date", "parties", "status"), brief=True,
    ),
    KindSpec(
        "place", "places",
        keys=("type", "names", "wikidata", "corrections"), required=("type",), brief=True,
    ),
    KindSpec(
        "update", "updates",
        keys=("date", "about", "corrections"), required=("date",),
    ),
    KindSpec("page", "pages", keys=(), sourced=False, section=False),
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
    """A front-matter key whose values are slugs of other documents.

    How the named brief's "Mentioned in" describes the naming page is ``reference.<key>``
    in the catalogues.
    """

    #: Kinds the slugs must be of (empty: any document).
    kinds: tuple[Kind, ...]


REFERENCES: Mapping[str, Reference] = MappingProxyType(
    {
        "parties": Reference(("actor",)),
        "affiliation": Reference(("actor",)),
        "positions": Reference(("actor",)),
        "timeline": Reference(()),
        "agreements": Reference(("agreement",)),
        "places": Reference(("place",)),
        "about": Reference(()),
        "related": Reference(()),
    }
)
