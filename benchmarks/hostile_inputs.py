"""How long the worst bodies under the size limit take to check and to build.

Each input is a page of about 1 MB (the loader's limit) shaped to hit a slow path: deep
nesting, unmatched brackets, many tags, links or citations, one huge line, a huge table. Each
is added to a copy of the minimal fixture, then ``site-builder check`` and ``site-builder
build`` run on it in fresh processes; the script prints each one's wall time and exit status.
Issue 14's bound: every one is checked and built in at most 10 s, or refused. Issue 21's: a
brief of 80,000 wikilinks or 120,000 citations is checked and built (not refused) in 5 s.

    python benchmarks/hostile_inputs.py [--reps N] [--only TEXT] [--baseline CHECKOUT]

``--baseline`` runs another checkout of the site (say, main) alternately with this one on
each input, for before-and-after figures from one run: the median time of each checkout's
runs, and the exit status of its first (check, build); -1: stopped after ``--timeout`` s.
"""

from __future__ import annotations

import argparse
import os
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
PAGE = "title: Hostile\nsummary: A hostile page.\n"
#: A brief (sourced, so the sourcing rule reads it) with two sources to cite.
BRIEF = (
    "title: Hostile\nsummary: A hostile brief.\ntype: state\nreviewed: 2025-06-02\nsources:\n"
    "  - id: a\n    title: Source A\n    publisher: P\n"
    "  - id: b\n    title: Source B\n    publisher: P\n"
)


def fill(unit: str, prefix: str = "") -> str:
    """``prefix``, then ``unit`` repeated up to the size limit."""
    return prefix + unit * ((LIMIT - len(prefix)) // len(unit))


def brief(body: str) -> tuple[str, str, str]:
    """A body for ``actors/hostile.md``, a brief citing sources ``a`` and ``b``."""
    assert len(BRIEF) + len(body) < LIMIT, len(body)
    return "actors", BRIEF, body


def paragraphs(units: str, count: int, end: str = "") -> str:
    """``count`` paragraphs of ``units``, each told apart by its number, then ``end``."""
    return "\n\n".join(f"{units}{number}.{end}" for number in range(count))


#: Ten links to four briefs of the fixture, by wikilinks or by Markdown links.
WIKILINKS = "[[kosovo]] [[serbia]] " * 4 + "[[presevo]] [[mitrovica]] "
LINKS = "[K](kosovo.md) [S](serbia.md) " * 4 + "[P](../places/presevo.md) [A](#a) "
#: Two sentences citing the brief's two sources.
CITATIONS = "X.[^a] Y.[^b] "


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
    "wikilinks x 80,000, 1 line": fill("[[kosovo]] "),
    "citations x 99,000, 1 line": fill("X.[^eeas] "),
    # A brief of 80,000 wikilinks or 120,000 citations: 20 to a paragraph, or 200 (about the
    # most that the bound on markup in a paragraph lets through); every paragraph cited.
    "wikilinks x 80,000, 20 a para": brief(paragraphs(WIKILINKS * 2, 4_000, "[^a]")),
    "wikilinks x 80,000, 200 a para": brief(paragraphs(WIKILINKS * 20, 400, "[^a]")),
    "citations x 120,000, 20 a para": brief(paragraphs(CITATIONS * 10, 6_000)),
    "citations x 120,000, 200 a para": brief(paragraphs(CITATIONS * 100, 600)),
    "links x 50,000, 20 a para": brief("## A\n\n" + paragraphs(LINKS * 2, 2_500, "[^a]")),
    # One to a paragraph: as many blocks as links.
    "wikilinks x 80,000, 1 a para": "[[kosovo]]\n\n" * 80_000,
    "citations x 120,000, 1 a para": brief("X.[^a]\n\n" * 120_000),
    # The sourcing rule looked for each paragraph's first words, a wikilink's title that is
    # not in the body as typed, to the end of the body: once per paragraph.
    "cited wikilinks x 60,000, brief": brief("[[kosovo]][^a]\n\n" * 60_000),
    "uncited wikilinks x 80,000, brief": brief("[[kosovo]]\n\n" * 80_000),
    # Each one a problem to report at its line.
    "unknown wikilinks x 80,000": paragraphs("[[kosova]] " * 20, 4_000),
    "unknown citations x 120,000": paragraphs("X.[^z] " * 20, 6_000),
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
Run = tuple[float, int]


def run(args: list[str], checkout: Path = ROOT, timeout: float = TIMEOUT) -> Run:
    """Wall time and exit status (-1: still running after ``timeout`` seconds, and stopped)."""
    start = time.perf_counter()
    command = [sys.executable, "-m", "site_builder.cli", *args]
    command += ["--config", str(checkout / "mkdocs.yml")]
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    try:
        done = subprocess.run(command, capture_output=True, timeout=timeout, cwd=checkout, env=env)
    except subprocess.TimeoutExpired:
        return time.perf_counter() - start, -1
    return time.perf_counter() - start, done.returncode


def measure(content: Path, site: Path, checkout: Path, timeout: float) -> tuple[Run, Run]:
    """``check``, then ``build``, with one checkout."""
    check = run(["check", "--content", str(content)], checkout, timeout)
    build = run(["build", "--content", str(content), "--site-dir", str(site)], checkout, timeout)
    return check, build


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reps", type=int, default=1)
    parser.add_argument("--only", default="", help="only the inputs whose name holds this")
    parser.add_argument(
        "--baseline", type=Path, help="another checkout, run alternately with this one"
    )
    parser.add_argument("--timeout", type=float, default=TIMEOUT, help="seconds for one run")
    options = parser.parse_args()
    checkouts = [ROOT] if options.baseline is None else [options.baseline.resolve(), ROOT]
    heading = f"{'check s':>8} {'build s':>8} {'exit':>8}"
    print(f"{'input':32} " + "  ".join(heading for _ in checkouts))
    with tempfile.TemporaryDirectory() as tmp:
        for name, body in INPUTS.items():
            if options.only not in name:
                continue
            content = Path(shutil.copytree(MINIMAL, Path(tmp) / "content", dirs_exist_ok=True))
            folder, front_matter, text = body if isinstance(body, tuple) else ("pages", PAGE, body)
            page = content / folder / "hostile.md"
            page.write_text(f"---\n{front_matter}---\n{text}\n")
            runs: list[list[tuple[Run, Run]]] = [[] for _ in checkouts]
            for _ in range(options.reps):
                for found, checkout in zip(runs, checkouts, strict=True):
                    found.append(measure(content, Path(tmp) / "site", checkout, options.timeout))
            columns = []
            for found in runs:
                check_s, build_s = (statistics.median(r[i][0] for r in found) for i in (0, 1))
                exits = f"({found[0][0][1]}, {found[0][1][1]})"
                columns.append(f"{check_s:8.2f} {build_s:8.2f} {exits:>8}")
            print(f"{name:32} " + "  ".join(columns), flush=True)
            shutil.rmtree(content)


if __name__ == "__main__":
    main()
