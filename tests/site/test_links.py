from site_builder.content.model import Link, Position
from site_builder.site.links import backlinks, backlinks_again, front_matter_links
from tests.support import make_corpus, make_doc


def test_front_matter_references_become_links() -> None:
    corpus = make_corpus(
        make_doc("actor", "serbia", "Serbia"),
        make_doc("actor", "petkovic", "Petar Petković", affiliation=("serbia",)),
        make_doc(
            "dispute",
            "association",
            "Association",
            parties=("serbia",),
            positions=(Position("serbia", "Central."),),
        ),
    )
    assert set(front_matter_links(corpus)) == {
        Link("petkovic", "serbia", "front-matter", "affiliation"),
        Link("association", "serbia", "front-matter", "parties"),
        Link("association", "serbia", "front-matter", "positions"),
    }


def test_backlinks_group_by_target_without_duplicates_or_self_links() -> None:
    links = [
        Link("b", "a", "mention", "B mentions A."),
        Link("b", "a", "mention", "B mentions A."),
        Link("a", "a", "wikilink", ""),
        Link("c", "a", "front-matter", "parties"),
        Link("b", "c", "wikilink", "See C."),
    ]
    result = backlinks(links)
    assert result["a"] == (
        Link("b", "a", "mention", "B mentions A."),
        Link("c", "a", "front-matter", "parties"),
    )
    assert result["c"] == (Link("b", "c", "wikilink", "See C."),)
    assert "b" not in result


def test_backlinks_again_are_the_backlinks_of_the_links_as_they_are_now() -> None:
    """Only the targets the removed and added links touch change; the rest is as it was."""
    kept = [
        Link("c", "a", "front-matter", "parties"),
        Link("d", "b", "mention", "D names B."),
        Link("b", "a", "wikilink", "B links A."),
    ]
    removed = [Link("b", "a", "wikilink", "B links A."), Link("b", "c", "mention", "B, C.")]
    added = [Link("b", "d", "mention", "Now B names D."), Link("b", "b", "wikilink", "")]
    last = backlinks([*kept, *removed])
    now = backlinks([link for link in kept if link not in removed] + added)
    again = backlinks_again(last, removed, added)
    assert dict(again) == dict(now)
    assert list(again) == ["a", "b", "d"]  # no link left to C; none from B to itself
    assert again["b"] is last["b"]
