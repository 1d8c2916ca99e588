"""The content model: what a brief is once its front matter has been validated.

Everything here is frozen: the loader builds it once, every later stage only reads it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Literal

Kind = Literal["actor", "dispute", "agreement", "place", "update", "page"]

#: content/<folder>/ -> kind. ``index.md`` at the top is the home page, a ``page``.
FOLDER_KINDS: Mapping[str, Kind] = MappingProxyType(
    {
        "actors": "actor",
        "disputes": "dispute",
        "agreements": "agreement",
        "places": "place",
        "updates": "update",
        "pages": "page",
    }
)
KIND_FOLDERS: Mapping[Kind, str] = MappingProxyType({k: f for f, k in FOLDER_KINDS.items()})

#: Kinds whose names are targets of automatic links.
BRIEF_KINDS: tuple[Kind, ...] = ("actor", "dispute", "agreement", "place")

KIND_LABELS: Mapping[Kind, str] = MappingProxyType(
    {
        "actor": "Actor",
        "dispute": "Dispute",
        "agreement": "Agreement",
        "place": "Place",
        "update": "Update",
        "page": "Page",
    }
)

ACTOR_TYPES = ("person", "state", "government", "institution", "organisation", "party", "media")
DISPUTE_STATUSES = ("open", "stalled", "in-progress", "partly-implemented", "resolved")
AGREEMENT_STATUSES = ("in-force", "partly-implemented", "not-implemented", "superseded")
PLACE_TYPES = ("country", "region", "municipality", "city", "crossing")

#: Language codes a reader sees spelled out on the names page and in infoboxes.
LANGUAGE_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "en": "English",
        "sq": "Albanian",
        "sr": "Serbian",
        "sr-Latn": "Serbian (Latin)",
        "sr-Cyrl": "Serbian (Cyrillic)",
        "de": "German",
        "fr": "French",
        "it": "Italian",
        "tr": "Turkish",
        "bs": "Bosnian",
        "mk": "Macedonian",
    }
)

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day.

    Ordering puts a less precise date first within its period (2025 < 2025-06 < 2025-06-02),
    which is what a timeline reader expects.
    """

    year: int
    month: int = 0
    day: int = 0

    @property
    def iso(self) -> str:
        if not self.month:
            return f"{self.year:04d}"
        if not self.day:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def human(self) -> str:
        if not self.month:
            return str(self.year)
        if not self.day:
            return f"{_MONTHS[self.month - 1]} {self.year}"
        return f"{self.day} {_MONTHS[self.month - 1]} {self.year}"

    def __str__(self) -> str:
        return self.iso


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str
    date: PartialDate | None = None
    url: str | None = None


@dataclass(frozen=True)
class TimelineEntry:
    date: PartialDate
    text: str
    source: str
    line: int


@dataclass(frozen=True)
class Name:
    """One name of a document in one language (``lang`` is None for titles and aliases)."""

    text: str
    lang: str | None = None


@dataclass(frozen=True)
class Position:
    actor: str
    text: str


@dataclass(frozen=True)
class Document:
    """A validated Markdown file of ``content/``: a brief, an update or a hand-written page.

    ``lines`` maps a front-matter key path ("title", "parties[1]", "positions.serbia") to its
    line in the file, so that cross-file checks can still point at the right line.
    """

    kind: Kind
    slug: str
    src_uri: str
    path: str
    title: str
    summary: str
    body: str
    body_line: int
    aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    reviewed: dt.date | None = None
    sources: tuple[Source, ...] = ()
    related: tuple[str, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    type: str | None = None
    role: str | None = None
    affiliation: tuple[str, ...] = ()
    status: str | None = None
    parties: tuple[str, ...] = ()
    positions: tuple[Position, ...] = ()
    agreements: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    date: PartialDate | None = None
    about: tuple[str, ...] = ()
    names: tuple[Name, ...] = ()
    lines: Mapping[str, int] = field(default_factory=dict, compare=False, repr=False)

    @property
    def is_brief(self) -> bool:
        return self.kind in BRIEF_KINDS

    @property
    def all_names(self) -> tuple[Name, ...]:
        """Title, aliases and language names, in that order (a repeated alias once)."""
        names = (Name(self.title), *(Name(a) for a in self.aliases), *self.names)
        return tuple(dict.fromkeys(names))

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)

    def line_of(self, key: str) -> int:
        """The line of a front-matter key, falling back to the first line of the file."""
        return self.lines.get(key, 1)

    @property
    def references(self) -> tuple[tuple[str, str], ...]:
        """Every (front-matter key, slug) this document points at."""
        pairs: list[tuple[str, str]] = []
        for key in ("parties", "affiliation", "agreements", "places", "about", "related"):
            pairs.extend((key, slug) for slug in getattr(self, key))
        pairs.extend(("positions", p.actor) for p in self.positions)
        return tuple(pairs)


@dataclass(frozen=True)
class StandIn:
    """A file left out of the corpus, kept so that one run still reports its body's problems.

    ``sources_known`` is False when its sources could not be read: its citations go unchecked.
    """

    document: Document
    sources_known: bool


@dataclass(frozen=True)
class Corpus:
    """Every valid document of a content folder, in a stable order (by source path)."""

    documents: tuple[Document, ...]
    #: Slugs of files that exist but were left out for their own problems: links to them are
    #: not reported as missing (the file's own problem is).
    unloaded: frozenset[str] = frozenset()
    #: Those files again, as far as they could be read, so their bodies are checked too.
    stand_ins: tuple[StandIn, ...] = ()

    @cached_property
    def by_slug(self) -> Mapping[str, Document]:
        return MappingProxyType({d.slug: d for d in self.documents})

    def of_kind(self, kind: Kind) -> tuple[Document, ...]:
        return tuple(d for d in self.documents if d.kind == kind)

    @property
    def briefs(self) -> tuple[Document, ...]:
        return tuple(d for d in self.documents if d.is_brief)


@dataclass(frozen=True)
class Link:
    """One page pointing at a document: the raw material of backlinks.

    ``context`` is the sentence that mentions the target, or the front-matter key that names it.
    """

    source: str
    target: str
    via: Literal["mention", "wikilink", "front-matter"]
    context: str


#: Pages the build generates (slug -> source path); no content file may take these slugs.
GENERATED_PAGES: Mapping[str, str] = MappingProxyType(
    {
        "actors": "actors/index.md",
        "disputes": "disputes/index.md",
        "agreements": "agreements/index.md",
        "places": "places/index.md",
        "updates": "updates/index.md",
        "timeline": "timeline.md",
        "stance-matrix": "stance-matrix.md",
        "sources": "sources.md",
        "names": "names.md",
        "review": "review.md",
        "diagram": "diagram.md",
    }
)
GENERATED_SLUGS: tuple[str, ...] = tuple(GENERATED_PAGES)
