"""The live preview rebuilds pages derived from other briefs, once per change, with no loop."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from tests.support import BIN, ENV, MINIMAL, REPO, pagefind_data


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fetch(url: str, timeout: float = 5) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode("utf-8")


def _wait_for(predicate, timeout: float = 60.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def test_serve_rebuilds_backlinks_and_indexes_after_an_edit(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(MINIMAL, content)
    actor = sorted((content / "actors").glob("*.md"))[0]
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [str(BIN / "site-builder"), "serve", "--content", str(content),
             "--dev-addr", f"127.0.0.1:{port}"],
            cwd=REPO, env=ENV, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        index = f"http://127.0.0.1:{port}/actors/"
        assert _wait_for(lambda: "Actors" in _fetch(index)), log.read_text()
        # A body edit rebuilds that brief's pages alone, in every language's site.
        place = content / "places" / "mitrovica.md"
        place.write_text(place.read_text("utf-8") + "\nThe bridge reopened.[^census]\n", "utf-8")
        sq = f"http://127.0.0.1:{port}/sq/places/mitrovica/"
        assert _wait_for(lambda: "The bridge reopened." in _fetch(sq)), log.read_text()
        assert "seconds (1 edited file, their pages alone)" in log.read_text()
        text = actor.read_text(encoding="utf-8")
        title_line = next(line for line in text.splitlines() if line.startswith("title:"))
        actor.write_text(text.replace(title_line, "title: Renamed Actor Xyzzy", 1), "utf-8")
        assert _wait_for(lambda: "Renamed Actor Xyzzy" in _fetch(index)), log.read_text()
        # What is made after the reload is never served stale: a request waits for it.
        data = f"http://127.0.0.1:{port}/data/briefs.json"
        assert "Renamed Actor Xyzzy" in _fetch(data, timeout=120)
        assert '"languages"' in _fetch(f"http://127.0.0.1:{port}/pagefind/pagefind-entry.json", 120)
        assert "Renamed Actor Xyzzy" in _search_titles(f"http://127.0.0.1:{port}/")
        builds = log.read_text().count("Building documentation")
        time.sleep(3)
        assert log.read_text().count("Building documentation") == builds, "rebuild loop"
        assert "Traceback" not in log.read_text()
    finally:
        server.terminate()
        server.wait(timeout=10)


def _search_titles(site: str) -> list[str]:
    """The title of every page the served search index holds, as the search box would find it:
    its table of contents, its language's table of pages, and each page's fragment."""
    entry = json.loads(_fetch(f"{site}pagefind/pagefind-entry.json"))
    meta = pagefind_data(
        _fetch_bytes(f"{site}pagefind/pagefind.{entry['languages']['en']['hash']}.pf_meta")
    )
    fragments = [f"{site}pagefind/fragment/{page}.pf_fragment" for page, _ in meta[1]]
    return [pagefind_data(_fetch_bytes(url), fragment=True)["meta"]["title"] for url in fragments]


def _fetch_bytes(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read()


def _serve(content: Path, port: int, log: Path) -> subprocess.Popen:
    with log.open("w") as out:
        return subprocess.Popen(
            [str(BIN / "site-builder"), "serve", "--content", str(content),
             "--dev-addr", f"127.0.0.1:{port}"],
            cwd=REPO, env=ENV, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip


def test_problems_show_in_the_browser_and_the_next_good_save_recovers(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(MINIMAL, content)
    kosovo = content / "actors" / "kosovo.md"
    good = kosovo.read_text(encoding="utf-8")
    kosovo.write_text(good.replace("type: state", "type: goverment", 1), "utf-8")
    port = _free_port()
    log = tmp_path / "serve.log"
    server = _serve(content, port, log)
    url = f"http://127.0.0.1:{port}/actors/kosovo/"
    try:
        assert _wait_for(lambda: "The content has 1 problem" in _fetch(url)), log.read_text()
        page = _fetch(url)
        line = next(n for n, text in enumerate(good.splitlines(), 1) if text.startswith("type:"))
        assert f"<code>content/actors/kosovo.md:{line}</code>: unknown type" in page
        assert "livereload" in page  # the preview reloads itself on the next save
        home = f"http://127.0.0.1:{port}/"
        assert "The content has 1 problem" in _fetch(home)
        kosovo.write_text(good, "utf-8")
        assert _wait_for(lambda: "The content has" not in _fetch(url)), log.read_text()
        assert "Kosovo" in _fetch(url)
        assert "Traceback" not in log.read_text()
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_the_preview_carries_no_policy_that_would_block_its_reload_script(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(MINIMAL, content)
    port = _free_port()
    log = tmp_path / "serve.log"
    server = _serve(content, port, log)
    try:
        url = f"http://127.0.0.1:{port}/"
        assert _wait_for(lambda: "livereload" in _fetch(url)), log.read_text()
        assert "Content-Security-Policy" not in _fetch(url)
    finally:
        server.terminate()
        server.wait(timeout=10)
