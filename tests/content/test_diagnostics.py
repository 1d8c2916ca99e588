import io
import json

from site_builder.content.diagnostics import Diagnostic, did_you_mean, print_diagnostics

PROBLEMS = [
    Diagnostic("content/b.md", 3, "second, file b"),
    Diagnostic("content/a.md", 9, "late in a"),
    Diagnostic("content/a.md", 2, "early in a: 50%, done"),
]


def test_text_is_sorted_path_line_message_with_a_count() -> None:
    out = io.StringIO()
    print_diagnostics(PROBLEMS, out)
    assert out.getvalue() == (
        "content/a.md:2: early in a: 50%, done\n"
        "content/a.md:9: late in a\n"
        "content/b.md:3: second, file b\n"
        "3 problems in 2 files\n"
    )


def test_github_annotations_escape_their_properties() -> None:
    out = io.StringIO()
    print_diagnostics(PROBLEMS[2:], out, "github")
    assert out.getvalue() == (
        "::error file=content/a.md,line=2,title=Content problem in content/a.md"
        "::early in a: 50%25, done\n"
    )


def test_json_lists_every_field() -> None:
    out = io.StringIO()
    print_diagnostics(PROBLEMS[1:2], out, "json")
    assert json.loads(out.getvalue()) == [
        {"path": "content/a.md", "line": 9, "message": "late in a", "severity": "error"}
    ]


def test_did_you_mean() -> None:
    assert did_you_mean("sumary", ["summary", "title"]) == " (did you mean 'summary'?)"
    assert did_you_mean("zzz", ["summary", "title"]) == ""


def test_invisible_characters_quoted_from_content_are_spelled_out() -> None:
    from site_builder.content.diagnostics import Diagnostic, format_diagnostic

    found = Diagnostic("content/actors/x.md", 2, "name 'Kosovo\u202e' is also a name of y")
    assert str(found) == "content/actors/x.md:2: name 'Kosovo<U+202E>' is also a name of y"
    assert format_diagnostic(found, "github").endswith(
        "::name 'Kosovo<U+202E>' is also a name of y"
    )
