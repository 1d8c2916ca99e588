import pytest

from site_builder.text.folding import fold, serbian_to_cyrillic, serbian_to_latin


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Preševo", "Presevo"),
        ("Medveđa", "Medveda"),
        ("Sørensen", "Sorensen"),
        ("Łódź", "Lodz"),
        ("Kosovo’s", "Kosovo's"),
        ("Прешево", "Прешево"),
        ("Zaječar й", "Zajecar и"),
    ],
)
def test_fold_removes_marks_and_keeps_length(text: str, folded: str) -> None:
    assert fold(text) == folded
    assert len(fold(text)) == len(text)


def test_serbian_transliteration_both_ways() -> None:
    assert serbian_to_cyrillic("Preševo Ljubljana Džep") == "Прешево Љубљана Џеп"
    assert serbian_to_latin("Прешево Љубљана Џеп") == "Preševo Ljubljana Džep"
