"""What the search index adds to a build (issue 17), measured side by side.

``python benchmarks/search_cost.py CONTENT_DIR [--reps 5] [--baseline CHECKOUT ...]``

Builds CONTENT_DIR with this checkout twice in each round, with its search index and without
(the plugin's ``search: false``, the same build otherwise), each in a fresh process under
``/usr/bin/time``; with ``--baseline`` (any number of times), also with other checkouts of the
site (such as the commit before this change), each named by its folder. The order of the
builds turns round every round, so that a busy moment of a shared machine hits each alike. CPU
is user + sys of every process of a build (MkDocs, its workers, Pagefind). Then, where the
indexing time goes: the indexer's own account of each build (``SearchIndex.summary``, logged
when ``SITE_BUILDER_VERBOSE`` is set), and Pagefind alone over the finished site, fed whole
pages and then only what it reads of them (``search_excerpt``), alternately. Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from site_builder.site import search_index  # noqa: E402

_SUMMARY = re.compile(r"search index: (\{.*\})")


def no_search_config(work: Path) -> Path:
    """This checkout's mkdocs.yml with the plugin's ``search: false`` and nothing else changed."""
    text = (ROOT / "mkdocs.yml").read_text("utf-8")
    plugins = "plugins:\n  - dialogue\n"
    assert plugins in text, "mkdocs.yml no longer lists the plugin as this script expects"
    text = text.replace(plugins, "plugins:\n  - dialogue:\n      search: false\n")
    text = text.replace("custom_dir: theme", f"custom_dir: {ROOT / 'theme'}")
    config = work / "mkdocs-no-search.yml"
    config.write_text(text, "utf-8")
    return config


def machine_busy_s() -> float:
    """CPU seconds the whole machine has been busy (every process, this build's and others')."""
    fields = [int(f) for f in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return (sum(fields) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")  # not idle, iowait


def build(checkout: Path, config: Path, content: Path, site: Path) -> dict[str, Any]:
    """Wall and CPU seconds of one build in a fresh process, the indexer's account, and the
    CPU seconds other processes took meanwhile (what makes wall times noisy here)."""
    stats = site.parent / f"{site.name}.time"
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "PYTHONPATH": str(checkout)}
    env["SITE_BUILDER_VERBOSE"] = "1"
    command = [sys.executable, "-m", "site_builder.cli", "build", "--content", str(content)]
    command += ["--site-dir", str(site), "--config", str(config)]
    start, busy = time.perf_counter(), machine_busy_s()
    done = subprocess.run(
        ["/usr/bin/time", "-f", "%U %S", "-o", str(stats), *command],
        check=True, cwd=checkout, env=env, capture_output=True, text=True,
    )  # fmt: skip
    wall, busy = time.perf_counter() - start, machine_busy_s() - busy
    user, system = stats.read_text().split()[-2:]
    found = _SUMMARY.search(done.stderr)
    account = json.loads(found.group(1)) if found else None
    cpu = float(user) + float(system)
    return {"wall": wall, "cpu": cpu, "others_cpu": busy - cpu, "index": account}


def index_alone(site: Path, reps: int) -> dict[str, Any]:
    """Pagefind over the finished site, fed whole marked pages or their excerpts, alternately."""
    excerpt = search_index.search_excerpt

    def whole(html: str) -> str | None:
        return html if excerpt(html) is not None else None

    runs: dict[str, list[dict[str, Any]]] = {"whole pages": [], "excerpts": []}
    for _ in range(reps):
        for name, feed in (("whole pages", whole), ("excerpts", excerpt)):
            search_index.search_excerpt = feed  # type: ignore[assignment]
            try:
                index = search_index.SearchIndex()
                for page in sorted(site.rglob("*.html")):
                    if page.relative_to(site).parts[0] != search_index.INDEX_FOLDER:
                        index.add(page.relative_to(site).as_posix(), page.read_text("utf-8"))
                index.wait_for_pages()  # to tell reading the pages from making the index
                index.write(site.parent / f"{site.name}-index-{name.split()[0]}")
                cost = index.cost
                cost["index_cpu_s"] = cost["pagefind_cpu_s"] - cost["pages_read_cpu_s"]
                runs[name].append(cost)
            finally:
                search_index.search_excerpt = excerpt  # type: ignore[assignment]
    return {name: _medians(costs) for name, costs in runs.items()}


def _medians(accounts: list[dict[str, Any]]) -> dict[str, Any]:
    """The median of each figure of the accounts (those the indexer could not take left out)."""
    found = {key: [a[key] for a in accounts if a[key] is not None] for key in accounts[0]}
    return {key: round(statistics.median(v), 3) if v else None for key, v in found.items()}


def _figures(runs: list[dict[str, Any]]) -> dict[str, Any]:
    walls = [run["wall"] for run in runs]
    cpus = [run["cpu"] for run in runs]
    return {
        "wall_s": [round(w, 2) for w in walls],
        "cpu_s": [round(c, 2) for c in cpus],
        "others_cpu_s": [round(run["others_cpu"], 1) for run in runs],
        "median_wall_s": round(statistics.median(walls), 2),
        "median_cpu_s": round(statistics.median(cpus), 2),
        "wall_range_s": [round(min(walls), 2), round(max(walls), 2)],
        "cpu_range_s": [round(min(cpus), 2), round(max(cpus), 2)],
    }


def measure(content: Path, reps: int, baselines: list[Path]) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="search-cost-"))
    load_before = os.getloadavg()
    variants = {
        "no search": (ROOT, no_search_config(work)),
        "search": (ROOT, ROOT / "mkdocs.yml"),
    }
    for baseline in baselines:
        variants[baseline.name] = (baseline, baseline / "mkdocs.yml")
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in variants}
    order = list(variants)
    for rep in range(reps):
        for name in order if rep % 2 == 0 else order[::-1]:
            checkout, config = variants[name]
            site = work / f"{name.replace(' ', '-')}-{rep}"
            runs[name].append(build(checkout, config, content, site))
    result: dict[str, Any] = {name: _figures(found) for name, found in runs.items()}
    for name in runs:
        if name != "no search":
            result[name].update(_added(runs[name], runs["no search"]))
    accounts = [run["index"] for run in runs["search"] if run["index"]]
    result["search"]["index_account_median"] = _medians(accounts) if accounts else None
    result["index_alone"] = index_alone(work / "search-0", reps)
    result["load_average_before_after"] = [round(load_before[0], 2), round(os.getloadavg()[0], 2)]
    return result


def _added(runs: list[dict[str, Any]], bases: list[dict[str, Any]]) -> dict[str, float]:
    """What a variant adds to the build without search: medians against medians, and the
    median of each round's own ratio (the two builds of a round ran side by side)."""
    added = {}
    for key in ("wall", "cpu"):
        median = statistics.median(run[key] for run in runs)
        base = statistics.median(run[key] for run in bases)
        added[f"added_{key}_pct"] = round(100 * (median / base - 1), 1)
        paired = [run[key] / base[key] for run, base in zip(runs, bases, strict=True)]
        added[f"paired_{key}_ratio_median"] = round(statistics.median(paired), 3)
        added[f"paired_{key}_ratio_range"] = [round(min(paired), 3), round(max(paired), 3)]
    return added


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", type=Path)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument(
        "--baseline", type=Path, action="append", default=[], help="a checkout to build too"
    )
    args = parser.parse_args()
    print(json.dumps(measure(args.content, args.reps, args.baseline), indent=2))


if __name__ == "__main__":
    main()
