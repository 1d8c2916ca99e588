"""The benchmarks stay runnable: what they patch or call still exists."""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.support import MINIMAL, REPO


def _script(name: str) -> ModuleType:
    path = REPO / "benchmarks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"benchmarks_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # where its dataclasses look for it
    spec.loader.exec_module(module)
    return module


def test_every_step_the_build_benchmark_times_exists() -> None:
    steps = _script("run").timed_steps()
    missing = [f"{owner.__name__}.{name}" for owner, name, _ in steps if not hasattr(owner, name)]
    assert missing == []
    assert len({label for _, _, label in steps}) == len(steps) == 12


def test_the_large_site_benchmark_publishes_only_the_languages_asked_for() -> None:
    large = _script("large_site")
    config = large._config(REPO, "en")
    try:
        text, original = config.read_text("utf-8"), (REPO / "mkdocs.yml").read_text("utf-8")
        assert [line.strip() for line in text.splitlines() if "languages:" in line] == [
            "languages: [en]"
        ]
        assert len(text.splitlines()) == len(original.splitlines())
        assert config.parent == REPO  # beside mkdocs.yml, whose paths are relative to it
    finally:
        config.unlink()
    assert large._config(REPO, None) == REPO / "mkdocs.yml"


def test_the_stages_benchmark_wraps_every_step_the_build_benchmark_times() -> None:
    stages = _script("stages")
    here = {label: [stages.resolve(name) for name in names] for label, names in stages.STEPS}
    assert [label for label, found in here.items() if not any(found)] == []
    wrapped = {(owner, attr) for found in here.values() for owner, attr in filter(None, found)}
    assert {(owner, attr) for owner, attr, _ in _script("run").timed_steps()} <= wrapped


def test_a_timed_build_times_each_step_and_puts_every_one_back(tmp_path: Path) -> None:
    stages = _script("stages")
    names = [name for _, names in stages.STEPS for name in names]
    before = {name: stages.resolve(name) for name in names}
    originals = {name: getattr(*found) for name, found in before.items() if found}
    result = stages.timed_build(REPO / "mkdocs.yml", MINIMAL, tmp_path / "site")
    assert result["missing"] == []
    assert result["wrapped"] == [name for name in names if before[name] is not None]
    assert "site_builder.mkdocs.plugin:index_site" not in result["wrapped"]  # before issue 21 only
    assert (tmp_path / "site" / "index.html").is_file()
    assert set(result["steps"]) <= {label for label, _ in stages.STEPS}
    assert result["steps"]["load, check, generate (workers)"] > 0
    split = stages.shares(result["steps"], result["whole"])
    assert sum(split.values()) == pytest.approx(result["whole"])
    assert split[stages.REST] >= 0  # no step runs inside another
    assert {name: getattr(*stages.resolve(name)) for name in originals} == originals


def test_the_hugo_site_holds_every_page_of_the_plain_corpus(tmp_path: Path) -> None:
    stages = _script("stages")
    sys.path.insert(0, str(REPO / "benchmarks"))
    from generate_corpus import generate

    generate(12, tmp_path / "c", tmp_path / "p")
    docs = tmp_path / "p" / "docs"
    site = stages.hugo_site(docs, tmp_path / "hugo")
    content = site / "content"
    pages = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    made = sorted(p.relative_to(content).as_posix() for p in content.rglob("*.md"))
    assert made == sorted("_index.md" if p == "index.md" else p for p in pages)
    assert (content / "pages" / "about.md").read_bytes() == (
        docs / "pages" / "about.md"
    ).read_bytes()
    assert (site / "hugo.toml").is_file()  # rendering it needs Hugo, which CI does not install


def test_the_stages_benchmark_reads_a_limit_for_all_or_by_engine() -> None:
    limits = _script("stages").limits
    assert limits("900") == {"": 900.0}
    assert limits("plain=1500,ours=2700") == {"plain": 1500.0, "ours": 2700.0}
    with pytest.raises(argparse.ArgumentTypeError):
        limits("plane=1500")
