"""Words readers see for the enumerated values of front matter ("in-force" -> "In force")."""

from __future__ import annotations

from site_builder.content.model import LANGUAGE_LABELS

# "party" alone would read as "party to the dispute".
_SINGULAR = {"party": "Political party"}
_PLURAL = {
    "person": "People",
    "state": "States",
    "government": "Governments",
    "institution": "Institutions",
    "organisation": "Organisations",
    "party": "Political parties",
    "media": "Media",
    "country": "Countries",
    "region": "Regions",
    "municipality": "Municipalities",
    "city": "Cities",
    "crossing": "Crossings",
}


def label(value: str) -> str:
    """A type or status as a reader says it: "partly-implemented" -> "Partly implemented"."""
    return _SINGULAR.get(value) or value.replace("-", " ").capitalize()


def plural_label(value: str) -> str:
    """A type as a group heading: "state" -> "States", "person" -> "People"."""
    return _PLURAL.get(value) or label(value)


def language_label(code: str) -> str:
    """A language code spelled out ("sq" -> "Albanian"); an unknown code stays as it is."""
    return LANGUAGE_LABELS.get(code, code)


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """ "1 agreement", "2 agreements", "2 parties" (with ``plural``)."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"
