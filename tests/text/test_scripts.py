"""The script of a name: from its language code when it says, else from its letters."""

from __future__ import annotations

import pytest

from site_builder.text.scripts import script_of


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Preševo", None, "Latn"),
        ("Прешево", None, "Cyrl"),
        ("Прешево", "sr", "Cyrl"),
        ("Presevo", "sr-Cyrl", "Cyrl"),  # the code says so, whatever the letters
        ("Preševo", "sr-Latn", "Latn"),
        ("Κόσοβο", "el", "Grek"),
        ("كوسوفو", "ar", "Arab"),
        ("Kоsovo", None, "Zyyy"),  # a Cyrillic о among Latin letters: mixed
        ("2013", None, "Zyyy"),
        ("東京", "ja", "Zzzz"),  # letters of a script the table does not name
    ],
)
def test_script_of(text: str, lang: str | None, expected: str) -> None:
    assert script_of(text, lang) == expected
