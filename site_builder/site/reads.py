"""What making one page's Markdown reads of the other documents, so a preview can tell when
it would come out the same (``mkdocs.serve_cache``).

A page's Markdown is made from its own document and what it looks up in the corpus: the
briefs its front matter names (their titles, summaries, kinds), the timeline entries of other
pages that involve it. ``ReadingCorpus`` stands for the corpus while the page is made, and
notes each lookup and what it found, as a *face* (a digest of all of a document but its
body). A page that goes through the whole corpus (an overview, the home page) depends on
everything. Another build makes the same Markdown for the page if its document is the same
and ``Lookups.hold``: every lookup finds the same there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from site_builder.content.model import Corpus, Document

Face = Callable[[Document], str]


@dataclass(frozen=True)
class Lookups:
    """Each lookup a page's Markdown made, with what it found."""

    found: tuple[tuple[tuple[str, str], object], ...]

    def hold(self, corpus: Corpus, face: Face) -> bool:
        return all(_answer(corpus, face, query) == answer for query, answer in self.found)


class ReadingCorpus:
    """``corpus`` as a page's Markdown sees it, noting what it reads (``lookups``)."""

    def __init__(self, corpus: Corpus, face: Face) -> None:
        self._corpus, self._face = corpus, face
        self._found: dict[tuple[str, str], object] = {}
        #: Set once the page reads the corpus other than by slug: it depends on every page.
        self.everything = False
        self.by_slug = _BySlug(self)
        self.involvements = _Involvements(self)

    def __getattr__(self, name: str) -> Any:  # documents, of_kind(), briefs, ...
        self.everything = True
        return getattr(self._corpus, name)

    @property
    def lookups(self) -> Lookups | None:
        """None when the page read the whole corpus."""
        return None if self.everything else Lookups(tuple(sorted(self._found.items())))

    def _note(self, query: tuple[str, str]) -> None:
        if query not in self._found:
            self._found[query] = _answer(self._corpus, self._face, query)


def _answer(corpus: Corpus, face: Face, query: tuple[str, str]) -> object:
    what, slug = query
    if what == "slug":
        doc = corpus.by_slug.get(slug)
        return None if doc is None else face(doc)
    return tuple((origin.src_uri, face(origin)) for origin, _ in corpus.involvements.get(slug, ()))


class _BySlug(Mapping[str, Document]):
    def __init__(self, reading: ReadingCorpus) -> None:
        self._reading = reading

    def __getitem__(self, slug: str) -> Document:
        self._reading._note(("slug", slug))
        return self._reading._corpus.by_slug[slug]

    def __iter__(self) -> Iterator[str]:
        self._reading.everything = True
        return iter(self._reading._corpus.by_slug)

    def __len__(self) -> int:
        self._reading.everything = True
        return len(self._reading._corpus.by_slug)


class _Involvements(Mapping[str, Any]):
    def __init__(self, reading: ReadingCorpus) -> None:
        self._reading = reading

    def __getitem__(self, slug: str) -> Any:
        self._reading._note(("involvements", slug))
        return self._reading._corpus.involvements[slug]

    def __iter__(self) -> Iterator[str]:
        self._reading.everything = True
        return iter(self._reading._corpus.involvements)

    def __len__(self) -> int:
        self._reading.everything = True
        return len(self._reading._corpus.involvements)
