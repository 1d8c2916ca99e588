"""What a reader does on a brief: search it by any name, preview links, print it, share it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from site_builder.content.loader import load_corpus
from site_builder.text.folding import fold
from tests.browser.conftest import DESKTOP, Site, build

_RESULT_TITLES = (
    "() => [...document.querySelectorAll('.md-search-result__article h1')]"
    ".map(h => h.textContent.trim())"
)


def _search_misses(page: Page, site: Site, queries: dict[str, str]) -> dict[str, list[str]]:
    """Type each query into Material's search box; the queries whose brief is not offered."""
    page.goto(site.url(""))
    misses: dict[str, list[str]] = {}
    for query, title in queries.items():
        page.click(".md-search__input")  # Material searches on typing, not on a set value
        page.keyboard.press("Control+A")
        page.keyboard.type(query)
        try:
            page.wait_for_function(
                f"title => ({_RESULT_TITLES})().includes(title)", arg=title, timeout=4000
            )
        except PlaywrightTimeout:
            misses[query] = page.evaluate(_RESULT_TITLES)
    return misses


@pytest.fixture()
def desktop(browser: Browser) -> Page:
    return browser.new_context(viewport=DESKTOP).new_page()


def test_search_finds_every_brief_by_every_name(fixture_site: Site, desktop: Page) -> None:
    corpus, _ = load_corpus(fixture_site.content)
    queries = {
        spelling: doc.title
        for doc in corpus.briefs
        for name in doc.all_names
        for spelling in (name.text, fold(name.text))
    }
    assert len(queries) > len(corpus.briefs)
    assert not _search_misses(desktop, fixture_site, queries)


def test_search_folds_names_on_the_real_site(real_site: Site, desktop: Page) -> None:
    queries = {
        "Presheva": "Preševo",
        "Presevo": "Preševo",
        "Bujanoc": "Bujanovac",
        "Petkovic": "Petar Petković",
        "Sorensen": "Peter Sørensen",
    }
    assert not _search_misses(desktop, real_site, queries)


def test_link_preview_on_focus_and_hover(fixture_site: Site, desktop: Page) -> None:
    """Keyboard and mouse users see the target's summary without leaving the page."""
    desktop.goto(fixture_site.url("disputes/vehicle-licence-plates/"))
    link = desktop.locator(".md-content a.autolink").first
    summary = link.get_attribute("title")
    assert summary
    preview = "a => getComputedStyle(a, '::after')"
    link.focus()
    assert summary in link.evaluate(f"a => ({preview})(a).content")
    assert link.evaluate(f"a => ({preview})(a).position") == "fixed"
    desktop.locator("h1").first.focus()
    link.hover()
    assert summary in link.evaluate(f"a => ({preview})(a).content")


def test_brief_prints_without_site_chrome(fixture_site: Site, browser: Browser) -> None:
    page = browser.new_page()
    page.goto(fixture_site.url("actors/kosovo/"))
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-search", ".md-footer"):
        assert not page.locator(chrome).first.is_visible(), chrome
    url = page.locator(".source-list .source-url").first
    assert url.is_visible()
    assert url.inner_text() == "https://example.org/kosovo/constitution"
    page.close()


def _meta(page: Page, selector: str, attribute: str = "content") -> str | None:
    return page.locator(selector).first.get_attribute(attribute)


def test_sharing_metadata_of_a_brief(fixture_site: Site, browser: Browser) -> None:
    page = browser.new_page()
    page.goto(fixture_site.url("places/presevo/"))
    summary = "A municipality in southern Serbia with an Albanian majority."
    canonical = "https://dialogue-explainer.example/places/presevo/"
    assert page.title() == "Preševo - Kosovo–Serbia Dialogue Explainer"
    assert _meta(page, 'meta[name="description"]') == summary
    assert _meta(page, 'link[rel="canonical"]', "href") == canonical
    assert _meta(page, 'meta[property="og:title"]') == "Preševo"
    assert _meta(page, 'meta[property="og:description"]') == summary
    assert _meta(page, 'meta[property="og:url"]') == canonical
    assert _meta(page, 'meta[property="og:type"]') == "article"
    page.close()


def test_markup_in_title_and_summary_arrives_escaped(
    tmp_path: Path, browser: Browser, serve: object
) -> None:
    """A title or summary with markup is text in the head, never elements."""
    content = tmp_path / "content"
    shutil.copytree(Path(__file__).parents[1] / "fixtures/minimal/content", content)
    brief = content / "places/mitrovica.md"
    title, summary = 'Mitrovica <b>"x"</b> & y', 'A city & "quoted", 5 < 6 > 4.'
    text = brief.read_text("utf-8")
    text = text.replace("title: Mitrovica", f"title: '{title}'", 1)
    text = text.replace(
        "summary: A city in northern Kosovo divided by the Ibar river.", f"summary: '{summary}'", 1
    )
    brief.write_text(text, "utf-8")
    build(content, tmp_path / "site")
    base = serve(tmp_path / "site")  # type: ignore[operator]
    page = browser.new_page()
    page.goto(base + "places/mitrovica/")
    assert page.title() == f"{title} - Kosovo–Serbia Dialogue Explainer"
    assert _meta(page, 'meta[name="description"]') == summary
    assert _meta(page, 'meta[property="og:title"]') == title
    assert _meta(page, 'meta[property="og:description"]') == summary
    assert page.locator("head b").count() == 0
    page.close()


def test_search_data_loads_only_when_search_is_opened(fixture_site: Site, desktop: Page) -> None:
    """A first visit must not pay for the whole site's search index (issue 10)."""
    fetched: list[str] = []
    desktop.on("request", lambda request: fetched.append(request.url))
    desktop.goto(fixture_site.url("actors/serbia/"))
    desktop.wait_for_load_state("networkidle")
    assert not [url for url in fetched if "search_index" in url or "sitemap" in url]
    corpus, _ = load_corpus(fixture_site.content)
    title = corpus.by_slug["serbia"].title
    assert not _search_misses(desktop, fixture_site, {title: title})
    assert [url for url in fetched if url.endswith("/search/search_index.json")]
