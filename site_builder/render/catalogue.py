"""The words the build writes, one catalogue per language (``catalogues/<code>.yml``).

Templates and renderers ask for a key, never for English. A string may hold placeholders
(``{date}``), filled in by name; a count is one string per plural category of the language
(CLDR's, through Babel: Serbian has "one", "few" and "other"), chosen by the value ``n``.
Serbian Latin is the Serbian catalogue, transliterated, like the rest of the Serbian Latin site.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType

import yaml
from babel import Locale
from babel.plural import PluralRule
from markupsafe import Markup, escape

from site_builder.content.languages import LANGUAGE
from site_builder.text.folding import serbian_to_latin

FOLDER = Path(__file__).with_name("catalogues")
#: A string, or a count's strings by plural category ("one", "few", "other").
Entry = str | Mapping[str, str]
PLACEHOLDER_RE = re.compile(r"\{(\w+)\}")


def _derived(entry: Entry, script: Callable[[str], str]) -> Entry:
    if isinstance(entry, str):
        return script(entry)
    return MappingProxyType({category: script(text) for category, text in entry.items()})


@cache
def catalogue(code: str) -> Mapping[str, Entry]:
    """Every string of language ``code``."""
    language = LANGUAGE[code]
    if language.derived_from:
        written = catalogue(language.derived_from)
        return MappingProxyType({k: _derived(v, serbian_to_latin) for k, v in written.items()})
    with (FOLDER / f"{code}.yml").open(encoding="utf-8") as file:
        entries = yaml.safe_load(file)
    return MappingProxyType(
        {k: v if isinstance(v, str) else MappingProxyType(v) for k, v in entries.items()}
    )


@cache
def plural_categories(code: str) -> frozenset[str]:
    """The plural categories of whole numbers in the language ("other" always among them)."""
    return frozenset({*_plural_form(code).tags, "other"})


@cache
def _plural_form(code: str) -> PluralRule:
    return Locale.parse(LANGUAGE[code].locale).plural_form


def _string(code: str, key: str, values: Mapping[str, object]) -> str:
    entry = catalogue(code)[key]
    if isinstance(entry, str):
        return entry
    return entry[_plural_form(code)(values["n"])]


def _filled(text: str, values: Mapping[str, object]) -> str:
    return PLACEHOLDER_RE.sub(lambda m: str(values[m.group(1)]), text) if values else text


def translate(code: str, key: str, **values: object) -> str:
    """The string ``key`` in language ``code``, its placeholders filled in as plain text."""
    return _filled(_string(code, key, values), values)


_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;"})


def translate_markup(code: str, key: str, **values: object) -> Markup:
    """The string ``key`` as HTML: the string escaped (as the text of a template would be:
    "dispute's" keeps its apostrophe, as no attribute is single-quoted), and every value
    unless it is Markup."""
    text = _string(code, key, values).translate(_HTML)
    return Markup(_filled(text, {name: escape(value) for name, value in values.items()}))
