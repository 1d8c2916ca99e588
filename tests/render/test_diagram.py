"""The SVG diagrams: well-formed, one link per node, deterministic, every label whole, legible
from a few nodes to 500, wide and stacked."""

from __future__ import annotations

import itertools
import random
import xml.etree.ElementTree as ET

import pytest

from site_builder.content.model import Corpus, Document
from site_builder.render import diagram
from site_builder.render.view import View
from tests.support import context, doc, pdate, sample_corpus

SVG = "{http://www.w3.org/2000/svg}"


def big_corpus(per_kind: int = 100, seed: int = 7) -> Corpus:
    """Actors, disputes and agreements with long titles; every actor is party to a dispute."""
    rng = random.Random(seed)
    actors = [
        doc("actor", f"actor-{i}", f"Actor number {i} with a rather long official name",
            type="person")
        for i in range(per_kind)
    ]  # fmt: skip
    slugs = [a.slug for a in actors]
    agreements = [
        doc("agreement", f"agreement-{i}", f"Agreement {i}", date=pdate("2013"),
            status="in-force", parties=tuple(rng.sample(slugs, 2)))
        for i in range(per_kind)
    ]  # fmt: skip
    disputes = [
        doc("dispute", f"dispute-{i}", f"Dispute {i} " + "x" * (i % 40), status="open",
            parties=tuple(dict.fromkeys((slugs[i], *rng.sample(slugs, 2)))),
            agreements=(f"agreement-{rng.randrange(per_kind)}",))
        for i in range(per_kind)
    ]  # fmt: skip
    return Corpus((*actors, *disputes, *agreements))


def render(corpus: Corpus, url: str = "diagram/", layout=diagram.wide) -> ET.Element:
    view = View(corpus, context(), url)
    return ET.fromstring(diagram.svg(view, layout(view, diagram.relationship_graph(view))))


def nodes(root: ET.Element) -> list[ET.Element]:
    return list(root.iter(f"{SVG}a"))


def test_well_formed_accessible_svg() -> None:
    root = render(sample_corpus())
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "group"  # it holds links: role="img" would hide them (axe)
    title, desc = root.get("aria-labelledby", "").split()
    ids = {e.get("id"): e.tag for e in root.iter()}
    assert ids[title] == f"{SVG}title" and ids[desc] == f"{SVG}desc"
    assert root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}"
    assert not list(root.iter(f"{SVG}script"))


def test_exactly_one_link_per_node() -> None:
    corpus = sample_corpus()
    links = [a.get("href") for a in nodes(render(corpus))]
    # Philip Reeker is party to nothing and is left out; every dispute and agreement is drawn.
    assert sorted(links) == sorted(
        [
            "../actors/kosovo/",
            "../actors/serbia/",
            "../disputes/association/",
            "../disputes/license-plates/",
            "../agreements/brussels-agreement/",
            "../agreements/ohrid-agreement/",
        ]
    )


def test_standalone_links_are_relative_to_the_file() -> None:
    links = {a.get("href") for a in nodes(render(sample_corpus(), "diagram.svg"))}
    assert "actors/kosovo/" in links


def test_deterministic_whatever_the_corpus_order() -> None:
    corpus = big_corpus()
    shuffled = list(corpus.documents)
    random.Random(1).shuffle(shuffled)
    view = View(corpus, context(), "diagram/")
    again = View(Corpus(tuple(shuffled)), context(), "diagram/")
    for layout in (diagram.wide, diagram.stacked):
        first = diagram.svg(view, layout(view, diagram.relationship_graph(view)))
        assert first == diagram.svg(again, layout(again, diagram.relationship_graph(again)))


def boxes(root: ET.Element) -> list[tuple[float, float, float, float]]:
    out = []
    for rect in root.iter(f"{SVG}rect"):
        x, y, w, h = (float(rect.get(k, "0")) for k in ("x", "y", "width", "height"))
        out.append((x, y, x + w, y + h))
    return out


@pytest.mark.parametrize("layout", [diagram.wide, diagram.stacked], ids=["wide", "stacked"])
@pytest.mark.parametrize("per_kind", [4, 167])
def test_no_overlapping_boxes_from_a_dozen_nodes_to_500(layout, per_kind: int) -> None:
    root = render(big_corpus(per_kind), layout=layout)
    found = boxes(root)
    assert len(found) == len(nodes(root)) == 3 * per_kind
    for (ax0, ay0, ax1, ay1), (bx0, by0, bx1, by1) in itertools.combinations(found, 2):
        assert ax1 <= bx0 or bx1 <= ax0 or ay1 <= by0 or by1 <= ay0
    width, height = float(root.get("width", 0)), float(root.get("height", 0))
    assert all(x0 >= 0 and y0 >= 0 and x1 <= width and y1 <= height for x0, y0, x1, y1 in found)


def lines_of(node: ET.Element, cls: str = "diagram-label") -> list[ET.Element]:
    text = next(t for t in node.iter(f"{SVG}text") if t.get("class") == cls)
    return list(text.iter(f"{SVG}tspan"))


@pytest.mark.parametrize("layout", [diagram.wide, diagram.stacked], ids=["wide", "stacked"])
def test_every_label_is_whole_wrapped_inside_its_box(layout) -> None:
    root = render(big_corpus(10), layout=layout)
    wrapped = 0
    for node in nodes(root):
        rect = node.find(f"{SVG}rect")
        assert rect is not None
        x, y = float(rect.get("x", 0)), float(rect.get("y", 0))
        right, bottom = x + float(rect.get("width", 0)), y + float(rect.get("height", 0))
        lines = lines_of(node)
        title = node.get("aria-label", "").split(" (")[0]
        assert " ".join(t.text or "" for t in lines) == " ".join(title.split())
        for tspan in lines:
            assert x < float(tspan.get("x", 0))
            assert (
                diagram.text_width(tspan.text or "")
                <= right - diagram.PADDING - x - diagram.PADDING
            )
            assert y < float(tspan.get("y", 0)) < bottom
        wrapped += len(lines) > 1
    assert wrapped > 0 and "…" not in ET.tostring(root, encoding="unicode")


def test_wrap_breaks_between_words_and_inside_a_word_too_long_for_a_line() -> None:
    assert diagram.wrap("Association of Serb-majority Municipalities", 180) == (
        "Association of", "Serb-majority", "Municipalities",
    )  # fmt: skip
    assert diagram.wrap("x" * 40, 100) == ("x" * 12, "x" * 12, "x" * 12, "x" * 4)
    assert diagram.wrap("  ", 100) == ()


def test_nodes_are_links_with_an_accessible_name() -> None:
    root = render(sample_corpus())
    names = sorted(a.get("aria-label") for a in nodes(root))
    assert names[:2] == [
        "Association of Serb-majority Municipalities (dispute)",
        "Brussels Agreement (agreement)",
    ]
    assert all(a.get("href") for a in nodes(root))


def test_stacked_nodes_write_their_links_under_the_title() -> None:
    root = render(sample_corpus(), layout=diagram.stacked)
    assert root.get("width") == str(diagram.STACKED_WIDTH)
    assert not list(root.iter(f"{SVG}path"))
    headings = [t.text for t in root.iter(f"{SVG}text") if t.get("x") and not list(t)]
    assert headings == ["Actors", "Disputes", "Agreements"]
    kosovo = next(a for a in nodes(root) if a.get("href") == "../actors/kosovo/")
    assert [t.text for t in lines_of(kosovo, "diagram-note")] == [
        "Disputes: Association of Serb-majority Municipalities,",
        "Licence plates",
        "Agreements: Brussels Agreement, Ohrid Agreement",
    ]
    assert kosovo.get("aria-label", "").startswith("Kosovo (actor); Disputes: Association")


def test_stacked_nodes_count_their_links_past_a_handful() -> None:
    root = render(big_corpus(40), layout=diagram.stacked)
    notes = [
        t.text or ""
        for a in nodes(root)
        for t in (lines_of(a, "diagram-note") if len(list(a.iter(f"{SVG}text"))) > 1 else [])
    ]
    assert any(n.startswith("Disputes: ") and n.removeprefix("Disputes: ").isdigit() for n in notes)


def test_edges_join_the_right_columns() -> None:
    root = render(sample_corpus())
    kinds = [p.get("class", "").split()[-1] for p in root.iter(f"{SVG}path")]
    # 2 disputes x 2 parties, 2 agreements x 2 parties, 1 dispute-agreement link
    assert sorted(kinds) == ["edge-agreement"] + ["edge-party"] * 4 + ["edge-signatory"] * 4


def dispute_svg(dispute: Document, corpus: Corpus) -> ET.Element:
    view = View.of(dispute.src_uri, corpus, context())
    return ET.fromstring(
        diagram.svg(view, diagram.wide(view, diagram.dispute_graph(view, dispute)))
    )


def test_dispute_diagram_shows_parties_agreements_and_places() -> None:
    corpus = sample_corpus()
    root = dispute_svg(corpus.by_slug["association"], corpus)
    assert [a.get("href") for a in nodes(root)] == [
        "../../actors/kosovo/",
        "../../actors/serbia/",
        "./",
        "../../agreements/brussels-agreement/",
        "../../places/presevo/",
    ]
    assert len(list(root.iter(f"{SVG}path"))) == 4


def test_empty_corpus_gives_a_valid_empty_diagram() -> None:
    root = render(Corpus(()))
    assert nodes(root) == []
    assert "0 actors, 0 disputes and 0 agreements" in (root.findtext(f"{SVG}desc") or "")
