"""Pages that see the navigation alike share one rendering of it, which is Material's."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
from jinja2 import pass_context

from site_builder.mkdocs import shared_nav
from tests.support import REPO, build_site, fingerprint

MATERIAL_BASE = Path(material.__file__).parent / "templates" / "base.html"
INCLUDE = '{% include "partials/nav.html" %}'
OURS = (
    "{% if site_builder_nav is defined %}{{ site_builder_nav() }}"
    f"{{% else %}}{INCLUDE}{{% endif %}}"
)


def _site_nav_block(template: str) -> str:
    match = re.search(r"\{% block site_nav %\}(.*?)\{% endblock %\}", template, re.S)
    assert match is not None
    return match.group(1)


def test_the_themes_site_nav_block_is_materials_but_for_the_navigation() -> None:
    """theme/main.html copies Material's block; after an upgrade of Material this says so."""
    material_block = _site_nav_block(MATERIAL_BASE.read_text("utf-8"))
    ours = _site_nav_block((REPO / "theme" / "main.html").read_text("utf-8"))
    assert material_block.count(INCLUDE) == 1
    assert ours == material_block.replace(INCLUDE, OURS)


def test_shared_navigation_is_what_material_renders_for_each_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    renders: list[str] = []
    render = shared_nav._render

    def counted(context):  # type: ignore[no-untyped-def]
        renders.append(getattr(context.get("page"), "url", "404"))
        return render(context)

    monkeypatch.setattr(shared_nav, "_render", counted)
    content = REPO / "content"
    build_site(content, tmp_path / "shared", workers=1, nav_limit=2)  # briefs outside the nav
    pages = len(list((tmp_path / "shared").rglob("index.html")))
    assert len(renders) < pages / 2

    def one_per_page(nav, config):  # type: ignore[no-untyped-def]
        return pass_context(lambda context: render(context))

    monkeypatch.setattr(shared_nav, "shared_nav", one_per_page)
    build_site(content, tmp_path / "each", workers=1, nav_limit=2)
    assert fingerprint(tmp_path / "shared") == fingerprint(tmp_path / "each")
