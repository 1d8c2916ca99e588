"""Lighthouse scores of three representative pages, measured on a local build.

Builds content/ into a temporary folder, serves it gzipped on 127.0.0.1 and runs the lighthouse
CLI from node_modules with Debian's Chromium (CHROME_PATH; nothing is downloaded): mobile
emulation and simulated slow 4G, Lighthouse's defaults. Each page is measured ``--runs`` times
and the medians are reported, since simulated throttling scales what the CPU was seen doing and
a shared machine's load moves single runs by several points.

``--baseline`` measures a second site side by side: a built site folder, a checkout (a folder
with mkdocs.yml, built with its own code) or a git revision of this repository (``main``). Runs
alternate between the two, page by page, in an order that swaps every round, so that load on
the machine falls on both alike.

Writes the medians to benchmarks/lighthouse.json (unless ``--no-write``) and prints a table;
exits 1 when a median misses its target. Usage:
    .venv/bin/python scripts/lighthouse.py [--runs 5] [--baseline main] [--site DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import io
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = {
    "home": "",
    "dispute": "disputes/association-of-serb-majority-municipalities/",
    "stance matrix": "stance-matrix/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 100, "accessibility": 100, "best-practices": 100, "seo": 100}
#: The metrics the performance score is made of, by their audit ids (milliseconds but CLS).
METRICS = {
    "FCP": "first-contentful-paint",
    "LCP": "largest-contentful-paint",
    "TBT": "total-blocking-time",
    "CLS": "cumulative-layout-shift",
    "SI": "speed-index",
}


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


def run(url: str, out: Path) -> dict[str, float]:
    """One lighthouse run: the four category scores (0-100) and the metrics."""
    command = [
        str(ROOT / "node_modules/.bin/lighthouse"), url, "--quiet", "--output=json",
        f"--output-path={out}", "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        f"--only-categories={','.join(CATEGORIES)}",
    ]  # fmt: skip
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(command, check=True, env=env)
    report = json.loads(out.read_text("utf-8"))
    row: dict[str, float] = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    for name, audit in METRICS.items():
        row[name] = report["audits"][audit]["numericValue"]
    row["lighthouse"] = report["lighthouseVersion"]  # type: ignore[assignment]
    row["browser"] = report["environment"]["hostUserAgent"]  # type: ignore[assignment]
    return row


def build(checkout: Path, site: Path) -> None:
    """Build ``checkout``'s content with its own code and mkdocs.yml into ``site``."""
    command = [str(Path(sys.executable).parent / "site-builder"), "build", "--site-dir", str(site)]
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    subprocess.run(command, cwd=checkout, check=True, env=env, stdout=subprocess.DEVNULL)


def site_folder(source: str | None, tmp: Path, name: str) -> Path:
    """The built site ``source`` names: this checkout when None, a built folder, a checkout or
    a git revision of this repository."""
    if source is None:
        build(ROOT, tmp / name)
        return tmp / name
    path = Path(source)
    if (path / "index.html").is_file():
        return path
    if not (path / "mkdocs.yml").is_file():
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", "--format=tar", source],
            check=True,
            capture_output=True,
        ).stdout
        path = tmp / f"{name}-checkout"
        path.mkdir()
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(path, filter="data")
    build(path.resolve(), tmp / name)
    return tmp / name


@contextlib.contextmanager
def served(folder: Path) -> Iterator[str]:
    handler = functools.partial(_Handler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


def medians(runs: list[dict[str, float]]) -> dict[str, float]:
    out: dict[str, float] = {}
    for key in (*CATEGORIES, *METRICS):
        value = statistics.median(r[key] for r in runs)
        out[key] = round(value, 4) if key == "CLS" else round(value)
    return out


def measure(bases: dict[str, str], rounds: int) -> dict[str, dict[str, list[dict[str, float]]]]:
    """Every page of every site ``rounds`` times: site -> page -> runs."""
    found: dict[str, dict[str, list[dict[str, float]]]] = {s: {p: [] for p in PAGES} for s in bases}
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(rounds):
            for page, path in PAGES.items():
                order = list(bases) if n % 2 == 0 else list(reversed(bases))
                for site in order:
                    row = run(bases[site] + path, Path(tmp) / "report.json")
                    found[site][page].append(row)
                    print(
                        f"  round {n + 1}/{rounds} {page:<14} {site:<8} "
                        f"performance {row['performance']:>3.0f}  TBT {row['TBT']:>4.0f} ms  "
                        f"FCP {row['FCP']:>5.0f} ms",
                        file=sys.stderr,
                    )
    return found


def summary(
    by_page: dict[str, dict[str, float]], runs: dict[str, list[dict[str, float]]]
) -> dict[str, object]:
    """The medians of one site as benchmarks/lighthouse.json keeps them, and the performance
    score of every run."""
    return {
        "scores": {p: {c: row[c] for c in CATEGORIES} for p, row in by_page.items()},
        "metrics": {p: {m: row[m] for m in METRICS} for p, row in by_page.items()},
        "performance_runs": {p: [r["performance"] for r in rows] for p, rows in runs.items()},
    }


def table(results: dict[str, dict[str, dict[str, float]]]) -> str:
    head = f"{'page':<15}{'site':<10}" + "".join(f"{c[:13]:>14}" for c in CATEGORIES)
    head += "".join(f"{m:>8}" for m in METRICS)
    lines = [head]
    for page in PAGES:
        for site, by_page in results.items():
            row = by_page[page]
            line = f"{page:<15}{site:<10}" + "".join(f"{row[c]:>14.0f}" for c in CATEGORIES)
            line += "".join(f"{row[m]:>8.3f}" if m == "CLS" else f"{row[m]:>8.0f}" for m in METRICS)
            lines.append(line)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each page (default 5)")
    parser.add_argument("--site", help="a built site to measure instead of building this checkout")
    parser.add_argument(
        "--baseline", help="measured side by side: a built site, a checkout or a git revision"
    )
    parser.add_argument("--no-write", action="store_true", help="leave benchmarks/ alone")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folders = {"now": site_folder(args.site, Path(tmp), "now")}
        if args.baseline:
            folders["baseline"] = site_folder(args.baseline, Path(tmp), "baseline")
        with contextlib.ExitStack() as stack:
            bases = {name: stack.enter_context(served(f)) for name, f in folders.items()}
            found = measure(bases, args.runs)
    results = {site: {p: medians(r) for p, r in pages.items()} for site, pages in found.items()}
    if not args.no_write:
        record = {
            "served": "127.0.0.1, gzip",
            "lighthouse": found["now"][next(iter(PAGES))][0]["lighthouse"],
            "browser": found["now"][next(iter(PAGES))][0]["browser"],
            "runs": args.runs,
            "targets": TARGETS,
            "pages": PAGES,
            **summary(results["now"], found["now"]),
        }
        if args.baseline:
            record["baseline"] = {
                "source": args.baseline,
                **summary(results["baseline"], found["baseline"]),
            }
        out = ROOT / "benchmarks" / "lighthouse.json"
        out.write_text(json.dumps(record, indent=2) + "\n")
    print(f"medians of {args.runs} runs (FCP, LCP, TBT, SI in ms)")
    print(table(results))
    missed = [p for p, row in results["now"].items() for c in CATEGORIES if row[c] < TARGETS[c]]
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
