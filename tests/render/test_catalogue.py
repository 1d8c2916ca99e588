"""One catalogue per language, each with every key; Serbian Latin derived from the Cyrillic."""

from __future__ import annotations

from site_builder.content.languages import LANGUAGES
from site_builder.render.catalogue import catalogue, translate


def test_every_language_has_every_key() -> None:
    keys = set(catalogue("en"))
    for language in LANGUAGES:
        assert set(catalogue(language.code)) == keys, language.code
        assert all(value.strip() for value in catalogue(language.code).values())


def test_serbian_latin_is_the_cyrillic_transliterated() -> None:
    assert translate("sr", "language") == "Језик"
    assert translate("sr-latn", "language") == "Jezik"
