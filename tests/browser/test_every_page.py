"""Every page of both sites, as a phone on a slow link sees it: local, clean, narrow, accessible."""

from __future__ import annotations

from playwright.sync_api import Browser

from tests.browser.conftest import PageReport, Site


def _failures(found: dict[str, object]) -> str:
    return "\n".join(f"/{path}: {what}" for path, what in found.items())


def test_no_request_leaves_the_site(audit: dict[str, PageReport]) -> None:
    found = {path: r.foreign for path, r in audit.items() if r.foreign}
    assert not found, _failures(found)


def test_no_console_error(audit: dict[str, PageReport]) -> None:
    found = {path: r.console_errors for path, r in audit.items() if r.console_errors}
    assert not found, _failures(found)


def test_no_sideways_scrolling_at_375px(audit: dict[str, PageReport]) -> None:
    found = {path: r.widths for path, r in audit.items() if r.widths[0] > r.widths[1]}
    assert not found, _failures(found)


def test_no_table_cell_is_cut_off_at_375px(audit: dict[str, PageReport]) -> None:
    found = {path: r.cut_cells[:5] for path, r in audit.items() if r.cut_cells}
    assert not found, _failures(found)


def test_axe_finds_no_serious_violation(audit: dict[str, PageReport]) -> None:
    found = {path: r.axe for path, r in audit.items() if r.axe}
    assert not found, _failures(found)


def test_links_to_briefs_carry_the_summary(site: Site, audit: dict[str, PageReport]) -> None:
    """The title attribute is the preview that works everywhere: it must be the target's summary."""
    found: dict[str, object] = {}
    for path, report in audit.items():
        wrong = [
            (href, title)
            for href, title in report.links
            if title != site.descriptions.get(site.path(href))
        ]
        if wrong:
            found[path] = wrong
    assert not found, _failures(found)
    assert any(r.links for r in audit.values())


def test_readable_without_javascript(site: Site, browser: Browser) -> None:
    """The heading and the text of every page are in the HTML, not put there by scripts."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 812})
    page = context.new_page()
    found: dict[str, object] = {}
    for path in site.pages:
        page.goto(site.url(path))
        heading = page.locator(".md-content h1").first
        text = page.locator(".md-content article").inner_text()
        if not heading.is_visible() or len(text) < len(heading.inner_text()) + 20:
            found[path] = text[:80]
    context.close()
    assert not found, _failures(found)
