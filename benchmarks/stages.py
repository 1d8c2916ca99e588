"""Where the time goes (issue 21, item 5): our build's stages before and after, beside the engines.

``python benchmarks/stages.py --before CHECKOUT [--sizes 1000,10000] [--reps 3,1]
[--engines before,ours,ours-en,plain,zensical,hugo] [--limit plain=1500]``

Builds the corpus of ``generate_corpus.py`` (ours, and its plain twin) at each size with each
engine in turn, in fresh processes, the order turned round every repetition so that the load
of a shared machine falls on all alike:

- ``before``: our build at ``--before`` (a checkout: its own code and ``mkdocs.yml``),
- ``ours``: this checkout's, as ``mkdocs.yml`` publishes it (four language sites),
- ``ours-en``: this checkout's, English alone (one site, like the three below),
- ``plain``: plain MkDocs + Material of the plain corpus (``mkdocs build``),
- ``zensical``: Zensical of the same plain project, cache cleaned first (``zensical build -c``),
- ``hugo``: Hugo of the same Markdown, in a minimal site made here (``hugo_site``).

Each build runs under ``/usr/bin/time`` (wall; CPU, user + system of every process; the peak
resident memory of its largest process), its process tree sampled ten times a second for the
peak of all its processes' resident memory together. Our builds run their build in-process in
that fresh process (``--child``), with each step of ``STEPS`` timed by a wrapper: the same
wrappers before and after, a step missing in a checkout reported so. Zensical and Hugo are
found on ``PATH`` or by ``--zensical``/``--hugo``; a missing one is said and left out. A build
still running after its ``--limit`` (seconds, for all or by engine) is stopped and reported so.
Writes ``benchmarks/out/stages-<time>.json`` after every build; ``--table FILE...`` prints the
tables of one or more such files.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
sys.path.insert(0, str(ROOT / "benchmarks"))

from run import timing  # noqa: E402

#: (label, the callables it times as "module:attribute"), in the order a build takes them.
#: Every callable that exists in a checkout is wrapped; two names for one step are the step
#: as it was before issue 21 and as it is now (only one of them runs in a build).
STEPS: list[tuple[str, tuple[str, ...]]] = [
    ("load, check, generate (workers)", ("site_builder.mkdocs.plugin:prepare",)),
    ("MkDocs' files + navigation", ("site_builder.mkdocs.plugin:DialoguePlugin.on_files",)),
    ("Markdown + links (workers)", ("site_builder.mkdocs.plugin:populate_ahead",)),
    ("backlinks, problems (the barrier)", ("site_builder.mkdocs.plugin:every_page_rendered",)),
    ("open data", ("site_builder.mkdocs.plugin:derived_files",)),
    ("templates (workers)", ("site_builder.mkdocs.plugin:write_ahead",
                             "site_builder.mkdocs.plugin:build_ahead")),
    ("MkDocs loop 1 (takes rendered pages)", ("mkdocs.commands.build:_populate_page",)),
    ("MkDocs loop 2 (writes)", ("mkdocs.commands.build:_build_page",)),
    ("MkDocs static files", ("mkdocs.structure.files:Files.copy_static_files",)),
    ("MkDocs 404 + sitemap", ("mkdocs.commands.build:_build_theme_template",)),
    ("search index (after the pages)", ("site_builder.mkdocs.plugin:SearchIndex.write",
                                        "site_builder.mkdocs.plugin:index_site")),
    ("publish (swap folders)", ("site_builder.mkdocs.plugin:Staging.publish",)),
]  # fmt: skip
REST = "the rest (in no step)"
WHOLE = "whole build (after imports)"
ENGINES = ("before", "ours", "ours-en", "plain", "zensical", "hugo")


def resolve(name: str) -> tuple[Any, str] | None:
    """``module:Owner.attr`` as (owner, attribute), or None if this checkout has no such thing."""
    module, _, path = name.partition(":")
    owner: Any = importlib.import_module(module)
    *parents, attr = path.split(".")
    for part in parents:
        owner = getattr(owner, part, None)
        if owner is None:
            return None
    return (owner, attr) if hasattr(owner, attr) else None


def timed_build(config: Path, content: Path, site: Path) -> dict[str, Any]:
    """One real build in this process, each step of ``STEPS`` timed (wall seconds)."""
    import mkdocs.commands.build as mkdocs_build
    from mkdocs.config import load_config

    missing: list[str] = []
    wrapped: list[str] = []  # which of each step's names this checkout has
    found: list[tuple[Any, str, str]] = []
    for label, names in STEPS:
        here = [(name, resolve(name)) for name in names]
        wrapped += [name for name, owned in here if owned is not None]
        found += [(*owned, label) for _, owned in here if owned is not None]
        if all(owned is None for _, owned in here):
            missing.append(label)
    with timing(found) as steps:
        start = time.perf_counter()
        cfg = load_config(str(config), docs_dir=str(content), site_dir=str(site))
        mkdocs_build.build(cfg)
        whole = time.perf_counter() - start
    import site_builder

    code = site_builder.__file__
    return {"steps": steps, "whole": whole, "missing": missing, "wrapped": wrapped, "code": code}


def shares(steps: dict[str, float], whole: float) -> dict[str, float]:
    """Each step's seconds, and the rest of the build (what no step covers), in ``STEPS`` order."""
    out = {label: steps.get(label, 0.0) for label, _ in STEPS}
    out[REST] = whole - sum(out.values())
    return out


def hugo_site(docs: Path, site: Path) -> Path:
    """A minimal Hugo site of the plain corpus' Markdown: its pages, a config, a bare layout.

    Each page is its title and its content in a bare HTML page (``index.md`` becomes the home
    page's ``_index.md``); no taxonomies, no feeds."""
    shutil.rmtree(site, ignore_errors=True)
    for source in docs.rglob("*.md"):
        rel = source.relative_to(docs)
        dest = site / "content" / (rel.with_name("_index.md") if rel.name == "index.md" else rel)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, dest)
    (site / "hugo.toml").write_text(
        'baseURL = "https://example.org/"\ntitle = "Plain benchmark"\n'
        'disableKinds = ["taxonomy", "term", "RSS"]\n', encoding="utf-8"
    )  # fmt: skip
    page = (
        '<!doctype html><html><head><meta charset="utf-8"><title>{{ .Title }}</title></head>'
        "<body><h1>{{ .Title }}</h1>{{ .Content }}%s</body></html>\n"
    )
    layouts = site / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (layouts / "single.html").write_text(page % "", encoding="utf-8")
    listing = '<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>'
    listing += "{{ end }}</ul>"
    (layouts / "list.html").write_text(page % listing, encoding="utf-8")
    return site


def _tree_rss(root: int) -> int:
    from large_site import _tree

    return sum(rss for _, rss in _tree(root).values())


def limits(text: str) -> dict[str, float]:
    """``1500`` (every engine) or ``plain=1500,ours=2700`` (by engine), as {engine or "": s}."""
    out: dict[str, float] = {}
    for part in filter(None, text.split(",")):
        engine, _, seconds = part.rpartition("=")
        if engine and engine not in ENGINES:
            raise argparse.ArgumentTypeError(f"no engine {engine!r}: one of {', '.join(ENGINES)}")
        out[engine] = float(seconds)
    return out


def run(command: list[str], cwd: Path, env: dict[str, str], limit: float | None) -> dict[str, Any]:
    """One build in a fresh process: wall, CPU, peaks; stopped (its whole group) after ``limit``."""
    stats = Path(tempfile.mkstemp(suffix=".time")[1])
    load = os.getloadavg()
    start = time.perf_counter()
    process = subprocess.Popen(
        ["/usr/bin/time", "-f", "%M %U %S", "-o", str(stats), *command], cwd=cwd, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )  # fmt: skip
    peak, done = 0, threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.wait(0.1):
            peak = max(peak, _tree_rss(process.pid))

    sampler = threading.Thread(target=sample)
    sampler.start()
    stopped = False
    try:
        _, err = process.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # the group this build started, and only it
        _, err = process.communicate()
        stopped = True
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    out: dict[str, Any] = {"wall_s": wall, "tree_peak_mb": peak / 1e6, "load_before": load,
                           "load_after": os.getloadavg(), "stopped": stopped}  # fmt: skip
    fields = stats.read_text().split() if stats.stat().st_size else []
    stats.unlink()
    if stopped:
        return out
    if process.returncode != 0 or len(fields) < 3:
        tail = err.decode("utf-8", "replace")[-2000:]
        raise SystemExit(f"{command[:3]} failed ({process.returncode}):\n{tail}")
    rss, user, system = fields[-3:]
    out.update(cpu_s=float(user) + float(system), user_s=float(user), sys_s=float(system),
               largest_peak_mb=int(rss) * 1024 / 1e6)  # fmt: skip
    return out


def _html_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html")) if site.is_dir() else 0


class Engines:
    """The command of each engine for a corpus size; the tools that are missing."""

    def __init__(self, options: argparse.Namespace) -> None:
        self.o = options
        self.zensical = options.zensical or shutil.which("zensical")
        self.hugo = options.hugo or shutil.which("hugo")
        self.en_config: Path | None = None

    def missing(self, engine: str) -> str | None:
        if engine == "before" and self.o.before is None:
            return "no --before checkout given"
        if engine == "zensical" and not self.zensical:
            return "zensical is not installed (pip install zensical, in a venv of its own)"
        if engine == "hugo" and not self.hugo:
            return "hugo is not installed (apt-get install hugo)"
        return None

    def prepare(self, n: int) -> None:
        from generate_corpus import generate

        work = self.o.work
        if not (work / f"c{n}").is_dir() or not (work / f"p{n}").is_dir():
            generate(n, work / f"c{n}", work / f"p{n}")
        plain = work / f"p{n}"
        config = (plain / "mkdocs.yml").read_text("utf-8")
        # Zensical writes only inside the project: a site folder of its own, beside plain's.
        (plain / "zensical.yml").write_text(config + "site_dir: site-zensical\n", "utf-8")
        if self.hugo:
            hugo_site(plain / "docs", work / f"hugo{n}")

    def site(self, engine: str, n: int) -> Path:
        if engine == "zensical":
            return self.o.work / f"p{n}" / "site-zensical"
        return self.o.work / f"site-{engine}-{n}"

    def command(self, engine: str, n: int, steps: Path) -> tuple[list[str], Path, dict[str, str]]:
        work, site = self.o.work, self.site(engine, n)
        env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "NO_MKDOCS_2_WARNING": "1"}
        env.pop("PYTHONPATH", None)
        if engine in ("before", "ours", "ours-en"):
            checkout = self.o.before if engine == "before" else ROOT
            config = checkout / "mkdocs.yml"
            if engine == "ours-en":
                from large_site import _config

                self.en_config = self.en_config or _config(ROOT, "en")
                config = self.en_config
            env["PYTHONPATH"] = str(checkout)
            cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(config),
                   str(work / f"c{n}"), str(site), str(steps)]  # fmt: skip
            return cmd, checkout, env
        if engine == "plain":
            cfg = work / f"p{n}" / "mkdocs.yml"
            return [str(Path(sys.executable).parent / "mkdocs"), "build", "-q", "-f", str(cfg),
                    "-d", str(site)], work / f"p{n}", env  # fmt: skip
        if engine == "zensical":
            assert self.zensical
            return [self.zensical, "build", "-c", "-f", "zensical.yml"], work / f"p{n}", env
        assert engine == "hugo" and self.hugo
        return [self.hugo, "--quiet", "--source", str(work / f"hugo{n}"),
                "--destination", str(site)], work, env  # fmt: skip

    def close(self) -> None:
        if self.en_config is not None:
            self.en_config.unlink(missing_ok=True)


def versions(engines: Engines) -> dict[str, str]:
    from importlib.metadata import version

    import mkdocs

    out = {"mkdocs": mkdocs.__version__, "mkdocs-material": version("mkdocs-material")}
    for name, cmd in (
        ("zensical", [engines.zensical, "--version"]),
        ("hugo", [engines.hugo, "version"]),
    ):
        if cmd[0]:
            out[name] = subprocess.run(cmd, capture_output=True, text=True).stdout.strip()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, help="the checkout before (issue 21: 287d7fe^)")
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--reps", default="3,1", help="repetitions at each size, in order")
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--limit", type=limits, default={}, help="stop a build after SECONDS, "
                        "or each engine's: plain=1500,ours=2700")  # fmt: skip
    parser.add_argument("--zensical", help="the zensical command (default: on PATH)")
    parser.add_argument("--hugo", help="the hugo command (default: on PATH)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "stages")
    parser.add_argument("--child", nargs=4, type=Path, metavar=("CONFIG", "CONTENT", "SITE", "OUT"),
                        help=argparse.SUPPRESS)  # fmt: skip
    parser.add_argument("--table", type=Path, nargs="+", help="print the tables of results files")
    options = parser.parse_args()
    if options.child:
        config, content, site, out = options.child
        out.write_text(json.dumps(timed_build(config, content, site)), "utf-8")
        return
    if options.table:
        merged: dict[str, Any] = {"sizes": {}}
        for path in options.table:  # an engine's builds from a later file come after
            for n, runs in json.loads(path.read_text("utf-8"))["sizes"].items():
                for engine, measured in runs.items():
                    merged["sizes"].setdefault(n, {}).setdefault(engine, []).extend(measured)
        print(tables(merged))
        return
    if options.before is not None:
        options.before = options.before.resolve()
    options.work.mkdir(parents=True, exist_ok=True)
    engines = Engines(options)
    wanted = [e for e in options.engines.split(",") if e]
    skipped = {e: why for e in wanted if (why := engines.missing(e))}
    for engine, why in skipped.items():
        print(f"left out: {engine}: {why}", file=sys.stderr)
    which = [e for e in wanted if e not in skipped]
    OUT.mkdir(exist_ok=True)
    results: dict[str, Any] = {
        "commit": _commit(ROOT), "before": options.before and _commit(options.before),
        "versions": versions(engines), "skipped": skipped, "cores": os.cpu_count(), "sizes": {},
    }  # fmt: skip
    saved = OUT / f"stages-{time.strftime('%Y%m%d-%H%M%S')}.json"
    reps = [int(r) for r in options.reps.split(",")]
    try:
        for i, n in enumerate(int(s) for s in options.sizes.split(",") if s):
            engines.prepare(n)
            runs: dict[str, list[dict[str, Any]]] = {e: [] for e in which}
            results["sizes"][str(n)] = runs
            for rep in range(reps[min(i, len(reps) - 1)]):
                turn = rep % len(which)
                for engine in which[turn:] + which[:turn]:  # each repetition starts one further
                    site = engines.site(engine, n)
                    shutil.rmtree(site, ignore_errors=True)
                    steps = options.work / f"steps-{engine}-{n}.json"
                    steps.unlink(missing_ok=True)
                    limit = options.limit.get(engine, options.limit.get(""))
                    measured = run(*engines.command(engine, n, steps), limit)
                    measured["pages"] = _html_pages(site)
                    if steps.exists():
                        measured.update(json.loads(steps.read_text("utf-8")))
                    runs[engine].append(measured)
                    saved.write_text(json.dumps(results, indent=2), "utf-8")
                    state = "stopped" if measured["stopped"] else f"{measured['cpu_s']:.1f} CPU s"
                    load = measured["load_before"][0]
                    print(f"N={n} {engine}: {measured['wall_s']:.1f} s, {state}, load {load:.1f}",
                          file=sys.stderr, flush=True)  # fmt: skip
    finally:
        engines.close()
    print(f"written: {saved}", file=sys.stderr)
    print(tables(results))


def _commit(checkout: Path) -> str:
    return subprocess.run(["git", "-C", str(checkout), "rev-parse", "--short", "HEAD"],
                          capture_output=True, text=True).stdout.strip()  # fmt: skip


def _median(values: list[float]) -> str:
    if not values:
        return "–"
    if len(values) == 1:
        return f"{values[0]:.2f}"
    return f"{statistics.median(values):.2f} ({min(values):.2f}–{max(values):.2f})"


def tables(results: dict[str, Any]) -> str:
    """The stages of our builds, then every engine, at each size, as Markdown."""
    lines: list[str] = []
    for n, runs in results["sizes"].items():
        ours = [e for e in ("before", "ours", "ours-en") if runs.get(e)]
        lines += [f"\nN={n}: our build's steps, wall seconds, median (range); share of the build\n",
                  "| step | " + " | ".join(ours) + " |", "|---|" + "---|" * len(ours)]  # fmt: skip
        split = {e: [shares(r["steps"], r["whole"]) for r in runs[e] if "steps" in r] for e in ours}
        for label in [*(label for label, _ in STEPS), REST]:
            cells = []
            for e in ours:
                values = [s[label] for s in split[e]]
                whole = statistics.median(r["whole"] for r in runs[e] if "whole" in r)
                missing = all(label in r.get("missing", ()) for r in runs[e])
                share = statistics.median(values) / whole if values else 0
                cells.append("did not exist" if missing else f"{_median(values)}; {share:.1%}")
            lines.append(f"| {label} | " + " | ".join(cells) + " |")
        wholes = [_median([r["whole"] for r in runs[e] if "whole" in r]) for e in ours]
        lines.append(f"| {WHOLE} | " + " | ".join(wholes) + " |")
        lines += [f"\nN={n}: the engines in the same run\n",
                  "| engine | builds | wall s | CPU s | largest process peak MB | all processes "
                  "peak MB | HTML pages | wall ms a brief | wall ms a page | CPU ms a page "
                  "| load |",
                  "|---|---|---|---|---|---|---|---|---|---|---|"]  # fmt: skip
        for engine, measured in runs.items():
            if not measured:
                continue
            done = [m for m in measured if not m["stopped"]]
            if not done:
                lines.append(f"| {engine} | stopped after {measured[0]['wall_s']:.0f} s |"
                             + " – |" * 9)  # fmt: skip
                continue
            wall = statistics.median(m["wall_s"] for m in done)
            cpu = statistics.median(m["cpu_s"] for m in done)
            pages = statistics.median(m["pages"] for m in done)
            loads = [m["load_before"][0] for m in done]
            lines.append(
                f"| {engine} | {len(done)} | {_median([m['wall_s'] for m in done])} | "
                f"{_median([m['cpu_s'] for m in done])} | "
                f"{max(m['largest_peak_mb'] for m in done):,.0f} | "
                f"{max(m['tree_peak_mb'] for m in done):,.0f} | {pages:,.0f} | "
                f"{1000 * wall / int(n):.1f} | {1000 * wall / pages:.2f} | "
                f"{1000 * cpu / pages:.2f} | "
                f"{min(loads):.1f}–{max(loads):.1f} |"
            )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
