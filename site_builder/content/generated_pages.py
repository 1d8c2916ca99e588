"""The pages the build makes from the whole corpus: one registry, in the order readers meet them.

Content reads it too: no brief may take a generated page's slug, and ``[[timeline]]`` is a
wikilink like any other. How each page's body is made lives in ``site_builder.generated``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from site_builder.content.kinds import KIND, Kind


@dataclass(frozen=True)
class GeneratedPage:
    slug: str
    title: str
    #: What the page holds, completing "The <title> page lists ...".
    blurb: str
    #: The kind whose index it is (and under whose section the navigation shows it); None for
    #: an overview of the whole site.
    index_of: Kind | None = None
    #: Whether search indexes the page: only one that shows what no brief's own page shows
    #: (a kind's index carries every summary). The others repeat the briefs and would crowd
    #: every result, and readers download the index.
    searchable: bool = False
    #: From this many entries on, the page is an index of years and each year is a page of
    #: its own (``year_page``), so that no page grows without bound; None: always one page.
    split_per_year_from: int | None = None

    def year_page(self, year: int) -> GeneratedPage:
        """The page of one year of a page split per year: "timeline/2023.md"."""
        return GeneratedPage(f"{self.slug}/{year}", f"{self.title}: {year}", self.blurb)

    @property
    def description(self) -> str:
        """The page's summary, as its meta description and the title of links to it."""
        return self.blurb[:1].upper() + self.blurb[1:]

    @property
    def src_uri(self) -> str:
        if self.index_of is not None:
            return f"{KIND[self.index_of].folder}/index.md"
        return f"{self.slug}.md"


def _index(kind: Kind, blurb: str) -> GeneratedPage:
    spec = KIND[kind]
    return GeneratedPage(spec.folder, spec.plural, blurb, index_of=kind, searchable=True)


#: Every generated page, in the order the home page offers them (overviews in this order in
#: the navigation too).
GENERATED_PAGES: tuple[GeneratedPage, ...] = (
    _index("actor", "people, states, governments, institutions, organisations, parties and media."),
    _index("dispute", "the open questions between the parties, by status."),
    _index("agreement", "the texts negotiated or signed, oldest first, with their status."),
    _index(
        "place", "municipalities, regions, crossings and cities, with their names in each language."
    ),
    _index("update", "what happened, newest first."),
    GeneratedPage(
        "timeline",
        "Timeline",
        "every dated event on the site, with its source.",
        split_per_year_from=500,
    ),
    GeneratedPage(
        "stance-matrix",
        "Positions side by side",
        "each actor's latest statement on each dispute, dated, with a link to its history.",
    ),
    GeneratedPage(
        "diagram",
        "Relationship diagram",
        "who is party to which dispute and agreement, as one picture.",
    ),
    GeneratedPage(
        "names",
        "Names",
        "every name, alias and spelling in each language, and the page it points to.",
    ),
    GeneratedPage(
        "sources", "Sources", "every source the site relies on, with the pages that cite it."
    ),
    GeneratedPage(
        "corrections",
        "Corrections",
        "every correction made to a brief, newest first, with a link to the brief.",
    ),
    GeneratedPage(
        "data",
        "Data",
        "the briefs, statements, timeline, sources, names and corrections as downloads to cite.",
    ),
    GeneratedPage(
        "review", "Review queue", "briefs not checked against their sources in the last 180 days."
    ),
)
GENERATED: Mapping[str, GeneratedPage] = MappingProxyType({p.slug: p for p in GENERATED_PAGES})
