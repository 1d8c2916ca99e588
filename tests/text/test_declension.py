"""The declension tables: the forms each language's pages link, and nothing more."""

from __future__ import annotations

import pytest

from site_builder.content.languages import LANGUAGE
from site_builder.site.localized import localized
from site_builder.text.declension import declined
from site_builder.text.names import corpus_matcher
from tests.support import translated_corpus


@pytest.mark.parametrize(
    ("name", "language", "person", "forms"),
    [
        ("Serbia", "sq", False, ("Serbi", "Serbisë", "Serbinë")),
        ("Kosovë", "sq", False, ("Kosova", "Kosovës", "Kosovën")),
        ("Preshevë", "sq", False, ("Presheva", "Preshevës", "Preshevën")),
        ("Kurti", "sq", True, ("Kurtit", "Kurtin")),
        ("Brnjak", "sq", False, ("Brnjaku", "Brnjakut", "Brnjakun")),
        ("Србија", "sr", False, ("Србије", "Србији", "Србију", "Србијом")),
        ("Косово", "sr", False, ("Косова", "Косову", "Косовом")),
        ("Preševo", "sr", False, ("Preševa", "Preševu", "Preševom")),
        ("Бујановац", "sr", False, ("Бујановца", "Бујановцу", "Бујановцем")),
        ("Вучић", "sr", True, ("Вучића", "Вучићу", "Вучићем")),
        ("Preševo Valley", "sr", False, ()),  # more than one word: not declined
        ("Serbia", "en", False, ()),  # English has no table
    ],
)
def test_each_table_gives_the_case_forms(
    name: str, language: str, person: bool, forms: tuple[str, ...]
) -> None:
    assert declined(name, language, person=person) == forms


def _mentions(language: str, text: str) -> list[tuple[str, str]]:
    corpus = localized(translated_corpus(), LANGUAGE[language])
    matcher = corpus_matcher(corpus, LANGUAGE[language])
    return [(text[m.start : m.end], m.slug) for m in matcher.find(text)]


def test_albanian_pages_link_declined_albanian_names_and_not_adjectives() -> None:
    text = "Ndaj Serbisë dhe Serbinë, në Kosovës; banorët serbë dhe Serbian jo."
    assert _mentions("sq", text) == [
        ("Serbisë", "serbia"), ("Serbinë", "serbia"), ("Kosovës", "kosovo"),
    ]  # fmt: skip


def test_serbian_pages_link_declined_names_in_both_scripts() -> None:
    text = "Са Србијом и Srbijom, у Прешеву и Preševu; српски није Србија."
    assert _mentions("sr", text) == [
        ("Србијом", "serbia"), ("Srbijom", "serbia"), ("Прешеву", "presevo"),
        ("Preševu", "presevo"), ("Србија", "serbia"),
    ]  # fmt: skip
    assert _mentions("sr-latn", "Sa Srbijom i Србијом.") == [
        ("Srbijom", "serbia"), ("Србијом", "serbia"),
    ]  # fmt: skip


def test_english_names_count_on_every_languages_pages_and_forms_only_on_their_own() -> None:
    assert _mentions("sq", "Serbia and Kosovo") == [("Serbia", "serbia"), ("Kosovo", "kosovo")]
    assert _mentions("en", "Serbisë, Србијом") == []
