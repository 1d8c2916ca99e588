"""No function is harder to follow than radon's grade C (cyclomatic complexity at most 20)."""

from __future__ import annotations

from radon.complexity import cc_visit

from tests.support import REPO

LIMIT = 20


def test_every_function_is_grade_c_or_better() -> None:
    found = []
    for path in sorted((REPO / "site_builder").rglob("*.py")):
        name = path.relative_to(REPO).as_posix()
        for block in cc_visit(path.read_text(encoding="utf-8")):
            if block.complexity > LIMIT:
                found.append(
                    f"{name}:{block.lineno}: {block.name} has complexity {block.complexity}"
                )
    assert found == []
