"""The Atom feed: valid XML, absolute links, dated by the updates and corrections only."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from urllib.parse import urlparse

from site_builder.content.model import Corpus
from site_builder.generated import generate
from tests.support import context, sample_corpus

ATOM = "{http://www.w3.org/2005/Atom}"


def feed(corpus: Corpus | None = None, **ctx: object) -> ET.Element:
    files = {f.src_uri: f for f in generate(corpus or sample_corpus(), context(**ctx))}
    return ET.fromstring(files["feed.xml"].content)


def entry(title: str, root: ET.Element | None = None) -> ET.Element:
    root = feed() if root is None else root
    return next(e for e in root.findall(f"{ATOM}entry") if e.findtext(f"{ATOM}title") == title)


def test_entries_newest_first_with_summaries() -> None:
    entries = feed().findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        "Correction: Association of Serb-majority Municipalities",
        "Talks resume in Brussels",
        "Kosovo votes",
    ]
    assert entries[1].findtext(f"{ATOM}summary") == "What Talks resume in Brussels is."
    assert entries[1].findtext(f"{ATOM}updated") == "2025-06-10T00:00:00Z"


def test_corrections_are_entries_linking_to_the_briefs_corrections() -> None:
    correction = entry("Correction: Association of Serb-majority Municipalities")
    assert correction.findtext(f"{ATOM}summary") == "An earlier version overstated it."
    assert correction.findtext(f"{ATOM}updated") == "2025-11-02T00:00:00Z"
    link = correction.find(f"{ATOM}link")
    assert link is not None
    assert link.get("href") == "https://example.org/dialogue/disputes/association/#corrections"
    assert (correction.findtext(f"{ATOM}id") or "").startswith(
        "https://example.org/dialogue/disputes/association/#correction-2025-11-02-"
    )


def test_every_link_and_id_is_absolute() -> None:
    root = feed()
    urls = [link.get("href") or "" for link in root.iter(f"{ATOM}link")]
    urls += [element.text or "" for element in root.iter(f"{ATOM}id")]
    assert len(urls) == 9
    for url in urls:
        parsed = urlparse(url)
        assert parsed.scheme == "https" and parsed.netloc == "example.org", url
    assert "https://example.org/dialogue/updates/2025-06-10-talks/" in urls
    assert "https://example.org/dialogue/feed.xml" in urls


def test_updated_comes_from_the_newest_entry_not_the_clock() -> None:
    assert feed().findtext(f"{ATOM}updated") == "2025-11-02T00:00:00Z"
    assert feed(build_date=dt.date(2030, 1, 1)).findtext(f"{ATOM}updated") == "2025-11-02T00:00:00Z"


def test_without_updates_the_feed_is_dated_by_the_build() -> None:
    root = feed(Corpus(()), build_date=dt.date(2025, 3, 4))
    assert root.findtext(f"{ATOM}updated") == "2025-03-04T00:00:00Z"
    assert root.findall(f"{ATOM}entry") == []


def test_no_feed_without_a_site_url() -> None:
    files = generate(sample_corpus(), context(site_url=None))
    assert "feed.xml" not in {f.src_uri for f in files}


def test_links_follow_directory_urls() -> None:
    talks = entry("Talks resume in Brussels", feed(directory_urls=False))
    assert (
        talks.findtext(f"{ATOM}id") == "https://example.org/dialogue/updates/2025-06-10-talks.html"
    )
