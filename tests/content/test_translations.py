"""Translation files: what they may hold, and how they must agree with their English files."""

from __future__ import annotations

import shutil
from pathlib import Path

from site_builder.content.loader import load_corpus
from tests.support import TRANSLATED, translated_corpus


def _problems(tmp_path: Path, files: dict[str, str]) -> list[str]:
    content = tmp_path / "content"
    shutil.copytree(TRANSLATED, content)
    for name, text in files.items():
        (content / name).write_text(text, encoding="utf-8")
    _, problems = load_corpus(content)
    return [f"{d.path}:{d.line}: {d.message}" for d in problems]


def test_the_fixtures_translations_load_with_their_texts_matched_by_position() -> None:
    corpus = translated_corpus()
    plates = corpus.translations[("sq", "vehicle-licence-plates")]
    assert plates.title == "Targat e automjeteve"
    assert plates.positions["serbia"][1].startswith("Serbia pranoi")
    assert len(plates.timeline) == 2
    assert corpus.translations[("sr", "serbia")].reviewed is not None
    assert corpus.translations[("sq", "serbia")].reviewed is None


def test_keys_of_the_english_file_and_unknown_keys_are_refused(tmp_path: Path) -> None:
    text = (
        "---\ntitle: Serbia\nsummary: Shtet.\nsources: []\ntranslation:\n  of: abc\n  by: me\n---\n"
    )
    assert _problems(tmp_path, {"actors/serbia.sq.md": text}) == [
        "content/actors/serbia.sq.md:4: 'sources' comes from the English file: a translation "
        "holds only title, summary, aliases and translation",
        "content/actors/serbia.sq.md:6: 'translation.of' is written by 'site-builder "
        "translations --stamp FILE', not by hand: remove it and run that command",
        "content/actors/serbia.sq.md:7: unknown key 'by' in 'translation'",
    ]


def test_statement_and_timeline_counts_must_agree_with_the_english(tmp_path: Path) -> None:
    text = (
        "---\ntitle: Targat\nsummary: Targat.\ntranslation:\n  positions:\n    serbia:\n"
        "      - Vetëm një.\n    albania:\n      - Jo.\n  timeline:\n    - Një.\n---\n"
    )
    english = "content/disputes/vehicle-licence-plates.md"
    assert _problems(tmp_path, {"disputes/vehicle-licence-plates.sq.md": text}) == [
        "content/disputes/vehicle-licence-plates.sq.md:6: 'translation.positions.serbia' has 1 "
        f"text, but {english} has 2: translate each entry, in the same order",
        "content/disputes/vehicle-licence-plates.sq.md:8: "
        f"'albania' has no statements in {english}",
        "content/disputes/vehicle-licence-plates.sq.md:10: 'translation.timeline' has 1 text, "
        f"but {english} has 2: translate each entry, in the same order",
    ]


def test_a_statement_copied_whole_says_what_a_translation_holds(tmp_path: Path) -> None:
    text = (
        "---\ntitle: Targat\nsummary: Targat.\ntranslation:\n  timeline:\n"
        "    - {date: 2021, text: Një., source: plates-deal}\n    - Dy.\n---\n"
    )
    assert _problems(tmp_path, {"disputes/vehicle-licence-plates.sq.md": text}) == [
        "content/disputes/vehicle-licence-plates.sq.md:6: 'translation.timeline[0]' must be the "
        "translated text alone, not a mapping: the date and source come from the English file"
    ]


def test_latin_serbian_orphans_and_missing_titles(tmp_path: Path) -> None:
    assert _problems(
        tmp_path,
        {
            "actors/serbia.sr-latn.md": "---\ntitle: Srbija\nsummary: Država.\n---\n",
            "actors/albania.sq.md": "---\ntitle: Shqipëria\nsummary: Shtet.\n---\n",
            "actors/kosovo.sr.md": "---\nsummary: Држава.\n---\n",
        },
    ) == [
        "content/actors/serbia.sr-latn.md:1: 'serbia.sr-latn.md' is derived by the build from "
        "the Cyrillic translation 'serbia.sr.md': write that file instead",
        "content/actors/kosovo.sr.md:1: missing required key 'title'",
        "content/actors/albania.sq.md:1: this translates 'albania.md', which does not exist",
    ]


def test_a_translations_name_may_not_be_another_briefs(tmp_path: Path) -> None:
    text = "---\ntitle: Kosova\nsummary: Shtet.\n---\n"
    assert _problems(tmp_path, {"actors/serbia.sq.md": text}) == [
        "content/actors/kosovo.sq.md:2: name 'Kosova' is also a name of "
        "content/actors/serbia.sq.md",
        "content/actors/serbia.sq.md:2: name 'Kosova' is also a name of "
        "content/actors/kosovo.sq.md",
    ]


def test_a_translation_sits_beside_its_english_file(tmp_path: Path) -> None:
    """The English file of places/kosovo.sq.md is places/kosovo.md, not actors/kosovo.md."""
    text = "---\ntitle: Kosova\nsummary: Shtet.\n---\n"
    assert _problems(tmp_path, {"places/kosovo.sq.md": text}) == [
        "content/places/kosovo.sq.md:1: this translates 'kosovo.md', which does not exist",
    ]
