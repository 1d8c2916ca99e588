"""The pages the build makes from the whole corpus: one registry, in the order readers meet them.

Content reads it too: no brief may take a generated page's slug, and ``[[timeline]]`` is a
wikilink like any other. How each page's body is made lives in ``site_builder.generated``;
its title and what it holds (``page.<slug>.title``, ``page.<slug>.blurb``), in each
language's catalogue (``render/catalogues/``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from site_builder.content.kinds import KIND, Kind


@dataclass(frozen=True)
class GeneratedPage:
    slug: str
    #: The kind whose index it is (and under whose section the navigation shows it, with the
    #: kind's name as its title); None for an overview of the whole site.
    index_of: Kind | None = None
    #: Whether search indexes the page: only one that shows what no brief's own page shows
    #: (a kind's index carries every summary). The others repeat the briefs and would crowd
    #: every result, and readers download the index.
    searchable: bool = False
    #: From this many entries on, the page is an index of years and each year is a page of
    #: its own (``year_page``), so that no page grows without bound; None: always one page.
    split_per_year_from: int | None = None
    #: A page of one year of a page split per year: the year, and the page whose words it has.
    year: int | None = None
    of: str | None = None

    def year_page(self, year: int) -> GeneratedPage:
        """The page of one year of a page split per year: "timeline/2023.md"."""
        return GeneratedPage(f"{self.slug}/{year}", year=year, of=self.slug)

    @property
    def words(self) -> str:
        """The slug whose title and blurb the catalogues give this page."""
        return self.of or self.slug

    @property
    def src_uri(self) -> str:
        if self.index_of is not None:
            return f"{KIND[self.index_of].folder}/index.md"
        return f"{self.slug}.md"


def _index(kind: Kind) -> GeneratedPage:
    return GeneratedPage(KIND[kind].folder, index_of=kind, searchable=True)


#: Every generated page, in the order the home page offers them (overviews in this order in
#: the navigation too).
GENERATED_PAGES: tuple[GeneratedPage, ...] = (
    *(_index(kind) for kind in ("actor", "dispute", "agreement", "place", "update")),
    GeneratedPage("timeline", split_per_year_from=500),
    GeneratedPage("stance-matrix"),
    GeneratedPage("diagram"),
    GeneratedPage("names"),
    GeneratedPage("sources"),
    GeneratedPage("corrections"),
    GeneratedPage("data"),
    GeneratedPage("review"),
)
GENERATED: Mapping[str, GeneratedPage] = MappingProxyType({p.slug: p for p in GENERATED_PAGES})
