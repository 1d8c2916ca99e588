"""Loading a content folder: every valid document, every problem of every file, in one run."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from site_builder.content.diagnostics import Diagnostic, sort_diagnostics
from site_builder.content.loader import MAX_FILE_BYTES, load_corpus, reload_document
from site_builder.content.model import (
    Correction,
    Name,
    PartialDate,
    Position,
    Source,
    Statement,
    TimelineEntry,
)
from tests.support import left_out_translations

FIXTURES = Path(__file__).parents[1] / "fixtures"
SOURCES = "sources:\n  - id: eeas\n    title: Dialogue\n    publisher: EEAS\n"
REVIEWED = "reviewed: 2025-06-02\n"


def actor(title: str, extra: str = "") -> str:
    return f"---\ntitle: {title}\nsummary: An actor.\ntype: state\n{REVIEWED}{SOURCES}{extra}---\n"


def place(title: str, extra: str = "") -> str:
    return f"---\ntitle: {title}\nsummary: A place.\ntype: city\n{REVIEWED}{extra}{SOURCES}---\n"


def update(title: str, extra: str = "") -> str:
    return f"---\ntitle: {title}\nsummary: News.\ndate: 2025-06-02\n{REVIEWED}{SOURCES}{extra}---\n"


def make_content(root: Path, files: dict[str, str | bytes]) -> Path:
    content = root / "content"
    content.mkdir()
    for name, text in files.items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return content


def problems(root: Path, files: dict[str, str | bytes]) -> list[str]:
    _, diagnostics = load_corpus(make_content(root, files))
    return [str(d) for d in sort_diagnostics(diagnostics)]


# -- the minimal corpus -----------------------------------------------------------------------


def test_minimal_corpus_is_valid() -> None:
    corpus, diagnostics = load_corpus(FIXTURES / "minimal" / "content")
    assert diagnostics == []
    assert [(d.src_uri, d.kind, d.slug) for d in corpus.documents] == [
        ("actors/european-union.md", "actor", "european-union"),
        ("actors/kosovo.md", "actor", "kosovo"),
        ("actors/serbia.md", "actor", "serbia"),
        ("agreements/brussels-agreement.md", "agreement", "brussels-agreement"),
        ("disputes/vehicle-licence-plates.md", "dispute", "vehicle-licence-plates"),
        ("index.md", "page", "index"),
        ("pages/about.md", "page", "about"),
        ("places/mitrovica.md", "place", "mitrovica"),
        ("places/presevo.md", "place", "presevo"),
        ("updates/plates-deal-reached.md", "update", "plates-deal-reached"),
    ]


def test_minimal_corpus_fields() -> None:
    corpus, _ = load_corpus(FIXTURES / "minimal" / "content")
    kosovo = corpus.by_slug["kosovo"]
    assert kosovo.path == "content/actors/kosovo.md"
    assert (kosovo.title, kosovo.type, kosovo.aliases) == (
        "Kosovo",
        "state",
        ("Republic of Kosovo",),
    )
    assert kosovo.reviewed == dt.date(2025, 6, 2)
    assert kosovo.sources == (
        Source(
            "constitution",
            "Constitution of the Republic of Kosovo",
            "Assembly of Kosovo",
            PartialDate(2008, 6, 15),
            "https://example.org/kosovo/constitution",
            dt.date(2025, 6, 2),
        ),
    )
    assert kosovo.body_line == 16
    assert kosovo.body.startswith("Kosovo takes part")

    dispute = corpus.by_slug["vehicle-licence-plates"]
    assert dispute.status == "partly-implemented"
    assert dispute.parties == ("kosovo", "serbia")
    assert [p.actor for p in dispute.positions] == ["kosovo", "serbia"]
    assert dispute.positions[0] == Position(
        "kosovo",
        (
            Statement(
                PartialDate(2021, 9),
                "Kosovo's government said plates issued by Kosovo must be accepted everywhere "
                "in Kosovo.",
                "reciprocity",
                12,
            ),
        ),
    )
    serbia = dispute.positions[1]
    assert [(s.date, s.source, s.line) for s in serbia.statements] == [
        (PartialDate(2021, 9), "reciprocity", 16),
        (PartialDate(2022, 11, 23), "plates-deal", 19),
    ]
    assert serbia.latest.text == "Serbia agreed to stop issuing new plates for towns in Kosovo."
    assert (dispute.agreements, dispute.places) == (
        ("brussels-agreement",),
        ("mitrovica", "presevo"),
    )
    assert dispute.timeline[1] == TimelineEntry(
        PartialDate(2022, 11, 23),
        "Both sides agree to stop issuing and requiring new plates.",
        "plates-deal",
        44,
        ("european-union",),
    )
    assert dispute.corrections == (
        Correction(
            dt.date(2025, 6, 2),
            "An earlier version gave the date of the deal as 24 November 2022; "
            "it was reached on 23 November.",
            49,
        ),
    )
    assert dispute.line_of("positions.serbia") == 15
    assert dispute.line_of("places[1]") == 26

    agreement = corpus.by_slug["brussels-agreement"]
    assert (agreement.date, agreement.status) == (PartialDate(2013, 4, 19), "partly-implemented")

    presevo = corpus.by_slug["presevo"]
    assert presevo.names == (
        Name("Preshevë", "sq"),
        Name("Preševo", "sr"),
        Name("Прешево", "sr-Cyrl"),
    )
    assert presevo.line_of("names.sr-Cyrl") == 8
    assert corpus.by_slug["european-union"].wikidata == "Q458"

    news = corpus.by_slug["plates-deal-reached"]
    assert (news.date, news.about) == (PartialDate(2022, 11, 23), ("vehicle-licence-plates",))

    home = corpus.by_slug["index"]
    assert (home.kind, home.path, home.reviewed, home.sources) == (
        "page",
        "content/index.md",
        None,
        (),
    )


def test_loading_is_deterministic() -> None:
    first = load_corpus(FIXTURES / "validation" / "content")
    second = load_corpus(FIXTURES / "validation" / "content")
    assert first == second


# -- one run, every problem -------------------------------------------------------------------


def test_every_problem_of_every_file_in_one_run() -> None:
    corpus, diagnostics = load_corpus(FIXTURES / "validation" / "content")
    assert [str(d) for d in sort_diagnostics(diagnostics)] == [
        "content/actor:1: unknown folder 'actor/' (did you mean 'actors'?): content/ holds only "
        "index.md, assets/ and the folders actors/, disputes/, agreements/, places/, updates/, "
        "pages/",
        "content/actors/Bad_Name.md:1: 'Bad_Name.md' is not a valid file name (lowercase ASCII "
        "letters, digits and single hyphens, e.g. 'bad-name.md')",
        "content/actors/kosovo.md:1: slug 'kosovo' is also used by content/updates/kosovo.md",
        "content/actors/old:1: sub-folders are not allowed in actors/: move the files of 'old/' "
        "up into actors/",
        "content/actors/photo.jpg:1: 'photo.jpg' is not a Markdown file: put images and other "
        "files in content/assets/",
        "content/actors/serbia.md:4: unknown type 'goverment' (did you mean 'government'?); use "
        "one of: person, state, government, institution, organisation, party, media",
        "content/disputes/north.md:8: unknown actor 'serbai' in 'parties' (did you mean 'serbia'?)",
        "content/disputes/north.md:9: 'kosovo' in 'places' is an actor, not a place "
        "(content/actors/kosovo.md)",
        "content/disputes/north.md:11: unknown agreement 'brussels-agreemnt' in 'agreements'",
        "content/disputes/north.md:17: unknown actor 'montenegro' in 'positions'",
        "content/disputes/north.md:21: 'north' in 'related' points at this file itself",
        "content/logo.png:1: 'logo.png' is not a Markdown file: put images and other files in "
        "content/assets/",
        "content/notes.md:1: 'notes.md' must be in one of the folders actors/, disputes/, "
        "agreements/, places/, updates/, pages/ (only index.md lives at the top of content/)",
        "content/pages/index.md:1: the slug 'index' is reserved for the home page "
        "(content/index.md); rename the file",
        "content/pages/timeline.md:1: the slug 'timeline' is reserved for a generated page; "
        "rename the file",
        "content/places/presevo.md:2: name 'Preševo' is also a name of content/places/presheva.md",
        "content/places/presheva.md:7: name 'Presevo' is also a name of content/places/presevo.md",
        "content/updates/kosovo.md:1: slug 'kosovo' is also used by content/actors/kosovo.md",
        "content/updates/talks.md:7: unknown slug 'nowhere' in 'about'",
    ]
    # Only files without problems of their own stay: a bad reference to another file is not
    # the file's own problem, but a bad name, a taken slug or a bad value is.
    assert [d.src_uri for d in corpus.documents] == [
        "disputes/north.md",
        "index.md",
        "places/presevo.md",
        "places/presheva.md",
        "updates/talks.md",
    ]


# -- files the loader refuses before parsing --------------------------------------------------


def _alias_bomb() -> str:
    levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        name, previous = chr(ord("a") + level), chr(ord("a") + level - 1)
        levels.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
    return "---\n" + "\n".join(levels) + "\n---\n"


@pytest.mark.parametrize(
    ("data", "line", "message"),
    [
        (
            b"---\ntitle: x\n---\n" + b"a" * (MAX_FILE_BYTES * 2),
            1,
            "the file is larger than 1,000,000 bytes; split it into smaller ones",
        ),
        (b"---\ntitle: x\n\0\0\0", 3, "the file is binary (it contains NUL bytes)"),
        (
            "---\ntitle: Preševo\n---\n".encode("cp1250"),
            2,
            "the file is not UTF-8 text (byte 0x9a); save it as UTF-8",
        ),
        (b"", 1, "the file is empty"),
        (b"\n  \n\n", 1, "the file is empty"),
        (b"Just a body.\n", 1, "the file has no front matter: its first line must be '---'"),
        (
            _alias_bomb().encode(),
            2,
            "YAML anchors and aliases ('&name', '*name') are not allowed; "
            "write the value out in full",
        ),
        (
            ("---\ntitle: " + "[" * 100_000 + "\n---\n").encode(),
            2,
            "values are nested more than 10 levels deep",
        ),
        (
            actor("Kosovo", "title: Kosova\n").encode(),
            10,
            "duplicate key 'title' (first set on line 2)",
        ),
    ],
)
def test_hostile_files_are_refused(tmp_path: Path, data: bytes, line: int, message: str) -> None:
    corpus, diagnostics = load_corpus(make_content(tmp_path, {"actors/kosovo.md": data}))
    assert diagnostics == [Diagnostic("content/actors/kosovo.md", line, message)]
    assert corpus.documents == ()


def test_a_byte_order_mark_and_windows_line_ends_are_fine(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + actor("Kosovo").replace("\n", "\r\n").encode()
    corpus, diagnostics = load_corpus(make_content(tmp_path, {"actors/kosovo.md": data}))
    assert diagnostics == []
    assert corpus.by_slug["kosovo"].title == "Kosovo"


def test_missing_content_folder(tmp_path: Path) -> None:
    corpus, diagnostics = load_corpus(tmp_path / "content")
    assert diagnostics == [Diagnostic("content", 1, "the content folder does not exist")]
    assert corpus.documents == ()


def test_paths_are_relative_to_the_content_folders_parent(tmp_path: Path) -> None:
    content = tmp_path / "docs" / "briefs"
    content.mkdir(parents=True)
    (content / "notes.txt").write_text("x")
    _, diagnostics = load_corpus(content)
    assert [d.path for d in diagnostics] == ["briefs/notes.txt"]


def test_hidden_files_and_editor_backups_are_ignored(tmp_path: Path) -> None:
    files = {
        "actors/kosovo.md": actor("Kosovo"),
        "actors/.kosovo.md.swp": b"\0\0",
        "actors/kosovo.md~": "old",
        ".git/config": "x",
        "assets/photos/map.png": b"\x89PNG\r\n\x1a\n\0",
    }
    assert problems(tmp_path, files) == []


# -- references between files ----------------------------------------------------------------


def test_a_reference_to_a_broken_file_is_not_reported_missing(tmp_path: Path) -> None:
    files = {
        "actors/serbia.md": actor("Serbia", "role: [x]\n"),
        "actors/negotiator.md": actor("Negotiator", "affiliation: [serbia]\n"),
    }
    assert problems(tmp_path, files) == [
        "content/actors/serbia.md:10: 'role' must be text, not a list",
    ]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            "affiliation:\n  - serbia-goverment\n",
            "content/actors/negotiator.md:11: unknown actor 'serbia-goverment' in 'affiliation' "
            "(did you mean 'serbia-government'?)",
        ),
        (
            "affiliation:\n  - mitrovica\n",
            "content/actors/negotiator.md:11: 'mitrovica' in 'affiliation' is a place, "
            "not an actor (content/places/mitrovica.md)",
        ),
        (
            "related:\n  - mitrovca\n",
            "content/actors/negotiator.md:11: unknown slug 'mitrovca' in 'related' "
            "(did you mean 'mitrovica'?)",
        ),
        (
            "related: [negotiator]\n",
            "content/actors/negotiator.md:10: 'negotiator' in 'related' points at this file itself",
        ),
    ],
)
def test_reference_problems(tmp_path: Path, extra: str, message: str) -> None:
    files = {
        "actors/serbia-government.md": actor("Government of Serbia"),
        "places/mitrovica.md": place("Mitrovica"),
        "actors/negotiator.md": actor("Negotiator", extra),
    }
    assert problems(tmp_path, files) == [message]


def test_references_of_every_kind_resolve(tmp_path: Path) -> None:
    files = {
        "actors/kosovo.md": actor("Kosovo"),
        "updates/talks.md": update(
            "Talks", "about: [kosovo, about, index]\nrelated: [mitrovica]\n"
        ),
        "places/mitrovica.md": place("Mitrovica"),
        "pages/about.md": "---\ntitle: About\nsummary: About.\n---\n",
        "index.md": "---\ntitle: Home\nsummary: Home.\n---\n",
    }
    assert problems(tmp_path, files) == []


# -- names --------------------------------------------------------------------------------------


def test_names_that_differ_only_in_diacritics_clash(tmp_path: Path) -> None:
    files = {
        "places/presevo.md": place("Preševo"),
        "places/presheva.md": place("Presheva", "aliases:\n  - Presevo\n"),
    }
    assert problems(tmp_path, files) == [
        "content/places/presevo.md:2: name 'Preševo' is also a name of content/places/presheva.md",
        "content/places/presheva.md:7: name 'Presevo' is also a name of content/places/presevo.md",
    ]


def test_a_name_claimed_by_three_briefs_names_every_other_file(tmp_path: Path) -> None:
    files = {
        "actors/eu.md": actor("EU"),
        "actors/european-union.md": actor("European Union", "aliases: [EU]\n"),
        "places/europe.md": place("Europe", "names:\n  en: EU\n"),
    }
    assert problems(tmp_path, files) == [
        "content/actors/eu.md:2: name 'EU' is also a name of content/actors/european-union.md",
        "content/actors/eu.md:2: name 'EU' is also a name of content/places/europe.md",
        "content/actors/european-union.md:10: name 'EU' is also a name of content/actors/eu.md",
        "content/actors/european-union.md:10: name 'EU' is also a name of content/places/europe.md",
        "content/places/europe.md:7: name 'EU' is also a name of content/actors/eu.md",
        "content/places/europe.md:7: name 'EU' is also a name of content/actors/european-union.md",
    ]


def test_names_that_are_not_clashes(tmp_path: Path) -> None:
    files = {
        # a name repeated within one brief
        "places/presevo.md": place("Preševo", "names:\n  sr: Preševo\n"),
        # updates and pages are not link targets: their titles may repeat a brief's name
        "updates/presevo-news.md": update("Preševo"),
        "pages/kosovo-page.md": "---\ntitle: Kosovo\nsummary: A page.\n---\n",
        "actors/kosovo.md": actor("Kosovo"),
        # names are compared as written, case included, as mentions are matched
        "actors/eu.md": actor("EU"),
        "places/eu-town.md": place("Eu"),
    }
    assert problems(tmp_path, files) == []


def test_names_in_decomposed_unicode_clash_too(tmp_path: Path) -> None:
    files = {
        "places/presevo.md": place("Preševo"),
        "places/presevo-2.md": place("Pres\u030cevo"),
    }
    assert problems(tmp_path, files) == [
        "content/places/presevo-2.md:2: name 'Preševo' is also a name of content/places/presevo.md",
        "content/places/presevo.md:2: name 'Preševo' is also a name of content/places/presevo-2.md",
    ]


def test_an_unreadable_folder_is_a_problem_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = make_content(tmp_path, {"actors/kosovo.md": actor("Kosovo")})
    iterdir = Path.iterdir

    def refuse_actors(folder: Path) -> Iterator[Path]:
        if folder.name == "actors":
            raise PermissionError(13, "Permission denied")
        return iterdir(folder)

    monkeypatch.setattr(Path, "iterdir", refuse_actors)
    _, diagnostics = load_corpus(content)
    assert [str(d) for d in diagnostics] == [
        "content/actors:1: the folder cannot be read: Permission denied"
    ]


def test_a_serbian_name_clashes_across_scripts(tmp_path: Path) -> None:
    """ "Прешево" in one brief and "Preševo" (Serbian) in another are the same name to readers."""
    places = tmp_path / "content" / "places"
    places.mkdir(parents=True)
    for slug, name in (("latin", "sr: Preševo"), ("cyrillic", "sr-Cyrl: Прешево")):
        (places / f"{slug}.md").write_text(
            f"---\ntitle: Place {slug}\nsummary: A place.\ntype: city\nnames:\n  {name}\n"
            f"reviewed: 2025-06-02\n{SOURCES}---\nBody.[^eeas]\n",
            encoding="utf-8",
        )
    _, diagnostics = load_corpus(tmp_path / "content")
    assert [str(d) for d in diagnostics] == [
        "content/places/cyrillic.md:6: name 'Прешево' is also a name of content/places/latin.md",
        "content/places/latin.md:6: name 'Прешево' is also a name of content/places/cyrillic.md",
    ]


@pytest.mark.parametrize(
    "content", [FIXTURES / "validation" / "content", FIXTURES.parent.parent / "content"]
)
def test_loading_in_workers_gives_what_loading_here_gives(content: Path) -> None:
    """Forked workers read and check the files: same documents, same problems, same order."""
    assert load_corpus(content, workers=2) == load_corpus(content, workers=1)


class _Memo(dict):  # type: ignore[type-arg]
    """A live preview's memo, as the loader sees it."""

    def get(self, key):  # type: ignore[no-untyped-def, override]
        return super().get(key)

    def put(self, key, value):  # type: ignore[no-untyped-def]
        self[key] = value
        return value


def test_a_memo_reuses_the_files_that_did_not_change_and_checks_the_folder_again(
    tmp_path: Path,
) -> None:
    """A rebuild reads every file, checks only those whose bytes changed, and runs the rules
    of the whole folder again: a name that a changed file now shares is reported."""
    files = {"places/presevo.md": place("Preševo"), "places/medveda.md": place("Medveđa")}
    content = make_content(tmp_path, files)
    memo = _Memo()
    first, problems_first = load_corpus(content, memo=memo)
    assert problems_first == [] and len(memo) == 2
    (content / "places" / "medveda.md").write_text(place("Medveđa", "aliases: [Presevo]\n"))
    second, found = load_corpus(content, memo=memo)
    assert second.by_slug["presevo"] is first.by_slug["presevo"]  # kept as it was
    assert [d.message for d in found] == [
        "name 'Presevo' is also a name of content/places/presevo.md",
        "name 'Preševo' is also a name of content/places/medveda.md",
    ]
    assert (second, found) == load_corpus(content)


def test_a_translation_left_out_stands_in_as_its_page_in_its_languages_site(
    tmp_path: Path,
) -> None:
    """With the English file's sources where they are known, so its citations are checked."""
    corpus, _ = load_corpus(left_out_translations(tmp_path))
    stand_ins = {
        s.document.src_uri: (s.document.path, s.document.language, s.document.body_line,
                             [source.id for source in s.document.sources], s.sources_known)
        for s in corpus.stand_ins
    }  # fmt: skip
    assert stand_ins == {
        "sq/places/presevo.md": ("content/places/presevo.sq.md", "sq", 6, ["census"], True),
        "sr/actors/serbia.md": ("content/actors/serbia.sr.md", "sr", 5, ["constitution"], True),
        "sq/disputes/vehicle-licence-plates.md": (
            "content/disputes/vehicle-licence-plates.sq.md", "sq", 16,
            ["plates-deal", "reciprocity"], True,
        ),
        "sq/places/nowhere.md": ("content/places/nowhere.sq.md", "sq", 5, [], False),
    }  # fmt: skip
    assert not {("sq", "presevo"), ("sr", "serbia"), ("sq", "vehicle-licence-plates")} & set(
        corpus.translations
    )


class _Memo(dict):  # type: ignore[type-arg]
    def put(self, key: str, value: object) -> object:
        self[key] = value
        return value


def test_a_document_read_again_alone(tmp_path: Path) -> None:
    """A live preview's body edit: the file read and checked on its own, and kept by its bytes;
    None where the file is no English document, or has a problem of its own."""
    content = tmp_path / "content"
    (content / "actors").mkdir(parents=True)
    kosovo = content / "actors" / "kosovo.md"
    kosovo.write_text(actor("Kosovo") + "Kosovo is a state.[^eeas]\n", encoding="utf-8")
    memo = _Memo()
    doc = reload_document(content, "actors/kosovo.md", memo)
    assert doc is not None
    assert (doc.slug, doc.path, doc.body, doc.body_line) == (
        "kosovo", "content/actors/kosovo.md", "Kosovo is a state.[^eeas]\n", 11,
    )  # fmt: skip
    assert doc.version and len(memo) == 1
    assert reload_document(content, "actors/kosovo.md", memo) == doc and len(memo) == 1
    (content / "actors" / "kosovo.sq.md").write_text("---\ntitle: Kosova\n---\n", "utf-8")
    assert reload_document(content, "actors/kosovo.sq.md", memo) is None
    assert reload_document(content, "index.md", memo) is None
    assert reload_document(content, "actors/missing.md", memo) is None
    kosovo.write_text(actor("Kosovo").replace("state", "stat") + "Kosovo.\n", encoding="utf-8")
    assert reload_document(content, "actors/kosovo.md", memo) is None
