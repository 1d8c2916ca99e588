"""What the search index adds to a build (issue 17), measured side by side.

``python benchmarks/search_cost.py CONTENT_DIR --baseline CHECKOUT [--reps 5]`` builds
CONTENT_DIR with this checkout (Pagefind) and with another checkout of the site, such as the
main branch before issue 17 (Material's search), in alternate fresh processes under
``/usr/bin/time``. Then it runs the indexer alone over this checkout's output, as the build
runs it, so that the build's time splits into the site and its index. Prints JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pagefind.index import PagefindIndex  # noqa: E402

from site_builder.site import search_index  # noqa: E402
from site_builder.site.search_index import index_site  # noqa: E402


async def _phases(site: Path) -> dict[str, float]:
    """Pagefind's steps, timed: start its process, read the pages, write the index."""
    marks = [time.perf_counter()]
    config = {"output_path": str(site / "pagefind-phases"), "exclude_selectors": [".headerlink"]}
    async with PagefindIndex(config) as index:  # type: ignore[arg-type]
        marks.append(time.perf_counter())
        await index.add_directory(str(site))
        marks.append(time.perf_counter())
        await index.write_files()
        marks.append(time.perf_counter())
    names = ("start", "read_and_index_pages", "write_index")
    return {name: round(b - a, 2) for name, a, b in zip(names, marks, marks[1:], strict=False)}


def _build(checkout: Path, content: Path, site: Path) -> tuple[float, float]:
    """Wall and CPU seconds (user + sys, children included) of one build in a fresh process."""
    stats = site.parent / f"{site.name}.time"
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "PYTHONPATH": str(checkout)}
    command = [sys.executable, "-m", "site_builder.cli", "build", "--content", str(content)]
    command += ["--site-dir", str(site), "--config", str(checkout / "mkdocs.yml")]
    start = time.perf_counter()
    subprocess.run(
        ["/usr/bin/time", "-f", "%U %S", "-o", str(stats), *command],
        check=True, cwd=checkout, env=env, capture_output=True,
    )  # fmt: skip
    user, system = stats.read_text().split()[-2:]
    return time.perf_counter() - start, float(user) + float(system)


def measure(content: Path, baseline: Path, reps: int) -> dict[str, object]:
    work = Path(tempfile.mkdtemp(prefix="search-cost-"))
    runs: dict[str, list[tuple[float, float]]] = {"pagefind": [], "baseline": []}
    for rep in range(reps):  # alternate, so that a busy moment of the machine hits both
        runs["pagefind"].append(_build(ROOT, content, work / f"ours{rep}"))
        runs["baseline"].append(_build(baseline, content, work / f"base{rep}"))
    index_alone = []
    for _ in range(reps):
        start = time.perf_counter()
        index_site(work / "ours0")
        index_alone.append(time.perf_counter() - start)
    os.environ["PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE"] = str(search_index.CHUNK_LOCATIONS)
    phases = asyncio.run(_phases(work / "ours0"))
    ours = statistics.median(wall for wall, _ in runs["pagefind"])
    base = statistics.median(wall for wall, _ in runs["baseline"])
    index = statistics.median(index_alone)
    return {
        "pagefind_build_s": [round(wall, 2) for wall, _ in runs["pagefind"]],
        "baseline_build_s": [round(wall, 2) for wall, _ in runs["baseline"]],
        "pagefind_cpu_s": [round(cpu, 2) for _, cpu in runs["pagefind"]],
        "baseline_cpu_s": [round(cpu, 2) for _, cpu in runs["baseline"]],
        "index_alone_s": [round(s, 2) for s in index_alone],
        "median_pagefind_s": round(ours, 2),
        "median_baseline_s": round(base, 2),
        "median_index_s": round(index, 2),
        "index_phases_s": phases,
        "index_share_of_the_rest": round(index / (ours - index), 3),
        "pagefind_over_baseline": round(ours / base, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", type=Path)
    parser.add_argument("--baseline", type=Path, required=True)
    parser.add_argument("--reps", type=int, default=5)
    args = parser.parse_args()
    print(json.dumps(measure(args.content, args.baseline, args.reps), indent=2))


if __name__ == "__main__":
    main()
