"""What a reader's first visit to a page downloads, measured in Debian's Chromium (issue #10).

``python benchmarks/first_visit.py SITE_DIR PAGE_PATH`` serves SITE_DIR on 127.0.0.1, opens
PAGE_PATH with an empty cache at phone width, waits until the network is idle, and reports the
gzipped size of every file the browser fetched (as any static host would compress it).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import Page, Playwright, sync_playwright

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 6))


@contextmanager
def served(site: Path) -> Iterator[str]:
    """``site`` on 127.0.0.1 for as long as the block runs: its base URL."""
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


def phone_page(playwright: Playwright, fetched: list[str]) -> Page:
    """A page at phone width with an empty cache, that notes every URL it fetches."""
    browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
    page = browser.new_context(viewport={"width": 375, "height": 812}).new_page()
    page.on("requestfinished", lambda request: fetched.append(request.url))
    return page


def gzipped_sizes(site: Path, urls: list[str]) -> dict[str, int]:
    """The gzipped size of each fetched file of ``site``, by path."""
    sizes: dict[str, int] = {}
    for url in urls:
        path = unquote(urlsplit(url).path).lstrip("/")
        file = site / path / "index.html" if path.endswith("/") or not path else site / path
        if file.is_file():
            sizes[path or "index.html"] = _gz(file)
    return sizes


def first_visit(site: Path, page_path: str) -> dict[str, int]:
    """Gzipped bytes per fetched file, and their total, for one first visit."""
    fetched: list[str] = []
    with served(site) as base, sync_playwright() as playwright:
        page = phone_page(playwright, fetched)
        page.goto(base + page_path)
        page.wait_for_load_state("networkidle")
        page.context.browser.close()
    sizes = gzipped_sizes(site, fetched)
    return {"total": sum(sizes.values()), **sizes}


if __name__ == "__main__":
    print(json.dumps(first_visit(Path(sys.argv[1]), sys.argv[2]), indent=2))
