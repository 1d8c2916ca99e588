"""Full-page screenshots of the pages readers meet most, to look at before a change ships.

Builds content/ into a temporary folder, serves it on 127.0.0.1 and drives Debian's Chromium
(nothing is downloaded) at a phone's and a desktop's width, in the light and the dark scheme.
Writes screenshots/<page>-<width>-<scheme>.png and <...>-first-screen.png (gitignored).
Usage: make screenshots
"""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "screenshots"
CHROMIUM = "/usr/bin/chromium"
PAGES = {
    "home": "",
    "dispute": "disputes/association-of-serb-majority-municipalities/",
    "actor": "actors/albin-kurti/",
    "place": "places/north-mitrovica/",
    "stances": "stance-matrix/",
    "timeline": "timeline/",
    "diagram": "diagram/",
}
#: A phone (390×844) and a desktop (1280×900).
VIEWPORTS = {390: 844, 1280: 900}
SCHEMES = ("light", "dark")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def build(site_dir: Path) -> None:
    command = [sys.executable, "-m", "site_builder.cli", "build", "--site-dir", str(site_dir)]
    subprocess.run(command, cwd=ROOT, check=True)


def shoot(base_url: str) -> list[Path]:
    """Every page at every width in every scheme; returns the files written."""
    OUT.mkdir(exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for width, height in VIEWPORTS.items():
            for scheme in SCHEMES:
                context = browser.new_context(
                    viewport={"width": width, "height": height}, color_scheme=scheme
                )
                page = context.new_page()
                for name, path in PAGES.items():
                    page.goto(base_url + path, wait_until="load")
                    stem = f"{name}-{width}-{scheme}"
                    # The whole page, and the first screen alone: what a reader sees unscrolled
                    # (a full phone page is too tall to read at a glance).
                    page.screenshot(path=str(OUT / f"{stem}.png"), full_page=True)
                    page.screenshot(path=str(OUT / f"{stem}-first-screen.png"))
                    written += [OUT / f"{stem}.png", OUT / f"{stem}-first-screen.png"]
                context.close()
        browser.close()
    return written


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build(site)
        handler = functools.partial(_QuietHandler, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            written = shoot(f"http://127.0.0.1:{server.server_port}/")
        finally:
            server.shutdown()
    print(f"{len(written)} screenshots in {OUT.relative_to(ROOT)}/")


if __name__ == "__main__":
    main()
