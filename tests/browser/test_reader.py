"""What a reader does on a brief: preview links, print it, share it (search: test_search.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import DESKTOP, Site, build


@pytest.fixture()
def desktop(browser: Browser) -> Page:
    return browser.new_context(viewport=DESKTOP).new_page()


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
    for chrome in (".md-header", ".md-sidebar--primary", ".sb-search", ".md-footer"):
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
