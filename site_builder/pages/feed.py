"""The Atom feed of updates: absolute links, dated by the updates, never by the clock."""

from __future__ import annotations

from site_builder.context import BuildContext
from site_builder.model import Corpus, PartialDate
from site_builder.render.order import by_date
from site_builder.render.view import View, full_date
from site_builder.urls import absolute_url, page_url

FEED_PATH = "feed.xml"


def atom_time(date: PartialDate) -> str:
    """RFC 3339 at midnight UTC, as Atom requires a full timestamp."""
    return f"{date.year:04d}-{date.month or 1:02d}-{date.day or 1:02d}T00:00:00Z"


def feed_xml(corpus: Corpus, ctx: BuildContext, site_url: str) -> str:
    """One entry per update, newest first; ``updated`` is the newest update's date.

    With no update yet, ``updated`` is the build date (SOURCE_DATE_EPOCH when set).
    """
    entries = [
        (doc, absolute_url(site_url, page_url(doc.src_uri, directory_urls=ctx.directory_urls)))
        for doc in by_date(corpus.of_kind("update"), newest_first=True)
        if doc.date
    ]
    newest = entries[0][0].date if entries else None
    return (
        View(corpus, ctx, FEED_PATH)
        .text(
            "feed.xml.html",
            site_url=absolute_url(site_url, ""),
            self_url=absolute_url(site_url, FEED_PATH),
            updated=atom_time(newest or full_date(ctx.build_date)),
            entries=entries,
            atom_time=atom_time,
            site_name=ctx.site_name,
            site_description=ctx.site_description,
        )
        .strip()
        + "\n"
    )
