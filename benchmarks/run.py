"""Build-time benchmark: ``site-builder build`` against plain MkDocs + Material (issue #8, #10).

``python benchmarks/run.py [--sizes 100,1000] [--reps 3] [--large] [--large-plain] [--profile]``

Alternates our build and a plain ``mkdocs build`` of the same Markdown bodies, each in a fresh
subprocess under ``/usr/bin/time`` (wall time, peak RSS), and reports medians; splits our own
stages in-process; measures site size and the first-visit transfer of one brief page. Writes
``benchmarks/out/results-<time>.json`` and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gzip
import io
import json
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from first_visit import first_visit  # noqa: E402
from generate_corpus import generate  # noqa: E402


def timed(cmd: list[str]) -> tuple[float, int, float]:
    """Wall s, peak RSS (KiB) and CPU s (user+sys) of one fresh process.

    CPU time is reported too because wall time is noisy on a shared machine.
    """
    stats = OUT / "time.txt"
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    subprocess.run(["/usr/bin/time", "-f", "%M %U %S", "-o", str(stats), *cmd], check=True, env=env)
    rss, user, system = stats.read_text().split()[-3:]
    return time.perf_counter() - start, int(rss), float(user) + float(system)


def commands(n: int, work: Path) -> dict[str, list[str]]:
    """Our build and the plain one; both write a fresh site folder."""
    return {
        "ours": [
            str(BIN / "site-builder"), "build", "--content", str(work / f"c{n}"),
            "--site-dir", str(work / f"site-ours-{n}"), "--config", str(ROOT / "mkdocs.yml"),
        ],
        "plain": [
            str(BIN / "mkdocs"), "build", "-q", "-f", str(work / f"p{n}" / "mkdocs.yml"),
            "-d", str(work / f"site-plain-{n}"),
        ],
    }  # fmt: skip


def stages(content: Path) -> dict[str, float]:
    """Our own stages in-process, on the same corpus: where the non-MkDocs time goes."""
    from site_builder.content.loader import load_corpus
    from site_builder.generated import generate as generate_pages
    from site_builder.markdown.linker import Linker
    from site_builder.render.brief_page import page_markdown
    from site_builder.site.config_file import markdown_extensions, read_config
    from site_builder.site.context import BuildContext, build_date
    from site_builder.site.links import backlinks, front_matter_links

    ctx = BuildContext(templates_dir=ROOT / "theme" / "site_builder", build_date=build_date())
    extensions, options = markdown_extensions(read_config(ROOT / "mkdocs.yml"))
    out: dict[str, float] = {}
    t = time.perf_counter()
    corpus, _ = load_corpus(content)
    out["load+validate"] = time.perf_counter() - (t := t)
    t = time.perf_counter()
    linker = Linker(corpus, ctx)
    out["matcher"] = time.perf_counter() - t
    t = time.perf_counter()
    texts = [(doc, page_markdown(doc, corpus, ctx)) for doc in corpus.documents]
    out["page markdown"] = time.perf_counter() - t
    t = time.perf_counter()
    links = []
    for doc, text in texts:
        links.extend(linker.render(doc, text, extensions, options)[1].links)
    out["markdown+link (all pages)"] = time.perf_counter() - t
    t = time.perf_counter()
    backlinks([*links, *front_matter_links(corpus)])
    out["backlinks"] = time.perf_counter() - t
    t = time.perf_counter()
    generate_pages(corpus, ctx)
    out["summary pages"] = time.perf_counter() - t
    return out


def timed_steps() -> list[tuple[Any, str, str]]:
    """What ``build_steps`` times: (owner, attribute, label), in the order a build takes them.

    ``tests/test_benchmarks.py`` holds every attribute to exist, so that a renamed step fails
    there rather than the benchmark."""
    import mkdocs.commands.build as mkdocs_build
    from mkdocs.structure.files import Files

    import site_builder.mkdocs.plugin as plugin

    return [
        (plugin, "prepare", "load, check, generate (workers)"),
        (plugin.DialoguePlugin, "on_files", "MkDocs' files + navigation"),
        (plugin, "populate_ahead", "Markdown + links (workers)"),
        (plugin, "every_page_rendered", "backlinks, problems (the barrier)"),
        (plugin, "derived_files", "open data"),
        (plugin, "write_ahead", "templates, written, search fed (workers)"),
        (mkdocs_build, "_populate_page", "MkDocs loop 1 (takes rendered pages)"),
        (mkdocs_build, "_build_page", "MkDocs loop 2 (writes nowhere)"),
        (Files, "copy_static_files", "MkDocs static files"),
        (mkdocs_build, "_build_theme_template", "MkDocs 404 + sitemap"),
        (plugin.SearchIndex, "write", "search index: the rest, written"),
        (plugin.Staging, "publish", "publish (swap folders)"),
    ]


@contextlib.contextmanager
def timing(wrapped: Iterable[tuple[Any, str, str]]) -> Iterator[dict[str, float]]:
    """Each (owner, attribute, label) wrapped while the block runs, adding the seconds of each
    call to the label's entry of the dictionary it gives; put back afterwards."""
    steps: dict[str, float] = {}
    restore: list[tuple[Any, str, Any]] = []

    def timed(original: Any, label: str) -> Any:
        def wrapper(*args: Any, **kw: Any) -> Any:
            start = time.perf_counter()
            try:
                return original(*args, **kw)
            finally:
                steps[label] = steps.get(label, 0.0) + time.perf_counter() - start

        return wrapper

    try:
        for owner, name, label in wrapped:
            original = getattr(owner, name)
            setattr(owner, name, timed(original, label))
            restore.append((owner, name, original))
        yield steps
    finally:
        for owner, name, original in reversed(restore):
            setattr(owner, name, original)


def build_steps(content: Path, site: Path) -> dict[str, float]:
    """Wall time of each step of one real build, in-process (workers included).

    Complements ``stages``, which splits our own work serially: this shows what a reader of the
    build waits for, step by step, with the rendering shared out to worker processes.
    """
    import mkdocs.commands.build as mkdocs_build
    from mkdocs.config import load_config

    with timing(timed_steps()) as steps:
        start = time.perf_counter()
        config = load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(content), site_dir=str(site))
        mkdocs_build.build(config)
        steps["whole build (after imports)"] = time.perf_counter() - start
    return steps


def _gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 6)) if path.exists() else 0


def page_sizes(site: Path, folder: str) -> dict[str, int]:
    """Median raw and gzipped HTML size of the brief pages in one folder."""
    pages = sorted((site / folder).glob("*/index.html"))
    raw = [p.stat().st_size for p in pages]
    return {"median_html": int(statistics.median(raw)), "median_html_gz": int(
        statistics.median(_gz(p) for p in pages)
    )}  # fmt: skip


def du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def profile(n: int, work: Path) -> str:
    """Top 25 cumulative of our whole build in-process, in one process (``workers: 1``).

    With workers, the profiler would only see the parent waiting for them.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(
        str(ROOT / "mkdocs.yml"), docs_dir=str(work / f"c{n}"), site_dir=str(work / "site-prof")
    )
    config.plugins["dialogue"].config["workers"] = 1
    profiler = cProfile.Profile()
    profiler.runcall(build, config)
    (OUT / f"profile-{n}.prof").parent.mkdir(exist_ok=True)
    profiler.dump_stats(OUT / f"profile-{n}.prof")
    buffer = io.StringIO()
    pstats.Stats(profiler, stream=buffer).sort_stats("cumulative").print_stats(25)
    return buffer.getvalue()


def rebuild(n: int, work: Path) -> dict[str, float]:
    """Warm in-process rebuild after touching one brief, as ``mkdocs serve`` does it.

    MkDocs 1.6 serve reloads the config and rebuilds the whole site in the running process,
    so a second in-process build of the same config is the time a reader waits after a save.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    out: dict[str, float] = {}
    setups = {
        "ours": (ROOT / "mkdocs.yml", work / f"c{n}"),
        "plain": (work / f"p{n}" / "mkdocs.yml", work / f"p{n}" / "docs"),
    }
    for kind, (config, docs) in setups.items():
        site = work / f"site-rebuild-{kind}-{n}"
        first = load_config(str(config), docs_dir=str(docs), site_dir=str(site))
        first.plugins.on_startup(command="serve", dirty=False)  # as `mkdocs serve` does
        build(first)
        edited = sorted((docs / "actors").glob("*.md"))[0]
        edited.write_text(edited.read_text(encoding="utf-8") + "\nEdited.\n", encoding="utf-8")
        start = time.perf_counter()
        build(
            load_config(str(config), docs_dir=str(docs), site_dir=str(site)),
            serve_url="http://127.0.0.1:8000/",
        )
        out[kind] = time.perf_counter() - start
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000")
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--large", action="store_true", help="also N=3000, our build, once")
    parser.add_argument("--large-plain", action="store_true", help="and plain MkDocs at 3000")
    parser.add_argument("--profile", type=int, default=0, help="cProfile our build at this N")
    parser.add_argument("--rebuild", type=int, default=0, help="time a serve rebuild at this N")
    parser.add_argument("--work", type=Path, default=OUT / "work")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    plan = [(int(n), args.reps, ("ours", "plain")) for n in args.sizes.split(",") if n]
    if args.large:
        plan.append((3000, 1, ("ours", "plain") if args.large_plain else ("ours",)))
    results: dict[str, Any] = {"sizes": {}}
    for n, reps, which in plan:
        for d in (f"c{n}", f"p{n}"):
            shutil.rmtree(args.work / d, ignore_errors=True)
        generate(n, args.work / f"c{n}", args.work / f"p{n}")
        cmds = commands(n, args.work)
        runs: dict[str, list[tuple[float, int, float]]] = {k: [] for k in which}
        for _ in range(reps):
            for kind in which:  # alternate, so drift hits both alike
                runs[kind].append(timed(cmds[kind]))
                print(f"N={n} {kind}: {runs[kind][-1][0]:.2f}s", file=sys.stderr)
        row: dict[str, Any] = {
            "stages": stages(args.work / f"c{n}"),
            "build_steps": build_steps(args.work / f"c{n}", args.work / f"site-steps-{n}"),
        }
        for kind, measured in runs.items():
            site = args.work / f"site-{kind}-{n}"
            med = statistics.median(t for t, _, _ in measured)
            first = sorted((site / "actors").glob("*/index.html"))[0].parent.relative_to(site)
            row[kind] = {
                "times": [t for t, _, _ in measured], "median_s": med,
                "median_cpu_s": statistics.median(c for _, _, c in measured),
                "per_brief_ms": med / n * 1000,
                "peak_rss_mib": max(m for _, m, _ in measured) / 1024, "site_bytes": du(site),
                "first_visit_gz": first_visit(site, f"{first.as_posix()}/"),
                **page_sizes(site, "actors"),
            }  # fmt: skip
        if "plain" in row:
            row["ratio"] = row["ours"]["median_s"] / row["plain"]["median_s"]
            row["cpu_ratio"] = row["ours"]["median_cpu_s"] / row["plain"]["median_cpu_s"]
        results["sizes"][str(n)] = row
    if args.rebuild:
        if not (args.work / f"c{args.rebuild}").is_dir():
            generate(args.rebuild, args.work / f"c{args.rebuild}", args.work / f"p{args.rebuild}")
        results["rebuild"] = rebuild(args.rebuild, args.work)
    if args.profile:
        if not (args.work / f"c{args.profile}").is_dir():
            generate(args.profile, args.work / f"c{args.profile}", args.work / f"p{args.profile}")
        results["profile"] = profile(args.profile, args.work)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (OUT / f"results-{stamp}.json").write_text(json.dumps(results, indent=2))
    print(table(results))


def table(results: dict[str, Any]) -> str:
    """The headline figures as Markdown."""
    lines = [
        "| N | ours median s | plain median s | ratio | ours ms/brief | plain ms/brief "
        "| ours peak MiB | plain peak MiB | ours site MB | plain site MB "
        "| ours brief HTML gz KB | ours first visit gz KB | plain first visit gz KB "
        "| ours CPU s | plain CPU s |",
        "|" + "---|" * 15,
    ]
    for n, row in results["sizes"].items():
        o, p = row["ours"], row.get("plain")

        def f(d: dict[str, Any] | None, key: str, scale: float = 1, fmt: str = ".2f") -> str:
            return format(d[key] / scale, fmt) if d and key in d else "–"

        def fv(d: dict[str, Any] | None) -> str:
            return f"{d['first_visit_gz']['total'] / 1024:.0f}" if d else "–"

        lines.append(
            f"| {n} | {f(o, 'median_s')} | {f(p, 'median_s')} | "
            f"{format(row['ratio'], '.2f') if 'ratio' in row else '–'} | "
            f"{f(o, 'per_brief_ms')} | {f(p, 'per_brief_ms')} | {f(o, 'peak_rss_mib', fmt='.0f')} "
            f"| {f(p, 'peak_rss_mib', fmt='.0f')} | {f(o, 'site_bytes', 1e6, '.1f')} "
            f"| {f(p, 'site_bytes', 1e6, '.1f')} | {f(o, 'median_html_gz', 1024, '.1f')} "
            f"| {fv(o)} | {fv(p)} | {f(o, 'median_cpu_s')} | {f(p, 'median_cpu_s')} |"
        )
    lines.append("\nOur own work, serially (in-process, seconds):\n")
    for n, row in results["sizes"].items():
        parts = ", ".join(f"{k} {v:.2f}" for k, v in row["stages"].items())
        lines.append(f"- N={n}: {parts}")
    lines.append("\nSteps of one real build (in-process, wall seconds):\n")
    for n, row in results["sizes"].items():
        parts = ", ".join(f"{k} {v:.2f}" for k, v in row["build_steps"].items())
        lines.append(f"- N={n}: {parts}")
    if "rebuild" in results:
        r = results["rebuild"]
        lines.append(f"- serve rebuild: ours {r['ours']:.2f} s, plain {r['plain']:.2f} s")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
