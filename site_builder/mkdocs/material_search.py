"""Material's search-index entries for a page, the same as Material makes them, faster.

Material's search plugin reads every page with its ``Parser`` (``html.parser`` underneath) and
cuts it into sections; on a large site that was a quarter of the build. Here the page is read
by ``html_events`` and the same rules are applied to the events, each in constant time (the
parser recomputes set intersections on every event); the entries are then made by Material's
own ``create_entry_for_section``. Where ``html_events`` declines a page, Material's parser
reads it. Tests compare the two on every page of the sites and on generated HTML.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape
from typing import Any

from material.plugins.search.plugin import Element, Parser, Section, void

from site_builder.mkdocs.html_events import END, START, Event, attributes, html_events
from site_builder.mkdocs.serve_cache import ServeCache, digest

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Material's own lists, taken from its parser so that an upgrade that changes them carries over:
# the tags kept in the index text, and those always skipped (never taken off the skip list).
_KEEP = frozenset(Parser().keep)
_ALWAYS_SKIPPED = frozenset(Parser().skip)
#: Attributes the rules read besides a heading's id; "&" because a value may spell them so.
_ATTRIBUTES_THAT_MATTER = re.compile(r"data-search-exclude|linenodiv|headerlink|&", re.IGNORECASE)


def add_entries(index: Any, page: Any) -> None:
    """What ``SearchIndex.add_entry_from_context`` does, with the faster section reader."""
    search = page.meta.get("search") or {}
    if search.get("exclude"):
        return
    for section in sections(page.content):
        if not section.is_excluded():
            index.create_entry_for_section(section, page.toc, page.url, page)


def reuse_entries(
    index: Any, built_ahead: Callable[[str], list[dict[str, Any]] | None], cache: ServeCache | None
) -> None:
    """Give ``index`` the entries of pages built ahead (by source path), and while serving
    those of pages unchanged since the last rebuild; read the others faster."""

    def add_entry_from_context(page: Any) -> None:
        entries = built_ahead(page.file.src_uri)
        if entries is not None:
            index.entries.extend(entries)
            return
        if cache is None:
            add_entries(index, page)
            return
        key = digest("search", page.url, str(page.title), page.content, page.meta)
        entries = cache.get(key)
        if entries is None:
            start = len(index.entries)
            add_entries(index, page)
            cache.put(key, index.entries[start:])
        else:
            index.entries.extend(entries)

    index.add_entry_from_context = add_entry_from_context


def sections(html: str) -> list[Section]:
    """The sections Material's ``Parser`` finds in ``html``."""
    events = html_events(html)
    if events is None:
        parser = Parser()
        parser.feed(html)
        parser.close()
        return parser.data
    return _read(events)


def _read(events: list[Event]) -> list[Section]:
    """Material's ``Parser`` rules, with counts kept instead of searches of the open elements.

    Material compares elements by tag name alone, so "is X among the open elements" and "is an
    open element skipped" are questions about tag names, answered from ``open_tags``. One
    function, locals only: this runs for every tag and text of every page.
    """
    sections: list[Section] = []
    section: Section | None = None
    title_tag = ""  # the tag of the current section's heading: open means "in the title"
    context: list[tuple[str, dict[str, str | None]]] = []  # open elements: tag, attributes
    open_tags: dict[str, int] = {}
    skip = set(_ALWAYS_SKIPPED)
    skipped = 0  # open elements whose tag is in skip
    permalinks = 0  # open <a class="headerlink">
    in_pre = 0  # open <pre>
    for kind, value, raw in events:
        if kind == START:
            tag = value
            if tag in void:
                continue
            # Only headings, permalinks and exclusions read their attributes.
            matters = raw and (tag in _HEADINGS or _ATTRIBUTES_THAT_MATTER.search(raw))
            attrs = dict(attributes(raw)) if matters else {}
            context.append((tag, attrs))
            open_tags[tag] = open_tags.get(tag, 0) + 1
            if tag in skip:
                skipped += 1
            if tag == "pre":
                in_pre += 1
            elif tag == "a" and attrs and attrs.get("class") == "headerlink":
                permalinks += 1
            if tag in _HEADINGS and "id" in attrs:
                depth = len(context)
                if tag != "h1" and not sections:
                    sections.append(Section(Element("hx"), depth))
                section = Section(Element(tag, attrs), depth)
                if sections:
                    section.id = attrs["id"]
                sections.append(section)
                title_tag = tag
            if section is None:
                section = Section(Element("hx"))
                sections.append(section)
                title_tag = "hx"
            if attrs and ("data-search-exclude" in attrs or attrs.get("class") == "linenodiv"):
                skip.add(tag)
                skipped = sum(n for t, n in open_tags.items() if t in skip)
                continue
            if not skipped and tag in _KEEP:
                inside_title = open_tags.get(title_tag)
                (section.title if inside_title else section.text).append(f"<{tag}>")
        elif kind == END:
            tag = value
            if not context or context[-1][0] != tag:
                continue
            assert section is not None
            if section.depth > len(context):
                for earlier in reversed(sections):
                    if earlier.depth <= len(context):
                        section.depth = float("inf")
                        section, title_tag = earlier, earlier.el.tag
                        break
            _, attrs = context.pop()
            open_tags[tag] -= 1
            if tag == "pre":
                in_pre -= 1
            elif tag == "a" and attrs and attrs.get("class") == "headerlink":
                permalinks -= 1
            if tag in skip:
                skipped -= 1
                if tag not in _ALWAYS_SKIPPED:
                    skip.remove(tag)
                    skipped = sum(n for t, n in open_tags.items() if t in skip)
                continue
            if not skipped and tag in _KEEP:
                target = section.title if open_tags.get(title_tag) else section.text
                index = target.index(f"<{tag}>")
                if all(part.isspace() for part in target[index + 1 :]):
                    del target[index:]
                else:
                    target.append(f"</{tag}>")
        elif not skipped:
            text = value
            if not in_pre:
                text = " " if text.isspace() else text.replace("\n", " ")
            if section is None:
                section = Section(Element("hx"))
                sections.append(section)
                title_tag = "hx"
            if open_tags.get(title_tag):
                if not permalinks:
                    section.title.append(escape(text, quote=False))
            elif text.isspace():
                parts = section.text
                if not parts or not parts[-1].isspace() or in_pre:
                    parts.append(text)
            else:
                section.text.append(escape(text, quote=False))
    return sections
