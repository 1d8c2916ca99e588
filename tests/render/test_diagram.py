"""The SVG diagrams: well-formed, one link per node, deterministic, legible at 300 nodes."""

from __future__ import annotations

import itertools
import random
import xml.etree.ElementTree as ET

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


def render(corpus: Corpus, url: str = "diagram/") -> ET.Element:
    view = View(corpus, context(), url)
    return ET.fromstring(diagram.svg(view, diagram.relationship_diagram(view)))


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
    first = diagram.svg(view, diagram.relationship_diagram(view))
    again = View(Corpus(tuple(shuffled)), context(), "diagram/")
    assert first == diagram.svg(again, diagram.relationship_diagram(again))


def boxes(root: ET.Element) -> list[tuple[float, float, float, float]]:
    out = []
    for rect in root.iter(f"{SVG}rect"):
        x, y, w, h = (float(rect.get(k, "0")) for k in ("x", "y", "width", "height"))
        out.append((x, y, x + w, y + h))
    return out


def test_no_overlapping_labels_at_300_nodes() -> None:
    root = render(big_corpus(100))
    found = boxes(root)
    assert len(found) == len(nodes(root)) == 300
    for (ax0, ay0, ax1, ay1), (bx0, by0, bx1, by1) in itertools.combinations(found, 2):
        assert ax1 <= bx0 or bx1 <= ax0 or ay1 <= by0 or by1 <= ay0
    width, height = float(root.get("width", 0)), float(root.get("height", 0))
    assert all(x0 >= 0 and y0 >= 0 and x1 <= width and y1 <= height for x0, y0, x1, y1 in found)


def test_long_labels_are_cut_to_fit_and_keep_the_full_title() -> None:
    root = render(big_corpus(10))
    for node in nodes(root):
        full = node.findtext(f"{SVG}title") or ""
        label = node.findtext(f"{SVG}text") or ""
        assert diagram.text_width(label) <= diagram.BOX_WIDTH - 2 * diagram.PADDING
        assert label == full or (label.endswith("…") and full.startswith(label[:-1]))
    assert any((n.findtext(f"{SVG}text") or "").endswith("…") for n in nodes(root))


def test_edges_join_the_right_columns() -> None:
    root = render(sample_corpus())
    kinds = [p.get("class", "").split()[-1] for p in root.iter(f"{SVG}path")]
    # 2 disputes x 2 parties, 2 agreements x 2 parties, 1 dispute-agreement link
    assert sorted(kinds) == ["edge-agreement"] + ["edge-party"] * 4 + ["edge-signatory"] * 4


def dispute_svg(dispute: Document, corpus: Corpus) -> ET.Element:
    view = View.of(dispute.src_uri, corpus, context())
    return ET.fromstring(diagram.svg(view, diagram.dispute_diagram(view, dispute)))


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
