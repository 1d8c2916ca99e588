"""Four sites in one build: lang, the switcher, the notices, the language's own links."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from site_builder.content.languages import LANGUAGES
from site_builder.site.check import check_content
from site_builder.site.config_file import markdown_extensions, read_config
from tests.support import PNG, REPO, TRANSLATED, build_site, make_ctx

EXTENSIONS, OPTIONS = markdown_extensions(read_config(REPO / "mkdocs.yml"))


def test_every_language_site_has_every_page_with_its_language(tmp_path: Path) -> None:
    site = tmp_path / "site"
    build_site(TRANSLATED, site, workers=1, languages=[lang.code for lang in LANGUAGES])
    for language in LANGUAGES:
        page = site / language.folder / "disputes" / "vehicle-licence-plates" / "index.html"
        html = page.read_text("utf-8")
        assert f'<html lang="{language.tag}"' in html
        switcher = re.search(r'<nav class="sb-languages".*?</nav>', html, re.S)
        assert switcher is not None
        assert switcher.group(0).count('rel="alternate"') == 4
        assert (site / language.folder / "places" / "presevo" / "index.html").is_file()
    sq = (site / "sq/disputes/vehicle-licence-plates/index.html").read_text("utf-8")
    assert "<h1>Targat e automjeteve</h1>" in sq
    assert re.search(r'<a class="autolink" href="../../actors/serbia/"[^>]*>Serbisë</a>', sq)
    assert "Ky përkthim nuk është rishikuar ende" in sq  # unreviewed
    sr_latn = (site / "sr-latn/disputes/vehicle-licence-plates/index.html").read_text("utf-8")
    assert re.search(r'<a class="autolink" href="../../actors/serbia/"[^>]*>Srbijom</a>', sr_latn)
    presevo = (site / "sq/places/presevo/index.html").read_text("utf-8")
    assert "Kjo faqe nuk është përkthyer ende në shqip" in presevo  # shown in English
    assert '<div data-pagefind-body data-pagefind-meta="kind:Place" lang="en">' in presevo
    english = (site / "disputes/vehicle-licence-plates/index.html").read_text("utf-8")
    assert "sb-translation-notice" not in english


def test_english_alone_publishes_no_other_language(tmp_path: Path) -> None:
    site = tmp_path / "site"
    build_site(TRANSLATED, site, workers=1)
    assert not (site / "sq").exists()
    html = (site / "disputes/vehicle-licence-plates/index.html").read_text("utf-8")
    assert "sb-languages" not in html


def _linking(tmp_path: Path, english: str, albanian: str) -> Path:
    """The translated fixture with a line of links in an English body (which the other sites
    show as it is) and in an Albanian one, and an image in content/assets/."""
    content = Path(shutil.copytree(TRANSLATED, tmp_path / "content"))
    (content / "assets").mkdir()
    (content / "assets" / "map.png").write_bytes(PNG)
    lines = {"actors/serbia.md": f"{english}[^constitution]",
             "disputes/vehicle-licence-plates.sq.md": f"{albanian}[^plates-deal]"}  # fmt: skip
    for name, line in lines.items():
        path = content / name
        path.write_text(f"{path.read_text('utf-8')}\n{line}\n", "utf-8")
    return content


LINKS = "[c](../places/mitrovica.md) [k](../actors/kosovo.md#fn:1) ![m](../assets/map.png)"


def test_a_relative_link_leads_to_its_page_in_every_language_site(tmp_path: Path) -> None:
    content = _linking(tmp_path, LINKS.replace("../actors/", ""), LINKS)
    assert _check(content) == []
    site = tmp_path / "site"
    build_site(content, site, workers=1, languages=[lang.code for lang in LANGUAGES])
    pages = [("", "actors/serbia"), ("sq/", "actors/serbia"), ("sr-latn/", "actors/serbia"),
             ("sq/", "disputes/vehicle-licence-plates")]  # fmt: skip
    for folder, page in pages:
        kosovo = "../kosovo/" if page.startswith("actors/") else "../../actors/kosovo/"
        html = (site / folder / page / "index.html").read_text("utf-8")
        assert 'href="../../places/mitrovica/"' in html, (folder, page)
        assert f'href="{kosovo}#fn:1"' in html, (folder, page)
        # The one image, at the site's root, from every language's folder.
        assert f'src="{"../" * (2 + bool(folder))}assets/map.png"' in html, (folder, page)
        assert (site / folder / page / f"{'../' * (2 + bool(folder))}assets/map.png").is_file()


def test_a_broken_relative_link_is_one_problem_in_check_and_in_every_language_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = _linking(tmp_path, "[k](kosvo.md)", "[c](../places/mitrovca.md)")
    expected = [
        "content/actors/serbia.md:15: the link 'kosvo.md' points at no page of content/ "
        "(did you mean 'actors/kosovo.md'?)",
        "content/disputes/vehicle-licence-plates.sq.md:20: the link '../places/mitrovca.md' "
        "points at no page of content/ (did you mean 'places/mitrovica.md'?)",
    ]
    assert _check(content) == expected
    with pytest.raises(Abort):
        build_site(content, tmp_path / "site", languages=[lang.code for lang in LANGUAGES])
    assert [line for line in capsys.readouterr().err.splitlines() if "link" in line] == expected


def _check(content: Path) -> list[str]:
    found = check_content(content, make_ctx(), EXTENSIONS, OPTIONS, workers=1)
    return [f"{d.path}:{d.line}: {d.message}" for d in sorted(found)]
