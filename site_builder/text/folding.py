"""Diacritic and script folding, so that "Presevo", "Preševo" and "Прешево" are one name.

Folding keeps every character's position (one character in, one character out), so a match
found in folded text is at the same offsets in the original.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import cyrtranslit

# Letters that carry a stroke or are ligature-like: NFD does not decompose them.
_UNDECOMPOSABLE = {
    "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ħ": "h", "Ħ": "H",
    "ı": "i", "ŧ": "t", "Ŧ": "T", "ƀ": "b", "ɨ": "i", "ß": "s", "æ": "a", "Æ": "A",
    "œ": "o", "Œ": "O", "þ": "t", "Þ": "T", "ð": "d", "Ð": "D",
    "’": "'", "ʼ": "'", "‘": "'",
}  # fmt: skip

# Serbian Latin -> Cyrillic, for names only (cyrtranslit's own turns "NJ" into "НЈ").
_LATIN_TO_CYRILLIC = {
    "a": "а", "b": "б", "v": "в", "g": "г", "d": "д", "đ": "ђ", "e": "е", "ž": "ж", "z": "з",
    "i": "и", "j": "ј", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "r": "р",
    "s": "с", "t": "т", "ć": "ћ", "u": "у", "f": "ф", "h": "х", "c": "ц", "č": "ч", "š": "ш",
}  # fmt: skip
_LATIN_DIGRAPHS = {"lj": "љ", "nj": "њ", "dž": "џ"}


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
    """Serbian Cyrillic in Latin script (one way only: this is unambiguous); other characters
    pass through. cyrtranslit, so that the whole Serbian Latin site is derived one way."""
    return cyrtranslit.to_latin(text, "sr") if has_cyrillic(text) else text


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


# -- look-alikes ------------------------------------------------------------------------------

# Characters a reader cannot see, beyond category Cf: the rest of Unicode's
# Default_Ignorable_Code_Point (fillers, variation selectors), which Python's unicodedata lacks.
_IGNORABLE_RANGES = (
    (0x034F, 0x034F), (0x115F, 0x1160), (0x17B4, 0x17B5), (0x180B, 0x180F), (0x3164, 0x3164),
    (0xFE00, 0xFE0F), (0xFFA0, 0xFFA0), (0xE0100, 0xE01EF),
)  # fmt: skip

# Letters of the Latin, Greek and Cyrillic blocks that look like an ASCII letter or digit, each
# with the prototype Unicode gives it in the confusables data of UTS #39 (confusables.txt,
# version 13.0, checked entry by entry; the dashes are from the same file): only
# one-character, ASCII prototypes, so nothing here joins two letters that look
# different ("rn" and "m" stay apart). NFKC has already mapped fullwidth, mathematical and
# other compatibility forms. Diacritics are folded away before this table applies.
_LOOKALIKE_GROUPS = {
    "A": "ΑА", "a": "ɑαа", "B": "ΒВ", "b": "ƄЬ", "C": "С", "c": "с", "d": "ԁ", "E": "ΕЕ",
    "e": "еҽ", "F": "Ϝ", "G": "Ԍ", "g": "ɡƍ", "H": "ΗН", "h": "һ", "i": "ıɪɩιіӏ", "J": "ͿЈ",
    "j": "ϳј", "K": "ΚК", "l": "|1IƖǀΙІӀ", "M": "ΜϺМ", "N": "Ν", "O": "0ΟО", "o": "οσо",
    "P": "ΡР", "p": "ρр", "q": "ԛ", "R": "Ʀ", "r": "г", "S": "Ѕ", "s": "ƽѕ", "T": "ΤТ",
    "u": "ʋυ", "V": "Ѵ", "v": "νѵ", "W": "Ԝ", "w": "ɯѡԝ", "X": "ΧХ", "x": "×х", "Y": "ΥУҮ",
    "y": "ɣʏγуү", "Z": "Ζ", "2": "ƧϨ", "3": "ȜƷЗӠ", "5": "Ƽ", "6": "б", "8": "ȣȢ",
    "-": "\u2010\u2012\u2013\u2043\u2212\u02d7",
}  # fmt: skip
_LOOKALIKES = str.maketrans(
    {char: prototype for prototype, chars in _LOOKALIKE_GROUPS.items() for char in chars}
)


def is_invisible(char: str) -> bool:
    """A format character (category Cf: bidi controls, zero-width spaces and joiners, BOM) or
    another character that Unicode says to ignore when displaying text."""
    if unicodedata.category(char) == "Cf":
        return True
    codepoint = ord(char)
    return any(low <= codepoint <= high for low, high in _IGNORABLE_RANGES)


@lru_cache(maxsize=1 << 16)
def skeleton(text: str) -> str:
    """What a name looks like, after the skeleton of Unicode TR39: names with one skeleton
    cannot be told apart by a reader ("Kosovo" with a Cyrillic "о", a fullwidth "Ｋ" or a
    zero-width space), so they must belong to one brief.

    NFKC, then invisible characters dropped and runs of white space made one space, then
    :func:`fold` and every combining mark dropped (diacritics and strokes: "Preševo" is
    "Presevo", by design), then look-alike letters mapped to their Latin prototype. Case is
    kept, as the name matcher keeps it. A Serbian Cyrillic name keeps its own skeleton: it meets
    its Latin spelling through :func:`site_builder.text.names.spellings`, not here.
    """
    text = unicodedata.normalize("NFKC", text)
    text = " ".join("".join(c for c in text if not is_invisible(c)).split())
    text = unicodedata.normalize("NFD", fold(text))
    return "".join(c for c in text if not unicodedata.combining(c)).translate(_LOOKALIKES)
