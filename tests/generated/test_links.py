"""Every href the renderers emit is relative and lands on a page or file of the site."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from site_builder.generated import data_files, generate
from site_builder.site.pages import document_markdown
from site_builder.site.urls import page_url
from tests.support import Audit, context, sample_corpus, to_html

ROOT = "https://site.invalid/base/"


def pages(directory_urls: bool) -> dict[str, str]:
    """Site-root URL -> HTML of every page, content and generated."""
    corpus, ctx = sample_corpus(), context(directory_urls=directory_urls)
    out = {
        page_url(d.src_uri, directory_urls=directory_urls): to_html(
            document_markdown(d, corpus, ctx)
        )
        for d in corpus.documents
    }
    for f in generate(corpus, ctx):
        if f.title is not None:
            out[page_url(f.src_uri, directory_urls=directory_urls)] = to_html(f.content)
    return out


@pytest.mark.parametrize("directory_urls", [True, False])
def test_every_internal_link_resolves(directory_urls: bool) -> None:
    site = pages(directory_urls)
    corpus, ctx = sample_corpus(), context(directory_urls=directory_urls)
    files = [f for f in generate(corpus, ctx) if f.title is None]
    files += data_files(corpus, ctx, {})
    known = {ROOT + url for url in site} | {ROOT + f.src_uri for f in files}
    assert {"diagram.svg", "feed.xml", "data/briefs.json", "schemas/actor.schema.json"} <= {
        f.src_uri for f in files
    }
    for url, html in site.items():
        audit = Audit(html)
        ids = {attrs.get("id") for _, attrs in audit.tags}
        for href in audit.hrefs():
            assert not href.startswith("/"), (url, href)
            if href.startswith("#"):
                assert href[1:] in ids, (url, href)
                continue
            if href.startswith(("https://", "http://")):
                continue
            target = urljoin(ROOT + url, href).partition("#")[0]
            assert target in known, (url, href)
