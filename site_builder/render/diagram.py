"""Static SVG diagrams of who is party to what, laid out at build time, in two layouts.

The wide layout sets nodes in columns by kind, joined by lines; the stacked layout, for phones,
puts the columns one under the other and writes each node's links under its title, as lines
would not fit. In both, every label is whole: a title wraps onto as many lines as it needs and
its box grows to hold them, so boxes never overlap however many nodes there are (the columns
grow longer, never denser). Columns are sorted by title so a reader can find a node, and the
output depends on nothing but the corpus. No JavaScript: every node is a plain link, with an
accessible name and a focus ring (site.css).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from site_builder.content.model import Document
from site_builder.render.order import by_title
from site_builder.render.view import View

FONT_SIZE = 13
NOTE_SIZE = 11
LINE = 16
NOTE_LINE = 14
PADDING = 8
PAD_Y = 5
MARGIN = 12
HEADER = 30
ROW_GAP = 6
#: The wide layout: three columns fit a desktop's text column (about 700 px) at full size.
BOX_WIDTH = 196
GAP = 48
#: The stacked layout: one column, as wide as a phone's text column.
STACKED_WIDTH = 360
SECTION_GAP = 18
#: Past this many links to one column, a stacked node counts them instead of naming each.
MAX_NAMED = 5


@dataclass(frozen=True)
class Graph:
    """What a diagram shows, before any layout: columns (heading, documents) and edges
    (kind, slug, slug)."""

    element_id: str
    title: str
    desc: str
    columns: tuple[tuple[str, tuple[Document, ...]], ...]
    edges: frozenset[tuple[str, str, str]]
    centre: bool = False

    @property
    def shown(self) -> tuple[tuple[str, tuple[Document, ...]], ...]:
        """The columns that hold a node."""
        return tuple((heading, docs) for heading, docs in self.columns if docs)


@dataclass(frozen=True)
class Box:
    """One node: a document drawn as a box of wrapped lines that links to its page."""

    doc: Document
    href: str
    x: int
    y: int
    width: int
    lines: tuple[str, ...]
    #: The kind as the link's accessible name gives it ("dispute"), in the page's language.
    kind: str
    notes: tuple[str, ...] = ()

    @property
    def height(self) -> int:
        return 2 * PAD_Y + len(self.lines) * LINE + len(self.notes) * NOTE_LINE

    @property
    def middle(self) -> int:
        return self.y + self.height // 2

    @property
    def text_x(self) -> int:
        return self.x + PADDING

    @property
    def line_ys(self) -> tuple[int, ...]:
        """The baseline of each line of the title."""
        first = self.y + PAD_Y + FONT_SIZE
        return tuple(first + i * LINE for i in range(len(self.lines)))

    @property
    def note_ys(self) -> tuple[int, ...]:
        first = self.y + PAD_Y + len(self.lines) * LINE + NOTE_SIZE + 1
        return tuple(first + i * NOTE_LINE for i in range(len(self.notes)))

    @property
    def name(self) -> str:
        """The link's accessible name: the title, the kind and, when written, the links."""
        return "; ".join((f"{self.doc.title} ({self.kind})", *self.notes))


@dataclass(frozen=True, order=True)
class Edge:
    kind: str
    path: str


@dataclass(frozen=True)
class Heading:
    text: str
    x: int
    y: int


@dataclass(frozen=True)
class Diagram:
    """A laid-out diagram, ready for the ``diagram.svg.html`` template."""

    element_id: str
    title: str
    desc: str
    width: int
    height: int
    headings: tuple[Heading, ...]
    boxes: tuple[Box, ...]
    edges: tuple[Edge, ...]
    layout: str = "wide"
    font_size: int = FONT_SIZE
    note_size: int = NOTE_SIZE


_NARROW = frozenset("fijlrtI!'()*,-./:;[]|` ")
_WIDE = frozenset("mwMW@%")


def char_width(char: str, size: int = FONT_SIZE) -> float:
    """A character's width in pixels, estimated on the side of wide sans-serif fonts (DejaVu
    Sans, the usual fallback on Linux), so that an estimated line never overflows its box."""
    if char in _NARROW:
        return 0.36 * size
    if char in _WIDE:
        return 0.98 * size
    return (0.78 if char.isupper() else 0.64) * size


def text_width(text: str, size: int = FONT_SIZE) -> float:
    return sum(char_width(c, size) for c in text)


def _split_word(word: str, width: float, size: int) -> list[str]:
    """A word wider than a line, in pieces that each fit."""
    pieces, piece = [], ""
    for char in word:
        if piece and text_width(piece + char, size) > width:
            pieces.append(piece)
            piece = ""
        piece += char
    return [*pieces, piece] if piece else pieces


def wrap(text: str, width: float, size: int = FONT_SIZE) -> tuple[str, ...]:
    """``text`` in lines of at most ``width`` pixels (estimated), broken between words; a
    word longer than a line is broken inside. Every character is kept, in order."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, size) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        pieces = _split_word(word, width, size) if text_width(word, size) > width else [word]
        lines.extend(pieces[:-1])
        line = pieces[-1]
    return (*lines, line) if line else tuple(lines)


def _edge_path(a: Box, b: Box) -> str:
    """A curve from the right side of ``a`` to the left side of ``b``."""
    x1, x2 = a.x + a.width, b.x
    mid = (x1 + x2) / 2
    return f"M{x1:g} {a.middle:g}C{mid:g} {a.middle:g} {mid:g} {b.middle:g} {x2:g} {b.middle:g}"


def wide(view: View, graph: Graph) -> Diagram:
    """Columns left to right, joined by lines. ``graph.centre`` centres shorter columns on
    the tallest one, which suits a star around one node; otherwise every column starts at the
    top."""
    shown = graph.shown
    inner = BOX_WIDTH - 2 * PADDING
    columns = [[wrap(doc.title, inner) for doc in docs] for _, docs in shown]
    heights = [sum(_height(lines) + ROW_GAP for lines in column) for column in columns]
    tallest = max(heights, default=0)
    headings: list[Heading] = []
    boxes: dict[str, Box] = {}
    for index, ((heading, docs), wrapped) in enumerate(zip(shown, columns, strict=True)):
        x = MARGIN + index * (BOX_WIDTH + GAP)
        headings.append(Heading(heading, x, MARGIN + FONT_SIZE))
        y = MARGIN + HEADER + ((tallest - heights[index]) // 2 if graph.centre else 0)
        for doc, lines in zip(docs, wrapped, strict=True):
            boxes[doc.slug] = Box(
                doc, view.href(doc.src_uri), x, y, BOX_WIDTH, lines, _kind(view, doc)
            )
            y += _height(lines) + ROW_GAP
    drawn = sorted(
        Edge(kind, _edge_path(*sorted((boxes[a], boxes[b]), key=lambda box: box.x)))
        for kind, a, b in graph.edges
        if a in boxes and b in boxes and boxes[a].x != boxes[b].x
    )
    return Diagram(
        element_id=graph.element_id,
        title=graph.title,
        desc=graph.desc,
        width=2 * MARGIN + max(len(shown), 1) * BOX_WIDTH + max(len(shown) - 1, 0) * GAP,
        height=MARGIN + HEADER + tallest + MARGIN,
        headings=tuple(headings),
        boxes=tuple(boxes.values()),
        edges=tuple(drawn),
    )


def _kind(view: View, doc: Document) -> str:
    return view.translate(f"kind.{doc.kind}").lower()


def _height(lines: Sequence[str]) -> int:
    return 2 * PAD_Y + len(lines) * LINE


def links_of(graph: Graph) -> dict[str, dict[str, list[Document]]]:
    """Slug -> column heading -> the documents of that column it is joined to, by title."""
    column_of = {doc.slug: heading for heading, docs in graph.shown for doc in docs}
    docs = {doc.slug: doc for _, column in graph.shown for doc in column}
    found: dict[str, dict[str, list[Document]]] = {}
    for _, a, b in sorted(graph.edges):
        if a in docs and b in docs and column_of[a] != column_of[b]:
            found.setdefault(a, {}).setdefault(column_of[b], []).append(docs[b])
            found.setdefault(b, {}).setdefault(column_of[a], []).append(docs[a])
    return found


def _notes(links: dict[str, list[Document]], width: float) -> tuple[str, ...]:
    """ "Disputes: A, B" for each linked column (a count past ``MAX_NAMED``), wrapped."""
    lines: list[str] = []
    for heading, docs in links.items():
        unique = by_title(dict.fromkeys(docs))
        named = ", ".join(d.title for d in unique) if len(unique) <= MAX_NAMED else len(unique)
        lines.extend(wrap(f"{heading}: {named}", width, NOTE_SIZE))
    return tuple(lines)


def stacked(view: View, graph: Graph) -> Diagram:
    """The columns one under the other, each node with its links written under its title."""
    box_width = STACKED_WIDTH - 2 * MARGIN
    inner = box_width - 2 * PADDING
    links = links_of(graph)
    headings: list[Heading] = []
    boxes: list[Box] = []
    y = MARGIN
    for heading, docs in graph.shown:
        headings.append(Heading(heading, MARGIN, y + FONT_SIZE))
        y += HEADER
        for doc in docs:
            notes = _notes(links.get(doc.slug, {}), inner)
            lines = wrap(doc.title, inner)
            box = Box(
                doc, view.href(doc.src_uri), MARGIN, y, box_width, lines, _kind(view, doc), notes
            )
            boxes.append(box)
            y += box.height + ROW_GAP
        y += SECTION_GAP
    return Diagram(
        element_id=f"{graph.element_id}-stacked",
        title=graph.title,
        desc=graph.desc,
        width=STACKED_WIDTH,
        height=max(y - SECTION_GAP - ROW_GAP + MARGIN, 2 * MARGIN),
        headings=tuple(headings),
        boxes=tuple(boxes),
        edges=(),
        layout="stacked",
    )


def svg(view: View, diagram: Diagram) -> str:
    """The diagram as SVG markup, the same inline in a page and as a standalone file."""
    return view.text("diagram.svg.html", diagram=diagram).strip() + "\n"


def wide_svg(view: View, graph: Graph) -> str:
    """The wide layout's SVG, kept while serving (``kept_svg``)."""
    return kept_svg(view, graph, wide)


def kept_svg(view: View, graph: Graph, layout: Callable[[View, Graph], Diagram]) -> str:
    """A layout's SVG, or while serving the last build's of the same ``key``: the site's
    diagram, which every rename makes again, most of the time to the same."""
    return view.kept((layout.__name__, key(graph)), lambda: svg(view, layout(view, graph)))


def figure(
    view: View, graph: Graph, caption: str, standalone: str | None = None, *, kept: bool = False
) -> str:
    """The diagram inline in a page: wide on a wide screen and in print, stacked on a phone.

    ``standalone`` is the site-root path of the wide diagram as a file, linked from the caption.
    ``kept``: the layouts are kept while serving (``kept_svg``).
    """
    made = kept_svg if kept else lambda view, graph, layout: svg(view, layout(view, graph))
    return view.block(
        "diagram_figure.html",
        wide=Markup(made(view, graph, wide)),
        stacked=Markup(made(view, graph, stacked)),
        caption=caption,
        standalone=standalone,
    )


def key(graph: Graph) -> tuple[object, ...]:
    """All a layout reads of a graph: each node's slug, kind, page and title, the edges."""
    columns = tuple(
        (heading, tuple((d.slug, d.kind, d.src_uri, d.title) for d in docs))
        for heading, docs in graph.columns
    )
    return (graph.element_id, graph.title, graph.desc, graph.centre, columns, graph.edges)


def _graph(
    element_id: str,
    title: str,
    desc: str,
    columns: Sequence[tuple[str, Iterable[Document]]],
    edges: Iterable[tuple[str, str, str]],
    *,
    centre: bool = False,
) -> Graph:
    return Graph(
        element_id,
        title,
        desc,
        tuple((heading, tuple(docs)) for heading, docs in columns),
        frozenset(edges),
        centre,
    )


def relationship_graph(view: View) -> Graph:
    """Actors | disputes | agreements, with the parties of each dispute and agreement."""
    corpus = view.corpus
    disputes = corpus.of_kind("dispute")
    agreements = corpus.of_kind("agreement")
    edges = {("party", actor, d.slug) for d in disputes for actor in d.parties}
    edges |= {("signatory", actor, a.slug) for a in agreements for actor in a.parties}
    edges |= {("agreement", d.slug, a) for d in disputes for a in d.agreements}
    linked = {actor for _, actor, _ in edges}
    actors = [a for a in corpus.of_kind("actor") if a.slug in linked]
    return _graph(
        "relationship-diagram",
        view.translate("diagram.relationship.title"),
        view.translate(
            "diagram.relationship.desc",
            actors=view.translate("count.actor", n=len(actors)),
            disputes=view.translate("count.dispute", n=len(disputes)),
            agreements=view.translate("count.agreement", n=len(agreements)),
        ),
        [
            (view.translate("kind.actor.plural"), by_title(actors)),
            (view.translate("kind.dispute.plural"), by_title(disputes)),
            (view.translate("kind.agreement.plural"), by_title(agreements)),
        ],
        edges,
    )


def dispute_graph(view: View, dispute: Document) -> Graph:
    """One dispute at the centre: its parties on the left, its agreements and places right."""
    docs = view.corpus.by_slug
    parties = by_title(docs[s] for s in dispute.parties if s in docs)
    agreements = by_title(docs[s] for s in dispute.agreements if s in docs)
    places = by_title(docs[s] for s in dispute.places if s in docs)
    edges = {("party", p.slug, dispute.slug) for p in parties}
    edges |= {("agreement", dispute.slug, a.slug) for a in agreements}
    edges |= {("place", dispute.slug, p.slug) for p in places}
    return _graph(
        f"diagram-{dispute.slug}",
        view.translate("diagram.dispute.title", title=dispute.title),
        view.translate(
            "diagram.dispute.desc",
            parties=view.translate("count.party", n=len(parties)),
            agreements=view.translate("count.agreement", n=len(agreements)),
            places=view.translate("count.place", n=len(places)),
        ),
        [
            (view.translate("diagram.parties"), parties),
            (view.translate("kind.dispute"), [dispute]),
            (view.translate("diagram.agreements_places"), [*agreements, *places]),
        ],
        edges,
        centre=True,
    )
