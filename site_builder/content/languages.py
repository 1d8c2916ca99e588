"""THE language registry: every language the site is published in, once.

English is the source. Albanian and Serbian (Cyrillic) are written by translators, one file
beside each English one (``presevo.sq.md``); Serbian Latin is derived from the Cyrillic by the
build and never written. Each language's site has the same paths under its folder
(``/sq/places/presevo/``), so a page and its translations differ only in that folder.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True)
class Language:
    #: The site folder and the translation file suffix ("sq": ``/sq/``, ``x.sq.md``).
    code: str
    #: The BCP 47 tag for ``<html lang>`` and ``hreflang``.
    tag: str
    #: The language's name in itself, as the language switcher shows it (with its script
    #: where a language has two).
    name: str
    #: Material's interface strings for the language (its ``partials/languages/`` file).
    material: str
    #: The CLDR locale (Babel) of its dates and plural rules. English is British, as the site
    #: writes it: "5 January 2024", "organisations".
    locale: str
    #: The written language this one is transliterated from, for a derived script.
    derived_from: str | None = None

    @property
    def is_source(self) -> bool:
        return self.code == SOURCE_CODE

    @property
    def folder(self) -> str:
        """The site folder, with its slash ("" for the source at the root)."""
        return "" if self.is_source else f"{self.code}/"

    @property
    def written(self) -> bool:
        """Translators write files in this language (the source and derived ones: no)."""
        return not self.is_source and self.derived_from is None

    def src_uri(self, source_uri: str) -> str:
        """Where a page of the source site lives in this language's site."""
        return self.folder + source_uri


SOURCE_CODE = "en"
LANGUAGES: tuple[Language, ...] = (
    Language("en", "en", "English", "en", "en_GB"),
    Language("sq", "sq", "Shqip", "sq", "sq"),
    Language("sr", "sr", "Српски (ћирилица)", "sr", "sr"),
    Language("sr-latn", "sr-Latn", "Srpski (latinica)", "sh", "sr_Latn", derived_from="sr"),
)
LANGUAGE: Mapping[str, Language] = MappingProxyType({lang.code: lang for lang in LANGUAGES})
SOURCE = LANGUAGE[SOURCE_CODE]
#: The languages translators write, by file suffix.
WRITTEN: Mapping[str, Language] = MappingProxyType(
    {lang.code: lang for lang in LANGUAGES if lang.written}
)


def language_of(src_uri: str) -> Language:
    """The language of a page of the site, from its folder."""
    first, _, rest = src_uri.partition("/")
    lang = LANGUAGE.get(first)
    return lang if lang is not None and rest and not lang.is_source else SOURCE


def source_uri(src_uri: str) -> str:
    """The source site's page that a page of any language's site is a version of."""
    return src_uri.removeprefix(language_of(src_uri).folder)
