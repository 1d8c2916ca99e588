"""What a reader's first search downloads, measured in Debian's Chromium (issue 17).

``python benchmarks/first_search.py SITE_DIR PAGE_PATH TITLE`` serves SITE_DIR on 127.0.0.1,
opens PAGE_PATH with an empty cache at phone width and waits until the network is idle (the
first visit), then opens the header's search, types TITLE and waits until a result with that
title shows and the network is idle again (the first search). Every fetched file counts at
its gzipped size, as a static host serves it. Works on this site's search (Pagefind) and on
Material's (the main branch before issue 17), so the two can be compared on the same corpus.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

sys.path.insert(0, str(Path(__file__).parent))
from first_visit import gzipped_sizes, phone_page, served

#: (search field, result titles) of each engine's search box.
ENGINES = {
    "pagefind": (".sb-search__input", ".sb-search__title"),
    "material": (".md-search__input", ".md-search-result__article h1"),
}


def _engine(page: Page) -> str:
    return next(name for name, (field, _) in ENGINES.items() if page.locator(field).count())


def first_search(site: Path, page_path: str, title: str) -> dict[str, object]:
    fetched: list[str] = []
    with served(site) as base, sync_playwright() as playwright:
        page = phone_page(playwright, fetched)
        page.goto(base + page_path)
        page.wait_for_load_state("networkidle")
        visit, fetched[:] = list(fetched), []
        engine = _engine(page)
        field, titles = ENGINES[engine]
        page.keyboard.press("/")  # both engines' shortcut; Material then opens its dialog
        page.locator(field).first.wait_for(state="visible")
        page.keyboard.type(title)
        page.wait_for_function(
            "([selector, title]) => [...document.querySelectorAll(selector)]"
            ".some(e => e.textContent.trim() === title)",
            arg=[titles, title],
            timeout=60_000,
        )
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)
        page.context.browser.close()
    visit_sizes, search_sizes = gzipped_sizes(site, visit), gzipped_sizes(site, fetched)
    return {
        "engine": engine,
        "first_visit_gz": sum(visit_sizes.values()),
        "first_search_gz": sum(search_sizes.values()),
        "search_files": len(search_sizes),
        "search": search_sizes,
    }


if __name__ == "__main__":
    print(json.dumps(first_search(Path(sys.argv[1]), sys.argv[2], sys.argv[3]), indent=2))
