import re

from site_builder.content.model import Name
from site_builder.text.folding import fold
from site_builder.text.names import NameMatcher, changed_names, corpus_matcher, spellings
from tests.support import make_corpus, make_doc


def found(matcher: NameMatcher, text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.slug) for m in matcher.find(text)]


def test_longest_name_wins_and_words_are_whole() -> None:
    matcher = NameMatcher([("EU", "eu"), ("EU Special Representative", "eusr"), ("Serbia", "rs")])
    text = "The EU Special Representative, the EU, Serbian Serbia."
    assert found(matcher, text) == [
        ("EU Special Representative", "eusr"),
        ("EU", "eu"),
        ("Serbia", "rs"),
    ]


def test_first_claim_of_a_folded_name_keeps_it() -> None:
    matcher = NameMatcher([("Preševo", "a"), ("Presevo", "b")])
    assert found(matcher, "Presevo") == [("Presevo", "a")]
    assert len(matcher) == 1


def test_serbian_names_match_in_both_scripts() -> None:
    assert spellings(Name("Preševo", "sr")) == ("Preševo", "Прешево")
    assert spellings(Name("Прешево", "sr-Cyrl")) == ("Прешево", "Preševo")
    assert spellings(Name("Preshevë", "sq")) == ("Preshevë",)


def test_corpus_matcher_takes_briefs_only() -> None:
    corpus = make_corpus(
        make_doc("actor", "serbia", "Serbia", aliases=("Republic of Serbia",)),
        make_doc("update", "news", "News"),
    )
    matcher = corpus_matcher(corpus)
    assert found(matcher, "News from the Republic of Serbia") == [("Republic of Serbia", "serbia")]


def test_one_pattern_shaped_as_a_trie() -> None:
    """Names sharing a prefix share one branch: the pattern grows with the names' letters."""
    names = [(f"Name{i:04d}", f"n{i}") for i in range(2000)]
    matcher = NameMatcher(names)
    pattern = matcher._pattern.pattern
    assert pattern.count("Name") == 1
    assert len(re.findall(r"\|", pattern)) < 2000 + 200
    assert found(matcher, "x Name1999 y") == [("Name1999", "n1999")]


def test_changed_names_are_those_that_link_elsewhere_or_no_longer_or_newly() -> None:
    before = {"Kosovo": "kosovo", "Serbia": "serbia", "EU": "european-union"}
    after = {"Kosovo": "kosovo", "Serbia": "serbia-state", "Brussels": "brussels"}
    assert changed_names(before, after) == {"Serbia", "EU", "Brussels"}
    assert changed_names(before, dict(before)) == frozenset()


def test_matching_folded_text_is_matching_the_text() -> None:
    matcher = NameMatcher([("Preševo", "presevo"), ("Preševo Valley", "valley")])
    text = "In the Preševo Valley and in Presevo."
    assert list(matcher.find_folded(fold(text))) == list(matcher.find(text))
    assert matcher.names == {"Presevo": "presevo", "Presevo Valley": "valley"}
