"""The writing system of a name, as an ISO 15924 code: what a names table's reader filters by."""

from __future__ import annotations

import unicodedata

#: Unicode's name for a letter's script, as it starts the letter's character name.
_SCRIPTS = (("LATIN", "Latn"), ("CYRILLIC", "Cyrl"), ("GREEK", "Grek"), ("ARABIC", "Arab"))
#: A language code's own script subtag ("sr-Cyrl") says it outright.
_SUBTAGS = {code for _, code in _SCRIPTS}


def script_of(text: str, lang: str | None = None) -> str:
    """ "Latn", "Cyrl", ...; "Zyyy" (common) for a name without letters or of mixed scripts."""
    for subtag in (lang or "").split("-")[1:]:
        if subtag in _SUBTAGS:
            return subtag
    found = {_letter_script(char) for char in text if char.isalpha()}
    return found.pop() if len(found) == 1 else "Zyyy"


def _letter_script(char: str) -> str:
    name = unicodedata.name(char, "")
    return next((code for prefix, code in _SCRIPTS if name.startswith(prefix)), "Zzzz")
