"""The folder ``serve`` serves: only what changed is written, and searches wait for the index."""

from __future__ import annotations

import io
import threading
import time
from pathlib import Path
from typing import Any

from site_builder.content.languages import LANGUAGES
from site_builder.mkdocs.preview import Preview
from tests.mkdocs.test_serve_cache import Serving, _append


def _times(folder: Path) -> dict[str, int]:
    return {
        p.relative_to(folder).as_posix(): p.stat().st_mtime_ns
        for p in folder.rglob("*")
        if p.is_file() and "pagefind" not in p.parts and "data" not in p.parts
    }


def test_a_rebuild_writes_only_the_files_that_changed(content: Path, tmp_path: Path) -> None:
    serving = Serving(content, tmp_path / "served")
    try:
        serving.build()
        before = _times(serving.served)
        time.sleep(0.05)
        _append(content / "places" / "mitrovica.md", "\nThe talks went on.[^census]\n")()
        serving.build()
        after = _times(serving.served)
    finally:
        serving.close()
    assert sorted(after) == sorted(before)
    written = {path for path in after if after[path] != before[path]}
    # The page in every language's site (each shows the English one), and what MkDocs writes
    # whole every time: the sitemap and the 404 page.
    pages = {f"{lang.folder}places/mitrovica/index.html" for lang in LANGUAGES}
    assert written == {*pages, "404.html", "sitemap.xml", "sitemap.xml.gz"}


def _call(app: Any, path: str) -> tuple[str, bytes]:
    got: dict[str, str] = {}

    def start_response(status: str, headers: list[tuple[str, str]]) -> None:
        got["status"] = status

    body = b"".join(app({"PATH_INFO": path, "wsgi.input": io.BytesIO()}, start_response))
    return got["status"], body


def test_searches_wait_for_the_index_of_the_pages_served(tmp_path: Path) -> None:
    preview = Preview()
    served: list[str] = []

    def app(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        served.append(environ["PATH_INFO"])
        start_response("200 OK", [])
        return [b"ok"]

    gated = preview.gate(app, "/")
    assert _call(gated, "/actors/kosovo/") == ("200 OK", b"ok")  # pages never wait
    answers: list[tuple[str, bytes]] = []
    waiting = threading.Thread(target=lambda: answers.append(_call(gated, "/pagefind/x.js")))
    waiting.start()
    time.sleep(0.3)
    assert answers == [] and served == ["/actors/kosovo/"]  # held back: no index yet
    preview.index._ready.set()  # the index of the pages served is written
    waiting.join(5)
    assert answers == [("200 OK", b"ok")]
    preview.index.failure = "the search index could not be built: no pages"
    status, body = _call(gated, "/pagefind/x.js")
    assert status.startswith("503") and b"no pages" in body
