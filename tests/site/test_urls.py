import posixpath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from site_builder.site.urls import (
    _relpath,
    absolute_url,
    link_path,
    page_url,
    relative_url,
    source_link,
)


@pytest.mark.parametrize(
    ("src", "directory", "url"),
    [
        ("index.md", True, ""),
        ("actors/index.md", True, "actors/"),
        ("actors/kosovo.md", True, "actors/kosovo/"),
        ("actors/kosovo.md", False, "actors/kosovo.html"),
        ("index.md", False, "index.html"),
    ],
)
def test_page_url(src: str, directory: bool, url: str) -> None:
    assert page_url(src, directory_urls=directory) == url


@pytest.mark.parametrize(
    ("start", "target", "link"),
    [
        ("actors/kosovo/", "disputes/association/", "../../disputes/association/"),
        ("", "actors/kosovo/", "actors/kosovo/"),
        ("actors/kosovo/", "", "../../"),
        ("actors/", "actors/kosovo/", "kosovo/"),
        ("actors/kosovo/", "assets/d.svg", "../../assets/d.svg"),
        ("actors/kosovo.html", "index.html", "../index.html"),
        ("timeline/", "timeline/#2025", "./#2025"),
    ],
)
def test_relative_url(start: str, target: str, link: str) -> None:
    assert relative_url(start, target) == link


def test_absolute_url() -> None:
    assert (
        absolute_url("https://example.org/site/", "/actors/x/")
        == "https://example.org/site/actors/x/"
    )


def test_source_link() -> None:
    assert source_link("actors/kosovo.md", "places/presevo.md") == "../places/presevo.md"
    assert source_link("index.md", "actors/kosovo.md") == "actors/kosovo.md"
    assert source_link("actors/kosovo.md", "actors/serbia.md") == "serbia.md"
    assert source_link("actors/kosovo.md", "timeline.md") == "../timeline.md"


_PART = st.sampled_from(["actors", "kosovo", "x", "index.md", ".", "..", "a b", "ё"])
_PATH = st.lists(_PART, max_size=4).map("/".join) | st.sampled_from(["", ".", "/", "a//b/"])


@given(path=_PATH, start=_PATH)
def test_relative_paths_agree_with_posixpath(path: str, start: str) -> None:
    """The OS-free relative path is posixpath.relpath's, for any mix of parts."""
    assert _relpath(path or ".", start or ".") == posixpath.relpath(path or ".", start or ".")


@pytest.mark.parametrize(
    ("url", "found"),
    [
        ("../places/mitrovica.md", ("places/mitrovica.md", "")),
        ("kosovo.md#history", ("actors/kosovo.md", "history")),
        (" ../assets/a%20map.png?v=2 ", ("assets/a map.png", "")),
        ("#fn:1", ("", "fn:1")),
        ("/actors/kosovo/", ("/actors/kosovo", "")),
    ],
)
def test_link_path_is_where_a_link_written_in_a_file_points(url: str, found) -> None:
    assert link_path("actors/serbia.md", url) == found
