"""A preview's search index, made after its pages are published, and never served stale."""

from __future__ import annotations

import time
from pathlib import Path

from site_builder.site.background_index import BackgroundIndex
from site_builder.site.search_index import ENTRY, INDEX_FOLDER, index_site
from tests.site.test_search_index import _site
from tests.support import fingerprint


def test_the_index_made_in_the_background_is_the_build_index(tmp_path: Path) -> None:
    done: list[tuple[str | None, float]] = []
    index = BackgroundIndex(lambda failure, seconds: done.append((failure, seconds)))
    site = _site(tmp_path / "preview")
    index.start(site, _pages(site))
    assert index.wait(120) and index.failure is None
    assert [failure for failure, _ in done] == [None]
    built = _site(tmp_path / "built")
    index_site(built)
    assert fingerprint(site / INDEX_FOLDER) == fingerprint(built / INDEX_FOLDER)


def test_a_stopped_run_is_never_ready_and_the_next_run_is(tmp_path: Path) -> None:
    done: list[str | None] = []
    index = BackgroundIndex(lambda failure, seconds: done.append(failure))
    site = _site(tmp_path / "site", pages=30)
    index.start(site, _pages(site))
    index.stop()  # a save came: the pages it reads are changing
    assert not index.wait(0.5)
    index.start(site, _pages(site))
    assert index.wait(120)
    time.sleep(0.2)
    assert done == [None]  # the stopped run said nothing
    assert (site / INDEX_FOLDER / ENTRY).is_file()


def test_a_run_that_fails_says_why_and_is_ready(tmp_path: Path) -> None:
    failures: list[str | None] = []
    index = BackgroundIndex(lambda failure, seconds: failures.append(failure))
    empty = tmp_path / "empty"
    empty.mkdir()
    index.start(empty, [])  # no page to index
    assert index.wait(120)
    assert index.failure == "the search index could not be built: no page is marked for search"
    assert failures == [index.failure]


def _pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
