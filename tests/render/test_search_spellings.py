from site_builder.content.model import Name
from site_builder.render.search_spellings import search_spellings
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
