"""What every generated page shares: its identity, its opening note, grouped lists."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from site_builder.content.generated_pages import GeneratedPage
from site_builder.content.kinds import Kind
from site_builder.content.languages import SOURCE, Language
from site_builder.content.model import Corpus, Document
from site_builder.render.labels import page_title
from site_builder.render.order import by_title
from site_builder.render.view import View, markdown_page
from site_builder.site.context import BuildContext

T = TypeVar("T", bound=Hashable)


@dataclass(frozen=True)
class GeneratedFile:
    """A file that exists only in the build: a Markdown page (with title and slug) or an asset.

    The open data comes as its UTF-8 bytes: made so once, and half the size of a text that
    holds a single character beyond Latin-1."""

    src_uri: str
    content: str | bytes
    title: str | None
    slug: str | None


@dataclass(frozen=True)
class PageSpec:
    """A generated page of the registry, and how its body is made."""

    page: GeneratedPage
    body: Callable[[View], str]
    language: Language = SOURCE

    @property
    def slug(self) -> str:
        return self.page.slug

    @property
    def title(self) -> str:
        """The title in the page's language."""
        return page_title(self.page, self.language.code)

    @property
    def src_uri(self) -> str:
        return self.language.src_uri(self.page.src_uri)

    def markdown(self, corpus: Corpus, ctx: BuildContext) -> str:
        """The page, opening with a note that sends contributors to the briefs."""
        view = View.of(self.src_uri, corpus, ctx)
        return markdown_page(view.block("generated_note.html"), self.body(view))


def grouped(
    items: Iterable[Document], key: Callable[[Document], T], order: Sequence[T] = ()
) -> list[tuple[T, list[Document]]]:
    """(value, items) pairs in ``order``, then any other values sorted; items keep their order."""
    groups: dict[T, list[Document]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    rank = {value: i for i, value in enumerate(order)}
    return sorted(groups.items(), key=lambda kv: (rank.get(kv[0], len(rank)), str(kv[0])))


def doc_lists(view: View, groups: Sequence[tuple[str, Sequence[Document]]], empty: str) -> str:
    """One list of documents with summaries per group, each under its Markdown heading of
    fixed wording (``View.heading``); ``empty``: the catalogue key of what no group says."""
    text = view.translate(empty)
    if not groups:
        return view.block("doc_list.html", docs=[], empty=text)
    return markdown_page(
        *(
            part
            for title, docs in groups
            for part in (title, view.block("doc_list.html", docs=docs, empty=text))
        )
    )


def lists_by_type(view: View, kind: Kind, types: Sequence[str], empty: str) -> str:
    """A kind's briefs by title, one list per ``type`` in the contract's order."""
    groups = grouped(by_title(view.corpus.of_kind(kind)), lambda d: d.type or "", types)
    return doc_lists(view, [(view.heading(f"type.{t}.plural"), docs) for t, docs in groups], empty)
