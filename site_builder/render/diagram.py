"""Static SVG diagrams of who is party to what, laid out at build time.

Nodes sit in columns by kind, one row each, so labels never overlap however many nodes
there are; a label too long for its box is cut with an ellipsis and the full title kept in
the node's ``<title>``. Columns are sorted by title so a reader can find a node, and the
output depends on nothing but the corpus. No JavaScript: every node is a plain link.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from site_builder.content.model import Document
from site_builder.render.labels import counted
from site_builder.render.order import by_title
from site_builder.render.view import View

FONT_SIZE = 13
BOX_WIDTH = 210
BOX_HEIGHT = 22
ROW = 28
GAP = 72
MARGIN = 12
HEADER = 30
PADDING = 8


@dataclass(frozen=True)
class Box:
    """One node: a document drawn as a labelled box that links to its page."""

    doc: Document
    href: str
    x: int
    y: int

    @property
    def label(self) -> str:
        return truncate(self.doc.title, BOX_WIDTH - 2 * PADDING)

    @property
    def middle(self) -> int:
        return self.y + BOX_HEIGHT // 2

    @property
    def text_x(self) -> int:
        return self.x + PADDING


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
    box_width: int = BOX_WIDTH
    box_height: int = BOX_HEIGHT
    font_size: int = FONT_SIZE


_NARROW = frozenset("fijlrtI!'()*,-./:;[]|` ")
_WIDE = frozenset("mwMW@%")


def char_width(char: str) -> float:
    """A character's width in pixels, estimated on the side of wide sans-serif fonts (DejaVu
    Sans, the usual fallback on Linux), so that an estimated label never overflows its box."""
    if char in _NARROW:
        return 0.36 * FONT_SIZE
    if char in _WIDE:
        return 0.98 * FONT_SIZE
    return (0.78 if char.isupper() else 0.64) * FONT_SIZE


def text_width(text: str) -> float:
    return sum(char_width(c) for c in text)


def truncate(text: str, width: float) -> str:
    """``text`` cut to fit ``width`` pixels (estimated), ending with an ellipsis when cut."""
    if text_width(text) <= width:
        return text
    room = width - char_width("…")
    end = 0
    while end < len(text) and room >= char_width(text[end]):
        room -= char_width(text[end])
        end += 1
    return text[:end].rstrip() + "…"


def _edge_path(a: Box, b: Box) -> str:
    """A curve from the right side of ``a`` to the left side of ``b``."""
    x1, x2 = a.x + BOX_WIDTH, b.x
    mid = (x1 + x2) / 2
    return f"M{x1:g} {a.middle:g}C{mid:g} {a.middle:g} {mid:g} {b.middle:g} {x2:g} {b.middle:g}"


def layout(
    view: View,
    *,
    element_id: str,
    title: str,
    desc: str,
    columns: Sequence[tuple[str, Sequence[Document]]],
    edges: Iterable[tuple[str, str, str]],
    centre: bool = False,
) -> Diagram:
    """Place ``columns`` (heading, documents) left to right, joined by (kind, slug, slug) edges.

    Empty columns are left out. ``centre`` centres shorter columns on the tallest one, which
    suits a star around one node; otherwise every column starts at the top.
    """
    shown = [(heading, docs) for heading, docs in columns if docs]
    rows = max((len(docs) for _, docs in shown), default=0)
    headings: list[Heading] = []
    boxes: dict[str, Box] = {}
    for index, (heading, docs) in enumerate(shown):
        x = MARGIN + index * (BOX_WIDTH + GAP)
        headings.append(Heading(heading, x, MARGIN + FONT_SIZE))
        top = MARGIN + HEADER + ((rows - len(docs)) * ROW // 2 if centre else 0)
        for row, doc in enumerate(docs):
            boxes[doc.slug] = Box(doc, view.href(doc.src_uri), x, top + row * ROW)
    drawn = sorted(
        Edge(kind, _edge_path(*sorted((boxes[a], boxes[b]), key=lambda box: box.x)))
        for kind, a, b in set(edges)
        if a in boxes and b in boxes and boxes[a].x != boxes[b].x
    )
    return Diagram(
        element_id=element_id,
        title=title,
        desc=desc,
        width=2 * MARGIN + max(len(shown), 1) * BOX_WIDTH + max(len(shown) - 1, 0) * GAP,
        height=MARGIN + HEADER + rows * ROW + MARGIN,
        headings=tuple(headings),
        boxes=tuple(boxes.values()),
        edges=tuple(drawn),
    )


def svg(view: View, diagram: Diagram) -> str:
    """The diagram as SVG markup, the same inline in a page and as a standalone file."""
    return view.text("diagram.svg.html", diagram=diagram).strip() + "\n"


def figure(view: View, diagram: Diagram, caption: str, standalone: str | None = None) -> str:
    """The diagram inline in a page, in a figure that scrolls sideways on narrow screens.

    ``standalone`` is the site-root path of the same diagram as a file, linked from the caption.
    """
    return view.block(
        "diagram_figure.html",
        svg=Markup(svg(view, diagram)),
        caption=caption,
        standalone=standalone,
    )


def relationship_diagram(view: View) -> Diagram:
    """Actors | disputes | agreements, with the parties of each dispute and agreement."""
    corpus = view.corpus
    disputes = corpus.of_kind("dispute")
    agreements = corpus.of_kind("agreement")
    edges = {("party", actor, d.slug) for d in disputes for actor in d.parties}
    edges |= {("signatory", actor, a.slug) for a in agreements for actor in a.parties}
    edges |= {("agreement", d.slug, a) for d in disputes for a in d.agreements}
    linked = {actor for _, actor, _ in edges}
    actors = [a for a in corpus.of_kind("actor") if a.slug in linked]
    counts = (
        f"{counted(len(actors), 'actor')}, {counted(len(disputes), 'dispute')}"
        f" and {counted(len(agreements), 'agreement')}"
    )
    return layout(
        view,
        element_id="relationship-diagram",
        title="Relationship diagram: actors, disputes and agreements",
        desc=(
            f"{counts}. Lines join each dispute and each agreement to its parties (dashed for"
            " agreements), and each dispute to its agreements. The index pages list the same"
            " relationships as text."
        ),
        columns=[
            ("Actors", by_title(actors)),
            ("Disputes", by_title(disputes)),
            ("Agreements", by_title(agreements)),
        ],
        edges=edges,
    )


def dispute_diagram(view: View, dispute: Document) -> Diagram:
    """One dispute at the centre: its parties on the left, its agreements and places right."""
    docs = view.corpus.by_slug
    parties = by_title(docs[s] for s in dispute.parties if s in docs)
    agreements = by_title(docs[s] for s in dispute.agreements if s in docs)
    places = by_title(docs[s] for s in dispute.places if s in docs)
    edges = {("party", p.slug, dispute.slug) for p in parties}
    edges |= {("agreement", dispute.slug, a.slug) for a in agreements}
    edges |= {("place", dispute.slug, p.slug) for p in places}
    return layout(
        view,
        element_id=f"diagram-{dispute.slug}",
        title=f"{dispute.title}: parties, agreements and places",
        desc=(
            f"{counted(len(parties), 'party', 'parties')}, {counted(len(agreements), 'agreement')}"
            f" and {counted(len(places), 'place')}, as listed in the key facts of this page."
        ),
        columns=[
            ("Parties", parties),
            ("Dispute", [dispute]),
            ("Agreements and places", [*agreements, *places]),
        ],
        edges=edges,
        centre=True,
    )
