"""What making a page's Markdown reads of other documents (what serve's cache relies on)."""

from __future__ import annotations

from dataclasses import replace

from site_builder.content.loader import load_corpus
from site_builder.content.model import PartialDate, TimelineEntry
from site_builder.generated import pages_for, timeline
from site_builder.site.pages import document_markdown
from site_builder.site.reads import ReadingCorpus
from tests.support import MINIMAL, make_ctx


def _face(doc):  # type: ignore[no-untyped-def]
    return repr(replace(doc, body="", body_line=0, version=""))


def test_a_brief_reads_the_briefs_it_names_and_an_overview_reads_everything() -> None:
    corpus, _ = load_corpus(MINIMAL)
    dispute = corpus.by_slug["vehicle-licence-plates"]
    reading = ReadingCorpus(corpus, _face)
    document_markdown(dispute, reading, make_ctx())  # type: ignore[arg-type]
    lookups = reading.lookups
    assert lookups is not None
    named = {slug for (what, slug), _ in lookups.found if what == "slug"}
    assert {"kosovo", "serbia"} <= named
    assert lookups.hold(corpus, _face)
    renamed = replace(corpus.by_slug["kosovo"], title="Kosova")
    other = replace(
        corpus, documents=tuple(renamed if d.slug == "kosovo" else d for d in corpus.documents)
    )
    assert not lookups.hold(other, _face)
    home = ReadingCorpus(corpus, _face)
    document_markdown(corpus.by_slug["index"], home, make_ctx())  # type: ignore[arg-type]
    assert home.lookups is None  # the home page lists every update: it depends on every page


def _other_bodies(corpus, but=None):  # type: ignore[no-untyped-def]
    others = tuple(
        d if d is but else replace(d, body=f"Another body for {d.slug}.\n")
        for d in corpus.documents
    )
    return replace(corpus, documents=others)


def test_no_page_shows_another_pages_body() -> None:
    """A face is all of a document but its body: so every page's Markdown, and every
    generated page's, must come out the same when every other document's body is different."""
    corpus, _ = load_corpus(MINIMAL)
    ctx = make_ctx()
    for doc in corpus.documents:
        other = _other_bodies(corpus, but=doc)
        assert document_markdown(doc, other, ctx) == document_markdown(doc, corpus, ctx), doc.slug
    other = _other_bodies(corpus)
    for spec in pages_for(corpus):
        assert spec.markdown(other, ctx) == spec.markdown(corpus, ctx), spec.src_uri


def test_the_derived_files_go_where_a_preview_expects_them() -> None:
    """A preview makes them after publishing, and holds back requests for these paths."""
    from site_builder.site.context import BuildContext
    from site_builder.site.pipeline import (
        derived_files,
        derived_paths,
        every_page_rendered,
        prepare,
    )

    ctx = make_ctx()
    site = prepare(
        MINIMAL, BuildContext(templates_dir=ctx.templates_dir, build_date=ctx.build_date)
    )
    made = derived_files(site, every_page_rendered(site, {}), ctx)
    assert {f.src_uri for f in made} == derived_paths()


def test_a_year_page_reads_the_documents_on_the_timeline_that_year_alone() -> None:
    """So that a preview makes again only the year pages of a renamed brief's entries."""
    corpus, _ = load_corpus(MINIMAL)
    entries = tuple(
        TimelineEntry(PartialDate(2000 + i % 20, 1, 1 + i % 28), f"Event {i}.", "rks", i)
        for i in range(500)
    )
    split = _with(corpus, "kosovo", timeline=entries)
    pages = {spec.src_uri: spec for spec in timeline.year_pages(split)}
    reading = ReadingCorpus(split, _face)
    pages["timeline/2003.md"].markdown(reading, make_ctx())  # type: ignore[arg-type]
    lookups = reading.lookups
    assert lookups is not None and lookups.hold(split, _face)
    assert ("dated", 2003) in dict(lookups.found)
    # Serbia has no entry: renamed, the year page is the same; Kosovo has them, so it is not.
    assert lookups.hold(_with(split, "serbia", title="Srbija"), _face)
    assert not lookups.hold(_with(split, "kosovo", title="Kosova"), _face)
    # An entry of another brief in that year, or the last one leaving it.
    serbia = corpus.by_slug["serbia"]
    new = TimelineEntry(PartialDate(2003, 5, 1), "Another event.", serbia.sources[0].id, 9)
    assert not lookups.hold(_with(split, "serbia", timeline=(new,)), _face)
    assert not lookups.hold(_with(split, "kosovo", timeline=entries[:3]), _face)
    # The year's rows are those of the whole timeline in that year, in its order.
    whole = dict(timeline.by_year(timeline.rows(split)))
    assert {year: timeline.year_rows(split, year) for year in whole} == whole
    index = ReadingCorpus(split, _face)
    timeline.PAGE.markdown(index, make_ctx())  # type: ignore[arg-type]
    assert index.lookups is None  # the year index counts every year's entries


def _with(corpus, slug, **fields):  # type: ignore[no-untyped-def]
    return replace(
        corpus,
        documents=tuple(replace(d, **fields) if d.slug == slug else d for d in corpus.documents),
    )
