"""Diacritic and script folding, so that "Presevo", "Preševo" and "Прешево" are one name.

Folding keeps every character's position (one character in, one character out), so a match
found in folded text is at the same offsets in the original.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Letters that carry a stroke or are ligature-like: NFD does not decompose them.
_UNDECOMPOSABLE = {
    "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ħ": "h", "Ħ": "H",
    "ı": "i", "ŧ": "t", "Ŧ": "T", "ƀ": "b", "ɨ": "i", "ß": "s", "æ": "a", "Æ": "A",
    "œ": "o", "Œ": "O", "þ": "t", "Þ": "T", "ð": "d", "Ð": "D",
    "’": "'", "ʼ": "'", "‘": "'",
}  # fmt: skip

# Serbian Cyrillic -> Latin (the official one-to-one or one-to-two mapping).
_SERBIAN_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "đ", "е": "e", "ж": "ž", "з": "z",
    "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n", "њ": "nj", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "ћ": "ć", "у": "u", "ф": "f", "х": "h", "ц": "c",
    "ч": "č", "џ": "dž", "ш": "š",
}  # fmt: skip
_LATIN_DIGRAPHS = {"lj": "љ", "nj": "њ", "dž": "џ"}
_LATIN_TO_CYRILLIC = {v: k for k, v in _SERBIAN_CYRILLIC.items() if len(v) == 1}


@lru_cache(maxsize=8192)
def _fold_char(char: str) -> str:
    if char in _UNDECOMPOSABLE:
        return _UNDECOMPOSABLE[char]
    base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    return base if len(base) == 1 else char


class _FoldTable(dict[int, str]):
    """A str.translate table filled on first sight of each character."""

    def __missing__(self, codepoint: int) -> str:
        folded = _fold_char(chr(codepoint))
        self[codepoint] = folded
        return folded


_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Remove diacritics and strokes, keeping length and case: "Medveđa" -> "Medveda"."""
    return text if text.isascii() else text.translate(_TABLE)  # ASCII folds to itself


def serbian_to_latin(text: str) -> str:
    """Transliterate Serbian Cyrillic to Latin script; other characters pass through."""
    return "".join(
        (_SERBIAN_CYRILLIC[c.lower()].capitalize() if c.isupper() else _SERBIAN_CYRILLIC[c])
        if c.lower() in _SERBIAN_CYRILLIC
        else c
        for c in text
    )


def serbian_to_cyrillic(text: str) -> str:
    """Transliterate Serbian Latin to Cyrillic script; other characters pass through."""
    out: list[str] = []
    i = 0
    while i < len(text):
        pair = text[i : i + 2]
        if pair.lower() in _LATIN_DIGRAPHS:
            letter = _LATIN_DIGRAPHS[pair.lower()]
            out.append(letter.upper() if pair[0].isupper() else letter)
            i += 2
            continue
        char = text[i]
        letter = _LATIN_TO_CYRILLIC.get(char.lower())
        out.append(char if letter is None else letter.upper() if char.isupper() else letter)
        i += 1
    return "".join(out)


def has_cyrillic(text: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in text)
