"""One built site per corpus, one local server per site and one headless Chromium per session.

Readers meet the site in a browser, so these tests drive Debian's Chromium through Playwright.
Each page is visited once (``audit``) and every check reads that one visit, which keeps the
suite within a couple of minutes on two cores.
"""

from __future__ import annotations

import functools
import html
import http.server
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Route, sync_playwright

from tests.support import REPO

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
_DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"[^>]*>')


@dataclass(frozen=True)
class Site:
    """A built site served at ``base_url`` (ends with "/")."""

    name: str
    root: Path
    content: Path
    base_url: str

    @functools.cached_property
    def pages(self) -> tuple[str, ...]:
        """Site-root paths of every page: "", "actors/kosovo/", ..."""
        found = (p.parent.relative_to(self.root).as_posix() for p in self.root.rglob("index.html"))
        return tuple(sorted("" if p == "." else p + "/" for p in found))

    def url(self, path: str) -> str:
        return self.base_url + path

    def path(self, url: str) -> str:
        """The site-root path of an absolute URL on this site, without its fragment."""
        return urldefrag(url)[0].removeprefix(self.base_url)

    @functools.cached_property
    def descriptions(self) -> dict[str, str]:
        """Each page's meta description, as a reader's browser would decode it."""
        out: dict[str, str] = {}
        for path in self.pages:
            match = _DESCRIPTION.search((self.root / path / "index.html").read_text("utf-8"))
            if match:
                out[path] = html.unescape(match.group(1))
        return out


@dataclass
class PageReport:
    """What one visit of one page at phone width saw."""

    foreign: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    widths: tuple[int, int] = (0, 0)
    axe: list[str] = field(default_factory=list)
    links: list[tuple[str, str | None]] = field(default_factory=list)
    cut_cells: list[str] = field(default_factory=list)


def build(content: Path, site_dir: Path) -> None:
    """Build ``content`` with the repository's mkdocs.yml, as a contributor would."""
    command = [str(Path(sys.executable).parent / "site-builder"), "build"]
    command += ["--content", str(content), "--site-dir", str(site_dir)]
    subprocess.run(command, cwd=REPO, check=True, capture_output=True)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="package")
def serve() -> Iterator[functools.partial[str]]:
    """Serve folders on 127.0.0.1 from threads; returns a function folder -> base URL."""
    servers: list[tuple[http.server.ThreadingHTTPServer, threading.Thread]] = []

    def start(root: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(root))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        servers.append((server, thread))
        return f"http://127.0.0.1:{server.server_port}/"

    yield functools.partial(start)
    # Stopped with this package's tests: later tests build in a single-threaded process,
    # the only kind the build forks workers from (site_builder.site.workers).
    for server, thread in servers:
        server.shutdown()
        server.server_close()
        thread.join()


def _site(
    name: str, content: Path, tmp: pytest.TempPathFactory, serve: functools.partial[str]
) -> Site:
    root = tmp.mktemp(name) / "site"
    build(content, root)
    return Site(name, root, content, serve(root))


@pytest.fixture(scope="package")
def fixture_site(tmp_path_factory: pytest.TempPathFactory, serve: functools.partial[str]) -> Site:
    return _site("fixture", REPO / "tests/fixtures/minimal/content", tmp_path_factory, serve)


@pytest.fixture(scope="package")
def real_site(tmp_path_factory: pytest.TempPathFactory, serve: functools.partial[str]) -> Site:
    return _site("real", REPO / "content", tmp_path_factory, serve)


@pytest.fixture(scope="package", params=["fixture_site", "real_site"])
def site(request: pytest.FixtureRequest) -> Site:
    """Both corpora: the small fixture and the real content."""
    return request.getfixturevalue(request.param)


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def local_only(context: BrowserContext, site: Site, foreign: list[str]) -> None:
    """Let requests to the site's own host through; record and abort every other one."""
    host = urlsplit(site.base_url).netloc

    def handle(route: Route) -> None:
        if urlsplit(route.request.url).netloc == host:
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    context.route("**/*", handle)


#: Every Content-Security-Policy violation becomes a console error, which the tests refuse.
REPORT_CSP_VIOLATIONS = """document.addEventListener("securitypolicyviolation", e =>
  console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"}`));"""

AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations
    .filter(v => v.impact === "serious" || v.impact === "critical")
    .map(v => `${v.id} (${v.impact}): ` + v.nodes.slice(0, 3).map(n => n.target.join(" ")));
}"""

_LINKS = """els => els.map(a => [a.href, a.getAttribute("title")])"""

#: The text of table cells not wholly inside the box that shows them (their scroll box, the
#: content column or the window): a column a reader cannot see without knowing to scroll.
CUT_CELLS = """() => {
  const cut = [];
  for (const cell of document.querySelectorAll(".md-content td, .md-content th")) {
    const box = cell.closest(".table-scroll, .md-typeset__table, .md-content");
    const r = cell.getBoundingClientRect(), b = box.getBoundingClientRect();
    if (r.width === 0) continue;
    if (r.left < b.left - 1 || r.right > Math.min(b.right, window.innerWidth) + 1)
      cut.push(cell.textContent.trim().slice(0, 40));
  }
  return cut;
}"""
AUTO_LINKS = ".md-content a.autolink, .md-content a.wikilink"


@pytest.fixture(scope="package")
def audit(site: Site, browser: Browser) -> dict[str, PageReport]:
    """Visit every page once at phone width and record what the checks need."""
    axe_source = AXE.read_text("utf-8")
    reports: dict[str, PageReport] = {}
    context = browser.new_context(viewport=PHONE)
    current = PageReport()
    foreign: list[str] = []
    local_only(context, site, foreign)
    page = context.new_page()
    page.add_init_script(REPORT_CSP_VIOLATIONS)
    page.on(
        "console", lambda m: current.console_errors.append(m.text) if m.type == "error" else None
    )
    page.on("pageerror", lambda e: current.console_errors.append(str(e)))
    for path in site.pages:
        current = reports[path] = PageReport()
        foreign.clear()
        page.goto(site.url(path), wait_until="load")
        current.widths = page.evaluate(
            "() => [document.scrollingElement.scrollWidth, window.innerWidth]"
        )
        current.links = page.eval_on_selector_all(AUTO_LINKS, _LINKS)
        current.cut_cells = page.evaluate(CUT_CELLS)
        # Evaluated by the browser's debugger, which the page's policy does not restrict (a
        # <script> tag added to the page would be refused by its Content-Security-Policy).
        page.evaluate(f"{axe_source}\n;0")
        current.axe = page.evaluate(AXE_RUN)
        current.foreign = list(foreign)
    context.close()
    return reports
