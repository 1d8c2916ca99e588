"""Four sites in one build: lang, the switcher, the notices, the language's own links."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from pagefind.service import get_executable

from site_builder.content.languages import LANGUAGES
from site_builder.site import search_index
from tests.support import ENV, TRANSLATED, build_site, search_index_contents


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


def test_each_language_site_has_its_own_search_index_of_its_own_pages(tmp_path: Path) -> None:
    """Pagefind makes one index per page language (``<html lang>``): each holds its site's pages,
    all of them, as Pagefind's own command makes of the finished pages."""
    site = tmp_path / "site"
    build_site(TRANSLATED, site, workers=1, languages=[lang.code for lang in LANGUAGES])
    built = search_index_contents(site / "pagefind")
    assert sorted(built) == sorted(lang.tag.lower() for lang in LANGUAGES)
    for language in LANGUAGES:
        pages = sorted(built[language.tag.lower()]["pages"])
        assert pages == sorted(
            f"/{language.folder}{url.lstrip('/')}" for url in built["en"]["pages"]
        )
    command = [str(get_executable()), "--site", str(site), "--output-path", str(tmp_path / "cli")]
    command += ["--exclude-selectors", ".headerlink", "--silent"]
    chunks = {"PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": str(search_index.CHUNK_LOCATIONS)}
    subprocess.run(command, check=True, env={**ENV, **chunks}, capture_output=True)
    assert built == search_index_contents(tmp_path / "cli")
