"""The Data page: every download linked, with a citation and the licence."""

from __future__ import annotations

from site_builder.generated import data
from site_builder.render.view import View
from tests.support import Audit, context, sample_corpus, to_html

CORPUS = sample_corpus()


def test_the_ready_citation_names_version_address_and_licence() -> None:
    view = View.of("data.md", CORPUS, context())
    assert data.citation(view) == (
        "Kosovo–Serbia Dialogue Explainer (2025). Kosovo–Serbia dialogue: briefs, statements,"
        " timeline, sources and names (version 2025.12.1) [Data set]."
        " https://example.org/dialogue/data/. Licensed Creative Commons Attribution 4.0"
        " International (CC-BY-4.0)."
    )
    local = View.of("data.md", CORPUS, context(site_url=None))
    assert " [Data set]. data/. Licensed" in data.citation(local)


def test_the_page_links_each_file_beside_it() -> None:
    html = to_html(data.PAGE.markdown(CORPUS, context()))
    hrefs = Audit(html).hrefs()
    assert [h for h in hrefs if not h.startswith(("http", "../"))] == [
        "datapackage.json", "briefs.json", "statements.csv", "timeline.csv", "sources.csv",
        "names.csv", "corrections.csv",
    ]  # fmt: skip
    assert {"../schemas/place.schema.json", "../schemas/translation.schema.json"} <= set(hrefs)
    assert "https://creativecommons.org/licenses/by/4.0/" in hrefs


def test_the_page_previews_the_first_statements() -> None:
    html = to_html(data.PAGE.markdown(CORPUS, context()))
    texts = Audit(html).texts
    assert "The central issue for Serbia." in texts
    assert "Must be implemented." in texts
