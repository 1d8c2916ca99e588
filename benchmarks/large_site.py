"""Large sites on two cores (issue 21, item 2): time per brief, and each process's peak memory.

``python benchmarks/large_site.py --sizes 1000,3000,10000 [--languages en] [--baseline CHECKOUT]``

Builds the corpus of ``generate_corpus.py`` at each size in fresh processes, this checkout and
``--baseline`` alternately, and samples every process of each build ten times a second from
``/proc``: the peak resident memory of the build's own process (the parent), of its largest
worker, and of Pagefind, as well as wall and CPU time (user + system of every process) and the
site's size. ``--languages en`` builds the English site alone (the repository's ``mkdocs.yml``
publishes four: every page again in each). Prints a Markdown table; writes
``benchmarks/out/large-<time>.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate_corpus import generate  # noqa: E402

_LANGUAGES = re.compile(r"^(\s*languages:).*$", re.MULTILINE)
_PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass(frozen=True)
class Build:
    checkout: str
    briefs: int
    wall_s: float
    cpu_s: float
    parent_mb: float
    worker_mb: float
    pagefind_mb: float
    pagefinds_mb: float  # every Pagefind process at one time (one a language)
    site_mb: float

    @property
    def cpu_ms_per_brief(self) -> float:
        return 1000 * self.cpu_s / self.briefs


def _config(checkout: Path, languages: str | None) -> Path:
    """The checkout's mkdocs.yml, publishing only ``languages`` if given (beside it, so that
    its relative paths hold)."""
    config = checkout / "mkdocs.yml"
    if languages is None:
        return config
    text, count = _LANGUAGES.subn(rf"\1 [{languages}]", config.read_text("utf-8"))
    assert count == 1, "mkdocs.yml no longer lists the plugin's languages as expected"
    written = checkout / f".mkdocs-benchmark-{os.getpid()}.yml"
    written.write_text(text, "utf-8")
    return written


def _tree(root: int) -> dict[int, tuple[str, int]]:
    """Each process under ``root`` (itself included): its command's name and resident bytes."""
    children: dict[int, list[int]] = {}
    found: dict[int, tuple[str, int, int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            statm = (entry / "statm").read_text()
        except OSError:
            continue
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        parent = int(stat[stat.rindex(")") + 2 :].split()[1])
        found[int(entry.name)] = (name, parent, int(statm.split()[1]) * _PAGE)
        children.setdefault(parent, []).append(int(entry.name))
    tree, waiting = {}, [root]
    while waiting:
        pid = waiting.pop()
        if pid in found:
            tree[pid] = (found[pid][0], found[pid][2])
        waiting += children.get(pid, [])
    return tree


def build(checkout: Path, config: Path, content: Path, site: Path, briefs: int) -> Build:
    env = {**os.environ, "PYTHONPATH": str(checkout), "SOURCE_DATE_EPOCH": "1700000000"}
    command = [sys.executable, "-m", "site_builder.cli", "build", "--content", str(content),
               "--site-dir", str(site), "--config", str(config)]  # fmt: skip
    peaks = {"parent": 0, "worker": 0, "pagefind": 0, "pagefinds": 0}
    start, before = time.perf_counter(), os.times()[2:4]
    process = subprocess.Popen(command, env=env, cwd=checkout, stdout=subprocess.DEVNULL)
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.1):
            pagefinds = 0
            for pid, (name, rss) in _tree(process.pid).items():
                kind = "pagefind" if name == "pagefind" else "worker"
                kind = "parent" if pid == process.pid else kind
                peaks[kind] = max(peaks[kind], rss)
                pagefinds += rss if kind == "pagefind" else 0
            peaks["pagefinds"] = max(peaks["pagefinds"], pagefinds)

    sampler = threading.Thread(target=sample)
    sampler.start()
    code = process.wait()
    done.set()
    sampler.join()
    wall, after = time.perf_counter() - start, os.times()[2:4]
    if code:
        raise SystemExit(f"the build in {checkout} failed with exit status {code}")
    size = sum(f.stat().st_size for f in site.rglob("*") if f.is_file())
    cpu = sum(after) - sum(before)  # user and system time of the finished children
    mb = 1 / 1e6
    return Build(str(checkout), briefs, wall, cpu, peaks["parent"] * mb, peaks["worker"] * mb,
                 peaks["pagefind"] * mb, peaks["pagefinds"] * mb, size * mb)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,3000,10000")
    parser.add_argument("--languages", help="publish only these, e.g. 'en' (default: all four)")
    parser.add_argument("--baseline", type=Path, help="another checkout, built alternately")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "large-site")
    options = parser.parse_args()
    checkouts = [ROOT] + ([options.baseline.resolve()] if options.baseline else [])
    configs = {c: _config(c, options.languages) for c in checkouts}
    results: list[Build] = []
    try:
        for n in (int(size) for size in options.sizes.split(",")):
            content = options.work / f"c{n}"
            if not content.exists():
                generate(n, content)
            for checkout in checkouts:
                site = options.work / f"site-{n}"
                subprocess.run(["rm", "-rf", str(site)], check=True)
                results.append(build(checkout, configs[checkout], content, site, n))
                print(results[-1], flush=True)
    finally:
        for checkout, config in configs.items():
            if config != checkout / "mkdocs.yml":
                config.unlink()
    OUT.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (OUT / f"large-{stamp}.json").write_text(json.dumps([asdict(r) for r in results], indent=2))
    print("| checkout | briefs | wall s | CPU s | CPU ms a brief | parent MB | largest worker MB "
          "| largest Pagefind MB | every Pagefind at once MB | site MB |\n"
          "|---|---|---|---|---|---|---|---|---|---|")  # fmt: skip
    for r in results:
        print(f"| {Path(r.checkout).name} | {r.briefs:,} | {r.wall_s:.0f} | {r.cpu_s:.0f} | "
              f"{r.cpu_ms_per_brief:.1f} | {r.parent_mb:,.0f} | {r.worker_mb:,.0f} | "
              f"{r.pagefind_mb:,.0f} | {r.pagefinds_mb:,.0f} | {r.site_mb:,.0f} |")  # fmt: skip


if __name__ == "__main__":
    main()
