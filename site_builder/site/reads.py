"""What making one page's Markdown reads of the other documents, so a preview can tell when
it would come out the same (``mkdocs.serve_cache``).

A page's Markdown is made from its own document and what it looks up in the corpus: the
briefs its front matter names (their titles, summaries, kinds), the timeline entries of other
pages that involve it, the documents on the timeline in a year (a year page). ``ReadingCorpus``
stands for the corpus while the page is made, and notes each lookup and what it found, as a
*face* (a digest of all of a document but its body). A page that goes through the whole
corpus (an overview, the home page) depends on everything. Another build makes the same
Markdown for the page if its document is the same and ``Lookups.hold``: every lookup finds the
same there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from site_builder.content.model import Corpus, Document

Face = Callable[[Document], str]
#: What a lookup asked: ("slug", a slug), ("involvements", a slug) or ("dated", a year).
Query = tuple[str, Any]


@dataclass(frozen=True)
class Lookups:
    """Each lookup a page's Markdown made, with what it found."""

    found: tuple[tuple[Query, object], ...]

    def hold(self, corpus: Corpus, face: Face) -> bool:
        return all(_answer(corpus, face, query) == answer for query, answer in self.found)


class ReadingCorpus:
    """``corpus`` as a page's Markdown sees it, noting what it reads (``lookups``)."""

    def __init__(self, corpus: Corpus, face: Face) -> None:
        self._corpus, self._face = corpus, face
        self._found: dict[Query, object] = {}
        #: Set once the page reads the corpus other than by slug: it depends on every page.
        self.everything = False
        self.by_slug = _BySlug(self)
        self.involvements = _Noted(self, "involvements", lambda corpus: corpus.involvements)
        self.dated = _Noted(self, "dated", lambda corpus: corpus.dated)

    def __getattr__(self, name: str) -> Any:  # documents, of_kind(), briefs, ...
        self.everything = True
        return getattr(self._corpus, name)

    @property
    def lookups(self) -> Lookups | None:
        """None when the page read the whole corpus."""
        return None if self.everything else Lookups(tuple(sorted(self._found.items())))

    def _note(self, query: Query) -> None:
        if query not in self._found:
            self._found[query] = _answer(self._corpus, self._face, query)


def _answer(corpus: Corpus, face: Face, query: Query) -> object:
    what, key = query
    if what == "slug":
        doc = corpus.by_slug.get(key)
        return None if doc is None else face(doc)
    if what == "dated":
        docs: Iterable[Document] = corpus.dated.get(key, ())
    else:
        docs = (origin for origin, _ in corpus.involvements.get(key, ()))
    return tuple((doc.src_uri, face(doc)) for doc in docs)


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


class _Noted(Mapping[Any, Any]):
    """One of the corpus's mappings (``what``, read by ``mapping``), each key read noted."""

    def __init__(
        self, reading: ReadingCorpus, what: str, mapping: Callable[[Corpus], Mapping[Any, Any]]
    ) -> None:
        self._reading, self._what, self._mapping = reading, what, mapping

    def __getitem__(self, key: Any) -> Any:
        self._reading._note((self._what, key))
        return self._mapping(self._reading._corpus)[key]

    def __iter__(self) -> Iterator[Any]:
        self._reading.everything = True
        return iter(self._mapping(self._reading._corpus))

    def __len__(self) -> int:
        self._reading.everything = True
        return len(self._mapping(self._reading._corpus))
