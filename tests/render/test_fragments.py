"""Rows of overview pages kept from one preview build to the next, by all they are made of."""

from __future__ import annotations

from dataclasses import replace

from markupsafe import Markup

from site_builder.content.languages import LANGUAGE
from site_builder.content.loader import load_corpus
from site_builder.generated import diagram, sources
from site_builder.render.fragments import Fragments
from site_builder.render.view import View
from tests.support import MINIMAL, make_ctx


def test_a_row_of_the_same_key_is_made_once_and_kept_for_the_next_build() -> None:
    fragments, made = Fragments(), []

    def make(text: str) -> Markup:
        made.append(text)
        return Markup(text)

    assert fragments.get("a", lambda: make("A")) == "A"
    assert fragments.get("a", lambda: make("again")) == "A"
    fragments.keep_used()
    assert fragments.get("a", lambda: make("again")) == "A"
    assert fragments.get("b", lambda: make("B")) == "B"
    assert made == ["A", "B"]
    fragments.keep_used()  # a whole build used "a" and "b": both kept
    fragments.get("b", lambda: make("again"))
    fragments.keep_used()  # this one used "b" alone
    assert fragments.get("a", lambda: make("A, made again")) == "A, made again"
    fragments.get("c", lambda: make("C"))
    fragments.keep_all()  # a rebuild of some pages keeps the others' rows too
    assert fragments.get("b", lambda: make("again")) == "B"


def test_the_sources_page_with_kept_rows_is_the_page_made_afresh() -> None:
    """A renamed brief's rows are made again: every other row is taken as it was."""
    corpus, _ = load_corpus(MINIMAL)
    fragments = Fragments()
    kept = make_ctx(fragments=fragments)
    fresh = make_ctx()
    for language in (LANGUAGE["en"], LANGUAGE["sr"]):
        page = View.of("sources.md", corpus, replace(kept, language=language))
        assert sources.body(page) == sources.body(
            replace(page, ctx=replace(fresh, language=language))
        )
    rows = len(fragments.used)
    fragments.keep_used()
    renamed = replace(corpus.by_slug["kosovo"], title="Kosova")
    other = replace(
        corpus, documents=tuple(renamed if d.slug == "kosovo" else d for d in corpus.documents)
    )
    page = View.of("sources.md", other, kept)
    text = sources.body(page)
    assert text == sources.body(replace(page, ctx=fresh)) and ">Kosova</a>" in text
    new = [key for key in fragments.used if key not in fragments.last]
    cited_by_kosovo = [c for c in sources.cited_sources(other) if renamed in c.cited_by]
    assert len(new) == len(cited_by_kosovo) > 0
    assert len(fragments.used) == rows // 2  # the English rows, each once


def test_the_sites_diagram_is_kept_until_a_brief_in_it_changes() -> None:
    corpus, _ = load_corpus(MINIMAL)
    fragments = Fragments()
    kept, fresh = make_ctx(fragments=fragments), make_ctx()

    def page(of):  # type: ignore[no-untyped-def]
        made = diagram.body(View.of("diagram.md", of, kept))
        assert made == diagram.body(View.of("diagram.md", of, fresh))
        return made

    first = page(corpus)
    fragments.keep_used()
    place = _renamed(corpus, "mitrovica", "Mitrovicë")  # no node of the diagram
    assert page(place) == first and fragments.used.keys() == fragments.last.keys()
    fragments.keep_used()
    actor = _renamed(corpus, "serbia", "Srbija")
    assert "Srbija" in page(actor) and fragments.used.keys().isdisjoint(fragments.last)


def _renamed(corpus, slug, title):  # type: ignore[no-untyped-def]
    doc = replace(corpus.by_slug[slug], title=title)
    return replace(corpus, documents=tuple(doc if d.slug == slug else d for d in corpus.documents))


def test_the_rows_a_worker_made_are_kept_by_the_process_it_hands_them_to() -> None:
    worker, server = Fragments(), Fragments()
    worker.get("a", lambda: Markup("A"))
    rows = worker.take()
    assert rows == {"a": "A"} and worker.used == {}
    server.add(rows)
    server.keep_used()

    def unexpected() -> Markup:
        raise AssertionError("made again")

    assert server.get("a", unexpected) == "A"
