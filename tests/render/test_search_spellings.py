from site_builder.content.model import Name
from site_builder.render.search_spellings import name_key, name_keys, search_spellings
from tests.support import make_doc


def test_names_in_both_scripts_with_and_without_diacritics() -> None:
    doc = make_doc(
        "place", "presevo", "Preševo",
        aliases=("Presheva",), names=(Name("Preshevë", "sq"), Name("Preševo", "sr")),
    )  # fmt: skip
    assert search_spellings(doc) == [
        "Preševo", "Presevo", "Presheva", "Preshevë", "Presheve", "Прешево",
    ]  # fmt: skip


def test_a_cyrillic_name_is_searchable_in_latin_letters() -> None:
    doc = make_doc("actor", "office", "Office", aliases=("Канцеларија за Косово",))
    assert search_spellings(doc) == [
        "Office", "Канцеларија за Косово", "Kancelarija za Kosovo",
    ]  # fmt: skip


def test_a_name_key_reads_spellings_as_the_search_box_does() -> None:
    """Case, diacritics and spaces do not change a key; letters and scripts do. The values are
    the search box's own (theme/assets/javascripts/search.js, checked in tests/browser)."""
    assert name_key("Preševo") == name_key("presevo") == name_key("  PRESEVO ") == "zq0963325109"
    assert name_key("Petar  Petković") == name_key("petar petkovic") == "zq3884277424"
    assert name_key("Sørensen") != name_key("Sorensen")  # ø is a letter: fold() spells both
    assert name_key("Прешево") not in {name_key("Preševo"), name_key("Presheva")}


def test_every_spelling_has_its_key_each_once() -> None:
    doc = make_doc("place", "presevo", "Preševo", names=(Name("Preševo", "sr"),))
    assert name_keys(doc) == [name_key("Preševo"), name_key("Прешево")]
