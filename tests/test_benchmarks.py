"""The benchmarks stay runnable: what they patch or call still exists."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

from tests.support import REPO


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
