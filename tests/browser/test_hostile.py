"""Payloads that got past check in the probe of issue 14, injected into a built page.

``check`` refuses each of them (tests/test_allowlist.py); here they are written straight into
the content of a page of the built fixture site, past every check, to show that the page's
Content-Security-Policy is a second defence: nothing runs and nothing is requested elsewhere.
"""

from __future__ import annotations

from playwright.sync_api import Browser

from tests.browser.conftest import PHONE, REPORT_CSP_VIOLATIONS, Site, local_only

ELSEWHERE = "http://evil.example"
RUN = "window.__ran=(window.__ran||0)+1"
PAYLOADS = [
    f'<p tabindex="0" autofocus onfocus="{RUN}">focus</p>',
    f'<img src="nope.png" onerror="{RUN}">',
    f'<h2 onmouseover="{RUN}">H</h2>',
    f'<noscript><p title="</noscript><img src=x onerror={RUN}>"></noscript>',
    f"<!--><img src=x onerror={RUN}>-->",
    f"<div><![CDATA[><img src=x onerror={RUN}>]]></div>",
    f'<svg><a><animate attributeName="href" values="javascript:{RUN}"/><text y="20">x</text></a></svg>',
    f"<script>{RUN}</script>",
    f'<a href="javascript:{RUN}" id="js-link">link</a>',
    f'<img src="{ELSEWHERE}/pixel.png">',
    f'<img src="x.png" srcset="{ELSEWHERE}/pixel2.png 2x">',
    f'<video src="{ELSEWHERE}/v.mp4" poster="{ELSEWHERE}/poster.png"></video>',
    f'<audio><source src="{ELSEWHERE}/a.mp3"></audio>',
    f'<svg><image href="{ELSEWHERE}/i.png"/></svg>',
    f'<p style="background:url({ELSEWHERE}/bg.png)">styled</p>',
    f'<a href="{ELSEWHERE}/" ping="{ELSEWHERE}/ping" id="ping-link">ping</a>',
    f'<link rel="stylesheet" href="{ELSEWHERE}/s.css">',
    f'<iframe src="{ELSEWHERE}/frame"></iframe>',
]


def test_payloads_past_check_run_nothing_and_request_nothing(
    fixture_site: Site, browser: Browser
) -> None:
    page_file = fixture_site.root / "actors" / "kosovo" / "index.html"
    html = page_file.read_text("utf-8")
    assert 'http-equiv="Content-Security-Policy"' in html
    marker = '<article class="md-content__inner md-typeset">'
    assert marker in html
    hostile = fixture_site.root / "hostile" / "index.html"
    hostile.parent.mkdir()
    hostile.write_text(html.replace(marker, marker + "\n".join(PAYLOADS), 1), "utf-8")
    context = browser.new_context(viewport=PHONE)
    foreign: list[str] = []
    local_only(context, fixture_site, foreign)
    page = context.new_page()
    violations: list[str] = []
    page.add_init_script(REPORT_CSP_VIOLATIONS)
    page.on("console", lambda m: violations.append(m.text) if "CSP violation" in m.text else None)
    try:
        page.goto(fixture_site.url("hostile/"), wait_until="load")
        page.mouse.move(10, 10)
        page.hover("h2:has-text('H')")
        page.click("#js-link")
        page.wait_for_timeout(500)
        ran = page.evaluate("() => window.__ran || 0")
    finally:
        context.close()
    assert ran == 0
    assert foreign == []
    # The policy itself refused them: the browser reports what it blocked.
    assert any("script-src" in v for v in violations), violations
