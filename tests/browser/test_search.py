"""The header's search (Pagefind): every name finds its brief first, by keyboard alone,
accessibly, from the site's own host only, and a link to the Names page without JavaScript."""

from __future__ import annotations

import functools
import json
import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from site_builder.content.loader import load_corpus
from site_builder.render.search_spellings import search_spellings
from site_builder.site import search_index
from site_builder.site.search_index import ENTRY, INDEX_FOLDER, PARTS, index_site
from tests.browser.conftest import (
    AXE,
    AXE_RUN,
    DESKTOP,
    PHONE,
    REPORT_CSP_VIOLATIONS,
    Site,
    local_only,
)

_INPUT = ".sb-search__input"
_RESULTS = ".sb-search__results"
_TITLES = "() => [...document.querySelectorAll('.sb-search__title')].map(t => t.textContent)"


@pytest.fixture()
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=DESKTOP)
    yield context
    context.close()


def _open(context: BrowserContext, site: Site, path: str = "") -> tuple[Page, list[str], list[str]]:
    """A page of ``site``, with the requests it makes and its console errors (CSP included)."""
    requests: list[str] = []
    errors: list[str] = []
    page = context.new_page()
    page.add_init_script(REPORT_CSP_VIOLATIONS)
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site.url(path))
    page.wait_for_load_state("networkidle")
    return page, requests, errors


def _first_titles(page: Page, query: str) -> list[str]:
    """Type ``query`` into the box (after "/"), and the titles of the results it shows."""
    page.keyboard.press("/")
    page.keyboard.press("Control+A")
    page.keyboard.type(query)
    page.wait_for_function(
        "q => document.querySelector('.sb-search__list').dataset.query === q"
        " && !document.querySelector('.sb-search__results').hidden",
        arg=query,
    )
    return page.evaluate(_TITLES)


def _misses(page: Page, queries: dict[str, str]) -> dict[str, list[str]]:
    """The queries whose brief is not the first result, with the titles shown instead."""
    misses = {}
    for query, title in queries.items():
        titles = _first_titles(page, query)
        if titles[:1] != [title]:
            misses[query] = titles
        page.keyboard.press("Escape")
    return misses


def test_every_name_of_every_brief_finds_it_first(
    fixture_site: Site, context: BrowserContext
) -> None:
    """Titles, aliases and names in each language, with and without diacritics, both scripts."""
    corpus, _ = load_corpus(fixture_site.content)
    queries = {spelling: doc.title for doc in corpus.briefs for spelling in search_spellings(doc)}
    assert {"Presevo", "Прешево", "Preshevë", "Presheve"} <= set(queries)
    page, _, errors = _open(context, fixture_site)
    assert _misses(page, queries) == {}
    assert errors == []


@pytest.fixture(scope="module")
def reindexed(
    fixture_site: Site, tmp_path_factory: pytest.TempPathFactory, serve: functools.partial[str]
) -> tuple[Site, Site]:
    """Two copies of the fixture site's folder as it is now (other tests add pages to it),
    indexed again: as one index a language, and in parts of four pages, as a large site's."""
    copies = []
    for name, part_pages in (("whole", search_index.PART_PAGES), ("parted", 4)):
        root = tmp_path_factory.mktemp(name) / "site"
        shutil.copytree(fixture_site.root, root)
        index_site(root, part_pages=part_pages)
        copies.append(Site(name, root, fixture_site.content, serve(root)))
    entry = json.loads((copies[1].root / INDEX_FOLDER / ENTRY).read_text("utf-8"))
    assert len(entry[PARTS]["en"]) > 2
    return copies[0], copies[1]


def test_a_language_indexed_in_parts_finds_what_one_index_finds(
    reindexed: tuple[Site, Site], context: BrowserContext
) -> None:
    """Every name finds its brief first, and a query as many pages, in every part merged."""
    whole, parted = reindexed
    corpus, _ = load_corpus(parted.content)
    queries = {spelling: doc.title for doc in corpus.briefs for spelling in search_spellings(doc)}
    page, requests, errors = _open(context, parted)
    assert _misses(page, queries) == {}
    counts = []
    for site in (whole, parted):
        page, _, _ = _open(context, site)
        _first_titles(page, "Kosovo")
        counts.append(page.locator(".sb-search__status").text_content())
    assert counts[0] == counts[1]
    assert errors == []
    assert parted.url("pagefind/part-2/pagefind-entry.json") in {
        url.split("?")[0] for url in requests
    }


def test_the_regions_spellings_find_their_briefs_first(
    real_site: Site, context: BrowserContext
) -> None:
    queries = {
        "Presevo": "Preševo",
        "Presheva": "Preševo",
        "Прешево": "Preševo",
        "Bujanoc": "Bujanovac",
        "Petkovic": "Petar Petković",
        "Sorensen": "Peter Sørensen",
        "Kosovo": "Kosovo",
        "Serbia": "Serbia",
    }
    page, _, errors = _open(context, real_site)
    assert _misses(page, queries) == {}
    assert errors == []


def test_a_result_shows_title_kind_and_summary_or_an_excerpt(
    fixture_site: Site, context: BrowserContext
) -> None:
    page, _, _ = _open(context, fixture_site)
    _first_titles(page, "Presevo")
    first = page.locator(".sb-search__result").first
    assert first.get_attribute("href") == "/places/presevo/"
    assert first.locator(".sb-search__title").inner_text() == "Preševo"
    assert first.locator(".sb-search__kind").text_content() == "Place"
    summary = "A municipality in southern Serbia with an Albanian majority."
    assert first.locator(".sb-search__text").inner_text() == summary
    # A page that is no brief (the Places index) shows an excerpt, its words marked.
    index = page.locator(".sb-search__result[href='/places/']")
    assert index.locator(".sb-search__kind").count() == 0
    assert index.locator(".sb-search__text mark").first.inner_text() == "Preševo."
    status = page.locator(".sb-search__status").text_content()
    assert status == f"{page.locator('.sb-search__result').count()} pages found."


def test_the_keyboard_alone_searches_moves_opens_and_closes(
    fixture_site: Site, context: BrowserContext
) -> None:
    page, _, _ = _open(context, fixture_site, "actors/kosovo/")
    box = page.locator(_INPUT)
    results = page.locator(_RESULTS)
    page.keyboard.press("s")
    assert box.evaluate("e => e === document.activeElement")
    assert box.input_value() == ""  # the shortcut is not typed
    _first_titles(page, "Presevo")
    links = page.locator(".sb-search__result")
    assert links.count() >= 2
    page.keyboard.press("ArrowDown")
    assert links.nth(0).evaluate("e => e === document.activeElement")
    page.keyboard.press("ArrowDown")
    assert links.nth(1).evaluate("e => e === document.activeElement")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert box.evaluate("e => e === document.activeElement")
    page.keyboard.press("Escape")
    assert results.is_hidden()
    assert box.evaluate("e => e === document.activeElement")
    page.keyboard.press("Escape")
    assert not box.evaluate("e => e === document.activeElement")
    _first_titles(page, "Presevo")
    page.keyboard.press("Enter")
    page.wait_for_url(fixture_site.url("places/presevo/"))


def test_results_closed_stay_closed_when_a_search_under_way_ends(
    fixture_site: Site, context: BrowserContext
) -> None:
    """Back in the box from a result, the box searches again (its text may have changed): an
    Escape before that search ends closes the results for good."""
    page, _, _ = _open(context, fixture_site, "actors/kosovo/")
    _first_titles(page, "Presevo")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")  # the box's focus starts a search
    page.keyboard.press("Escape")
    page.wait_for_timeout(1000)  # the search waits 100 ms for more typing, then runs
    assert page.locator(_RESULTS).is_hidden()
    assert page.locator(_INPUT).evaluate("e => e === document.activeElement")


def test_search_loads_nothing_before_it_is_used_and_only_from_the_site(
    fixture_site: Site, context: BrowserContext
) -> None:
    foreign: list[str] = []
    local_only(context, fixture_site, foreign)
    page, requests, errors = _open(context, fixture_site, "actors/serbia/")
    assert [url for url in requests if "pagefind" in url or "sitemap" in url] == []
    assert _first_titles(page, "Serbia")[0] == "Serbia"
    loaded = {url.removeprefix(fixture_site.base_url).split("/")[0] for url in requests}
    assert "pagefind" in loaded
    assert foreign == []
    assert errors == []  # the policy let Pagefind's script and WebAssembly run, nothing refused


@pytest.mark.parametrize(
    ("scheme", "viewport"), [("light", PHONE), ("dark", PHONE), ("dark", DESKTOP)]
)
def test_open_results_pass_axe_in_both_palettes_and_on_a_phone(
    fixture_site: Site, browser: Browser, scheme: str, viewport: dict[str, int]
) -> None:
    context = browser.new_context(viewport=viewport, color_scheme=scheme)  # type: ignore[arg-type]
    try:
        page, _, _ = _open(context, fixture_site, "places/presevo/")
        expected = {"light": "default", "dark": "slate"}[scheme]
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected
        _first_titles(page, "Presevo")
        page.keyboard.press("ArrowDown")  # a result focused, as a keyboard reader sees it
        panel = page.locator(_RESULTS).bounding_box()
        assert (
            panel is not None
            and panel["x"] >= 0
            and panel["x"] + panel["width"] <= viewport["width"]
        )
        width = page.evaluate("() => document.scrollingElement.scrollWidth")
        assert width <= viewport["width"]
        page.evaluate(f"{AXE.read_text('utf-8')}\n;0")
        assert page.evaluate(AXE_RUN) == []
    finally:
        context.close()


def test_without_javascript_the_box_gives_way_to_the_names_page(
    fixture_site: Site, browser: Browser
) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(fixture_site.url("places/presevo/"))
        assert page.locator(_INPUT).is_hidden()
        link = page.locator(".sb-search__fallback")
        assert link.is_visible()
        assert link.inner_text() == "Names"
        assert link.get_attribute("href") == "../../names/"
    finally:
        context.close()


_HREFS = "() => [...document.querySelectorAll('.sb-search__result')].map(a => a.pathname)"


@pytest.mark.parametrize(
    ("folder", "queries"),
    [
        ("sq/", {"Presevo": "Preshevë", "Preshevë": "Preshevë", "Bujanovac": "Bujanoc"}),
        ("sr/", {"Presevo": "Прешево", "Preševo": "Прешево", "Bujanoc": "Бујановац"}),
        ("sr-latn/", {"Прешево": "Preševo", "Presevo": "Preševo", "Бујановац": "Bujanovac"}),
    ],
)
def test_each_languages_pages_are_searched_in_that_language(
    real_site: Site, context: BrowserContext, folder: str, queries: dict[str, str]
) -> None:
    """Its own titles come first, whatever spelling or script is typed, and every result is a
    page of its own site."""
    page, _, errors = _open(context, real_site, folder)
    assert _misses(page, queries) == {}
    _first_titles(page, "Kosovo")
    hrefs = page.evaluate(_HREFS)
    assert hrefs and all(href.startswith(f"/{folder}") for href in hrefs), hrefs
    assert errors == []
