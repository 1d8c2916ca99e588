"""The navigation lists what the index pages list, in the same order."""

from __future__ import annotations

import re

from site_builder.generated import PAGES
from site_builder.site.navigation import listed_pages, navigation
from tests.support import context, make_corpus, make_doc, to_html


def _places() -> list:
    return [
        make_doc("place", "zubin-potok", "Zubin Potok", type="municipality"),
        make_doc("place", "sabac", "Šabac", type="municipality"),
        make_doc("place", "strpce", "Štrpce", type="municipality"),
        make_doc("place", "suva-reka", "Suva Reka", type="municipality"),
        make_doc("place", "leposavic", "Leposavić", type="municipality"),
    ]


def test_the_sidebar_sorts_names_as_the_index_pages_do() -> None:
    """ "Šabac" among the S's in both, never after "Z" in one of them."""
    corpus = make_corpus(*_places())
    nav = navigation(corpus, PAGES, limit=40)
    (sidebar,) = [entry["Places"] for entry in nav if isinstance(entry, dict) and "Places" in entry]
    assert sidebar == [
        "places/index.md",
        "places/leposavic.md",
        "places/sabac.md",
        "places/strpce.md",
        "places/suva-reka.md",
        "places/zubin-potok.md",
    ]
    (index,) = [p for p in PAGES if p.slug == "places"]
    listed = re.findall(r'href="([a-z-]+)/"', to_html(index.markdown(corpus, context())))
    assert [f"places/{slug}.md" for slug in listed] == sidebar[1:]


def test_the_pages_a_navigation_lists_are_found_in_its_sections() -> None:
    """While serving, an edit of a listed page's front matter changes every page's sidebar."""
    corpus = make_corpus(*_places())
    assert listed_pages(navigation(corpus, PAGES, limit=40)) >= {"places/sabac.md"}
    assert "places/sabac.md" not in listed_pages(navigation(corpus, PAGES, limit=0))
    assert listed_pages(["index.md", {"A": ["a.md", {"B": ["b.md"]}]}]) == {
        "index.md",
        "a.md",
        "b.md",
    }
