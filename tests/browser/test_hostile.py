"""Payloads that got past check in the probe of issue 14, injected into a built page.

``check`` refuses each of them (tests/safety/test_html_allowlist.py); here they are written straight into
the content of a page of the built fixture site, past every check, to show that the page's
Content-Security-Policy is a second defence: nothing runs and nothing is requested elsewhere.
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown
from playwright.sync_api import Browser

from tests.browser.conftest import PHONE, REPORT_CSP_VIOLATIONS, Site, local_only

HOSTILE_PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "hostile" / "html" / "pages"
RUN = "window.__ran=(window.__ran||0)+1"
#: Beyond the fixtures' payloads, which show an alert: ones that count what ran, and requests.
EXTRA = [
    f'<p tabindex="0" autofocus onfocus="{RUN}">focus</p>',
    f'<img src="nope.png" onerror="{RUN}">',
    f'<h2 onmouseover="{RUN}">H</h2>',
    f"<script>{RUN}</script>",
    f'<a href="javascript:{RUN}" id="js-link">link</a>',
    '<link rel="stylesheet" href="https://evil.example/s.css">',
    '<iframe src="https://evil.example/frame"></iframe>',
]


def payloads() -> list[str]:
    """Each fixture's body as the site's Markdown would publish it, had check let it through."""
    rendered = []
    for page in sorted(HOSTILE_PAGES.glob("*.md")):
        body = page.read_text("utf-8").split("\n---\n", 1)[1]
        rendered.append(markdown.markdown(body, extensions=["attr_list", "md_in_html", "tables"]))
    return rendered


def visit(browser: Browser, site: Site, path: str) -> tuple[int, list[str], list[str]]:
    """How many payloads ran, which other hosts were asked for, and what the policy blocked."""
    context = browser.new_context(viewport=PHONE)
    foreign: list[str] = []
    local_only(context, site, foreign)
    page = context.new_page()
    violations: list[str] = []
    page.add_init_script(REPORT_CSP_VIOLATIONS)
    page.on("console", lambda m: violations.append(m.text) if "CSP violation" in m.text else None)
    page.on("dialog", lambda dialog: dialog.dismiss())
    try:
        page.goto(site.url(path), wait_until="load")
        page.mouse.move(10, 10)
        page.hover("h2:has-text('H')", force=True)  # the overlay payload covers the page
        page.click("#js-link", force=True)
        page.wait_for_timeout(500)
        ran = page.evaluate("() => window.__ran || 0")
    finally:
        context.close()
    return ran, foreign, violations


def test_payloads_past_check_run_nothing_and_request_nothing(
    fixture_site: Site, browser: Browser
) -> None:
    html = (fixture_site.root / "actors" / "kosovo" / "index.html").read_text("utf-8")
    marker = '<article class="md-content__inner md-typeset">'
    assert 'http-equiv="Content-Security-Policy"' in html and marker in html
    # The extras first: the <plaintext> fixture makes everything after it text.
    injected = "\n".join([*EXTRA, *payloads()]).replace("alert(1)", RUN)
    assert len(payloads()) >= 28
    hostile = html.replace(marker, marker + injected, 1)
    for path, text in (
        ("hostile", hostile),
        (
            "hostile-without-policy",
            re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", hostile),
        ),
    ):
        (fixture_site.root / path).mkdir()
        (fixture_site.root / path / "index.html").write_text(text, "utf-8")
    ran, foreign, violations = visit(browser, fixture_site, "hostile/")
    assert ran == 0
    assert foreign == []
    # The policy itself refused them: the browser reports what it blocked.
    assert any("script-src" in v for v in violations), violations
    # The control: without the policy, the same page runs the payloads and asks other hosts.
    ran, foreign, _ = visit(browser, fixture_site, "hostile-without-policy/")
    assert ran > 0
    assert any(url.startswith("https://evil.example/") for url in foreign), foreign
