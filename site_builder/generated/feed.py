"""The Atom feed of updates and corrections: absolute links, dated by the content, never by
the clock. A subscriber who read a brief learns when it was corrected. Each language's site
has its own, in its folder, with its pages' titles and summaries."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from site_builder.content.languages import Language
from site_builder.content.model import Corpus, PartialDate
from site_builder.generated.corrections import newest_first
from site_builder.render.catalogue import translate
from site_builder.render.order import by_date
from site_builder.render.view import View, full_date
from site_builder.site.context import BuildContext
from site_builder.site.urls import absolute_url, page_url

FEED_PATH = "feed.xml"


def feed_path(language: Language) -> str:
    """Where ``language``'s feed is, from the site root."""
    return language.src_uri(FEED_PATH)


@dataclass(frozen=True)
class FeedEntry:
    title: str
    id: str
    url: str
    date: PartialDate
    summary: str


def atom_time(date: PartialDate) -> str:
    """RFC 3339 at midnight UTC, as Atom requires a full timestamp."""
    return f"{date.year:04d}-{date.month or 1:02d}-{date.day or 1:02d}T00:00:00Z"


def entries(corpus: Corpus, ctx: BuildContext, site_url: str) -> list[FeedEntry]:
    """One entry per update and per correction, newest first (updates first on a day)."""

    def url(src_uri: str) -> str:
        return absolute_url(site_url, page_url(src_uri, directory_urls=ctx.directory_urls))

    found = [
        FeedEntry(doc.title, url(doc.src_uri), url(doc.src_uri), doc.date, doc.summary)
        for doc in by_date(corpus.of_kind("update"), newest_first=True)
        if doc.date
    ]
    for item in newest_first(corpus):
        page, correction = url(item.doc.src_uri), item.correction
        # Stable while the correction's words stay: its line moves as the brief is edited.
        digest = hashlib.sha256(correction.text.encode()).hexdigest()[:12]
        found.append(
            FeedEntry(
                translate(ctx.language.code, "feed.correction", title=item.doc.title),
                f"{page}#correction-{correction.date.isoformat()}-{digest}",
                f"{page}#corrections",
                full_date(correction.date),
                correction.text,
            )
        )
    return sorted(found, key=lambda e: e.date, reverse=True)


def feed_xml(corpus: Corpus, ctx: BuildContext, site_url: str) -> str:
    """``updated`` is the newest entry's date; with no entry yet, the build date
    (SOURCE_DATE_EPOCH when set)."""
    found = entries(corpus, ctx, site_url)
    newest = found[0].date if found else None
    path, language = feed_path(ctx.language), ctx.language
    return (
        View(corpus, ctx, path)
        .text(
            "feed.xml.html",
            site_url=absolute_url(site_url, language.folder),
            self_url=absolute_url(site_url, path),
            language=language,
            updated=atom_time(newest or full_date(ctx.build_date)),
            entries=found,
            atom_time=atom_time,
            site_name=ctx.site_name,
            site_description=ctx.site_description,
        )
        .strip()
        + "\n"
    )
