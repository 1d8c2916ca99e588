"""Hostile and careless names and front-matter text (issue 14): each case asserts its message.

Invisible and direction-changing characters, look-alike names (the TR39 skeleton), names long
enough to break a recursive pattern builder, aliases that are common words, slugs listed twice,
date hints that fit their key, and unclosed quotes.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import time
from pathlib import Path

import pytest

from site_builder.content.diagnostics import sort_diagnostics
from site_builder.content.frontmatter import parse_front_matter
from site_builder.content.kinds import Kind
from site_builder.content.loader import load_corpus
from site_builder.content.schema import check_front_matter
from site_builder.text.folding import is_invisible, skeleton
from site_builder.text.names import MAX_NAME_LENGTH, NameMatcher, _trie_pattern

SOURCES = "sources:\n  - id: eeas\n    title: Dialogue\n    publisher: EEAS\n"
REVIEWED = "reviewed: 2025-06-02\n"
TODAY = dt.date(2026, 12, 1)
PATH = {
    "actor": "content/actors/x.md",
    "dispute": "content/disputes/x.md",
    "agreement": "content/agreements/x.md",
    "place": "content/places/x.md",
    "update": "content/updates/x.md",
}
HEAD: dict[str, str] = {
    "actor": "title: Kosovo\nsummary: A state.\ntype: state\n",
    "dispute": "title: Plates\nsummary: Which plates.\nstatus: open\nparties: [kosovo, serbia]\n",
    "agreement": (
        "title: Brussels Agreement\nsummary: An agreement.\ndate: 2013-04-19\n"
        "parties: [kosovo, serbia]\nstatus: in-force\n"
    ),
    "place": "title: Preševo\nsummary: A municipality.\ntype: municipality\n",
    "update": "title: Talks resume\nsummary: The talks resume.\ndate: 2025-06-02\n",
}


def front(kind: str, extra: str = "", head: str | None = None) -> str:
    """A valid brief of ``kind`` (lines 2 on: its head, 'reviewed', 4 lines of sources), then
    ``extra``; a line ending in ``#!`` is where the one expected diagnostic points."""
    return f"---\n{HEAD[kind] if head is None else head}{REVIEWED}{SOURCES}{extra}---\nBody.\n"


def diagnostics(kind: Kind, text: str) -> list[tuple[int, str]]:
    parsed, found = parse_front_matter(text, PATH[kind])
    assert found == []
    assert parsed is not None
    checked = check_front_matter(
        parsed, kind=kind, slug="x", src_uri=PATH[kind][8:], path=PATH[kind], today=TODAY
    )
    assert all(d.path == PATH[kind] for d in checked.diagnostics)
    if checked.diagnostics:
        assert checked.document is None
    return [(d.line, d.message) for d in checked.diagnostics]


def marked(text: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if line.endswith("#!"))


def one_problem(kind: Kind, extra: str, message: str, head: str | None = None) -> None:
    text = front(kind, extra, head)
    assert diagnostics(kind, text) == [(marked(text), message)]


def problems(root: Path, files: dict[str, str]) -> list[str]:
    content = root / "content"
    for name, text in files.items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    _, found = load_corpus(content)
    return [str(d) for d in sort_diagnostics(found)]


def actor(title: str, extra: str = "") -> str:
    return f"---\ntitle: {title}\nsummary: An actor.\ntype: state\n{REVIEWED}{SOURCES}{extra}---\n"


def place(title: str, extra: str = "") -> str:
    return f"---\ntitle: {title}\nsummary: A place.\ntype: city\n{REVIEWED}{SOURCES}{extra}---\n"


# -- 1. invisible and direction-changing characters -------------------------------------------

INVISIBLE = "an invisible or direction-changing character"


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\u202e", "RIGHT-TO-LEFT OVERRIDE"),
        ("\u200b", "ZERO WIDTH SPACE"),
        ("\u200d", "ZERO WIDTH JOINER"),
        ("\ufeff", "ZERO WIDTH NO-BREAK SPACE"),
        ("\u2066", "LEFT-TO-RIGHT ISOLATE"),
        ("\u200f", "RIGHT-TO-LEFT MARK"),
        ("\u00ad", "SOFT HYPHEN"),
        ("\U000e0041", "TAG LATIN CAPITAL LETTER A"),
        ("\ufe0f", "VARIATION SELECTOR-16"),
    ],
)
def test_an_invisible_character_in_a_title_is_an_error(char: str, name: str) -> None:
    head = HEAD["actor"].replace("Kosovo", f"Kos{char}ovo  #!")
    code = f"U+{ord(char):04X}"
    one_problem("actor", "", f"'title' contains {INVISIBLE} ({code} {name}); remove it", head)


@pytest.mark.parametrize(
    ("kind", "extra", "path"),
    [
        ("actor", "aliases: [Republic of Kosovo\u202e]  #!\n", "aliases[0]"),
        ("actor", "role: State\u2067  #!\n", "role"),
        ("place", "names:\n  sq: Presheva\u200b  #!\n", "names.sq"),
        ("actor", "tags: [a, b\u200cc]  #!\n", "tags[1]"),
        (
            "actor",
            "timeline:\n  - date: 2013\n    text: Met.\u202e  #!\n    source: eeas\n",
            "timeline[0].text",
        ),
        (
            "dispute",
            "positions:\n  kosovo:\n    - date: 2025\n      text: No.\u2066  #!\n"
            "      source: eeas\n",
            "positions.kosovo[0].text",
        ),
        (
            "actor",
            "corrections:\n  - date: 2026-11-30\n    text: Fixed\u200b.  #!\n",
            "corrections[0].text",
        ),
    ],
)
def test_every_front_matter_string_is_checked(kind: Kind, extra: str, path: str) -> None:
    text = front(kind, extra)
    found = diagnostics(kind, text)
    assert len(found) == 1
    line, message = found[0]
    assert line == marked(text)
    assert message.startswith(f"'{path}' contains {INVISIBLE} (U+")
    assert message.endswith("); remove it")


def test_a_source_title_with_an_isolate() -> None:
    text = front("actor").replace("title: Dialogue", "title: Dialogue\u2066x\u2069  #!")
    assert diagnostics("actor", text) == [
        (
            marked(text),
            "'sources[0].title' contains invisible or direction-changing characters "
            "(U+2066 LEFT-TO-RIGHT ISOLATE, U+2069 POP DIRECTIONAL ISOLATE); remove them",
        )
    ]


def test_many_invisible_characters_are_named_three_at_a_time() -> None:
    head = HEAD["actor"].replace("Kosovo", "K\u200b\u200c\u200d\u2060\u202eosovo  #!")
    one_problem(
        "actor",
        "",
        "'title' contains invisible or direction-changing characters (U+200B ZERO WIDTH SPACE, "
        "U+200C ZERO WIDTH NON-JOINER, U+200D ZERO WIDTH JOINER and 2 more); remove them",
        head,
    )


def test_a_leading_byte_order_mark_is_still_fine() -> None:
    assert diagnostics("actor", "\ufeff" + front("actor")) == []


def test_visible_text_of_every_script_the_site_uses_is_fine() -> None:
    head = "title: Kosova\nsummary: Kosovë – Косово, “quoted” and ’apostrophes’.\ntype: state\n"
    assert diagnostics("actor", front("actor", "aliases: [Republika e Kosovës]\n", head)) == []
    assert not any(is_invisible(c) for c in "Preševo Прешево Medveđa Bujanovac ë ç – “” ’ ‘")


# -- 2. look-alike names: NFKC and the TR39 skeleton ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "K\u043esovo",  # Cyrillic о
        "\u041aosovo",  # Cyrillic К
        "\u039aosovo",  # Greek Kappa
        "Kos\u03bfvo",  # Greek omicron
        "\uff2bosovo",  # fullwidth Ｋ
        "\U0001d40aosovo",  # mathematical bold 𝐊
        "Kosovo\u200b",  # zero-width space
        "Ko\u00adsovo",  # soft hyphen
        "Kosóvo",  # diacritics fold away, as before
        "Kos\u0308ovo",  # a stray combining mark
    ],
)
def test_look_alikes_of_kosovo_share_its_skeleton(text: str) -> None:
    assert skeleton(text) == "Kosovo"


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Bujanovac", "Bujanoc"),
        ("Kom", "Korn"),  # TR39 would join "rn" and "m"; the table keeps one-letter prototypes
        ("EU", "Eu"),  # case is kept, as the matcher keeps it
        ("Medveđa", "Medvedja"),
        ("Mitrovica", "Mitrovicë e Veriut"),
        ("Serbia", "Srbija"),
        ("Kosovo", "Kosova"),
        ("Preševo", "Preshevë"),
        ("Kosovo Police", "Kosovo Polis"),
    ],
)
def test_different_names_keep_different_skeletons(one: str, other: str) -> None:
    assert skeleton(one) != skeleton(other)


def test_diacritic_variants_still_clash_by_design() -> None:
    assert skeleton("Preševo") == skeleton("Presevo") == "Presevo"


def test_serbian_cyrillic_keeps_its_own_skeleton() -> None:
    """Cyrillic names meet their Latin spelling through names.spellings, not the skeleton."""
    assert skeleton("Прешево") != "Presevo"
    assert skeleton("Косово") != "Kosovo"


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        ("K\u043esovo", "K\u043esovo"),
        ("\u039aosovo", "\u039aosovo"),
        ("\uff2bosovo", "\uff2bosovo"),
        ("Kosovo  Republic", "Kosovo  Republic"),
    ],
)
def test_a_look_alike_of_another_briefs_name_clashes(
    tmp_path: Path, title: str, shown: str
) -> None:
    other = "Kosovo Republic" if "Republic" in title else "Kosovo"
    files = {
        "actors/kosovo.md": actor(other),
        "actors/kosovo-2.md": actor(f'"{title}"'),
    }
    assert problems(tmp_path, files) == [
        f"content/actors/kosovo-2.md:2: name '{shown}' is also a name of "
        f"content/actors/kosovo.md (it looks the same as '{other}' there)",
        f"content/actors/kosovo.md:2: name '{other}' is also a name of "
        f"content/actors/kosovo-2.md (it looks the same as '{shown}' there)",
    ]


def test_a_zero_width_space_is_an_error_and_a_clash(tmp_path: Path) -> None:
    files = {
        "actors/kosovo.md": actor("Kosovo"),
        "actors/kosovo-2.md": actor('"Kosovo\\u200b"'),
    }
    assert problems(tmp_path, files) == [
        "content/actors/kosovo-2.md:2: 'title' contains an invisible or direction-changing "
        "character (U+200B ZERO WIDTH SPACE); remove it",
        # Quoted back, the invisible character is spelled out (it cannot reorder the message).
        "content/actors/kosovo-2.md:2: name 'Kosovo<U+200B>' is also a name of "
        "content/actors/kosovo.md (it looks the same as 'Kosovo' there)",
        "content/actors/kosovo.md:2: name 'Kosovo' is also a name of "
        "content/actors/kosovo-2.md (it looks the same as 'Kosovo<U+200B>' there)",
    ]


def test_a_look_alike_alias_clashes_with_a_title(tmp_path: Path) -> None:
    files = {
        "actors/serbia.md": actor("Serbia"),
        "places/x.md": place("X town", "aliases:\n  - S\u0435rbia\n"),  # Cyrillic е
    }
    assert problems(tmp_path, files) == [
        "content/actors/serbia.md:2: name 'Serbia' is also a name of content/places/x.md "
        "(it looks the same as 'S\u0435rbia' there)",
        "content/places/x.md:11: name 'S\u0435rbia' is also a name of content/actors/serbia.md "
        "(it looks the same as 'Serbia' there)",
    ]


def test_serbian_names_in_both_scripts_are_no_clash(tmp_path: Path) -> None:
    files = {
        "places/presevo.md": place("Preševo", "names:\n  sr-Cyrl: Прешево\n  sq: Preshevë\n"),
        "places/bujanovac.md": place("Bujanovac", "names:\n  sr-Cyrl: Бујановац\n"),
        "places/bujanoc.md": place("Bujanoc"),
        "places/medvedja.md": place("Medveđa", "names:\n  sr: Medveđa\n  sq: Medvegja\n"),
        "actors/kosovo.md": actor("Kosovo", "aliases: [Kosova]\n"),
        "actors/serbia.md": actor("Serbia", "aliases: [Србија, Srbija]\n"),
    }
    assert problems(tmp_path, files) == []


def test_diacritic_variants_clash_as_before(tmp_path: Path) -> None:
    files = {
        "places/presevo.md": place("Preševo"),
        "places/presevo-2.md": place("Presevo"),
    }
    assert problems(tmp_path, files) == [
        "content/places/presevo-2.md:2: name 'Presevo' is also a name of content/places/presevo.md",
        "content/places/presevo.md:2: name 'Preševo' is also a name of content/places/presevo-2.md",
    ]


# -- 3. long names: a message, never a RecursionError -----------------------------------------


@pytest.mark.parametrize("length", [201, 495, 612, 10_000])
def test_a_long_title_is_refused_with_its_length(length: int) -> None:
    head = HEAD["actor"].replace("Kosovo", "K" * length + "  #!")
    started = time.perf_counter()
    one_problem(
        "actor", "", f"'title' is {length} characters long; a name may have at most 200", head
    )
    assert time.perf_counter() - started < 0.5


def test_long_aliases_and_language_names_are_refused() -> None:
    one_problem(
        "actor",
        "aliases:\n  - " + "a" * 495 + "  #!\n",
        "'aliases[0]' is 495 characters long; a name may have at most 200",
    )
    one_problem(
        "place",
        "names:\n  sq: " + "b" * 300 + "  #!\n",
        "'names.sq' is 300 characters long; a name may have at most 200",
    )


def test_a_title_of_the_longest_length_is_fine() -> None:
    head = HEAD["actor"].replace("Kosovo", "K" * MAX_NAME_LENGTH)
    assert diagnostics("actor", front("actor", "", head)) == []


def test_a_ten_thousand_character_title_through_the_loader(tmp_path: Path) -> None:
    started = time.perf_counter()
    found = problems(tmp_path, {"actors/kosovo.md": actor("K" * 10_000)})
    assert time.perf_counter() - started < 1
    assert found == [
        "content/actors/kosovo.md:2: 'title' is 10000 characters long; a name may have at most 200"
    ]


def test_the_trie_pattern_builder_does_not_recurse() -> None:
    assert _trie_pattern(["x" * 20_000]) == "x" * 20_000
    assert _trie_pattern(["ab", "a", "ac"]) == "a(?:b|c)?"


def test_the_deepest_trie_the_limit_allows_compiles_and_matches() -> None:
    """Every prefix a name, each with a branch: one nested group per letter."""
    names = [("a" * n, f"s{n}") for n in range(1, MAX_NAME_LENGTH + 1)]
    names += [("a" * n + "b", f"b{n}") for n in range(1, MAX_NAME_LENGTH)]
    matcher = NameMatcher(names)
    text = "x " + "a" * 150 + "b y " + "a" * MAX_NAME_LENGTH
    assert [(m.end - m.start, m.slug) for m in matcher.find(text)] == [
        (151, "b150"),
        (MAX_NAME_LENGTH, f"s{MAX_NAME_LENGTH}"),
    ]


def test_the_matcher_leaves_out_names_beyond_the_limit() -> None:
    matcher = NameMatcher([("K" * 10_000, "k"), ("Kosovo", "kosovo")])
    assert len(matcher) == 1
    assert [m.slug for m in matcher.find("Kosovo " + "K" * 10_000)] == ["kosovo"]


# -- 4. aliases ---------------------------------------------------------------------------------


@pytest.mark.parametrize("alias", ["the", "The", "a", "of", "and", "in", "is", "it", "yes", "No"])
def test_an_alias_that_is_a_common_word(alias: str) -> None:
    quoted = f"'{alias}'"  # unquoted, YAML reads 'yes' and 'No' as true/false
    if len(alias) < 2:
        message = f"alias '{alias}' is shorter than two letters"
    else:
        message = f"alias '{alias}' is a common word: it would link every '{alias}' on the site"
    one_problem("actor", f"aliases:\n  - Republic of Kosovo\n  - {quoted}  #!\n", message)


@pytest.mark.parametrize("alias", ["K", "'.'", "'K.'", "'5'", "Ё"])
def test_an_alias_shorter_than_two_letters(alias: str) -> None:
    shown = alias.strip("'")
    one_problem(
        "actor", f"aliases: [{alias}]  #!\n", f"alias '{shown}' is shorter than two letters"
    )


@pytest.mark.parametrize("alias", ["US", "IT", "EU", "UN", "G7", "The Hague", "Theo", "Isa"])
def test_acronyms_and_names_that_contain_common_words_are_fine(alias: str) -> None:
    assert diagnostics("actor", front("actor", f"aliases: [{alias}]\n")) == []


def test_a_title_may_be_short() -> None:
    """Only aliases are held to the rule; a title names the brief itself."""
    assert diagnostics("actor", front("actor", "", HEAD["actor"].replace("Kosovo", "EU"))) == []


# -- 5. slugs listed twice --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "extra", "message"),
    [
        (
            "dispute",
            "related:\n  - vehicle-plates\n  - kosovo\n  - vehicle-plates  #!\n",
            "'vehicle-plates' is listed twice in 'related' (first on line 12)",
        ),
        (
            "actor",
            "affiliation:\n  - serbia\n  - serbia  #!\n",
            "'serbia' is listed twice in 'affiliation' (first on line 11)",
        ),
        (
            "update",
            "about: [kosovo, kosovo]  #!\n",
            "'kosovo' is listed twice in 'about' (first on line 10)",
        ),
        (
            "dispute",
            "agreements:\n  - brussels-agreement\n  - brussels-agreement  #!\n",
            "'brussels-agreement' is listed twice in 'agreements' (first on line 12)",
        ),
        (
            "dispute",
            "places:\n  - mitrovica\n  - presevo\n  - mitrovica  #!\n",
            "'mitrovica' is listed twice in 'places' (first on line 12)",
        ),
        (
            "actor",
            "timeline:\n  - date: 2013\n    text: Met.\n    source: eeas\n"
            "    involves: [serbia, serbia]  #!\n",
            "'serbia' is listed twice in 'timeline[0].involves' (first on line 14)",
        ),
    ],
)
def test_a_slug_listed_twice(kind: Kind, extra: str, message: str) -> None:
    one_problem(kind, extra, message)


def test_parties_listed_twice_point_at_the_first() -> None:
    head = "title: Plates\nsummary: Which plates.\nstatus: open\nparties:\n  - kosovo\n"
    head += "  - serbia\n  - kosovo  #!\n"
    one_problem("dispute", "", "'kosovo' is listed twice in 'parties' (first on line 6)", head)


def test_a_slug_listed_three_times() -> None:
    text = front("update", "about:\n  - kosovo\n  - kosovo  #!\n  - kosovo\n")
    line = marked(text)
    assert diagnostics("update", text) == [
        (line, "'kosovo' is listed twice in 'about' (first on line 11)"),
        (line + 1, "'kosovo' is listed 3 times in 'about' (first on line 11)"),
    ]


# -- 6. date hints that fit their key ---------------------------------------------------------

DAY = "(write YYYY-MM-DD)"
DATES = "(write YYYY, YYYY-MM or YYYY-MM-DD)"


@pytest.mark.parametrize(
    ("kind", "extra", "message"),
    [
        (
            "actor",
            "corrections:\n  - date: June 2026  #!\n    text: Fixed.\n",
            f"'corrections[0].date' is not a valid date: 'June 2026' {DAY}",
        ),
        (
            "actor",
            SOURCES.replace("sources:\n", "").replace("eeas", "b")
            + "    checked: 2026-02-30  #!\n",
            f"'sources[1].checked' is not a valid date: '2026-02-30' {DAY}",
        ),
        (
            "actor",
            "timeline:\n  - date: April 2013  #!\n    text: Met.\n    source: eeas\n",
            f"'timeline[0].date' is not a valid date: 'April 2013' {DATES}",
        ),
    ],
)
def test_the_date_hint_fits_the_key(kind: Kind, extra: str, message: str) -> None:
    one_problem(kind, extra, message)


def test_reviewed_asks_for_a_day() -> None:
    text = front("actor").replace(REVIEWED, "reviewed: June 2025  #!\n")
    assert diagnostics("actor", text) == [
        (marked(text), f"'reviewed' is not a valid date: 'June 2025' {DAY}")
    ]


def test_an_updates_date_asks_for_a_day_and_an_agreements_does_not() -> None:
    update = front("update", head=HEAD["update"].replace("2025-06-02", "June 2025  #!"))
    assert diagnostics("update", update) == [
        (marked(update), f"'date' is not a valid date: 'June 2025' {DAY}")
    ]
    agreement = front("agreement", head=HEAD["agreement"].replace("2013-04-19", "Apr 2013  #!"))
    assert diagnostics("agreement", agreement) == [
        (marked(agreement), f"'date' is not a valid date: 'Apr 2013' {DATES}")
    ]


# -- 7. an unclosed quote names the line where it opens ---------------------------------------

UNCLOSED = "a quoted value is not closed: the quote that opens on this line has no closing quote"


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('---\ntitle: "Kosovo\nsummary: A state.\ntype: state\n---\nBody.\n', 2),
        ("---\ntitle: 'Kosovo\nsummary: A state.\ntype: state\n---\nBody.\n", 2),
        ('---\ntitle: "Kosovo\n---\n', 2),
        # a later value's opening quote closes it: the value swallowed the next key
        ('---\ntitle: "Kosovo\nsummary: "A state."\ntype: state\n---\n', 2),
        ("---\ntitle: 'Kosovo\nsummary: 'A state.'\ntype: state\n---\n", 2),
        ('---\ntitle: Kosovo\nsummary: "A state.\ntype: state\nreviewed: 2025-06-02\n---\n', 3),
        (
            '---\ntitle: Kosovo\nsources:\n  - id: "eeas\n    title: "Dialogue"\n'
            "    publisher: EEAS\n---\n",
            4,
        ),
        ('---\ntitle: Kosovo\naliases: ["Kosova", "Kosovë]\nsummary: x\n---\n', 3),
    ],
)
def test_an_unclosed_quote(text: str, line: int) -> None:
    parsed, found = parse_front_matter(text, "content/actors/kosovo.md")
    assert parsed is None
    assert [(d.path, d.line, d.message) for d in found] == [
        ("content/actors/kosovo.md", line, UNCLOSED)
    ]


def test_a_quoted_value_over_several_lines_is_still_fine() -> None:
    text = '---\ntitle: Kosovo\nsummary: "A state:\n  one of two."\ntype: state\n---\n'
    parsed, found = parse_front_matter(text, "content/actors/kosovo.md")
    assert found == []
    assert parsed is not None
    assert parsed.data["summary"] == "A state: one of two."


def test_other_quote_mistakes_keep_their_message() -> None:
    _, found = parse_front_matter('---\ntitle: "Kosovo"s\n---\n', "p.md")
    assert [d.message for d in found] == [
        "invalid YAML: did not find expected key (while parsing a block mapping that starts on "
        "line 2)"
    ]
    assert not re.search("quoted value", found[0].message)


def test_a_refused_alias_claims_no_name(tmp_path: Path) -> None:
    files = {
        "actors/kosovo.md": actor("Kosovo", "aliases: [the]\n"),
        "actors/serbia.md": actor("Serbia", "aliases: [the]\n"),
    }
    message = "alias 'the' is a common word: it would link every 'the' on the site"
    assert problems(tmp_path, files) == [
        f"content/actors/kosovo.md:10: {message}",
        f"content/actors/serbia.md:10: {message}",
    ]


def test_the_hostile_names_fixtures_are_each_refused_with_their_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """tests/fixtures/hostile/names/: look-alike, invisible and careless names, a party listed
    twice, lists nested past the bound; exactly expected-names.txt."""
    from site_builder.cli import main

    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    content = Path(shutil.copytree(fixtures / "minimal" / "content", tmp_path / "content"))
    shutil.copytree(fixtures / "hostile" / "names", content, dirs_exist_ok=True)
    config = str(fixtures.parent.parent / "mkdocs.yml")
    assert main(["check", "--content", str(content), "--config", config]) == 1
    printed = capsys.readouterr().err.splitlines()
    expected = (fixtures / "hostile" / "expected-names.txt").read_text("utf-8").splitlines()
    assert printed[:-1] == expected
    assert printed[-1] == f"{len(expected)} problems in 9 files"
