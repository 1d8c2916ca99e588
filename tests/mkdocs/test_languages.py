"""Four sites in one build: lang, the switcher, the notices, the language's own links."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from site_builder.content.languages import LANGUAGES
from tests.support import TRANSLATED, build_site

ALL = [lang.code for lang in LANGUAGES]
SITE_URL = "https://dialogue-explainer.example/"
ATOM = "{http://www.w3.org/2005/Atom}"
XHTML = "{http://www.w3.org/1999/xhtml}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The translated fixture, built once in every language."""
    folder = tmp_path_factory.mktemp("languages") / "site"
    build_site(TRANSLATED, folder, workers=1, languages=ALL)
    return folder


def test_every_language_site_has_every_page_with_its_language(site: Path) -> None:
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
    build_site(TRANSLATED, site, workers=1, languages=["en"])
    assert not (site / "sq").exists()
    html = (site / "disputes/vehicle-licence-plates/index.html").read_text("utf-8")
    assert "sb-languages" not in html


def test_each_language_has_its_own_feed_in_its_language(site: Path) -> None:
    english = ET.parse(site / "feed.xml").getroot()
    sq = ET.parse(site / "sq/feed.xml").getroot()
    sr_latn = ET.parse(site / "sr-latn/feed.xml").getroot()
    assert sq.get("{http://www.w3.org/XML/1998/namespace}lang") == "sq"
    assert sq.findtext(f"{ATOM}title").endswith(": përditësime dhe korrigjime")
    assert sr_latn.findtext(f"{ATOM}title").endswith(": ažuriranja i ispravke")
    assert english.findtext(f"{ATOM}title").endswith(": updates and corrections")
    entries = [
        (e.findtext(f"{ATOM}title"), link.get("href"))
        for e in sq.findall(f"{ATOM}entry")
        for link in e.findall(f"{ATOM}link")
    ]
    assert entries == [
        ("Korrigjim: Targat e automjeteve",
         f"{SITE_URL}sq/disputes/vehicle-licence-plates/#corrections"),
        ("Deal reached on licence plates", f"{SITE_URL}sq/updates/plates-deal-reached/"),
    ]  # fmt: skip
    home = (site / "sq/index.html").read_text("utf-8")
    assert '<link rel="alternate feed" type="application/atom+xml"' in home
    assert re.search(r'<link rel="alternate feed"[^>]*href="feed.xml"', home)


def test_the_home_page_leads_into_its_own_languages_pages(site: Path) -> None:
    home = (site / "sr/index.html").read_text("utf-8")
    entry_points = re.search(r'<ul class="entry-points">.*?</ul>', home, re.S)
    assert entry_points is not None
    hrefs = re.findall(r'href="([^"]+)"', entry_points.group(0))
    assert "disputes/" in hrefs and "feed.xml" in hrefs
    assert not [href for href in hrefs if href.startswith("../")]


def test_without_javascript_search_leads_to_the_languages_names_page(site: Path) -> None:
    for folder in ("", "sq/", "sr-latn/"):
        html = (site / folder / "disputes/vehicle-licence-plates/index.html").read_text("utf-8")
        fallback = re.search(r'<a class="sb-search__fallback[^"]*" href="([^"]+)"', html)
        assert fallback is not None
        assert fallback.group(1) == "../../names/", folder


def test_the_sitemap_lists_every_version_of_a_page(site: Path) -> None:
    urls = {
        url.findtext(f"{SITEMAP}loc"): {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
        }
        for url in ET.parse(site / "sitemap.xml").getroot()
    }
    page = "disputes/vehicle-licence-plates/"
    versions = {
        "en": SITE_URL + page,
        "sq": f"{SITE_URL}sq/{page}",
        "sr": f"{SITE_URL}sr/{page}",
        "sr-Latn": f"{SITE_URL}sr-latn/{page}",
        "x-default": SITE_URL + page,
    }
    assert urls[f"{SITE_URL}sq/{page}"] == versions
    assert urls[SITE_URL + page] == versions


def test_the_review_page_lists_translations_behind_their_english_page(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(TRANSLATED, content)
    english = content / "actors/serbia.md"
    english.write_text(english.read_text("utf-8") + "\nIt is a state.[^constitution]\n", "utf-8")
    site = tmp_path / "site"
    build_site(content, site, workers=1, languages=ALL)
    review = (site / "review/index.html").read_text("utf-8")
    listed = re.search(r'<ul class="review-outdated">.*?</ul>', review, re.S)
    assert listed is not None
    item = r'<li><a href="([^"]+)"[^>]*>([^<]+)</a>.*?<code>([^<]+)</code>'
    assert re.findall(item, listed.group(0)) == [
        ("../sq/actors/serbia/", "Serbia", "content/actors/serbia.sq.md"),
        ("../sr/actors/serbia/", "Србија", "content/actors/serbia.sr.md"),
    ]
    notice = (site / "sr/actors/serbia/index.html").read_text("utf-8")
    assert "Страница на енглеском је измењена после овог превода" in notice


def test_with_every_translation_current_the_review_page_says_so(site: Path) -> None:
    review = (site / "sq/review/index.html").read_text("utf-8")
    assert "Çdo përkthim ndjek versionin aktual të faqes së vet në anglisht." in review
