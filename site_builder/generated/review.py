"""The review queue: briefs not checked against their sources for more than 180 days, and
translations whose English page changed since they were made."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup

from site_builder.content.generated_pages import GENERATED
from site_builder.content.languages import WRITTEN, Language, source_uri
from site_builder.content.model import Corpus, Document, Translation
from site_builder.content.translations import freshness
from site_builder.generated.base import PageSpec
from site_builder.render.order import by_title
from site_builder.render.view import View, markdown_page

MAX_AGE = dt.timedelta(days=180)


@dataclass(frozen=True)
class Overdue:
    doc: Document
    reviewed: dt.date
    days: int


def overdue(corpus: Corpus, today: dt.date) -> list[Overdue]:
    """Briefs reviewed more than 180 days before ``today``, oldest review first."""
    late = [
        Overdue(d, d.reviewed, (today - d.reviewed).days)
        for d in by_title(corpus.briefs)
        if d.reviewed is not None and today - d.reviewed > MAX_AGE
    ]
    return sorted(late, key=lambda o: o.reviewed)


@dataclass(frozen=True)
class Outdated:
    """A translation made from an earlier version of its English page."""

    language: Language
    translation: Translation
    #: The translation's page, from the site root.
    src_uri: str


def outdated(corpus: Corpus) -> list[Outdated]:
    """Every outdated translation, in every written language, by language then English title."""
    found = []
    for language in WRITTEN.values():
        for doc in by_title(corpus.documents):
            fresh = freshness(doc, corpus.translations, language.code)
            if fresh.outdated and fresh.translation is not None:
                page = language.src_uri(source_uri(doc.src_uri))
                found.append(Outdated(language, fresh.translation, page))
    return found


def body(view: View) -> str:
    return markdown_page(
        view.heading("page.review.due"),
        view.block("review.html", queue=_overdue_rows(view)),
        view.heading("page.review.outdated"),
        view.block("review_outdated.html", outdated=outdated(view.corpus)),
    )


def _overdue_rows(view: View) -> list[Markup]:
    return [
        view.fragment(
            "review_row.html", (view.link_key(o.doc), o.doc.kind, o.reviewed, o.days), item=o
        )
        for o in overdue(view.corpus, view.ctx.build_date)
    ]


PAGE = PageSpec(GENERATED["review"], body)
