"""The real content covers the dialogue: both sides of every dispute, every year, read sources."""

from __future__ import annotations

import pytest

from site_builder.content.loader import load_corpus
from site_builder.content.model import Corpus
from tests.support import REPO

FIRST_YEAR, LAST_YEAR = 2011, 2025


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    loaded, diagnostics = load_corpus(REPO / "content")
    assert [d for d in diagnostics if d.severity == "error"] == []
    return loaded


def test_every_dispute_has_statements_from_at_least_two_parties(corpus: Corpus) -> None:
    thin = {
        d.slug: [p.actor for p in d.positions]
        for d in corpus.of_kind("dispute")
        if len({p.actor for p in d.positions if p.statements}) < 2
    }
    assert thin == {}


def test_every_dispute_has_a_body_of_at_least_200_words(corpus: Corpus) -> None:
    short = {
        d.slug: len(d.body.split()) for d in corpus.of_kind("dispute") if len(d.body.split()) < 200
    }
    assert short == {}


def test_every_year_of_the_dialogue_has_a_timeline_event(corpus: Corpus) -> None:
    years = {entry.date.year for d in corpus.documents for entry in d.timeline}
    years |= {d.date.year for d in corpus.of_kind("update") if d.date}
    assert [y for y in range(FIRST_YEAR, LAST_YEAR + 1) if y not in years] == []


def test_every_brief_cites_a_source_whose_stored_copy_was_read(corpus: Corpus) -> None:
    unread = [
        d.path
        for d in corpus.documents
        if d.kind != "page" and not any(s.checked for s in d.sources)
    ]
    assert unread == []


def test_the_main_files_of_the_dialogue_have_briefs(corpus: Corpus) -> None:
    """The files issue 19 names, by slug: renaming one is fine, losing one is not."""
    files = {
        "freedom-of-movement-agreement", "civil-registry-agreement", "cadastre-agreement",
        "customs-stamps-agreement", "university-diplomas-agreement",
        "regional-representation-agreement", "licence-plates", "licence-plates-agreement-2022",
        "entry-exit-documents-agreement", "energy", "energy-agreement",
        "telecommunications-agreement", "mitrovica-bridge", "justice-agreement",
        "declaration-on-missing-persons", "washington-agreement",
        "serb-withdrawal-from-kosovo-institutions", "northern-local-elections-2023",
        "banjska-attack", "dinar-and-cash-regulation", "eu-path-and-the-dialogue",
    }  # fmt: skip
    assert sorted(files - set(corpus.by_slug)) == []
