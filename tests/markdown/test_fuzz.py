"""Fuzzing: whatever a contributor sends, ``check`` passes or prints path:line problems.

Never a traceback, never a hang, never a write outside the site folder, never a slug or URL that
escapes the content or site folder. The core runs in-process for speed (a few hundred examples
per property); a handful of examples go through the real command line and a full build.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from site_builder.content.loader import load_corpus
from site_builder.content.schema import is_slug
from site_builder.site.check import check_content
from site_builder.site.config_file import markdown_extensions, read_config
from site_builder.site.urls import page_url
from tests.support import REPO, make_ctx

EXTENSIONS, OPTIONS = markdown_extensions(read_config(REPO / "mkdocs.yml"))
CTX = make_ctx()
#: FUZZ_EXAMPLES=5000 runs a longer, randomised campaign; by default the same 250 per property.
_EXAMPLES = os.environ.get("FUZZ_EXAMPLES")
FUZZ = settings(
    max_examples=int(_EXAMPLES or 250),
    deadline=None,  # the alarm below guards against hangs; timing is not asserted
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=not _EXAMPLES,  # the same examples on every run: a failure is reproducible
)
KOSOVO = """---
title: Kosovo
summary: A state in the Western Balkans.
type: state
reviewed: 2025-06-02
sources:
  - id: constitution
    title: Constitution
    publisher: Assembly of Kosovo
---
Kosovo is a state.[^constitution]
"""
_PROBLEM = re.compile(r"content/[^\n:]+:[1-9]\d*: \S")

# Fragments that have broken parsers before: YAML syntax, Markdown, HTML, wikilinks, citations.
FRAGMENTS = [
    ": ",
    "- ",
    "---",
    "...",
    "&a",
    "*a",
    "!!str",
    "!!python/object:os.system",
    "? ",
    "|",
    ">",
    "{",
    "}",
    "[",
    "]",
    "'",
    '"',
    "#",
    "%YAML 1.1",
    "\t",
    "\n",
    "\n  ",
    "\r",
    "\ufeff",
    "\x00",
    "\x07",
    "\u202e",
    "é",
    "Ñ",
    "Косово",
    "🙂",
    "[[kosovo]]",
    "[[kosovo|Kosovo]]",
    "[[",
    "]]",
    "[[nowhere]]",
    "[[valid-looking]]",
    "[^constitution]",
    "[^nope]",
    "[^",
    "<b>",
    "</b>",
    "<script>",
    "<scr<script>",
    "<a href='javascript:x'>",
    "<img src=x onerror=y>",
    "<!--",
    "-->",
    "<![CDATA[",
    "`",
    "```",
    "~~~",
    "*",
    "_",
    "**",
    "[x](http://e.example)",
    "[x](java\tscript:y)",
    "](",
    "<http://x>",
    "&amp;",
    "&#0;",
    "&#x6a;avascript:",
    "\\",
    "    ",
    "# ",
    "| a | b |",
    "!!! note",
    "{: #id }",
    "Kosovo",
    "Kosovo's",
    "../",
    "/etc/passwd",
    "%2e%2e/",
    "title",
    "summary",
    "sources",
    "2025-02-30",
    "2025-06-02",
    "2099-01-01",
    "Q42",
    "Q0",
    "0x1F",
    "1e999",
    "null",
    "~",
    "yes",
    "no",
    ".inf",
]
KEYS = [
    "title",
    "summary",
    "type",
    "reviewed",
    "sources",
    "aliases",
    "names",
    "timeline",
    "tags",
    "related",
    "role",
    "affiliation",
    "date",
    "status",
    "parties",
    "url",
    "id",
    "positions",
    "text",
    "source",
    "involves",
    "corrections",
    "wikidata",
    "checked",
]

fragment_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=12
).map("".join)
yaml_line = st.tuples(st.sampled_from(KEYS), st.sampled_from(["", "  ", "- "]), fragment_text).map(
    lambda parts: f"{parts[1]}{parts[0]}: {parts[2]}"
)
front_matter = st.lists(yaml_line, max_size=10).map("\n".join)


@contextmanager
def hang_guard(seconds: int = 20) -> Iterator[None]:
    """Fail instead of hanging: an alarm far above any honest run, not a timing assertion."""

    def _hung(signum: int, frame: object) -> None:
        raise TimeoutError(f"check did not return within {seconds} s")

    previous = signal.signal(signal.SIGALRM, _hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def assert_check_survives(files: dict[str, bytes | str]) -> list[str]:
    """Write ``files`` beside a valid brief, check in-process, assert the contract; the problems."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        content = root / "content"
        (content / "actors").mkdir(parents=True)
        (content / "actors" / "kosovo.md").write_text(KOSOVO)
        for relative, data in files.items():
            target = content / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8", "replace"))
        before = snapshot(root)
        with hang_guard():
            diagnostics = check_content(content, CTX, EXTENSIONS, OPTIONS)
            corpus, _ = load_corpus(content)
        assert snapshot(root) == before  # check writes nothing, anywhere
        known = {"content", *(f"content/{relative}" for relative in files)}
        known |= {"content/" + relative.split("/")[0] for relative in files}
        for diagnostic in diagnostics:  # path:line of a file that exists, and a message
            assert diagnostic.path in known | {"content/actors/kosovo.md"}, diagnostic
            assert diagnostic.line >= 1 and diagnostic.message.strip(), diagnostic
        lines = [str(d) for d in diagnostics]
        for document in corpus.documents:  # nothing accepted can point outside its folders
            assert is_slug(document.slug), document.slug
            assert (content / document.src_uri).resolve().is_relative_to(content.resolve())
            url = page_url(document.src_uri)
            assert ".." not in url.split("/") and not url.startswith("/"), url
        return lines


@FUZZ
@given(front=front_matter, body=fragment_text)
def test_fuzzed_front_matter_gives_problems_not_crashes(front: str, body: str) -> None:
    """Key-shaped YAML lines with hostile values, then any body."""
    assert_check_survives({"places/fuzzed.md": f"---\n{front}\n---\n{body}\n"})


@FUZZ
@given(text=st.text(max_size=400))
def test_any_text_file_gives_problems_not_crashes(text: str) -> None:
    """Arbitrary Unicode (lone surrogates replaced), with or without a front-matter fence."""
    assert_check_survives({"actors/any.md": text, "disputes/fenced.md": f"---\n{text}"})


@FUZZ
@given(data=st.binary(max_size=300))
def test_any_bytes_give_problems_not_crashes(data: bytes) -> None:
    """Any bytes at all: binary, broken UTF-8, NUL, byte-order marks."""
    assert_check_survives({"agreements/bytes.md": b"---\n" + data})


VALID_PLACE = (
    "---\ntitle: {title}\nsummary: {summary}\ntype: city\nreviewed: 2025-06-02\n"
    "sources:\n  - id: census\n    title: Census\n    publisher: Statistical Office\n---\n"
)


@FUZZ
@given(
    title=fragment_text, summary=fragment_text, body=fragment_text, quote=st.sampled_from(["", "'"])
)
def test_fuzzed_valid_looking_brief_and_body(
    title: str, summary: str, body: str, quote: str
) -> None:
    """A brief whose schema is right but whose texts and body are hostile: bodies get rendered."""
    if quote:
        title, summary = (f"'{t.replace(chr(39), chr(39) * 2)}'" for t in (title, summary))
    text = (
        VALID_PLACE.format(title=title, summary=summary)
        + f"{body}\n\nSee [[kosovo]].[^census] {body}"
    )
    other = "---\ntitle: Other\nsummary: A page.\n---\nSee [[valid-looking]] and Kosovo.\n"
    assert_check_survives({"places/valid-looking.md": text, "pages/other.md": other})


MARKUP_TITLE = st.lists(
    st.sampled_from(
        ["Place", " ", "<b>", "</b>", "*", "_", "&", '"', "[[kosovo]]", "[[other]]",
         "[[valid-looking]]", "[[valid-looking|x]]", "[^constitution]", "[x](http://e.example)",
         "`", "<span>", "Kosovo", "Other"]
    ),
    min_size=1,
    max_size=10,
).map(lambda parts: "Place " + "".join(parts))  # fmt: skip


@FUZZ
@given(title=MARKUP_TITLE)
def test_titles_full_of_markup_render_as_text(title: str) -> None:
    """Titles that pass the schema but hold wikilinks, emphasis and tags; shown by wikilinks."""
    quoted = "'" + title.replace("'", "''") + "'"
    text = (
        VALID_PLACE.format(title=quoted, summary="A place.")
        + "See [[kosovo]] and [[other]].[^census]\n"
    )
    other = "---\ntitle: Other\nsummary: A page.\n---\nSee [[valid-looking]] and Place.\n"
    lines = assert_check_survives({"places/valid-looking.md": text, "pages/other.md": other})
    assert not any("wikilink" in line and "other.md" in line for line in lines), lines


@FUZZ
@given(name=st.one_of(st.text(max_size=20), st.sampled_from(
    ["..", ".", "-x", "x-", "a--b", "A", "index", "timeline", "a b", "a/b", "a\\b", "ä", "\u0130"]
)))  # fmt: skip
def test_no_file_name_becomes_a_slug_that_escapes(name: str) -> None:
    """Whatever the file is called, an accepted slug is a plain slug inside its folder."""
    name = name.replace("/", "_").replace("\x00", "_")
    if name in {"", ".", ".."} or len(name.encode()) > 200:
        name = f"x{name}"[:60]
    lines = assert_check_survives({f"places/{name}.md": VALID_PLACE.format(title="P", summary="S")})
    if not is_slug(name) and not name.startswith("."):
        assert lines, name


# -- a handful through the command line ------------------------------------------------------


@settings(max_examples=6, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
@given(front=front_matter, body=fragment_text)
def test_fuzzed_content_through_the_command_line(front: str, body: str) -> None:
    """check and build as a contributor runs them: exit 0/1, path:line lines, writes only site/."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        content = root / "content"
        shutil.copytree(REPO / "tests" / "fixtures" / "minimal" / "content", content)
        (content / "places" / "fuzzed.md").write_text(
            f"---\n{front}\n---\n{body}\n", encoding="utf-8", errors="replace"
        )
        before = snapshot(root)
        env = {**os.environ, "SOURCE_DATE_EPOCH": "1750000000"}
        for command in (["check"], ["build", "--site-dir", str(root / "site")]):
            result = subprocess.run(
                [sys.executable, "-m", "site_builder.cli", *command, "--content", str(content),
                 "--config", "mkdocs.yml"],
                cwd=REPO, capture_output=True, text=True, timeout=120, env=env,
            )  # fmt: skip
            assert result.returncode in (0, 1), result.stderr
            assert "Traceback" not in result.stderr
            if result.returncode == 1:
                assert _PROBLEM.search(result.stderr), result.stderr
        after = {k: v for k, v in snapshot(root).items() if not k.startswith("site/")}
        assert after == before
        assert sorted(p.name for p in root.iterdir()) in (["content"], ["content", "site"])
