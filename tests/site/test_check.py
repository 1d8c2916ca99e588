"""check: every problem of every file, the same whether bodies are rendered here or in workers."""

from __future__ import annotations

import shutil
from pathlib import Path

from site_builder.site.check import check_content
from site_builder.site.config_file import markdown_extensions, read_config
from tests.support import LEFT_OUT, MINIMAL, REPO, TRANSLATED, left_out_translations, make_ctx

EXTENSIONS, OPTIONS = markdown_extensions(read_config(REPO / "mkdocs.yml"))


def test_workers_find_what_one_process_finds(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(MINIMAL, content)
    for brief in ("actors/serbia.md", "places/mitrovica.md", "pages/about.md"):
        path = content / brief
        path.write_text(path.read_text("utf-8") + "\nSee [[nowhere]].[^nosuch]\n", "utf-8")
    serial = check_content(content, make_ctx(), EXTENSIONS, OPTIONS, workers=1)
    parallel = check_content(content, make_ctx(), EXTENSIONS, OPTIONS, workers=2)
    assert parallel == serial
    assert [d.path for d in serial if "wikilink" in d.message] == [
        "content/actors/serbia.md", "content/pages/about.md", "content/places/mitrovica.md"
    ]  # fmt: skip


def test_a_front_matter_error_hides_none_of_the_bodys_problems(tmp_path: Path) -> None:
    content = Path(shutil.copytree(MINIMAL, tmp_path / "content"))
    serbia = content / "actors" / "serbia.md"
    text = serbia.read_text("utf-8").replace("type: state", "type: goverment", 1)
    serbia.write_text(text + "\n\nAlso said.[^constitutoin]\n\nUncited.\n", "utf-8")
    found = check_content(content, make_ctx(), EXTENSIONS, OPTIONS, workers=1)
    assert [(d.line, d.message.split(";")[0].split(":")[0]) for d in sorted(found)] == [
        (4, "unknown type 'goverment' (did you mean 'government'?)"),
        (16, "unknown source id 'constitutoin' in citation (did you mean 'constitution'?)"),
        (18, "this paragraph cites no source"),
    ]


def test_without_readable_sources_citations_go_unchecked_but_the_rest_is_checked(
    tmp_path: Path,
) -> None:
    content = Path(shutil.copytree(MINIMAL, tmp_path / "content"))
    serbia = content / "actors" / "serbia.md"
    text = serbia.read_text("utf-8").replace("    publisher: National Assembly of Serbia\n", "")
    serbia.write_text(text + "\n\nSee [[nowhere]].[^anything]\n", "utf-8")
    found = check_content(content, make_ctx(), EXTENSIONS, OPTIONS, workers=1)
    assert [(d.line, d.message) for d in sorted(found)] == [
        (8, "missing required key 'publisher' in 'sources[0]'"),
        (15, "unknown page 'nowhere' in wikilink"),
    ]


def test_a_listed_source_nothing_cites_is_a_warning_at_its_record(tmp_path: Path) -> None:
    content = Path(shutil.copytree(MINIMAL, tmp_path / "content"))
    serbia = content / "actors" / "serbia.md"
    lines = serbia.read_text("utf-8").splitlines(keepends=True)
    at = lines.index("sources:\n") + 1
    lines[at:at] = ["  - id: unused\n", "    title: Never cited\n", "    publisher: Nobody\n"]
    serbia.write_text("".join(lines), "utf-8")
    found = check_content(content, make_ctx(), EXTENSIONS, OPTIONS, workers=1)
    assert [(d.path, d.line, d.message, d.severity) for d in found] == [
        (
            "content/actors/serbia.md",
            at + 1,
            "source 'unused' is never cited: cite it with [^unused] or remove it",
            "warning",
        )
    ]


def test_a_refused_body_is_not_also_told_that_its_sources_are_uncited(tmp_path: Path) -> None:
    content = Path(shutil.copytree(MINIMAL, tmp_path / "content"))
    serbia = content / "actors" / "serbia.md"
    body = serbia.read_text("utf-8").split("---\n", 2)
    serbia.write_text(f"---\n{body[1]}---\nCites nothing.[^nowhere]\n", "utf-8")
    found = check_content(content, make_ctx(), EXTENSIONS, OPTIONS, workers=1)
    assert [(d.path, d.severity) for d in found] == [("content/actors/serbia.md", "error")]


def test_an_event_told_twice_is_a_warning_after_every_problem(tmp_path: Path) -> None:
    content = Path(shutil.copytree(MINIMAL, tmp_path / "content"))
    serbia = content / "actors" / "serbia.md"
    text = serbia.read_text("utf-8").replace(
        "\n---\n",
        "\ntimeline:\n  - date: 2022-11-23\n"
        "    text: Both sides agree to stop issuing and requiring new plates.\n"
        "    source: constitution\n---\n",
        1,
    )
    serbia.write_text(text, "utf-8")
    found = check_content(content, make_ctx(), EXTENSIONS, OPTIONS, workers=1)
    assert [(d.path, d.severity, d.message.split(" (")[0]) for d in found] == [
        ("content/disputes/vehicle-licence-plates.md", "warning",
         "this event looks like the one at content/actors/serbia.md:13"),
    ]  # fmt: skip


def _translation_problems(tmp_path: Path, text: str) -> list[str]:
    content = Path(shutil.copytree(TRANSLATED, tmp_path / "content"))
    (content / "places" / "presevo.sq.md").write_text(text, "utf-8")
    found = check_content(content, make_ctx(), EXTENSIONS, OPTIONS, workers=1)
    return [f"{d.line}: {d.message}" for d in sorted(found) if d.path.endswith("presevo.sq.md")]


def test_a_translations_body_is_held_to_the_english_rules(tmp_path: Path) -> None:
    """A hostile pull request may come as a translation: its body is checked like a brief's."""
    assert _translation_problems(
        tmp_path,
        "---\ntitle: Preshevë\nsummary: Komunë.\n---\n"
        "Presheva është komunë.\n\n<script>alert(1)</script>\n\n"
        '<a href="javascript:alert(1)">x</a>[^census]\n\nTekst[^nope].\n',
    ) == [
        "5: this paragraph cites no source: add a citation such as [^id], with the id of one "
        "of this brief's sources",
        "7: '<script>' elements are not allowed",
        "9: 'javascript:' URLs are not allowed",
        "11: unknown source id 'nope' in citation",
    ]


def test_a_translations_front_matter_is_held_to_the_english_rules(tmp_path: Path) -> None:
    assert _translation_problems(
        tmp_path, "---\ntitle: Preshevë <script>alert(1)</script>\nsummary: Komunë.\n---\n"
    ) == ["2: '<script>' elements are not allowed in 'title'"]


def test_a_translation_left_out_has_its_body_checked_in_the_same_run(tmp_path: Path) -> None:
    """Its front matter's problems, or its English file's absence, hide none of its body's."""
    found = check_content(left_out_translations(tmp_path), make_ctx(), EXTENSIONS, OPTIONS)
    assert [str(d) for d in sorted(found)] == (LEFT_OUT / "expected.txt").read_text(
        "utf-8"
    ).splitlines()
