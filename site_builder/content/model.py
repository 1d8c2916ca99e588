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

from site_builder.content.kinds import BRIEF_KINDS, Kind

ACTOR_TYPES = ("person", "state", "government", "institution", "organisation", "party", "media")
DISPUTE_STATUSES = ("open", "stalled", "in-progress", "partly-implemented", "resolved")
AGREEMENT_STATUSES = ("in-force", "partly-implemented", "not-implemented", "superseded")
PLACE_TYPES = ("country", "region", "municipality", "city", "crossing")

#: Language codes a reader sees spelled out on the names page and in infoboxes (each
#: catalogue's ``language_name.<code>``); any other code is shown as it is written.
KNOWN_LANGUAGES = ("en", "sq", "sr", "sr-Latn", "sr-Cyrl", "de", "fr", "it", "tr", "bs", "mk")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day.

    Ordering puts a less precise date first within its period (2025 < 2025-06 < 2025-06-02),
    which is what a timeline reader expects. Readers see it in their language's words
    (``render.dates``).
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

    def __str__(self) -> str:
        return self.iso


@dataclass(frozen=True)
class Source:
    """``checked`` is the day an editor last read the source itself against the brief."""

    id: str
    title: str
    publisher: str
    date: PartialDate | None = None
    url: str | None = None
    checked: dt.date | None = None
    #: Where the record starts in its file (not part of what the source is).
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class TimelineEntry:
    """``involves`` names other briefs the event concerns: written once, shown on each."""

    date: PartialDate
    text: str
    source: str
    line: int
    involves: tuple[str, ...] = ()


@dataclass(frozen=True)
class Statement:
    """What an actor said or did on a dispute, when, and where that is recorded."""

    date: PartialDate
    text: str
    source: str
    line: int


@dataclass(frozen=True)
class Correction:
    """A change to what a brief told its readers, dated so they can see when it was made."""

    date: dt.date
    text: str
    line: int


@dataclass(frozen=True)
class Name:
    """One name of a document in one language (``lang`` is None for titles and aliases)."""

    text: str
    lang: str | None = None


@dataclass(frozen=True)
class Position:
    """One actor's statements on a dispute, oldest first: how the position moved."""

    actor: str
    statements: tuple[Statement, ...]

    @property
    def latest(self) -> Statement:
        return self.statements[-1]

    @property
    def earlier(self) -> tuple[Statement, ...]:
        return self.statements[:-1]


@dataclass(frozen=True)
class Translation:
    """A translation file (``presevo.sq.md``): only what changes with the language.

    Statement and timeline texts are matched to the English entries by position. ``of`` is the
    version of the English file that was translated (``site-builder translations --stamp``);
    ``reviewed`` the day a speaker of the language checked it, None while nobody has.
    """

    language: str
    slug: str
    path: str
    title: str
    summary: str
    body: str
    body_line: int
    aliases: tuple[str, ...] = ()
    positions: Mapping[str, tuple[str, ...]] = field(default_factory=dict, compare=False)
    timeline: tuple[str, ...] = ()
    of: str | None = None
    reviewed: dt.date | None = None
    lines: Mapping[str, int] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Freshness:
    """How a page of another language's site stands against its English page."""

    #: The English page's source path, which the notices link to.
    english: str
    #: None: no translation yet, the page is the English one.
    translation: Translation | None
    #: The English file changed since the translation's ``of``.
    outdated: bool = False

    @property
    def translated_body(self) -> bool:
        return self.translation is not None and bool(self.translation.body.strip())

    @property
    def unreviewed(self) -> bool:
        return self.translation is not None and self.translation.reviewed is None


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
    wikidata: str | None = None
    corrections: tuple[Correction, ...] = ()
    lines: Mapping[str, int] = field(default_factory=dict, compare=False, repr=False)
    #: The file's version (a digest of its text), which translations record as ``of``.
    version: str = field(default="", compare=False)
    #: The language of the site this document is a page of (``content.languages``).
    language: str = "en"
    #: For a page of another language's site: its translation, and whether it is current.
    freshness: Freshness | None = None

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
        pairs.extend(("timeline", slug) for e in self.timeline for slug in e.involves)
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
    #: The files of content/assets/ ("assets/map.png"), which pages may link to.
    assets: frozenset[str] = frozenset()
    #: Every valid translation file, by (language, slug).
    translations: Mapping[tuple[str, str], Translation] = field(default_factory=dict, compare=False)

    @cached_property
    def by_slug(self) -> Mapping[str, Document]:
        return MappingProxyType({d.slug: d for d in self.documents})

    def of_kind(self, kind: Kind) -> tuple[Document, ...]:
        return tuple(d for d in self.documents if d.kind == kind)

    @property
    def briefs(self) -> tuple[Document, ...]:
        return tuple(d for d in self.documents if d.is_brief)

    @cached_property
    def involvements(self) -> Mapping[str, tuple[tuple[Document, TimelineEntry], ...]]:
        """Slug -> the timeline entries of other documents that involve it."""
        found: dict[str, list[tuple[Document, TimelineEntry]]] = {}
        for doc in self.documents:
            for entry in doc.timeline:
                for slug in entry.involves:
                    found.setdefault(slug, []).append((doc, entry))
        return MappingProxyType({slug: tuple(pairs) for slug, pairs in found.items()})

    @cached_property
    def dated(self) -> Mapping[int, tuple[Document, ...]]:
        """Year -> the documents on the timeline that year: with an entry in it, or an update
        dated in it."""
        found: dict[int, dict[str, Document]] = {}
        for doc in self.documents:
            years = [entry.date.year for entry in doc.timeline]
            if doc.kind == "update" and doc.date:
                years.append(doc.date.year)
            for year in years:
                found.setdefault(year, {})[doc.src_uri] = doc
        return MappingProxyType({year: tuple(docs.values()) for year, docs in found.items()})


@dataclass(frozen=True, slots=True)
class Link:
    """One page pointing at a document: the raw material of backlinks. (Slotted: a large
    site holds hundreds of thousands until the open data is written.)

    ``context`` is the sentence that mentions the target, or the front-matter key that names it.
    """

    source: str
    target: str
    via: Literal["mention", "wikilink", "front-matter"]
    context: str
