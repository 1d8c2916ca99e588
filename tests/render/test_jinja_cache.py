"""Compiled templates are kept per kind of environment, and a build works without the cache."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import jinja2
import pytest

from site_builder.render.jinja_cache import bytecode_cache


def test_each_environment_keeps_its_own_compiled_templates(tmp_path: Path) -> None:
    (tmp_path / "t.html").write_text("{{ x }}!", "utf-8")
    made = []
    for kind in ("pages", "theme"):
        cache = bytecode_cache(kind)
        assert isinstance(cache, jinja2.FileSystemBytecodeCache)
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path), bytecode_cache=cache)
        assert env.get_template("t.html").render(x=kind) == f"{kind}!"
        bucket = cache.get_bucket(env, "t.html", str(tmp_path / "t.html"), "{{ x }}!")
        made.append(Path(cache._get_cache_filename(bucket)))
    assert made[0] != made[1] and all(path.is_file() for path in made)
    assert made[0].name.startswith("site-builder-pages-")


def test_a_filter_that_comes_to_take_the_context_never_meets_templates_compiled_before() -> None:
    """Jinja compiles how a filter is called into each use: a cache name per filters' kinds."""

    def plain(value: str) -> str:
        return value

    @jinja2.pass_context
    def with_context(context: jinja2.runtime.Context, value: str) -> str:
        return value

    names = [
        bytecode_cache("pages", filters).pattern  # type: ignore[union-attr]
        for filters in ({"date": plain}, {"date": with_context}, {"date": plain})
    ]
    assert names[0] != names[1] and names[0] == names[2]


def test_without_a_safe_temporary_folder_there_is_no_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    unsafe = tmp_path / "tmp"
    unsafe.mkdir(mode=0o777)
    (unsafe / f"_jinja2-cache-{os.getuid()}").symlink_to(tmp_path)  # Jinja refuses links
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(unsafe))
    assert bytecode_cache("pages") is None
