"""One catalogue per language, each with every key and the same placeholders; counts in each
language's plural forms; Serbian Latin derived from the Cyrillic; no key the build never asks
for, and every key its registries ask for."""

from __future__ import annotations

import re

import pytest
from markupsafe import Markup

from site_builder.content.generated_pages import GENERATED_PAGES
from site_builder.content.kinds import KINDS, REFERENCES
from site_builder.content.languages import LANGUAGES
from site_builder.content.model import (
    ACTOR_TYPES,
    AGREEMENT_STATUSES,
    DISPUTE_STATUSES,
    KNOWN_LANGUAGES,
    PLACE_TYPES,
)
from site_builder.generated.dataset import TABLES
from site_builder.render.catalogue import (
    PLACEHOLDER_RE,
    Entry,
    catalogue,
    plural_categories,
    translate,
    translate_markup,
)
from site_builder.site.config_file import read_config
from site_builder.text.folding import serbian_to_latin
from tests.support import REPO

ENGLISH = catalogue("en")


def _strings(entry: Entry) -> list[str]:
    return [entry] if isinstance(entry, str) else list(entry.values())


def _placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER_RE.findall(text))


@pytest.mark.parametrize("code", [lang.code for lang in LANGUAGES])
def test_every_language_has_every_key_and_no_other(code: str) -> None:
    assert set(catalogue(code)) == set(ENGLISH)
    for key, entry in catalogue(code).items():
        assert all(text.strip() for text in _strings(entry)), key
        assert isinstance(entry, str) == isinstance(ENGLISH[key], str), key


@pytest.mark.parametrize("code", [lang.code for lang in LANGUAGES])
def test_every_string_has_the_placeholders_of_the_english(code: str) -> None:
    for key, entry in catalogue(code).items():
        wanted = _placeholders(_strings(ENGLISH[key])[0])
        for text in _strings(entry):
            assert _placeholders(text) == wanted, (code, key, text)


@pytest.mark.parametrize("code", [lang.code for lang in LANGUAGES])
def test_a_count_has_one_string_per_plural_category_of_its_language(code: str) -> None:
    counts = {k: e for k, e in catalogue(code).items() if not isinstance(e, str)}
    assert counts
    for key, entry in counts.items():
        assert set(entry) == plural_categories(code), (code, key)
        assert all("{n}" in text for text in entry.values()), (code, key)


def test_plural_categories_are_cldrs() -> None:
    assert plural_categories("en") == {"one", "other"}
    assert plural_categories("sq") == {"one", "other"}
    assert plural_categories("sr") == plural_categories("sr-latn") == {"one", "few", "other"}


@pytest.mark.parametrize(
    ("code", "counts"),
    [
        ("en", ["0 disputes", "1 dispute", "2 disputes", "5 disputes", "21 disputes"]),
        ("sq", ["0 mosmarrëveshje", "1 mosmarrëveshje", "2 mosmarrëveshje", "5 mosmarrëveshje",
                "21 mosmarrëveshje"]),
        ("sr", ["0 спорова", "1 спор", "2 спора", "5 спорова", "21 спор"]),
        ("sr-latn", ["0 sporova", "1 spor", "2 spora", "5 sporova", "21 spor"]),
    ],
)  # fmt: skip
def test_counts_take_the_form_of_their_number(code: str, counts: list[str]) -> None:
    assert [translate(code, "count.dispute", n=n) for n in (0, 1, 2, 5, 21)] == counts


def test_serbian_counts_of_one_few_and_other() -> None:
    assert [translate("sr", "count.agreement", n=n) for n in (1, 2, 5, 21, 22, 25, 111)] == [
        "1 споразум", "2 споразума", "5 споразума", "21 споразум", "22 споразума",
        "25 споразума", "111 споразума",
    ]  # fmt: skip
    assert translate("sr", "infobox.other_names", n=3) == "3 друга назива"
    assert translate("sr", "infobox.other_names", n=7) == "7 других назива"
    assert translate("en", "infobox.other_names", n=1) == "1 other name"


def test_serbian_latin_is_the_cyrillic_transliterated() -> None:
    assert translate("sr", "language") == "Језик"
    assert translate("sr-latn", "language") == "Jezik"
    assert translate("sr-latn", "heading.mentioned_in") == "Pominje se u"
    latin, cyrillic = catalogue("sr-latn"), catalogue("sr")
    for key, entry in cyrillic.items():
        assert _strings(latin[key]) == [serbian_to_latin(t) for t in _strings(entry)], key


def test_placeholders_are_filled_and_html_is_escaped_but_markup_kept() -> None:
    assert translate("en", "page.year_title", title="Timeline", year=2023) == "Timeline: 2023"
    html = translate_markup("en", "list.parties", parties="<b>Kosovo</b>")
    assert html == "Parties: &lt;b&gt;Kosovo&lt;/b&gt;"
    link = Markup('<a href="x">Kosovo</a>')
    assert translate_markup("en", "list.parties", parties=link) == f"Parties: {link}"
    # The catalogue's own words are escaped as a template's text: an apostrophe stays.
    assert translate_markup("en", "stances.on_dispute") == "On the dispute's page"


def _registry_keys() -> set[str]:
    """The keys the build makes from its registries: one per kind, type, status, ..."""
    keys = {f"kind.{k.name}{s}" for k in KINDS for s in ("", ".plural")}
    keys |= {f"type.{t}{s}" for t in (*ACTOR_TYPES, *PLACE_TYPES) for s in ("", ".plural")}
    keys |= {f"status.{s}" for s in (*DISPUTE_STATUSES, *AGREEMENT_STATUSES)}
    keys |= {f"language_name.{code}" for code in KNOWN_LANGUAGES}
    keys |= {f"reference.{key}" for key in REFERENCES}
    keys |= {f"page.{p.slug}.blurb" for p in GENERATED_PAGES}
    keys |= {f"page.{p.slug}.title" for p in GENERATED_PAGES if p.index_of is None}
    keys |= {table.key for table in TABLES} | {c.key for t in TABLES for c in t.columns}
    # The palette toggles of mkdocs.yml, which theme/partials/palette.html names by scheme.
    palette = read_config(REPO / "mkdocs.yml")["theme"]["palette"]
    keys |= {f"palette.{option['scheme']}" for option in palette if "toggle" in option}
    # The notices of mkdocs/languages.py, which theme/partials/translation-notice.html names.
    return keys | {
        f"notice_{n}" for n in ("untranslated", "summary_only", "outdated", "unreviewed")
    }


def test_the_catalogue_has_every_key_the_registries_ask_for() -> None:
    assert _registry_keys() - set(ENGLISH) == set()


def test_every_key_is_asked_for() -> None:
    """A key no registry makes is written out in the code or a template, or it is dead."""
    sources = [*(REPO / "site_builder").rglob("*.py"), *(REPO / "theme").rglob("*.html")]
    sources += [*(REPO / "theme").rglob("*.js")]
    written = {
        m.group(2)
        for path in sources
        for m in re.finditer(r"""(["'])([\w.-]+)\1""", path.read_text("utf-8"))
    }
    unused = set(ENGLISH) - _registry_keys() - written
    assert unused == set()
