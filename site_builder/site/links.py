"""Backlinks, derived once from every page's outgoing links and front-matter references."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

from site_builder.content.model import Corpus, Link


def front_matter_links(corpus: Corpus) -> tuple[Link, ...]:
    """A link for every slug a document names in its front matter (parties, affiliation, …)."""
    return tuple(
        Link(doc.slug, slug, "front-matter", key)
        for doc in corpus.documents
        for key, slug in doc.references
    )


def backlinks(links: Iterable[Link]) -> Mapping[str, tuple[Link, ...]]:
    """Target slug -> the links that point at it, each once, in a stable order; no self-links."""
    by_target: dict[str, dict[Link, None]] = {}
    for link in links:
        if link.source != link.target:
            by_target.setdefault(link.target, {})[link] = None
    return MappingProxyType(
        {
            target: tuple(sorted(found, key=_link_order))
            for target, found in sorted(by_target.items())
        }
    )


def backlinks_again(
    last: Mapping[str, tuple[Link, ...]], removed: Iterable[Link], added: Iterable[Link]
) -> Mapping[str, tuple[Link, ...]]:
    """``backlinks`` of the links ``last`` was made of, without ``removed`` and with ``added``
    (those of pages rendered again): only the targets they touch are sorted again."""
    touched: dict[str, tuple[set[Link], set[Link]]] = {}
    for link in removed:
        touched.setdefault(link.target, (set(), set()))[0].add(link)
    for link in added:
        if link.source != link.target:
            touched.setdefault(link.target, (set(), set()))[1].add(link)
    found = dict(last)
    for target, (gone, new) in touched.items():
        links = (set(last.get(target, ())) - gone) | new
        if links:
            found[target] = tuple(sorted(links, key=_link_order))
        else:
            found.pop(target, None)
    return MappingProxyType(dict(sorted(found.items())))


def _link_order(link: Link) -> tuple[str, int, str]:
    return (link.source, ("mention", "wikilink", "front-matter").index(link.via), link.context)
