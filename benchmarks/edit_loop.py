"""The edit loop (issue 21): from a file's save to the browser's reload, ours beside plain MkDocs.

``python benchmarks/edit_loop.py [--n 1000] [--reps 3] [--first-builds 3] [--kinds body,title]``

Generates the corpus of ``generate_corpus.py`` (and its plain twin), then:

1. **First build.** ``site-builder build`` and ``site-builder serve`` on the same corpus,
   alternately, each a fresh process: the build's wall time against the time from starting
   ``serve`` to its "Serving on" line (both include starting Python and MkDocs).
2. **Edits.** ``site-builder serve`` over our corpus and plain ``mkdocs serve`` over the plain
   one, both running, each watched by a headless Chromium on a page that the edit changes.
   Each edit is saved, and timed until the reloaded page's ``DOMContentLoaded`` reaches the
   benchmark (the reader sees the new page), and until the server's "Reloading browsers" log
   line; the reloaded page must show the edit. Ours and plain alternate, edit by edit, so that
   the machine's drift hits both alike. Our preview may index search after the reload: the next
   edit waits for its "search index ready" line, so that no edit is timed while it runs.

The browser is the measure because a reader waits for it: after "Reloading browsers" the page
still has to learn of the new build (its long poll returns), fetch the new page and parse it.
The log line is reported too, as what the server alone takes.

Kinds of edit (each on the same brief, a new value each time): ``body`` (a sentence added),
``title``, ``alias`` (a name added to ``aliases``), ``summary``, ``new`` (a brief created) and
``delete`` (that brief deleted again). The plain site has the same bodies and only a title, so
its alias and summary edits change a file without changing its page; its rebuild is a full
build whatever changed. Results go to ``benchmarks/out/edit-loop-<time>.json``; a Markdown
table is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate_corpus import generate  # noqa: E402

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
KINDS = ("body", "title", "alias", "summary", "new", "delete")
#: Our preview's line once search is indexed after a rebuild (``site_builder.mkdocs.plugin``).
INDEXED = "search index ready"
ENV = {
    **os.environ,
    "SOURCE_DATE_EPOCH": "1767225600",
    "NO_MKDOCS_2_WARNING": "1",
    "PYTHONUNBUFFERED": "1",
    "SITE_BUILDER_VERBOSE": "1",  # MkDocs' INFO lines: "Serving on", "Reloading browsers"
    "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p),
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """A serve process whose output lines are kept with the time each arrived."""

    def __init__(self, name: str, command: list[str]) -> None:
        self.name = name
        self.started = time.time()
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True, bufsize=1,
        )  # fmt: skip
        self.lines: list[tuple[float, str]] = []
        self._arrived = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            with self._arrived:
                self.lines.append((time.time(), line.rstrip("\n")))
                self._arrived.notify_all()
        with self._arrived:
            self._arrived.notify_all()

    def wait_for(self, needle: str, after: int = 0, timeout: float = 600) -> tuple[int, float]:
        """The index and arrival time of the first line from ``after`` on that holds ``needle``."""
        deadline = time.monotonic() + timeout
        with self._arrived:
            while True:
                for index in range(after, len(self.lines)):
                    if needle in self.lines[index][1]:
                        return index, self.lines[index][0]
                if self.process.poll() is not None and not any(
                    needle in line for _, line in self.lines[after:]
                ):
                    raise RuntimeError(f"{self.name} ended:\n" + self.log(after))
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"{self.name}: no {needle!r}:\n" + self.log(after))
                self._arrived.wait(min(left, 1.0))

    def log(self, after: int = 0) -> str:
        return "\n".join(line for _, line in self.lines[after:])[-4000:]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def serve_ours(content: Path, port: int) -> Server:
    return Server("ours", [
        str(BIN / "site-builder"), "serve", "--content", str(content),
        "--config", str(ROOT / "mkdocs.yml"), "--dev-addr", f"127.0.0.1:{port}",
    ])  # fmt: skip


def serve_plain(project: Path, port: int) -> Server:
    return Server("plain", [
        str(BIN / "mkdocs"), "serve", "-f", str(project / "mkdocs.yml"),
        "-a", f"127.0.0.1:{port}",
    ])  # fmt: skip


# The edits. Each takes the content folder, whether it is our corpus, and the repetition, and
# returns the page to watch (site-root path) and a text the reloaded page must show (or, with
# a leading "!", must no longer show). ``prepare`` runs before the page is opened.


@dataclass
class Edit:
    kind: str
    page: str
    expect: str
    apply: Callable[[], None]


_TITLE = re.compile(r"^title: .*$", re.M)
_SUMMARY = re.compile(r"^summary: .*$", re.M)
_ALIASES = re.compile(r"^aliases: .*\n", re.M)
NEW_SLUG = "zzedit-new-brief"


def _brief(content: Path) -> Path:
    """The brief every edit is made on: the first actor, named by other briefs."""
    return sorted((content / "actors").glob("*.md"))[0]


def _page(path: Path, content: Path) -> str:
    return path.relative_to(content).with_suffix("").as_posix() + "/"


def make_edit(kind: str, content: Path, ours: bool, rep: int) -> Edit:
    brief = _brief(content)
    text = brief.read_text(encoding="utf-8")
    word = f"Zebrafinch{'abcdefghij'[rep % 10]}{'klmnopqrst'[rep // 10 % 10]}"
    first_source = re.search(r"\[\^([^\]]+)\]", text)
    cite = f"[^{first_source.group(1)}]" if first_source else ""

    def write(new: str) -> Callable[[], None]:
        return lambda: brief.write_text(new, encoding="utf-8")

    if kind == "body":
        sentence = f"\nThe {word.lower()} talks resumed after a pause.{cite}\n"
        return Edit(kind, _page(brief, content), word.lower(), write(text + sentence))
    if kind == "title":
        title = f"Renamed {word}"
        return Edit(
            kind, _page(brief, content), title, write(_TITLE.sub(f'title: "{title}"', text, 1))
        )
    if kind == "alias":
        alias = f"Alias {word}"
        new = _ALIASES.sub("", text, 1)
        new = _TITLE.sub(lambda m: f'{m.group(0)}\naliases: ["{alias}"]', new, 1)
        return Edit(kind, _page(brief, content), alias if ours else "", write(new))
    if kind == "summary":
        summary = f"A summary edited for the {word} benchmark."
        new = _SUMMARY.sub(f'summary: "{summary}"', text, 1)
        return Edit(kind, _page(brief, content), summary if ours else "", write(new))
    new_brief = content / "actors" / f"{NEW_SLUG}.md"
    # Our actors' index lists every actor; plain MkDocs' navigation lists every page.
    index = "actors/" if ours else _page(brief, content)
    title = f"Newbrief {word}"
    if kind == "new":
        return Edit(kind, index, title, lambda: new_brief.write_text(
            _new_brief(title, ours), encoding="utf-8"
        ))  # fmt: skip
    if kind == "delete":
        return Edit(kind, index, "!Newbrief", lambda: new_brief.unlink())
    raise ValueError(kind)


def _new_brief(title: str, ours: bool) -> str:
    if not ours:
        return f'---\ntitle: "{title}"\n---\n{title} is a new brief.\n'
    return (
        f'---\ntitle: "{title}"\nsummary: "A brief added while serving."\n'
        "reviewed: 2025-06-02\ntype: government\nsources:\n"
        "  - id: new-src\n    title: A report\n    publisher: Synthetic Press Agency\n"
        "    date: 2023-08-07\n    url: https://example.org/new\n"
        f"---\n{title} is a new brief, added while serving.[^new-src]\n"
    )


@dataclass
class Watched:
    server: Server
    content: Path
    ours: bool
    port: int
    page: Any = None
    #: Whether the server says when search is indexed (ours, once indexing follows the reload).
    says_indexed: bool = False
    times: dict[str, list[dict[str, float]]] = field(default_factory=dict)


def measure(w: Watched, edit: Edit) -> dict[str, float]:
    """Open the page, save the edit, wait for the reload: seconds from the save."""
    page = w.page
    page.goto(f"http://127.0.0.1:{w.port}/{edit.page}", wait_until="load")
    page.wait_for_timeout(600)  # the livereload script starts its long poll on load
    mark = len(w.server.lines)
    with page.expect_event("domcontentloaded", timeout=600_000):
        edit.apply()
        saved = time.time()
    shown = time.time()
    _, logged = w.server.wait_for("Reloading browsers", mark)
    html = _content(page)
    if edit.expect.startswith("!"):
        assert edit.expect[1:] not in html, f"{w.server.name} {edit.kind}: still shown"
    else:
        assert edit.expect in html, f"{w.server.name} {edit.kind}: {edit.expect!r} not shown"
    result = {"reload": shown - saved, "log": logged - saved, "load": os.getloadavg()[0]}
    if w.says_indexed:
        _, indexed = w.server.wait_for(INDEXED, mark)
        result["indexed"] = indexed - saved
    time.sleep(1.0)  # let the machine settle (and plain serve's last writes finish)
    return result


def _content(page: Any) -> str:
    """The page's HTML once it has stopped navigating (a second reload may follow a first)."""
    for _ in range(20):
        try:
            page.wait_for_load_state("load")
            return str(page.content())
        except Exception:  # navigating again: wait for it
            page.wait_for_timeout(250)
    return str(page.content())


def first_builds(content: Path, reps: int, work: Path) -> dict[str, list[float]]:
    """``site-builder build`` against serve's first build, alternately, fresh processes."""
    out: dict[str, list[float]] = {"build": [], "serve": [], "indexed": []}
    for _ in range(reps):
        start = time.time()
        subprocess.run(
            [str(BIN / "site-builder"), "build", "--content", str(content), "--site-dir",
             str(work / "site-build"), "--config", str(ROOT / "mkdocs.yml")],
            check=True, cwd=ROOT, env=ENV, capture_output=True,
        )  # fmt: skip
        out["build"].append(time.time() - start)
        server = serve_ours(content, _free_port())
        try:
            at, served = server.wait_for("Serving on")
            out["serve"].append(served - server.started)
            try:  # searches wait for the index until then
                _, indexed = server.wait_for(INDEXED, at, timeout=120)
                out["indexed"].append(indexed - server.started)
            except TimeoutError:
                pass
        finally:
            server.stop()
        out.setdefault("load", []).append(os.getloadavg()[0])
        print(f"first build: build {out['build'][-1]:.2f}s, serve {out['serve'][-1]:.2f}s",
              file=sys.stderr)  # fmt: skip
    return out


def edit_loop(
    ours_content: Path,
    plain: Path,
    kinds: list[str],
    reps: int,
    sides: list[str],
    plain_reps: int | None = None,
    save: Callable[[dict[str, Any]], None] | None = None,
) -> dict[str, Any]:
    """``plain_reps``: fewer repetitions of plain MkDocs (whose every rebuild is a build)."""
    plain_reps = reps if plain_reps is None else plain_reps
    from playwright.sync_api import sync_playwright

    watched: list[Watched] = []
    if "ours" in sides:
        port = _free_port()
        watched.append(Watched(serve_ours(ours_content, port), ours_content, True, port))
    if "plain" in sides:
        port = _free_port()
        watched.append(Watched(serve_plain(plain, port), plain / "docs", False, port))
    starts: dict[str, float] = {}
    try:
        for w in watched:  # started together: each first build shares the machine with the other
            _, served = w.server.wait_for("Serving on")
            starts[w.server.name] = served - w.server.started
            if w.ours:
                try:
                    w.server.wait_for(INDEXED, timeout=60)
                    w.says_indexed = True
                except TimeoutError:  # indexed before "Serving on", as the build does
                    pass
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
            )
            for w in watched:
                w.page = browser.new_context().new_page()
            for rep in range(reps):
                for kind in kinds:
                    for w in watched if rep % 2 == 0 else watched[::-1]:
                        if not w.ours and rep >= plain_reps:
                            continue
                        edit = make_edit(kind, w.content, w.ours, rep)
                        got = measure(w, edit)
                        w.times.setdefault(kind, []).append(got)
                        if save is not None:
                            save({w.server.name: w.times for w in watched})
                        print(f"{w.server.name} {kind} #{rep + 1}: "
                              + ", ".join(f"{k} {v:.2f}" for k, v in got.items()),
                              file=sys.stderr)  # fmt: skip
            browser.close()
    finally:
        for w in watched:
            w.server.stop()
    return {
        "first_serve_build_side_by_side": starts,
        "edits": {w.server.name: w.times for w in watched},
        "log": {w.server.name: w.server.log()[-3000:] for w in watched},
    }


def _summary(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def table(results: dict[str, Any]) -> str:
    lines = []
    fb = results.get("first_builds")
    if fb:
        b, s = _summary(fb["build"]), _summary(fb["serve"])
        lines += [
            "| first build | median s | range |", "|---|---|---|",
            f"| `site-builder build` | {b['median']:.2f} | {b['min']:.2f}–{b['max']:.2f} |",
            f"| `site-builder serve` to \"Serving on\" | {s['median']:.2f} | "
            f"{s['min']:.2f}–{s['max']:.2f} |",
            f"| ratio serve/build | {s['median'] / b['median']:.2f} | |",
        ]  # fmt: skip
        if fb.get("indexed"):
            i = _summary(fb["indexed"])
            lines.append(
                f'| `site-builder serve` to "{INDEXED}" | {i["median"]:.2f} '
                f"| {i['min']:.2f}–{i['max']:.2f} |"
            )
        lines.append("")
    edits = results.get("edits", {})
    if edits:
        lines += [
            "| edit | ours: to reload | ours: to log line | ours: to search indexed "
            "| plain: to reload | plain: to log line | ours/plain |",
            "|---|---|---|---|---|---|---|",
        ]

        def cell(side: str, kind: str, key: str) -> tuple[str, float | None]:
            got = [t[key] for t in edits.get(side, {}).get(kind, []) if key in t]
            if not got:
                return "–", None
            s = _summary(got)
            return f"{s['median']:.2f} ({s['min']:.2f}–{s['max']:.2f})", s["median"]

        loads = [t["load"] for side in edits.values() for ts in side.values() for t in ts]
        for kind in KINDS:
            if not any(kind in side for side in edits.values()):
                continue
            o, om = cell("ours", kind, "reload")
            p, pm = cell("plain", kind, "reload")
            ratio = f"{om / pm:.2f}" if om and pm else "–"
            lines.append(
                f"| {kind} | {o} | {cell('ours', kind, 'log')[0]} "
                f"| {cell('ours', kind, 'indexed')[0]} | {p} | {cell('plain', kind, 'log')[0]} "
                f"| {ratio} |"
            )
        if loads:
            lines.append(
                f"\nLoad average (1 min) at each edit: median {statistics.median(loads):.1f}"
                f" ({min(loads):.1f}–{max(loads):.1f}), on {os.cpu_count()} cores."
            )
        starts = results.get("first_serve_build_side_by_side", {})
        lines.append(
            "\nFirst builds of the two servers, started together: "
            + ", ".join(f"{k} {v:.2f} s" for k, v in starts.items())
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--first-builds", type=int, default=3, help="0 to skip")
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--sides", default="ours,plain")
    parser.add_argument("--plain-reps", type=int, default=None, help="default: --reps")
    parser.add_argument("--work", type=Path, default=OUT / "edit-loop")
    args = parser.parse_args()
    kinds = [k for k in args.kinds.split(",") if k]
    for kind in kinds:
        if kind not in KINDS:
            parser.error(f"unknown kind {kind!r}: {', '.join(KINDS)}")
    if "delete" in kinds and "new" not in kinds:
        parser.error("delete deletes the brief that new made: ask for both")
    ours, plain = args.work / f"c{args.n}", args.work / f"p{args.n}"
    for folder in (ours, plain):
        shutil.rmtree(folder, ignore_errors=True)
    generate(args.n, ours, plain)
    results: dict[str, Any] = {"n": args.n, "reps": args.reps, "kinds": kinds}
    OUT.mkdir(parents=True, exist_ok=True)
    out = OUT / f"edit-loop-{time.strftime('%Y%m%d-%H%M%S')}.json"

    def save(edits: dict[str, Any]) -> None:  # as it goes: a long run keeps what it measured
        out.write_text(json.dumps({**results, "edits": edits}, indent=2))

    if args.first_builds:
        results["first_builds"] = first_builds(ours, args.first_builds, args.work)
    if kinds and args.reps:
        sides = args.sides.split(",")
        results.update(edit_loop(ours, plain, kinds, args.reps, sides, args.plain_reps, save))
    out.write_text(json.dumps(results, indent=2))
    print(table(results))


if __name__ == "__main__":
    main()
