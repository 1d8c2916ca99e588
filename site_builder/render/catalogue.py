"""The words the build writes, one catalogue per language (``catalogues/<code>.yml``).

Templates and renderers ask for a key, never for English. Serbian Latin is the Serbian
catalogue, transliterated, like the rest of the Serbian Latin site.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType

import yaml

from site_builder.content.languages import LANGUAGE
from site_builder.text.folding import serbian_to_latin

FOLDER = Path(__file__).with_name("catalogues")


@cache
def catalogue(code: str) -> Mapping[str, str]:
    """Every string of language ``code``."""
    language = LANGUAGE[code]
    if language.derived_from:
        written = catalogue(language.derived_from)
        return MappingProxyType({k: serbian_to_latin(v) for k, v in written.items()})
    with (FOLDER / f"{code}.yml").open(encoding="utf-8") as file:
        return MappingProxyType(dict(yaml.safe_load(file)))


def translate(code: str, key: str) -> str:
    """The string ``key`` in language ``code``."""
    return catalogue(code)[key]
