"""Material's bundle on a phone, deferred (theme/main.html): the drawer and its sections, the
palette toggle, the keyboard shortcuts; and the drawer's closed sections, which are not
rendered until they are opened (site.css; figures in benchmarks/README.md)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import PHONE, Site

_RENDERED = "el => el.checkVisibility({contentVisibilityAuto: true})"
#: Close a panel from its title; the transitions that start, and whether its links are shown.
_CLOSE = """panel => {
  panel.querySelector("label.md-nav__title").click();
  return [panel.getAnimations().map(a => a.transitionProperty),
          panel.querySelector("a").checkVisibility({contentVisibilityAuto: true})];
}"""
_FINISHED = "el => Promise.all(el.getAnimations().map(a => a.finished)).then(() => true)"
_SCHEMES = """() => [document.body.getAttribute("data-md-color-scheme"),
  getComputedStyle(document.documentElement).colorScheme]"""


@pytest.fixture()
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def _bundle_ran(page: Page) -> None:
    page.wait_for_function("document.documentElement.classList.contains('js')")


def test_a_drawer_section_is_rendered_when_opened_and_hidden_once_it_has_slid_away(
    fixture_site: Site, phone: Page
) -> None:
    phone.goto(fixture_site.url(""))
    _bundle_ran(phone)
    toggle = phone.locator(".md-nav--primary > .md-nav__list > .md-nav__item--nested > input")
    section = toggle.first.get_attribute("id")
    panel = phone.locator(f"#{section} ~ nav.md-nav")
    link = panel.locator("a").first
    # Closed: neither rendered nor reachable from the keyboard.
    assert not link.evaluate(_RENDERED)
    link.evaluate("a => a.focus()")
    assert not link.evaluate("a => document.activeElement === a")
    # Opened from the header's menu button, as a reader does.
    phone.locator('label.md-header__button[for="__drawer"]').click()
    phone.locator(f'label.md-nav__link[for="{section}"]').click()
    assert link.evaluate(_RENDERED)
    link.wait_for(state="visible")
    # Closed again from the panel's title: still rendered while it slides away (one task, so
    # that no wait on a busy machine outlasts the slide).
    sliding, rendered = panel.evaluate(_CLOSE)
    assert "content-visibility" in sliding and rendered
    assert panel.evaluate(_FINISHED)
    assert not link.evaluate(_RENDERED)
    # And opened again, its link followed.
    phone.locator(f'label.md-nav__link[for="{section}"]').click()
    href = link.evaluate("a => a.href")
    link.click()
    phone.wait_for_url(href)


def test_the_palette_toggle_switches_the_scheme_and_the_whole_page_follows(
    fixture_site: Site, phone: Page
) -> None:
    phone.emulate_media(color_scheme="light")
    phone.goto(fixture_site.url(""))
    _bundle_ran(phone)
    assert phone.evaluate(_SCHEMES) == ["default", "light"]
    phone.locator("form[data-md-component=palette] label:not([hidden])").click()
    assert phone.evaluate(_SCHEMES) == ["slate", "dark"]
    phone.goto(fixture_site.url("actors/kosovo/"))  # Material keeps the reader's choice
    _bundle_ran(phone)
    assert phone.evaluate(_SCHEMES) == ["slate", "dark"]


def test_a_dark_phone_gets_the_dark_scheme(fixture_site: Site, browser: Browser) -> None:
    context = browser.new_context(viewport=PHONE, color_scheme="dark")
    page = context.new_page()
    page.goto(fixture_site.url(""))
    _bundle_ran(page)
    assert page.evaluate(_SCHEMES) == ["slate", "dark"]
    context.close()


def test_materials_keyboard_shortcuts_go_to_the_next_and_previous_page(
    fixture_site: Site, phone: Page
) -> None:
    phone.goto(fixture_site.url(""))
    _bundle_ran(phone)
    following = phone.evaluate("() => document.querySelector('link[rel=next]').href")
    phone.keyboard.press("n")
    phone.wait_for_url(following)
    _bundle_ran(phone)
    before = phone.evaluate("() => document.querySelector('link[rel=prev]').href")
    phone.keyboard.press("p")
    phone.wait_for_url(before)
