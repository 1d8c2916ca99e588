"""One conversion of an English body for every language's site that shows it.

A brief without a translated body is shown in English in the Albanian and both Serbian sites
too, and its page's Markdown differs from one site to the next only in what the build wrote
around the body: its blocks (prerendered tokens), its headings' words, and the words of
the citation notes. Converting that body (1 MB: 6 s) once per site was most of a four-site
build. So such a page is converted once (for the English site: a link to a page is the same
relative path in every site, and a body with no hand-written link has no link to content/'s
assets, which only other sites write otherwise) with *neutral* markers in those places
(``neutral_markdown``, and the linker's ``neutral`` notes), and each site's words are put in
after (``Neutral.fill``). Each marker goes through Markdown as the words would: a heading's
words only when they are plain (letters, digits, single spaces and commas, which no inline
pattern reads), the notes' words only when they need no escaping, blocks as comments as
their tokens are. Otherwise the page is converted as it was. What the conversion read of
other pages is checked for each site that reuses it (``SharedReads``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from site_builder.markdown.prerendered_html import TOKEN_RE
from site_builder.render.catalogue import catalogue, translate
from site_builder.render.view import anchor, heading
from site_builder.site.urls import source_link

if TYPE_CHECKING:
    from site_builder.markdown.linker import Known, Linker

#: No body holding this is converted neutrally: every marker in a page is then the build's.
MARK = "site-builder"
NOTES_HEADING = "site-builder-notes-heading"
_BLOCK = "<!-- site-builder:neutral:{} -->"
_HEADING = "site-builder-heading-{}"
_SOURCE = "<!-- site-builder:neutral-source:{} -->"
_BACK = "site-builder-note-back-{}"
#: Every marker ``fill`` puts words in for: a note's "back" title, a heading's words (the notes'
#: own or one of ``_HEADING``), a block, a cited source.
_MARKER_RE = re.compile(
    r'title="site-builder-note-back-(\d+)"'
    r"|>(site-builder-(?:notes-heading|heading-\d+))<"
    r"|<!-- site-builder:neutral:(\d+) -->"
    r"|<!-- site-builder:neutral-source:(\d+) -->"
)
#: Words that Markdown's inline patterns leave as they are, and its serializer too.
_PLAIN = re.compile(r"[^\W_]+(?:,? [^\W_]+)*")
_UNESCAPED = re.compile(r'[^&<>"\n\x02\x03]*')


def back_marker(number: int) -> str:
    return _BACK.format(number)


def source_marker(index: int) -> str:
    return _SOURCE.format(index)


@dataclass(frozen=True)
class Neutral:
    """A page's Markdown with neutral markers, and what each marker stands for in its site."""

    markdown: str
    language: str
    #: Each block marker's HTML, in order; each heading marker's catalogue key.
    blocks: tuple[str, ...]
    headings: tuple[str, ...]

    def fill(self, html: str, sources: tuple[str, ...]) -> str:
        """The converted page as this site's conversion makes it; ``sources``: each cited
        source's HTML in this language. One pass over the page (1 MB of body makes 12 MB of
        HTML), which puts in no marker's words twice and reads nothing it put in."""
        code = self.language
        words = {**self.heading_words(), NOTES_HEADING: translate(code, "notes.heading")}
        backs: dict[str, str] = {}

        def filled(marker: re.Match[str]) -> str:
            back, word, block, source = marker.groups()
            if back is not None:
                if back not in backs:
                    backs[back] = f'title="{translate(code, "notes.back", n=int(back))}"'
                return backs[back]
            if word is not None:
                return f">{words[word]}<" if word in words else marker.group()
            index, kept = (int(block), self.blocks) if block is not None else (int(source), sources)
            return kept[index] if index < len(kept) else marker.group()

        return _MARKER_RE.sub(filled, html)

    def heading_words(self) -> dict[str, str]:
        """Each heading marker, with the words it stands for (for the table of contents)."""
        return {
            _HEADING.format(index): translate(self.language, key)
            for index, key in enumerate(self.headings)
        }


def neutral_markdown(
    markdown: str, body: str, language: str, blocks: dict[str, str]
) -> Neutral | None:
    """``markdown`` (a page's, in ``language``'s site) with neutral markers, or None when it
    cannot be told apart from its body. ``blocks``: the HTML of its tokens, by key."""
    if MARK in body or not _plain_words(language):
        return None
    lines = {
        heading(translate(language, key), 2, anchor(key)): index
        for index, key in enumerate(_HEADING_KEYS)
    }
    if any(line in lines for line in body.split("\n")):
        return None
    used: list[str] = []
    found: list[str] = []

    def heading_marker(line: str) -> str:
        index = lines.get(line)
        if index is None:
            return line
        used.append(_HEADING_KEYS[index])
        return heading(_HEADING.format(len(used) - 1), 2, anchor(_HEADING_KEYS[index]))

    def block_marker(token: re.Match[str]) -> str:
        found.append(blocks[token.group(1)])
        return _BLOCK.format(len(found) - 1)

    if any(key not in blocks for key in TOKEN_RE.findall(markdown)):
        return None
    text = TOKEN_RE.sub(block_marker, markdown)
    text = "\n".join(heading_marker(line) for line in text.split("\n"))
    return Neutral(text, language, tuple(found), tuple(used))


_HEADING_KEYS = tuple(sorted(key for key in catalogue("en") if key.startswith("heading.")))


def _plain_words(language: str) -> bool:
    """Whether the words markers stand for come out of Markdown as they are written: the
    headings' through inline patterns and the serializer, the notes' (and every plural form
    of "back to citation", whose number is digits) through the serializer."""
    words = catalogue(language)
    backs = words["notes.back"]
    forms = [backs] if isinstance(backs, str) else list(backs.values())
    return all(_PLAIN.fullmatch(translate(language, key)) for key in _HEADING_KEYS) and all(
        _UNESCAPED.fullmatch(text) for text in [translate(language, "notes.heading"), *forms]
    )


@dataclass(frozen=True)
class SharedReads:
    """What a neutral conversion read of other pages, in the site it was made in: it serves
    another site's page where every slug reads the same there (the same link, title and
    tooltip) and that site's names find the same mentions in the page's prose."""

    src_uri: str
    known: tuple[tuple[str, Known], ...]
    prose: tuple[str, ...]
    mentions: tuple[tuple[tuple[int, int, str], ...], ...]

    def hold(self, linker: Linker, src_uri: str, language: str) -> bool:
        """Whether the page ``src_uri`` of ``language``'s site would read the same."""
        if not all(
            _same(self.src_uri, was, src_uri, linker.lookup(slug, language))
            for slug, was in self.known
        ):
            return False
        return self.mentions == mentions(linker, language, self.prose)


def mentions(
    linker: Linker, language: str, prose: tuple[str, ...]
) -> tuple[tuple[tuple[int, int, str], ...], ...]:
    """The mentions ``language``'s names find in each run of prose."""
    matcher = linker.matcher_of(language)
    return tuple(
        tuple((m.start, m.end, m.slug) for m in matcher.find_folded(text)) for text in prose
    )


def _same(uri: str, was: Known, other_uri: str, now: Known) -> bool:
    if (was.source is None) != (now.source is None):
        return False
    if (
        was.source is not None
        and now.source is not None
        and source_link(uri, was.source) != source_link(other_uri, now.source)
    ):
        return False
    return (was.title, was.tooltip, was.unloaded, was.hint) == (
        now.title,
        now.tooltip,
        now.unloaded,
        now.hint,
    )
