"""A build whose pages are rendered by forked workers makes the site a serial build makes."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort
from mkdocs.structure.pages import Page

import site_builder.site.pipeline as pipeline_module
from site_builder.content.languages import SOURCE
from site_builder.mkdocs.render_ahead import PageStore, Populated
from tests.support import MINIMAL, REPO, build_site, fingerprint


@pytest.fixture(autouse=True)
def _reproducible(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")


@pytest.mark.parametrize("nav_limit", [40, 2], ids=["briefs-in-nav", "briefs-outside-nav"])
def test_a_build_in_workers_is_byte_identical_to_a_serial_one(
    tmp_path: Path, nav_limit: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert threading.active_count() == 1  # else the build rightly forks nothing
    content = REPO / "content"
    serial = build_site(content, tmp_path / "serial", workers=1, nav_limit=nav_limit)
    assert (serial.build.workers, serial.build.populated, serial.build.written) == (1, {}, set())
    restored: dict[str, tuple[str, object]] = {}
    restore = Populated.restore

    def recorded(populated: Populated, page: Page, *args: object, **kwargs: object) -> None:
        restored[page.file.src_uri] = (populated.content, populated.toc)
        restore(populated, page, *args, **kwargs)

    monkeypatch.setattr(Populated, "restore", recorded)
    parallel = build_site(content, tmp_path / "parallel", workers=2, nav_limit=nav_limit)
    pages = len(list((tmp_path / "parallel").rglob("index.html")))
    build = parallel.build
    assert build.workers == 2
    assert len(restored) == len(build.written) == pages  # all rendered ahead, and written by
    # the workers: this process held no page's HTML, and the pages' store is gone; nor does it
    # keep what it restored, or what the pages found once the backlinks are made.
    assert build.built == {} and build.populated == {} and build.found == {}
    assert set(restored.values()) == {("", None)}
    assert build.store is not None and not build.store.folder.exists()
    assert fingerprint(tmp_path / "parallel") == fingerprint(tmp_path / "serial")


def test_warnings_made_in_workers_count_in_strict_mode(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = tmp_path / "content"
    shutil.copytree(MINIMAL, content)
    # The check refuses what MkDocs would warn about in content (broken links are errors), so
    # the warning comes from a page rendering in a worker, as another extension's would.
    render = pipeline_module.document_markdown

    def warning_page_markdown(doc, corpus, ctx):
        if doc.slug == "serbia" and doc.language == SOURCE.code:
            logging.getLogger("mkdocs.plugins.test").warning("a warning made in a worker")
        return render(doc, corpus, ctx)

    monkeypatch.setattr(pipeline_module, "document_markdown", warning_page_markdown)
    with caplog.at_level(logging.WARNING), pytest.raises(Abort, match="1 warnings in strict"):
        build_site(content, tmp_path / "site", strict=True, workers=2)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings == ["a warning made in a worker"]
    assert not (tmp_path / "site").exists()  # nothing published


def test_problems_found_in_workers_are_reported_once_as_a_serial_build_reports_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    content = tmp_path / "content"
    shutil.copytree(MINIMAL, content)
    for page in ("index.md", "pages/about.md"):  # the home page is rendered before forking
        path = content / page
        path.write_text(path.read_text("utf-8") + "\nSee [[nowhere]].\n", "utf-8")
    reports = []
    for workers in (1, 2):
        with pytest.raises(Abort, match="BuildError"):
            build_site(content, tmp_path / f"site-{workers}", workers=workers)
        reports.append(capsys.readouterr().err + caplog.records[-1].getMessage())
        caplog.clear()
    assert reports[0] == reports[1]
    assert reports[0].count("unknown page 'nowhere' in wikilink") == 2
    assert reports[0].endswith(
        "2 problems in 2 files\nthe content has 2 problems; nothing was written"
    )


def test_a_build_that_fails_after_its_workers_rendered_leaves_no_stored_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stores = []
    start = PageStore.__init__

    def kept(store: PageStore) -> None:
        start(store)
        stores.append(store.folder)

    monkeypatch.setattr(PageStore, "__init__", kept)
    content = tmp_path / "content"
    shutil.copytree(MINIMAL, content)
    path = content / "pages/about.md"  # found when its Markdown is rendered, in a worker
    path.write_text(path.read_text("utf-8") + "\nSee [[nowhere]].\n", "utf-8")
    with pytest.raises(Abort, match="BuildError"):
        build_site(content, tmp_path / "site", workers=2)
    assert len(stores) == 1 and not stores[0].exists()


def test_the_store_a_killed_build_left_goes_with_the_next_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    ended = subprocess.Popen(["true"])
    ended.wait()
    left = tmp_path / f"site-builder-pages-{ended.pid}"  # a build's, killed before its end
    running = tmp_path / f"site-builder-pages-{os.getppid()}"  # another build's, still going
    for folder in (left, running):
        folder.mkdir()
        (folder / "actors%2Fkosovo.md").write_bytes(b"stored")
    store = PageStore()
    assert store.folder == tmp_path / f"site-builder-pages-{os.getpid()}" and store.folder.is_dir()
    assert not left.exists() and running.exists()
    store.close()
    assert not store.folder.exists()
