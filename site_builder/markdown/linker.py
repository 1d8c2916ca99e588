"""Wikilinks, citations and automatic cross-links, as one Python-Markdown extension.

The extension works on the parsed tree, so code, links, headings and raw HTML are told apart
by structure, not guessed from raw Markdown. One ``Linker`` serves a whole build: the engine
tells it which page is being rendered (``begin_page``), and collects what it found
(``end_page``): the page's outgoing links, with the sentence of each, and its problems.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from bisect import bisect_left, bisect_right
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE, STX, AtomicString

from site_builder.content.diagnostics import Diagnostic, did_you_mean
from site_builder.content.generated_pages import GENERATED, GENERATED_PAGES
from site_builder.content.kinds import SOURCED_KINDS
from site_builder.content.languages import LANGUAGE, SOURCE, Language, source_uri
from site_builder.content.model import Corpus, Document, Link, Source
from site_builder.markdown.linear_stages import use_linear_stages
from site_builder.markdown.paused_collector import convert_with_collector_paused
from site_builder.markdown.quick_unescape import use_quick_unescape
from site_builder.markdown.site_neutral import (
    NOTES_HEADING,
    SharedReads,
    back_marker,
    mentions,
    source_marker,
)
from site_builder.render.catalogue import translate
from site_builder.render.labels import page_description
from site_builder.render.source import source_html
from site_builder.safety.html_allowlist import (
    MAY_HOLD_MARKUP,
    TARGET_ATTRIBUTES,
    PageHtml,
    attribute_list_refusals,
    read_html,
    read_tree,
    written_target,
)
from site_builder.safety.limits import body_problems
from site_builder.site.context import BuildContext
from site_builder.site.urls import link_path, source_link
from site_builder.text.folding import fold
from site_builder.text.names import NameMatcher, corpus_matcher

#: Where a page wants its citation notes (by default they close the page).
NOTES_PLACEHOLDER = "<!-- site-builder:notes -->"
WIKILINK_RE = r"\[\[([^\]\|\n]*)(?:\|([^\]\n]*))?\]\]"
CITATION_RE = r"\[\^([^\]\s]+)\]"

#: Elements whose text is never prose: code, links, headings, citations and the like.
NOT_PROSE = frozenset(
    {"code", "pre", "a", "h1", "h2", "h3", "h4", "h5", "h6", "sup", "kbd", "samp", "var",
     "script", "style", "img", "svg", "math", "abbr"}
)  # fmt: skip
#: Elements whose text is read as one piece when quoting the sentence around a mention.
BLOCKS = frozenset(
    {"p", "li", "td", "th", "dd", "dt", "blockquote", "figcaption", "caption", "div"}
)
_URL_RE = re.compile(r"(?:[a-zA-Z][a-zA-Z0-9+.-]*://|www\.|mailto:)\S+|\S+@\S+\.\w+")
_OPEN_TAG_RE = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(/?)>\s*\Z")
_CLOSE_TAG_RE = re.compile(r"</[a-zA-Z][a-zA-Z0-9-]*\s*>\s*\Z")
_VOID_TAGS = frozenset({"br", "hr", "img", "input", "wbr", "meta", "link", "source", "area"})
_SENTENCE_END_RE = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-ZÀ-ÞĀ-ſА-Я0-9])")
_MAX_CONTEXT = 300
EXTERNAL_REL = "noopener noreferrer"
#: Kinds whose every statement must cite a source; hand-written pages explain the site.
_LISTS = frozenset({"ul", "ol"})
_STATES_NOTHING = frozenset(
    {"h1", "h2", "h3", "h4", "h5", "h6", "pre", "code", "hr", "thead", "summary", "script"}
)
_WORD_RE = re.compile(r"[^\W\d_]")
_CITATION_TEXT_RE = re.compile(CITATION_RE)
_WIKILINK_TEXT_RE = re.compile(WIKILINK_RE)
#: What may hold a link's or image's URL as written: a run of anything but spaces, brackets
#: and quotes (``[k](../actors/kosovo.md)``, ``[k]: kosovo.md``, ``href="kosovo.md"``).
_URL_TOKEN_RE = re.compile(r"[^\s()<>\[\]\"']+")
_FOOTNOTE_DEFINITION_RE = re.compile(r"\s*\[\^[^\]\s]+\]:")
_FOOTNOTE_LINE_RE = re.compile(r"^ {0,3}\[\^[^\]\s]+\]:", re.MULTILINE)


@dataclass(frozen=True)
class PageLinks:
    """What one page links to, and what was wrong with its body."""

    links: tuple[Link, ...]
    diagnostics: tuple[Diagnostic, ...]
    #: The ids of the page's elements (anchors others may link to), and the links and images
    #: its contributor wrote, for ``targets`` to resolve once every page is known.
    anchors: frozenset[str] = frozenset()
    targets: tuple[Target, ...] = ()
    #: The source ids the body cites, in order of first citation.
    cited: tuple[str, ...] = ()
    #: What rendering the page read of other pages, when the linker records it (serving).
    reads: Reads | None = field(default=None, compare=False)
    #: What a neutral conversion read of other pages (``site_neutral``): for the process
    #: that made it alone, so never pickled (a worker hands back the rest).
    shared: SharedReads | None = field(default=None, compare=False)

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "shared": None}


@dataclass(frozen=True)
class Known:
    """What the linker knows of a slug a page names: all a page's links read of other pages."""

    #: The source path a link to it points at; None when no page has the slug.
    source: str | None
    #: The title a wikilink shows, and the tooltip of every link (the target's summary).
    title: str | None
    tooltip: str | None
    #: For a slug no page has: whether its file exists but was left out, and "did you mean".
    unloaded: bool = False
    hint: str = ""


@dataclass(frozen=True)
class Reads:
    """Everything one page's rendering read beyond its own Markdown and document.

    The page renders the same in another build if each slug is known there as it was here
    (``Linker.lookup``), and no name that changed between the two builds' matchers is part of
    its prose (``text.names.changed_names``): that is how a preview tells which pages a
    renamed brief changes.
    """

    known: tuple[tuple[str, Known], ...]
    #: The page's prose as the matcher read it (folded), one run of text a line.
    prose: str

    def read_in(self, linker: Linker, language: str) -> Reads:
        """What the same prose reads in site ``language``: the reads of a page restored there
        from another site's conversion (``site_neutral``), which held because each slug reads
        alike in both."""
        return Reads(
            tuple((slug, linker.lookup(slug, language)) for slug, _ in self.known), self.prose
        )

    def hold(self, linker: Linker, language: str, changed: frozenset[str]) -> bool:
        """Whether ``linker`` would read the same for the page (of site ``language``)."""
        if any(name in self.prose for name in changed):
            return False
        return all(linker.lookup(slug, language) == known for slug, known in self.known)

    def held_since(
        self, linker: Linker, language: str, changed: frozenset[str], moved: frozenset[str]
    ) -> bool:
        """``hold``, for a page that held in the build before: where none of its slugs
        ``moved`` since (``Linker.moved_since``), and a slug no page has (whose hint may have
        changed) reads as it did."""
        if any(name in self.prose for name in changed):
            return False
        targets = linker.targets_of(language)
        return not any(
            slug in moved if slug in targets else linker.lookup(slug, language) != known
            for slug, known in self.known
        )


@dataclass(frozen=True)
class Target:
    """A link or image as written in a page's body, with the line it is on."""

    kind: str
    url: str
    line: int
    #: Written in raw HTML, which is published as written (never made relative to the page).
    in_html: bool = False


class BodyLines:
    """Lines in a page's body, found in time linear in the body and in the number asked for.

    ``next_line(literal)`` is the line of the literal's next occurrence: its first, then its
    second, and back to its first after its last (the body's first line if it has none). Each
    literal's occurrences are searched for once, each from the one before, and the literals of
    a whole pattern (every wikilink, every citation) in one pass over the body; a line number
    is a bisection of where the body's lines end. 80,000 wikilinks, each a problem at its
    line, cost a few readings of the body instead of 80,000.
    """

    def __init__(self, body: str, first_line: int) -> None:
        self._body = body
        self._first_line = first_line
        self._line_ends: list[int] | None = None
        self._found: dict[str, list[int]] = {}
        self._complete: set[str] = set()
        self._taken: dict[str, int] = {}
        self._patterns: set[tuple[re.Pattern[str], int]] = set()

    def line(self, index: int) -> int:
        """The line of the body's character at ``index``."""
        if self._line_ends is None:
            self._line_ends = [m.start() for m in re.finditer("\n", self._body)]
        return self._first_line + bisect_left(self._line_ends, index)

    def index(self, pattern: re.Pattern[str], group: int = 0) -> None:
        """Take the occurrences of every literal that ``pattern`` matches (its ``group``) from
        one pass over the body: each literal as a whole match, none searched for alone."""
        if (pattern, group) in self._patterns:
            return
        self._patterns.add((pattern, group))
        found: dict[str, list[int]] = {}
        for match in pattern.finditer(self._body):
            found.setdefault(match.group(group), []).append(match.start(group))
        for literal, starts in found.items():
            if literal not in self._found:
                self._found[literal] = starts
                self._complete.add(literal)

    def next_line(self, literal: str) -> int:
        found = self._found.setdefault(literal, [])
        taken = self._taken.get(literal, 0)
        self._taken[literal] = taken + 1
        if taken == len(found) and literal not in self._complete:
            index = self._body.find(literal, found[-1] + 1 if found else 0)
            if index >= 0:
                found.append(index)
            else:
                self._complete.add(literal)
        return self.line(found[taken % len(found)] if found else 0)


@dataclass
class _PageState:
    doc: Document
    check_citations: bool = True
    #: Notes with neutral words, for every site to fill in its own (``site_neutral``).
    neutral: bool = False
    linked: set[str] = field(default_factory=set)
    links: list[tuple[etree.Element, str, str]] = field(default_factory=list)
    #: Source id -> the number of its note, in order of first citation.
    cited: dict[str, int] = field(default_factory=dict)
    #: "Did you mean" of each unknown source id, found once.
    source_hints: dict[str, str] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    hrefs: dict[str, str] = field(default_factory=dict)
    anchors: frozenset[str] = frozenset()
    targets: list[Target] = field(default_factory=list)
    #: The links and images of Markdown's tree with their URLs as written (``_WrittenUrls``),
    #: then, once the tree is done: (kind, URL on the page) -> the URLs written, in order.
    written: list[tuple[etree.Element, tuple[str, str]]] = field(default_factory=list)
    rewritten: dict[tuple[str, str], deque[str]] = field(default_factory=dict)
    #: Set once every treeprocessor has run: postprocessors then see the whole page (the toc
    #: extension runs them before that, on each heading's text).
    tree_done: bool = False
    #: The page read from Markdown's tree, when its body can hold no raw HTML or attributes.
    read: PageHtml | None = None
    #: What the page read of other pages (``Reads``), when the linker records it.
    known: dict[str, Known] = field(default_factory=dict)
    prose: list[str] | None = None
    lines: BodyLines = field(init=False)
    sources: dict[str, Source] = field(init=False)

    def __post_init__(self) -> None:
        self.lines = BodyLines(self.doc.body, self.doc.body_line)
        self.sources = {}
        for source in self.doc.sources:
            self.sources.setdefault(source.id, source)

    def line_of(self, literal: str) -> int:
        """The line of the next occurrence of ``literal`` in the body (its first line if none)."""
        return self.lines.next_line(literal)

    def as_written(self, kind: str, url: str) -> str:
        """A link's or image's URL as the contributor wrote it, where the page has another."""
        written = self.rewritten.get((kind, url))
        return written.popleft() if written else url

    def problem(self, literal: str, message: str, pattern: re.Pattern[str] | None = None) -> None:
        """Report at the line of the next occurrence of ``literal`` in the body; ``pattern``
        matches every literal of its kind (each occurrence of any one is then found at once)."""
        if pattern is not None:
            self.lines.index(pattern)
        self.diagnostics.append(Diagnostic(self.doc.path, self.line_of(literal), message))


def _targets(corpus: Corpus, language: Language) -> dict[str, str]:
    """Slug -> the source path a link to it points at, in ``language``'s site."""
    generated = {p.slug: language.src_uri(p.src_uri) for p in GENERATED_PAGES}
    return {**generated, **{d.slug: d.src_uri for d in corpus.documents}}


class Linker:
    """Links for every page of one build, from one matcher per language built once.

    ``corpora`` are the other languages' sites (``site.localized``), by language code: a page
    links within its own language's site, by that language's names.
    """

    def __init__(
        self,
        corpus: Corpus,
        ctx: BuildContext,
        matcher: NameMatcher | None = None,
        corpora: Mapping[str, Corpus] | None = None,
    ) -> None:
        self.ctx = ctx
        self._corpora = {**(corpora or {}), SOURCE.code: corpus}
        # Built now, before a large build forks its workers, so that they share them.
        self._matchers = {
            code: matcher if matcher is not None and code == SOURCE.code
            else corpus_matcher(c, LANGUAGE[code])
            for code, c in self._corpora.items()
        }  # fmt: skip
        self._targets = {code: _targets(c, LANGUAGE[code]) for code, c in self._corpora.items()}
        self.page: _PageState | None = None
        self.extension = _LinkerExtension(self)
        self._hints: dict[str, dict[str, str]] = {code: {} for code in self._corpora}
        self._lookups: dict[str, dict[str, Known]] = {code: {} for code in self._corpora}
        #: Whether each page's ``PageLinks`` tells what it read of other pages (``Reads``).
        self.recording = False
        self._use(SOURCE.code)

    def _use(self, language: str) -> None:
        """Link as the pages of ``language``'s site do."""
        self._language = language
        self.corpus = self._corpora[language]
        self.matcher = self._matchers[language]
        self._sources = self._targets[language]
        self._language_hints = self._hints[language]
        self._language_lookups = self._lookups[language]

    def slug_hint(self, slug: str) -> str:
        """The " (did you mean ...)" of an unknown slug: found once per build, not per link."""
        if slug not in self._language_hints:
            self._language_hints[slug] = did_you_mean(slug, self._sources)
        return self._language_hints[slug]

    def targets_of(self, language: str) -> Mapping[str, str]:
        """The slugs a link in ``language``'s site can point at, with their source paths."""
        return self._targets[language]

    def moved_since(self, last: Linker) -> dict[str, frozenset[str]]:
        """Each site's slugs that read otherwise here than in ``last``, the linker of the
        build before with the same sites: 4,000 lookups, where checking every kept page's
        reads against this linker was 100,000 at 1,000 briefs (``Reads.held_since``)."""
        moved = {}
        for code in self._corpora:
            slugs = self._targets[code].keys() | last.targets_of(code).keys()
            moved[code] = frozenset(
                slug for slug in slugs if self.lookup(slug, code) != last.lookup(slug, code)
            )
        self._use(SOURCE.code)
        return moved

    @property
    def matcher_names(self) -> Mapping[str, Mapping[str, str]]:
        """Each language's folded names, with the slugs they link to (``changed_names``)."""
        return {code: matcher.names for code, matcher in self._matchers.items()}

    def lookup(self, slug: str, language: str | None = None) -> Known:
        """What a link to ``slug`` reads of it, in the current page's site (or ``language``'s).

        Every read of another page goes through here, so that a page can be told to render the
        same in another build (``Reads``).
        """
        if language is not None:
            self._use(language)
        known = self._language_lookups.get(slug)
        if known is not None:
            return known
        source = self._sources.get(slug)
        if source is None:
            unloaded = slug in self.corpus.unloaded
            known = Known(None, None, None, unloaded, "" if unloaded else self.slug_hint(slug))
        elif (doc := self.corpus.by_slug.get(slug)) is not None:
            known = Known(source, doc.title, doc.summary)
        else:
            generated = GENERATED.get(slug)
            tooltip = page_description(generated, self._language) if generated else None
            known = Known(source, None, tooltip)
        self._language_lookups[slug] = known
        return known

    def _known(self, page: _PageState, slug: str) -> Known:
        known = page.known.get(slug)
        if known is None:
            known = page.known[slug] = self.lookup(slug)
        return known

    def matcher_of(self, language: str) -> NameMatcher:
        return self._matchers[language]

    def begin_page(
        self, doc: Document, *, check_citations: bool = True, neutral: bool = False
    ) -> None:
        """``check_citations`` is False for a stand-in whose sources could not be read;
        ``neutral``: the notes' words are markers, and what the page reads is recorded."""
        self._use(doc.language)
        self.page = _PageState(doc, check_citations, neutral)
        if self.recording or neutral:
            self.page.prose = []

    def end_page(self) -> PageLinks:
        page, self.page = self.page, None
        if page is None:
            return PageLinks((), ())
        links = tuple(
            Link(page.doc.slug, target, via, context) for _, target, via, context in page.links
        )
        reads = shared = None
        if page.prose is not None and self.recording:
            reads = Reads(tuple(sorted(page.known.items())), "\n".join(page.prose))
        if page.prose is not None and page.neutral:
            prose = tuple(page.prose)
            found = mentions(self, self._language, prose)
            shared = SharedReads(page.doc.src_uri, tuple(sorted(page.known.items())), prose, found)
        return PageLinks(
            links,
            tuple(page.diagnostics),
            page.anchors,
            tuple(page.targets),
            tuple(page.cited),
            reads,
            shared,
        )

    def bounded(self, markdown_text: str) -> str:
        """The page's Markdown, or none when its body goes past a bound (each reported)."""
        assert self.page is not None
        doc = self.page.doc
        problems = body_problems(doc.body)
        for line, message in problems:
            self.page.diagnostics.append(Diagnostic(doc.path, doc.body_line + line, message))
        return "" if problems else markdown_text

    def href(self, slug: str) -> str:
        """A Markdown-style link to the target's source file, as a contributor would write it.

        The site engine turns it into the page's URL (MkDocs also checks that it resolves).
        """
        page = self.page
        assert page is not None
        hrefs = page.hrefs
        if slug not in hrefs:  # one page links to the same few pages again and again
            source = self._known(page, slug).source
            assert source is not None
            hrefs[slug] = source_link(page.doc.src_uri, source)
        return hrefs[slug]

    def link_element(self, slug: str, text: str, css_class: str) -> etree.Element:
        element = etree.Element("a", {"href": self.href(slug), "class": css_class})
        assert self.page is not None
        tooltip = self._known(self.page, slug).tooltip
        if tooltip is not None:
            element.set("title", tooltip)
        element.text = text
        return element

    def render(
        self,
        doc: Document,
        text: str,
        extensions: Sequence[str | Extension] = (),
        extension_configs: Mapping[str, Mapping[str, Any]] | None = None,
        *,
        check_citations: bool = True,
        html: bool = True,
    ) -> tuple[str, PageLinks]:
        """Render ``text`` as the page of ``doc`` outside any site engine (checks and tests).

        ``html`` False: only what the page found is wanted (``check``), so a page whose
        allowlist was read from Markdown's tree is not serialized ("" for its HTML)."""
        md = markdown.Markdown(
            extensions=[*extensions, self.extension], extension_configs=extension_configs or {}
        )
        if not html:
            md.serializer = _unless_read(md.serializer, self)
        self.begin_page(doc, check_citations=check_citations)
        try:
            html = md.convert(self.bounded(text))
        finally:
            found = self.end_page()
        return html, found


def _unless_read(serializer: Any, linker: Linker) -> Any:
    """Markdown's serializer, but for a page read from its tree: no postprocessor reads its
    HTML then (the allowlist has the tree's reading), and a check wants nothing else."""

    def serialize(root: etree.Element) -> str:
        page = linker.page
        if page is not None and page.read is not None:
            return f"<{root.tag} />"  # what Markdown takes for an empty document
        return serializer(root)

    return serialize


class _WikilinkProcessor(InlineProcessor):
    TRIGGERS = r"\[\["  # what every match holds (``settled_inline``)

    def __init__(self, linker: Linker) -> None:
        super().__init__(WIKILINK_RE)
        self.linker = linker

    def settles(self, m: re.Match[str]) -> bool:
        """Whether ``handleMatch`` links ``m`` with its target's title (atomic) as its text."""
        page, label = self.linker.page, m.group(2)
        if page is None or (label and label.strip()):
            return False
        return self.linker.lookup(m.group(1).strip()).source is not None

    def handleMatch(self, m: re.Match[str], data: str):
        page = self.linker.page
        if page is None:
            return None, None, None
        slug, label = m.group(1).strip(), m.group(2)
        known = self.linker._known(page, slug)
        if known.source is None:
            if not known.unloaded:  # else its own problem is reported
                message = f"unknown page '{slug}' in wikilink{known.hint}"
                page.problem(m.group(0), message, _WIKILINK_TEXT_RE)
            span = etree.Element("span", {"class": "broken-wikilink"})
            span.text = label or slug
            return span, m.start(0), m.end(0)
        # A title is front-matter text: shown as written, never parsed again as Markdown (a
        # title holding its own [[slug]] would otherwise expand without end).
        title = AtomicString(known.title if known.title is not None else slug)
        text = label.strip() if label and label.strip() else title
        element = self.linker.link_element(slug, text, "wikilink")
        page.links.append((element, slug, "wikilink", ""))
        return element, m.start(0), m.end(0)


class _CitationProcessor(InlineProcessor):
    TRIGGERS = r"\[\^"

    def __init__(self, linker: Linker) -> None:
        super().__init__(CITATION_RE)
        self.linker = linker

    def settles(self, m: re.Match[str]) -> bool:
        """Whether ``handleMatch`` makes ``m`` a citation (its number atomic) of one of the
        page's sources, whose ids are slugs: no other pattern's triggers."""
        page = self.linker.page
        return page is not None and m.group(1) in page.sources

    def handleMatch(self, m: re.Match[str], data: str):
        page = self.linker.page
        if page is None:
            return None, None, None
        source_id = m.group(1)
        if source_id not in page.sources:
            if not page.check_citations:
                return None, None, None
            if source_id not in page.source_hints:
                page.source_hints[source_id] = did_you_mean(source_id, page.sources)
            message = f"unknown source id '{source_id}' in citation{page.source_hints[source_id]}"
            page.problem(m.group(0), message, _CITATION_TEXT_RE)
            return None, None, None
        number = page.cited.get(source_id)
        if number is None:  # its first use, where the note's back link goes
            number = page.cited[source_id] = len(page.cited) + 1
            sup = etree.Element("sup", {"id": f"fnref:{number}", "class": "citation"})
        else:  # no id: nothing links to a later use, and a page may hold 120,000
            sup = etree.Element("sup", {"class": "citation"})
        anchor = etree.SubElement(
            sup, "a", {"class": "footnote-ref", "href": f"#fn:{number}", "role": "doc-noteref"}
        )
        anchor.text = AtomicString(str(number))  # no inline pattern need read it again
        return sup, m.start(0), m.end(0)


class _LinkTreeprocessor(Treeprocessor):
    def __init__(self, md: markdown.Markdown, linker: Linker) -> None:
        super().__init__(md)
        self.linker = linker

    def run(self, root: etree.Element) -> None:
        page = self.linker.page
        if page is None:
            return
        _check_footnote_definitions(page, root)
        for line, message in attribute_list_refusals(page.doc.body):
            page.diagnostics.append(Diagnostic(page.doc.path, page.doc.body_line + line, message))
        if page.doc.kind in SOURCED_KINDS:
            _check_sourcing(page, root)
        self._autolink(page, root, raw_depth=0)
        _mark_external_links(root)
        self._add_notes(page, root)
        if page.links:
            sentences = _SentenceFinder(root)
            page.links = [
                (element, target, via, sentences.around(element))
                for element, target, via, _ in page.links
            ]

    def _autolink(self, page: _PageState, element: etree.Element, raw_depth: int) -> int:
        """Link mentions in ``element``'s text and its children; returns the raw-HTML depth.

        The new children are gathered and put in place once: inserting each where it goes
        would cost a scan of the children per link (80,000 wikilinks in a paragraph).
        """
        children: list[etree.Element] = []
        if element.text:
            element.text, new, raw_depth = self._link_text(page, element.text, raw_depth)
            children.extend(new)
        for child in list(element):
            if child.tag not in NOT_PROSE:
                raw_depth = self._autolink(page, child, raw_depth)
            children.append(child)
            if child.tail:
                child.tail, new, raw_depth = self._link_text(page, child.tail, raw_depth)
                children.extend(new)
        if len(children) != len(element):
            element[:] = children
        return raw_depth

    def _link_text(
        self, page: _PageState, text: str, raw_depth: int
    ) -> tuple[str, list[etree.Element], int]:
        """Split ``text`` into leading text and new link elements (each carrying its tail)."""
        pieces: list[etree.Element] = []
        head = ""
        cursor = 0
        if STX not in text and not _may_hold_url(text):  # most text: prose through and through
            if raw_depth:
                return text, [], raw_depth
            spans: Iterable[tuple[int, int, str]] = ((0, len(text), "prose"),)
        else:
            spans = _prose_spans(text, self.md)
        for start, end, kind in spans:
            if kind != "prose":
                raw_depth += {"open": 1, "close": -1}.get(kind, 0)
                raw_depth = max(raw_depth, 0)
                continue
            if raw_depth:
                continue
            folded = fold(text[start:end])
            if page.prose is not None:
                page.prose.append(folded)
            for mention in self.linker.matcher.find_folded(folded):
                slug = mention.slug
                if slug == page.doc.slug or slug in page.linked:
                    continue
                page.linked.add(slug)
                a_start, a_end = start + mention.start, start + mention.end
                if pieces:
                    pieces[-1].tail = text[cursor:a_start]
                else:
                    head = text[cursor:a_start]
                element = self.linker.link_element(slug, text[a_start:a_end], "autolink")
                pieces.append(element)
                page.links.append((element, slug, "mention", ""))
                cursor = a_end
        if pieces:
            pieces[-1].tail = text[cursor:]
            return head, pieces, raw_depth
        return text, [], raw_depth

    def _add_notes(self, page: _PageState, root: etree.Element) -> None:
        if not page.cited:
            return
        notes = etree.Element("div", {"class": "footnote", "role": "doc-endnotes"})
        marker = self._notes_marker(root)
        if marker is None:
            root.append(notes)
        else:
            root.insert(list(root).index(marker), notes)
            root.remove(marker)
        code = page.doc.language
        etree.SubElement(notes, "hr")
        neutral = page.neutral
        heading = etree.SubElement(notes, "p", {"class": "footnote-title"})
        heading.text = NOTES_HEADING if neutral else translate(code, "notes.heading")
        items = etree.SubElement(notes, "ol")
        for source_id, number in page.cited.items():
            source = page.sources[source_id]
            item = etree.SubElement(items, "li", {"id": f"fn:{number}"})
            paragraph = etree.SubElement(item, "p")
            html = source_marker(number - 1) if neutral else source_html(source, code)
            paragraph.text = self.md.htmlStash.store(html) + "\u00a0"
            back = etree.SubElement(
                paragraph,
                "a",
                {"class": "footnote-backref", "href": f"#fnref:{number}",
                 "title": back_marker(number) if neutral
                 else translate(code, "notes.back", n=number)},
            )  # fmt: skip
            back.text = "\u21a9"

    def _notes_marker(self, root: etree.Element) -> etree.Element | None:
        """The paragraph that stands for NOTES_PLACEHOLDER, where the page wants its notes."""
        for index, raw in enumerate(self.md.htmlStash.rawHtmlBlocks):
            if str(raw).strip() == NOTES_PLACEHOLDER:
                placeholder = self.md.htmlStash.get_placeholder(index)
                return next((p for p in root if p.tag == "p" and p.text == placeholder), None)
        return None


def _mark_external_links(root: etree.Element) -> None:
    """A link to another host opens nothing that can reach back into this page."""
    for anchor in root.iter("a"):
        if (anchor.get("href") or "").startswith(("http://", "https://")):
            anchor.set("rel", EXTERNAL_REL)


def _check_footnote_definitions(page: _PageState, root: etree.Element) -> None:
    """``[^id]: text`` is how other sites write notes; here the notes come from ``sources``."""
    written = _FOOTNOTE_LINE_RE.finditer(page.doc.body)
    for paragraph in root.iter("p"):
        text = paragraph.text or ""
        first = paragraph[0] if len(paragraph) else None
        rendered = (
            not text.strip()
            and first is not None
            and first.get("class") == "citation"
            and (first.tail or "").startswith(":")
        )
        if rendered or _FOOTNOTE_DEFINITION_RE.match(text):
            where = next(written, None)
            line = page.lines.line(where.start() if where else 0)
            page.diagnostics.append(
                Diagnostic(
                    page.doc.path,
                    line,
                    "hand-written footnote definitions are not allowed: describe the source "
                    "under 'sources' in the front matter and cite it with [^id]",
                )
            )


def _check_sourcing(page: _PageState, root: etree.Element) -> None:
    """Every paragraph, list item and table row that states something cites a source."""
    search = _ForwardSearch(page.doc.body)
    for block, noun in _statement_blocks(root):
        words = _first_words(block)
        index = search.find(words) if words else -1
        if not _cites(block):
            line = page.lines.line(max(index, 0))
            page.diagnostics.append(
                Diagnostic(
                    page.doc.path,
                    line,
                    f"this {noun} cites no source: add a citation such as [^id], with the id "
                    "of one of this brief's sources",
                )
            )


class _ForwardSearch:
    """Each block's first words in the body, each looked for after the last ones found.

    Words that are not in the body as typed (the title a wikilink shows, an escaped sign) are
    looked for up to its end, which read again for each block of a long page would take
    minutes: words once missing are not looked for again, and once misses have read the body
    ``_MISSES_READ`` times over, later searches look ``_WINDOW`` characters ahead. Until then
    (and in any body shorter than the window) each search is ``body.find(words, cursor)``.
    """

    _MISSES_READ = 8
    _WINDOW = 4_096

    def __init__(self, body: str) -> None:
        self._body = body
        self._cursor = 0
        self._missing: set[str] = set()
        self._budget = self._MISSES_READ * len(body)

    def find(self, words: str) -> int:
        if words in self._missing:  # missing after an earlier cursor, so after this one
            return -1
        cursor = self._cursor
        bounded = self._budget <= 0 and len(self._body) - cursor > self._WINDOW
        end = cursor + self._WINDOW if bounded else len(self._body)
        index = self._body.find(words, cursor, end)
        if index >= 0:
            self._cursor = index + len(words)
        elif not bounded:
            self._missing.add(words)
            self._budget -= len(self._body) - cursor
        return index


def _statement_blocks(element: etree.Element) -> Iterator[tuple[etree.Element, str]]:
    """The blocks the sourcing rule reads, in document order, with what a reader calls them.

    Headings, code, tables' header rows and editorial notes (admonitions) state nothing about
    the subject; a quotation is covered by the cited sentence that introduces it.
    """
    previous: etree.Element | None = None
    for child in element:
        tag = child.tag
        if tag == "p" and _has_words(child):
            yield child, "paragraph"
        elif tag == "li":
            if _has_words(child):
                yield child, "list item"
            for nested in child:
                if nested.tag in _LISTS:
                    yield from _statement_blocks(nested)
        elif tag == "tbody":
            yield from ((row, "table row") for row in child if _has_words(row))
        elif tag == "blockquote" and previous is not None and _cites(previous):
            pass
        elif tag not in _STATES_NOTHING and "admonition" not in (child.get("class") or ""):
            yield from _statement_blocks(child)
        previous = child


def _own_parts(element: etree.Element) -> Iterator[etree.Element]:
    """The element and its descendants, leaving out nested lists (their items count alone)."""
    yield element
    for child in element:
        if child.tag not in _LISTS:
            yield from _own_parts(child)


def _own_text(element: etree.Element) -> Iterator[str]:
    for part in _own_parts(element):
        if part is not element and part.tail:
            yield part.tail
        if part.text:
            yield part.text


def _has_words(element: etree.Element) -> bool:
    return any(_WORD_RE.search(_clean(text)) for text in _own_text(element))


def _cites(element: etree.Element) -> bool:
    """A citation, or a ``[^id]`` left as text because its id is unknown (reported apart)."""
    return any(
        part.tag == "sup" and part.get("class") == "citation" for part in _own_parts(element)
    ) or any(_CITATION_TEXT_RE.search(text) for text in _own_text(element))


def _first_words(element: etree.Element) -> str:
    """Some text of the block as the contributor typed it, to find the block's line."""
    for text in (element.text, *(part.text for part in element.iter())):
        words = _clean(text or "").strip()
        if words:
            return words.split("\n")[0][:40]
    return ""


def _prose_spans(text: str, md: markdown.Markdown) -> Iterator[tuple[int, int, str]]:
    """Cut a text node into prose, URLs and raw-HTML placeholders ("open", "close", "raw")."""
    cursor = 0
    for placeholder in HTML_PLACEHOLDER_RE.finditer(text):
        yield from _url_spans(text, cursor, placeholder.start())
        yield placeholder.start(), placeholder.end(), _raw_kind(md, int(placeholder.group(1)))
        cursor = placeholder.end()
    yield from _url_spans(text, cursor, len(text))


def _may_hold_url(text: str) -> bool:
    """Whether _URL_RE could match: its scan of every word for an "@" is the costly part."""
    return "@" in text or "://" in text or "www." in text or "mailto:" in text


def _url_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    cursor = start
    for url in _URL_RE.finditer(text, start, end):
        if url.start() > cursor:
            yield cursor, url.start(), "prose"
        yield url.start(), url.end(), "url"
        cursor = url.end()
    if end > cursor:
        yield cursor, end, "prose"


def _raw_kind(md: markdown.Markdown, index: int) -> str:
    raw = str(md.htmlStash.rawHtmlBlocks[index]) if index < len(md.htmlStash.rawHtmlBlocks) else ""
    if _CLOSE_TAG_RE.match(raw):
        return "close"
    opening = _OPEN_TAG_RE.match(raw)
    if opening and not opening.group(2) and opening.group(1).lower() not in _VOID_TAGS:
        return "open"
    return "raw"


class _SentenceFinder:
    """The sentence around a link, read from its innermost block (citations left out).

    The tree is read once; each block's sentence ends are found once, and each sentence once,
    however many links it holds.
    """

    def __init__(self, root: etree.Element) -> None:
        self._texts: list[str] = []
        self._where: dict[int, tuple[int, int]] = {}
        self._ends: dict[int, tuple[list[int], list[int]]] = {}
        self._sentences: dict[tuple[int, int, int], str] = {}
        self._length = 0
        self._find_blocks(root)

    def _find_blocks(self, element: etree.Element) -> bool:
        """Read every innermost block in ``element``; whether ``element`` holds a block."""
        holds = False
        for child in element:
            if self._find_blocks(child) or child.tag in BLOCKS:
                holds = True
        if not holds and element.tag in BLOCKS:
            parts: list[str] = []
            self._length = 0
            self._walk(element, parts, len(self._texts))
            self._texts.append("".join(parts))
        return holds

    def _walk(self, element: etree.Element, parts: list[str], block: int) -> None:
        if element.tag == "sup":
            return
        self._where[id(element)] = (block, self._length)
        self._add(parts, element.text)
        for child in element:
            self._walk(child, parts, block)
            self._add(parts, child.tail)

    def _add(self, parts: list[str], text: str | None) -> None:
        cleaned = _clean(text or "")
        parts.append(cleaned)
        self._length += len(cleaned)

    def around(self, element: etree.Element) -> str:
        if id(element) not in self._where:
            return ""
        block, offset = self._where[id(element)]
        text = self._texts[block]
        if block not in self._ends:
            found = list(_SENTENCE_END_RE.finditer(text))
            self._ends[block] = ([b.start() for b in found], [b.end() for b in found])
        starts, ends = self._ends[block]
        before = bisect_right(ends, offset)  # sentence ends wholly before the link
        after = bisect_left(starts, offset)  # the first one wholly after it
        begin = ends[before - 1] if before else 0
        finish = starts[after] if after < len(starts) else len(text)
        key = (block, begin, finish)
        if key not in self._sentences:
            sentence = " ".join(text[begin:finish].split())
            if len(sentence) > _MAX_CONTEXT:
                sentence = sentence[: _MAX_CONTEXT - 1] + "…"
            self._sentences[key] = sentence
        return self._sentences[key]


def _clean(text: str) -> str:
    return HTML_PLACEHOLDER_RE.sub("", text) if STX in text else text


class _AllowlistPostprocessor(Postprocessor):
    """The page's HTML once raw HTML is back in it, parsed as a browser parses it."""

    def __init__(self, md: markdown.Markdown, linker: Linker) -> None:
        super().__init__(md)
        self.linker = linker

    def run(self, text: str) -> str:
        page = self.linker.page
        if page is not None and page.tree_done:
            found = page.read or read_html(text)
            for refusal in found.refusals:
                page.problem(refusal.literal, refusal.message)
            page.anchors = found.ids
            if found.targets:
                page.lines.index(_URL_TOKEN_RE)
            written = [(kind, page.as_written(kind, url)) for kind, url in found.targets]
            in_tree = Counter(target for _, target in page.written)
            page.targets = []
            for kind, url in written:
                in_html = not in_tree[(kind, url)]
                in_tree[(kind, url)] -= not in_html
                page.targets.append(Target(kind, url, page.line_of(url), in_html))
        return text


class _WrittenUrls(Treeprocessor):
    """The links and images of the tree as they are written, before a site engine rewrites
    them for readers: MkDocs' relpath, at this priority but added after every extension, makes
    "../places/x.md" the URL "../../places/x/". Their targets are then read as written, in the
    build as in ``check`` (``_PageState.as_written``).

    A page of another language's site is one folder deeper than its file, under the same paths:
    a link to a page leads to that page of its site, but content/assets/ is at the root, so a
    link or image that points there is made from where the page is.
    """

    def __init__(self, md: markdown.Markdown, linker: Linker) -> None:
        super().__init__(md)
        self.linker = linker

    def run(self, root: etree.Element) -> None:
        page = self.linker.page
        if page is None:
            return
        page.written = [(e, found) for e in root.iter() if (found := written_target(e))]
        if page.doc.language == SOURCE.code:
            return
        assets, written_in = self.linker.corpus.assets, source_uri(page.doc.src_uri)
        for element, (_, url) in page.written:
            if link_path(written_in, url)[0] in assets:
                element.set(TARGET_ATTRIBUTES[element.tag][1], f"../{url.strip()}")


class _TreeDone(Treeprocessor):
    """Last of the treeprocessors: what postprocessors see from now on is the whole page."""

    def __init__(self, md: markdown.Markdown, linker: Linker) -> None:
        super().__init__(md)
        self.linker = linker

    def run(self, root: etree.Element) -> None:
        page = self.linker.page
        if page is not None:
            page.tree_done = True
            for element, (_, url) in page.written:
                shown = written_target(element)
                if shown is not None and shown[1] != url:
                    page.rewritten.setdefault(shown, deque()).append(url)
            if not MAY_HOLD_MARKUP.search(page.doc.body):
                page.read = read_tree(root)


class _LinkerExtension(Extension):
    def __init__(self, linker: Linker) -> None:
        super().__init__()
        self.linker = linker

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        use_linear_stages(md)  # Python-Markdown linear in a page's blocks and elements
        convert_with_collector_paused(md)
        use_quick_unescape(md)
        md.inlinePatterns.register(_WikilinkProcessor(self.linker), "site_builder_wikilink", 176)
        md.inlinePatterns.register(_CitationProcessor(self.linker), "site_builder_citation", 175)
        # After inline patterns (20) and prettify (10); before toc and MkDocs' anchor list (5),
        # which then see the notes' ids, and MkDocs' relpath (0), which checks our links resolve.
        md.treeprocessors.register(_LinkTreeprocessor(md, self.linker), "site_builder_links", 6)
        # After Markdown's unescape (0, added first), before MkDocs' relpath (0, added last).
        md.treeprocessors.register(_WrittenUrls(md, self.linker), "site_builder_written_urls", 0)
        md.treeprocessors.register(_TreeDone(md, self.linker), "site_builder_tree_done", -100)
        # After raw HTML is put back (30), before the build's own blocks are (prerendered, 25).
        md.postprocessors.register(
            _AllowlistPostprocessor(md, self.linker), "site_builder_allowlist", 27
        )
