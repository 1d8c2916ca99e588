"""Each language's site: translated where a translation says, English where it does not."""

from __future__ import annotations

from pathlib import Path

from site_builder.content.languages import LANGUAGE
from site_builder.content.loader import load_corpus
from site_builder.site.localized import localized
from tests.support import left_out_translations, translated_corpus


def test_a_translation_gives_its_title_summary_statements_and_timeline() -> None:
    corpus = localized(translated_corpus(), LANGUAGE["sq"])
    plates = corpus.by_slug["vehicle-licence-plates"]
    assert plates.src_uri == "sq/disputes/vehicle-licence-plates.md"
    assert plates.title == "Targat e automjeteve"
    assert "Vehicle licence plates" in plates.aliases  # the English names count too
    serbia = next(p for p in plates.positions if p.actor == "serbia")
    assert [s.text[:13] for s in serbia.statements] == ["Serbia tha se", "Serbia pranoi"]
    assert [str(s.date) for s in serbia.statements] == ["2021-09", "2022-11-23"]  # from English
    assert plates.timeline[1].involves == ("european-union",)
    assert plates.path == "content/disputes/vehicle-licence-plates.sq.md"
    assert plates.freshness is not None and not plates.freshness.outdated


def test_without_a_translation_the_page_is_the_english_one_and_says_so() -> None:
    corpus = localized(translated_corpus(), LANGUAGE["sq"])
    presevo = corpus.by_slug["presevo"]
    assert presevo.title == "Preševo"
    assert presevo.freshness is not None and presevo.freshness.translation is None
    serbia = corpus.by_slug["serbia"]  # title and summary only: the English body
    assert serbia.freshness is not None and not serbia.freshness.translated_body
    assert serbia.body.startswith("Serbia takes part")


def test_serbian_latin_is_derived_from_the_cyrillic() -> None:
    corpus = localized(translated_corpus(), LANGUAGE["sr-latn"])
    plates = corpus.by_slug["vehicle-licence-plates"]
    assert plates.title == "Registarske tablice"
    assert plates.src_uri == "sr-latn/disputes/vehicle-licence-plates.md"
    assert plates.body.startswith("Spor oko tablica u [[mitrovica]]")
    assert plates.timeline[0].text.startswith("Kosovo počinje")


def test_while_a_translation_is_left_out_its_page_is_the_english_one(tmp_path: Path) -> None:
    """As if it were missing: the language's site shows the English page, and says so (the
    build publishes nothing while the file has problems, so no reader sees this site)."""
    corpus, _ = load_corpus(left_out_translations(tmp_path))
    english = corpus.by_slug["presevo"]
    page = localized(corpus, LANGUAGE["sq"]).by_slug["presevo"]
    assert (page.title, page.body, page.path) == (english.title, english.body, english.path)
    assert page.freshness is not None and page.freshness.translation is None
