"""Lighthouse scores of three representative pages, measured on a local build.

Builds content/ into a temporary folder, serves it on 127.0.0.1 and runs the lighthouse CLI from
node_modules with Debian's Chromium (CHROME_PATH; nothing is downloaded). Writes the scores to
benchmarks/lighthouse.json and prints a table. Usage: .venv/bin/python scripts/lighthouse.py
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = {
    "home": "",
    "dispute": "disputes/association-of-serb-majority-municipalities/",
    "stance matrix": "stance-matrix/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}


_COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml"}


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files gzipped, as every static host serves them: an uncompressed local server
    would measure a transfer size no reader gets."""

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in _COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().do_GET()
        if not path.is_file():
            return self.send_error(404)
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def scores(url: str, out: Path) -> dict[str, int]:
    """One lighthouse run (mobile emulation, simulated slow 4G: Lighthouse's defaults)."""
    command = [
        str(ROOT / "node_modules/.bin/lighthouse"), url, "--quiet", "--output=json",
        f"--output-path={out}", "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        f"--only-categories={','.join(CATEGORIES)}",
    ]  # fmt: skip
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(command, check=True, env=env)
    report = json.loads(out.read_text("utf-8"))
    return {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build = [
            str(Path(sys.executable).parent / "site-builder"),
            "build",
            "--site-dir",
            str(site),
        ]
        subprocess.run(build, cwd=ROOT, check=True)
        handler = functools.partial(_Handler, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}/"
        try:
            results = {
                name: scores(base + path, Path(tmp) / "report.json") for name, path in PAGES.items()
            }
        finally:
            server.shutdown()
    out = ROOT / "benchmarks" / "lighthouse.json"
    out.write_text(
        json.dumps(
            {"served": "127.0.0.1, gzip", "targets": TARGETS, "pages": PAGES, "scores": results},
            indent=2,
        )
        + "\n"
    )
    print(f"{'page':<15}" + "".join(f"{c:>16}" for c in CATEGORIES))
    for name, row in results.items():
        print(f"{name:<15}" + "".join(f"{row[c]:>16}" for c in CATEGORIES))
    missed = [n for n, row in results.items() for c in CATEGORIES if row[c] < TARGETS[c]]
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
