"""Four sites in one build: lang, the switcher, the notices, the language's own links, and every
word the build writes in the page's language."""

from __future__ import annotations

import html
import json
import logging
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort
from pagefind.service import get_executable

from site_builder.content.languages import LANGUAGES
from site_builder.render.catalogue import PLACEHOLDER_RE, catalogue
from site_builder.site import search_index
from site_builder.site.check import check_content
from site_builder.site.config_file import markdown_extensions, read_config
from tests.support import ENV, PNG, REPO, TRANSLATED, build_site, make_ctx, search_index_contents

EXTENSIONS, OPTIONS = markdown_extensions(read_config(REPO / "mkdocs.yml"))

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


def _read(site: Path, path: str) -> str:
    return (site / path).read_text("utf-8")


def _article(page: str) -> str:
    """The page's content as a reader reads it: the article's text, tags and entities undone."""
    article = page[page.index("<article") : page.index("</article>")]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", article)).split())


def _nav(page: str) -> list[str]:
    nav = page[page.index("md-nav--primary") : page.index("md-sidebar--secondary")]
    return re.findall(r'md-ellipsis">\s*([^<]+?)\s*<', nav)


def test_every_language_site_has_every_page_with_its_language(site: Path) -> None:
    for language in LANGUAGES:
        page = site / language.folder / "disputes" / "vehicle-licence-plates" / "index.html"
        text = page.read_text("utf-8")
        assert f'<html lang="{language.tag}"' in text
        switcher = re.search(r'<nav class="sb-languages".*?</nav>', text, re.S)
        assert switcher is not None
        assert switcher.group(0).count('rel="alternate"') == 4
        assert (site / language.folder / "places" / "presevo" / "index.html").is_file()
    sq = _read(site, "sq/disputes/vehicle-licence-plates/index.html")
    assert "<h1>Targat e automjeteve</h1>" in sq
    assert re.search(r'<a class="autolink" href="../../actors/serbia/"[^>]*>Serbisë</a>', sq)
    assert "Ky përkthim nuk është rishikuar ende" in sq  # unreviewed
    sr_latn = _read(site, "sr-latn/disputes/vehicle-licence-plates/index.html")
    assert re.search(r'<a class="autolink" href="../../actors/serbia/"[^>]*>Srbijom</a>', sr_latn)
    presevo = _read(site, "sq/places/presevo/index.html")
    assert "Kjo faqe nuk është përkthyer ende në shqip" in presevo  # shown in English
    # Marked English, but a place of the Albanian site: search shows its kind in Albanian.
    assert '<div data-pagefind-body data-pagefind-meta="kind:Vend" lang="en">' in presevo
    english = _read(site, "disputes/vehicle-licence-plates/index.html")
    assert "sb-translation-notice" not in english


def test_an_albanian_page_says_in_albanian_what_the_build_writes(site: Path) -> None:
    page = _read(site, "sq/disputes/vehicle-licence-plates/index.html")
    text = _article(page)
    for words in (
        "Kategoria Mosmarrëveshje",  # the infobox: kind, status, its field names
        "Statusi E zbatuar pjesërisht",
        "Njihet edhe si 3 emra të tjerë",
        "Rishikuar më 2 qershor 2025",  # the month's name
        "Kjo faqe u korrigjua më 2 qershor 2025 : shihni çfarë ndryshoi",
        "Shënimet European External Action Service, Agreement on licence plates , 23 nëntor 2022",
        "Qëndrimet me kalimin e kohës",
        "Kosova shtator 2021",
        "Burimi: Government of Kosovo",
        "2 palë, 1 marrëveshje dhe 2 vende",
        "Kronologjia ¶ 20 shtator 2021",
        "Korrigjimet ¶ 2 qershor 2025",
        "Burimet ¶ European External Action Service",
        "Përmendet në ¶ Përditësimet Deal reached on licence plates",
        "(ndër temat e përditësimit)",
    ):
        assert words in text
    assert re.search(r'<h2 id="mentioned-in">Përmendet në', page)  # the English page's id
    assert '<p class="footnote-title">Shënimet</p>' in page
    assert 'title="Kthehu te citimi 1 në tekst"' in page
    assert '<aside class="infobox" aria-label="Faktet kryesore">' in page
    assert "<title>Targat e automjeteve - " in page


def test_no_english_word_of_the_catalogue_is_left_on_an_albanian_page(site: Path) -> None:
    """Every phrase of the English catalogue (its words between placeholders) that Albanian
    says otherwise, looked for on a translated page: none is there. Single words are left
    out, as the English content itself has them ("Agreement on licence plates")."""
    text = _article(_read(site, "sq/disputes/vehicle-licence-plates/index.html"))
    albanian = catalogue("sq")
    phrases = {
        phrase.strip(" .,:;()")
        for key, entry in catalogue("en").items()
        if entry != albanian[key]
        for string in ([entry] if isinstance(entry, str) else entry.values())
        for phrase in PLACEHOLDER_RE.split(string)[::2]
    }
    found = sorted(p for p in phrases if " " in p and re.search(rf"\b{re.escape(p)}\b", text))
    assert found == []
    for word in ("Mentioned in", "Sources", "Notes", "Timeline", "Status", "Partly implemented"):
        assert not re.search(rf"\b{word}\b", text)


def test_a_serbian_page_says_in_serbian_what_the_build_writes(site: Path) -> None:
    text = _article(_read(site, "sr/disputes/vehicle-licence-plates/index.html"))
    for words in (
        "Врста Спор Статус Делимично спроведен",
        "Други називи 2 друга назива",  # a count's "few" form
        "Прегледано 2. јун 2025.",
        "Ова страница је исправљена 2. јун 2025. — погледајте шта је измењено",
        "Напомене European External Action Service, Agreement on licence plates , 23. новембар",
        "Ставови кроз време",
        "Извор: Government of Kosovo",
        "2 стране, 1 споразум и 2 места",
        "Хронологија ¶ 20. септембар 2021.",
        "Извори ¶",
        "Помиње се у ¶ Новости Deal reached on licence plates",
    ):
        assert words in text
    latin_page = _read(site, "sr-latn/disputes/vehicle-licence-plates/index.html")
    latin = _article(latin_page)
    assert "Vrsta Spor Status Delimično sproveden" in latin
    assert "Pominje se u ¶ Novosti" in latin
    assert "Hronologija ¶ 20. septembar 2021." in latin
    # The search box's count, in each of the language's forms, for its script to choose from.
    found = re.search(r'data-sb-found="([^"]+)"', latin_page)
    assert found is not None
    assert json.loads(html.unescape(found.group(1))) == {
        "one": "Pronađena je {n} stranica.",
        "few": "Pronađene su {n} stranice.",
        "other": "Pronađeno je {n} stranica.",
    }


def test_generated_pages_and_the_navigation_are_in_the_page_language(site: Path) -> None:
    timeline = _read(site, "sq/timeline/index.html")
    assert "<title>Kronologjia - " in timeline
    assert '<meta name="description" content="Çdo ngjarje me datë në sajt, me burimin e saj.">' in (
        timeline
    )
    assert "Nga Targat e automjeteve . Ka të bëjë edhe me European Union ." in _article(timeline)
    nav = _nav(timeline)
    assert nav[:2] == ["The Kosovo–Serbia dialogue", "Aktorët"]
    for section in ("Mosmarrëveshjet", "Marrëveshjet", "Vendet", "Përditësimet", "Pasqyra"):
        assert section in nav
    assert "Rreth sajtit" in nav and "Overviews" not in nav
    disputes = _article(_read(site, "sr/disputes/index.html"))
    assert disputes.startswith("Спорови Ова страница се прави од осталих страница сајта")
    assert "Делимично спроведен ¶ Регистарске таблице Стране: Kosovo , Србија" in disputes
    home = _article(_read(site, "sr/index.html"))
    for words in ("Најновије вести", "Спорови по статусу", "Истражите", "Хронологија :"):
        assert words in home
    assert '<a href="timeline/">Хронологија</a>' in _read(site, "sr/index.html")  # its own


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
    assert sr_latn.findtext(f"{ATOM}title").endswith(": novosti i ispravke")
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


def test_a_broken_anchor_of_an_english_page_is_reported_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Its page is shown in English in every language's site, with the same links."""
    content = tmp_path / "content"
    shutil.copytree(TRANSLATED, content)
    update = content / "updates/plates-deal-reached.md"
    link = "See [the timeline](../timeline.md#nowhere).[^eeas]\n"
    update.write_text(update.read_text("utf-8") + "\n" + link, "utf-8")
    with caplog.at_level(logging.WARNING):
        build_site(content, tmp_path / "site", workers=1, languages=ALL)
    assert [r.getMessage() for r in caplog.records if "#nowhere" in r.getMessage()] == [
        "Doc file 'updates/plates-deal-reached.md' contains a link '../timeline.md#nowhere', "
        "but the doc 'timeline.md' does not contain an anchor '#nowhere'."
    ]


def test_the_palette_toggle_is_labelled_in_the_pages_language(site: Path) -> None:
    english = (site / "index.html").read_text("utf-8")
    sq = (site / "sq/index.html").read_text("utf-8")
    sr_latn = (site / "sr-latn/index.html").read_text("utf-8")
    assert 'aria-label="Switch to dark mode"' in english
    assert 'title="Switch to light mode"' in english
    assert 'aria-label="Kalo në modalitetin e errët"' in sq
    assert 'aria-label="Prebaci na tamni režim"' in sr_latn


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
