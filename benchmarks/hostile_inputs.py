"""How long the worst bodies under the size limit take to check and to build.

Each input is a page of about 1 MB (the loader's limit) shaped to hit a slow path: deep
nesting, unmatched brackets, many tags, links or citations, one huge line, a huge table. Each
is added to a copy of the minimal fixture, then ``site-builder check`` and ``site-builder
build`` run on it in fresh processes; the script prints each one's wall time and exit status.
Issue 14's bound: every one is checked and built in at most 10 s, or refused.

    python benchmarks/hostile_inputs.py [--reps N]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = ROOT / "tests" / "fixtures" / "minimal" / "content"
LIMIT = 990_000  # a little under the loader's 1,000,000 bytes, front matter included


def fill(unit: str, prefix: str = "") -> str:
    """``prefix``, then ``unit`` repeated up to the size limit."""
    return prefix + unit * ((LIMIT - len(prefix)) // len(unit))


INPUTS = {
    "plain prose": fill("Kosovo and Serbia met. "),
    "names to link": fill("Serbia met Kosovo in Mitrovica. "),
    "lists 500 deep": "".join("  " * i + "- x\n" for i in range(500)),
    "lists 19 deep, repeated": fill("".join("  " * i + "- x\n" for i in range(19)) + "\n"),
    "4,999 list items, 19 deep": ("".join("  " * i + "- x\n" for i in range(19)) + "\n") * 263,
    "quotes 500 deep": ">" * 500 + " x\n",
    "'[' x 3,999": fill(" word", "[" * 3_999),
    "'[' x 20, 1 MB": fill(" word", "[" * 20),
    "'[x]' x 3,999, 1 MB": fill(" word", "[x] " * 3_999),
    "'[' x 1,000,000": fill("["),
    "'<a ' x 7,999": "<a " * 7_999,
    "'<a ' x 100, 1 MB": fill(" word", "<a " * 100),
    "'<b>x</b>' x 7,999": "<b>x</b> " * 7_999,
    "'<a ' x 300,000": fill("<a "),
    "wikilinks x 3,999": "[[kosovo]] " * 3_999,
    "wikilinks x 3,999, 1 MB": fill(" word", "[[kosovo]] " * 3_999),
    "wikilinks x 80,000": fill("[[kosovo]] "),
    "citations x 120,000": fill("X.[^eeas] "),
    "one line": fill("x"),
    "'*' x 1,000,000": fill("*"),
    "'*a ' x 250,000": fill("*a "),
    "'_a ' x 250,000": fill("_a "),
    "'`' x 1,000,000": fill("`"),
    "'` a' x 330,000": fill("` a"),
    "'<!--' x 250,000": fill("<!--"),
    "'&#' x 500,000": fill("&#"),
    "'![' x 500,000": fill("!["),
    "'\\' x 1,000,000": fill("\\"),
    "'http://x ' x 100,000": fill("http://x "),
    "a table": fill("| 1 | 2 |\n", "| a | b |\n| --- | --- |\n"),
    "a table of 4,999 rows": "| a | b |\n| --- | --- |\n" + "| 1 | 2 |\n" * 4_997,
}


TIMEOUT = 120


def run(args: list[str]) -> tuple[float, int]:
    """Wall time and exit status (-1: still running after TIMEOUT seconds, and stopped)."""
    start = time.perf_counter()
    command = [sys.executable, "-m", "site_builder.cli", *args]
    try:
        done = subprocess.run(command, capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return time.perf_counter() - start, -1
    return time.perf_counter() - start, done.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reps", type=int, default=1)
    parser.add_argument("--only", default="", help="only the inputs whose name holds this")
    options = parser.parse_args()
    reps = options.reps
    print(f"{'input':28} {'check s':>8} {'build s':>8}  exit (check, build)")
    with tempfile.TemporaryDirectory() as tmp:
        for name, body in INPUTS.items():
            if options.only not in name:
                continue
            content = Path(shutil.copytree(MINIMAL, Path(tmp) / "content", dirs_exist_ok=True))
            page = content / "pages" / "hostile.md"
            page.write_text(f"---\ntitle: Hostile\nsummary: A hostile page.\n---\n{body}\n")
            config = str(ROOT / "mkdocs.yml")
            checks, builds = [], []
            for _ in range(reps):
                checks.append(run(["check", "--content", str(content), "--config", config]))
                site = Path(tmp) / "site"
                build = ["build", "--content", str(content), "--site-dir", str(site)]
                builds.append(run([*build, "--config", config]))
            check_s = statistics.median(t for t, _ in checks)
            build_s = statistics.median(t for t, _ in builds)
            print(f"{name:28} {check_s:8.2f} {build_s:8.2f}  ({checks[0][1]}, {builds[0][1]})")
            shutil.rmtree(content)


if __name__ == "__main__":
    main()
