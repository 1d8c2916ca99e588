"""Declined forms of names, so that "Kosovës" and "Србијом" link as "Kosova" and "Србија" do.

Albanian and Serbian decline names: a text mentions "Preshevës" (of Preševo) or "Косову" (in
Kosovo). There is no Albanian stemmer, and a stemmer's stems would match more than names, so
each language has a small table of endings instead: a name that ends so gets the forms of its
case endings. Only one-word names are declined. The forms are added to that language's
matcher as names of the same brief; a form that is another brief's name, or that two briefs
would both get, is left out (``site_builder.text.names``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from site_builder.text.folding import has_cyrillic, serbian_to_cyrillic, serbian_to_latin


@dataclass(frozen=True)
class Rule:
    """A name ending in ``ending`` (a regular expression) drops ``drop`` letters and takes
    each of ``forms``. ``person``: the rule is for people only (True) or not for people
    (False); None for any name."""

    ending: str
    drop: int
    forms: tuple[str, ...]
    person: bool | None = None

    def applies(self, name: str, person: bool) -> bool:
        fits = self.person is None or self.person == person
        return fits and re.search(f"(?:{self.ending})$", name) is not None


#: The first rule that applies to a name gives its forms (longer endings come first).
TABLES: Mapping[str, tuple[Rule, ...]] = MappingProxyType(
    {
        # Albanian: indefinite and definite forms of the nominative, genitive/dative/ablative
        # and accusative ("Kosovë", "Kosova", "Kosovës", "Kosovën").
        "sq": (
            Rule("ia", 1, ("", "së", "në"), person=False),  # Serbia: Serbi, Serbisë, Serbinë
            Rule("i", 0, ("a", "së", "në"), person=False),  # Serbi: Serbia, Serbisë, Serbinë
            Rule("i", 0, ("t", "n"), person=True),  # Kurti: Kurtit, Kurtin
            Rule("ë", 1, ("a", "ës", "ën")),  # Preshevë: Presheva, Preshevës, Preshevën
            Rule("a", 1, ("ë", "ës", "ën")),  # Presheva: Preshevë, Preshevës, Preshevën
            Rule("[kgh]", 0, ("u", "ut", "un")),  # Brnjak: Brnjaku, Brnjakut, Brnjakun
            Rule("[bcçdfgjlmnpqrstvxz]", 0, ("i", "it", "in")),  # Bujanoc: Bujanoci, ...
        ),
        # Serbian, in Cyrillic (a Latin name is declined in Cyrillic, then spelled in both):
        # genitive, dative/locative, accusative, instrumental.
        "sr": (
            Rule("ија", 1, ("е", "и", "у", "ом")),  # Србија: Србије, Србији, Србију, Србијом
            Rule("ац", 2, ("ца", "цу", "цем")),  # Бујановац: Бујановца, Бујановцу, Бујановцем
            Rule("а", 1, ("е", "и", "у", "ом")),  # Приштина: Приштине, Приштини, ...
            Rule("о", 1, ("а", "у", "ом")),  # Косово: Косова, Косову, Косовом
            Rule("е", 1, ("а", "у", "ем")),  # Поље: Поља, Пољу, Пољем
            Rule("и", 0, ("ја", "ју", "јем")),  # Курти: Куртија, Куртију, Куртијем
            Rule("[ћчжшђџљњјц]", 0, ("а", "у", "ем")),  # Вучић: Вучића, Вучићу, Вучићем
            Rule("[бвгдзклмнпрстфх]", 0, ("а", "у", "ом")),  # Београд: Београда, ...
        ),
    }
)


def declined(name: str, language: str, *, person: bool = False) -> tuple[str, ...]:
    """The declined forms of a one-word name in ``language`` (none for other names)."""
    table = TABLES.get(language)
    if table is None or not name or any(c.isspace() for c in name):
        return ()
    latin = language == "sr" and not has_cyrillic(name)
    word = serbian_to_cyrillic(name) if latin else name
    rule = next((r for r in table if r.applies(word, person)), None)
    if rule is None:
        return ()
    stem = word[: len(word) - rule.drop]
    forms = tuple(dict.fromkeys(stem + ending for ending in rule.forms))
    forms = tuple(form for form in forms if form != word)
    return tuple(serbian_to_latin(f) for f in forms) if latin else forms
