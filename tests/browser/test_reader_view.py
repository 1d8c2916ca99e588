"""What a reader sees, measured: the phone's first screen, widths, table cells, diagram labels."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import CUT_CELLS, DESKTOP, Site

#: The phone of the issue (390×844) and the desktop.
PHONE_390 = {"width": 390, "height": 844}
WIDTHS = {"phone": PHONE_390, "desktop": DESKTOP}
BRIEF_FOLDERS = ("actors/", "disputes/", "agreements/", "places/")

#: Where the lede ends and the body's first paragraph starts, from the top of the page.
_FIRST_SCREEN = """() => {
  const article = document.querySelector(".md-content article");
  const lede = article.querySelector("p.lede");
  // The page's own text, inside the part of the article that search indexes.
  const text = article.querySelector("[data-pagefind-body]") || article;
  const body = lede && [...text.querySelectorAll(":scope > p")].find(
    p => !p.matches(".lede, .corrected-notice, .generated-note"));
  const top = el => el ? el.getBoundingClientRect().top + window.scrollY : null;
  const bottom = el => el ? el.getBoundingClientRect().bottom + window.scrollY : null;
  return {title: bottom(article.querySelector("h1")), lede: bottom(lede), body: top(body)};
}"""

#: Diagram nodes whose label's lines are not wholly inside their box, and lines cut short.
_CUT_LABELS = """() => {
  const cut = [];
  for (const node of document.querySelectorAll("svg.sb-diagram a.diagram-node")) {
    const rect = node.querySelector("rect").getBoundingClientRect();
    if (rect.width === 0) continue;  // the layout this width does not show
    for (const line of node.querySelectorAll("tspan")) {
      const r = line.getBoundingClientRect();
      if (r.left < rect.left || r.right > rect.right || r.top < rect.top || r.bottom > rect.bottom
          || line.textContent.endsWith("…"))
        cut.push(line.textContent);
    }
  }
  return cut;
}"""


def brief_pages(site: Site) -> list[str]:
    return [p for p in site.pages if p.startswith(BRIEF_FOLDERS) and p.count("/") == 2]


@pytest.fixture(scope="module", params=list(WIDTHS))
def window(request: pytest.FixtureRequest, browser: Browser) -> Iterator[tuple[str, Page]]:
    context = browser.new_context(viewport=WIDTHS[request.param])
    yield request.param, context.new_page()
    context.close()


def _failures(found: dict[str, object]) -> str:
    return "\n".join(f"/{path}: {what}" for path, what in found.items())


def test_first_phone_screen_holds_title_summary_and_start_of_body(
    site: Site, browser: Browser
) -> None:
    context = browser.new_context(viewport=PHONE_390)
    page = context.new_page()
    found: dict[str, object] = {}
    for path in brief_pages(site):
        page.goto(site.url(path))
        at = page.evaluate(_FIRST_SCREEN)
        if not (at["lede"] and at["body"] and at["lede"] <= 844 and at["body"] < 844 - 40):
            found[path] = at
    context.close()
    assert brief_pages(site) and not found, _failures(found)


def test_no_page_scrolls_sideways_and_no_table_cell_is_cut_off_at_1280px(
    site: Site, browser: Browser
) -> None:
    """At 375 px the audit of every page checks the same (tests/browser/test_every_page.py)."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    found: dict[str, object] = {}
    for path in site.pages:
        page.goto(site.url(path))
        scroll, inner = page.evaluate("() => [document.scrollingElement.scrollWidth, innerWidth]")
        cells = page.evaluate(CUT_CELLS)
        if scroll > inner or cells:
            found[path] = (scroll, inner, cells[:5])
    context.close()
    assert not found, _failures(found)


def test_every_diagram_label_is_whole(site: Site, window: tuple[str, Page]) -> None:
    name, page = window
    diagrams = ["diagram/", *(p for p in brief_pages(site) if p.startswith("disputes/"))]
    found: dict[str, object] = {}
    shown = 0
    for path in diagrams:
        page.goto(site.url(path))
        shown += page.locator("svg.sb-diagram a.diagram-node:visible").count()
        labels = page.evaluate(_CUT_LABELS)
        if labels:
            found[path] = labels[:5]
    assert shown and not found, f"{name}:\n" + _failures(found)


def test_a_diagram_node_is_a_named_link_with_a_visible_focus_ring(
    real_site: Site, window: tuple[str, Page]
) -> None:
    name, page = window
    page.goto(real_site.url("diagram/"))
    layout = "stacked" if name == "phone" else "wide"
    link = page.get_by_role("link", name="Kosovo (actor)", exact=False).locator("visible=true")
    assert link.count() == 1
    assert link.evaluate("a => a.closest('svg').classList.contains('sb-diagram-" + layout + "')")
    before = link.evaluate("a => getComputedStyle(a.querySelector('rect')).strokeWidth")
    # Reach it from the keyboard: focus the link before it, then Tab.
    link.evaluate("a => { const all = [...a.closest('svg').querySelectorAll('a')];"
                  " all[all.indexOf(a) - 1].focus(); }")  # fmt: skip
    page.keyboard.press("Tab")
    assert link.evaluate("a => a === document.activeElement && a.matches(':focus-visible')")
    after = link.evaluate("a => getComputedStyle(a.querySelector('rect')).strokeWidth")
    assert (before, after) == ("1px", "3px")


def test_folded_names_open_on_demand_and_print_and_the_facts_stay_beside_on_a_desktop(
    real_site: Site, browser: Browser
) -> None:
    context = browser.new_context(viewport=PHONE_390)
    page = context.new_page()
    page.goto(real_site.url("disputes/association-of-serb-majority-municipalities/"))
    folded = page.locator(".infobox details.aliases")
    names = folded.locator(".aliases-list")
    assert "Community of Serb Municipalities" in names.text_content()
    assert folded.locator("summary").inner_text() == "3 other names"
    assert not names.is_visible()
    folded.locator("summary").click()
    assert names.is_visible()
    page.reload()
    page.emulate_media(media="print")
    assert names.is_visible()
    page.emulate_media(media="screen")
    float_at = "() => getComputedStyle(document.querySelector('.infobox')).float"
    assert page.evaluate(float_at) == "none"
    page.set_viewport_size(DESKTOP)
    assert page.evaluate(float_at) == "right"
    context.close()
