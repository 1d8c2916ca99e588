"""Pagefind over a built folder: what it indexes, what it publishes, and how it fails."""

from __future__ import annotations

import os
from importlib.metadata import version
from pathlib import Path

import pytest

from site_builder.content.files import BUILD_OUTPUTS
from site_builder.site import search_index
from site_builder.site.search_index import SearchIndexError, index_site
from tests.support import REPO, fingerprint, search_records

_PAGE = """<!doctype html><html lang="en"><head><title>{title}</title>
<meta name="description" content="{summary}" data-pagefind-meta="summary[content]"></head>
<body><nav>Navigation words</nav>
<div data-pagefind-body data-pagefind-meta="kind:Place"><h1 id="t">{title}<a class="headerlink"
href="#t">¶</a></h1><span data-pagefind-weight="10" data-pagefind-meta="names">{names}</span>
<p>{body}</p></div></body></html>"""


def _site(root: Path, pages: int = 3) -> Path:
    for n in range(pages):
        page = root / "places" / f"p{n}" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(
            _PAGE.format(
                title=f"Preševo {n}", summary=f"Summary {n}.", names=f"Preševo {n} · Прешево {n}",
                body=" ".join(f"word{i}" for i in range(400)),
            ),
            "utf-8",
        )  # fmt: skip
    (root / "404.html").write_text("<html lang='en'><body><h1>Not found</h1></body></html>")
    return root


def test_the_installed_pagefind_is_the_pinned_one() -> None:
    """The chunk size is read from an unstable setting: an upgrade must be checked by hand."""
    assert '"pagefind[bin]==1.5.2"' in (REPO / "pyproject.toml").read_text("utf-8")
    assert version("pagefind") == version("pagefind-bin") == "1.5.2"


def test_the_index_folder_is_a_build_output_content_may_not_take() -> None:
    assert search_index.INDEX_FOLDER in BUILD_OUTPUTS


def test_marked_pages_are_indexed_with_their_meta_and_nothing_else(tmp_path: Path) -> None:
    site = _site(tmp_path / "site")
    assert index_site(site).pages == 3
    records = search_records(site)
    assert sorted(records) == ["/places/p0/", "/places/p1/", "/places/p2/"]
    record = records["/places/p1/"]
    assert record["meta"] == {
        "kind": "Place",
        "names": "Preševo 1 · Прешево 1",
        "summary": "Summary 1.",
        "title": "Preševo 1",
    }
    assert record["content"].startswith("Preševo 1. Preševo 1 · Прешево 1 word0 word1")
    assert "¶" not in record["content"] and "Navigation" not in record["content"]


def test_only_what_the_site_loads_is_published(tmp_path: Path) -> None:
    site = _site(tmp_path / "site")
    index_site(site)
    bundle = site / "pagefind"
    files = sorted(p.name for p in bundle.iterdir() if not p.name.endswith(".pf_meta"))
    assert files == [
        "fragment", "index", "pagefind-entry.json", "pagefind.js", "wasm.en.pagefind",
        "wasm.unknown.pagefind",
    ]  # fmt: skip
    assert len(list(bundle.glob("*.pf_meta"))) == 1  # the table of chunks of the one language


def test_index_chunks_are_small_and_the_environment_is_left_as_it_was(tmp_path: Path) -> None:
    """1,200 word locations fit one default chunk; at 1,500 a chunk they make two or more."""
    before = os.environ.get("PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE")
    site = _site(tmp_path / "site", pages=4)
    index_site(site)
    assert search_index.CHUNK_LOCATIONS == 1500
    assert len(list((site / "pagefind" / "index").iterdir())) >= 2
    assert os.environ.get("PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE") == before


def test_the_same_site_indexes_to_the_same_bytes_and_an_old_index_goes(tmp_path: Path) -> None:
    one, two = _site(tmp_path / "one"), _site(tmp_path / "two")
    stale = two / "pagefind" / "fragment" / "stale.pf_fragment"
    stale.parent.mkdir(parents=True)
    stale.write_text("left by an earlier build")
    index_site(one)
    index_site(two)
    assert fingerprint(one) == fingerprint(two)


def test_a_folder_with_no_page_fails_the_build(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "site.css").write_text("p { color: red }")
    with pytest.raises(SearchIndexError) as raised:
        index_site(site)
    assert str(raised.value) == (
        "the search index could not be built: Most likely, the directory passed to Pagefind was"
        " empty or did not contain any html files."
    )


def test_an_indexer_that_cannot_start_fails_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "no-such-pagefind"))
    with pytest.raises(SearchIndexError) as raised:
        index_site(_site(tmp_path / "site"))
    assert str(raised.value).startswith("the search index could not be built: [Errno 2]")
