"""Problems in the content: made as data everywhere, printed in one place.

A diagnostic never stops the stage that finds it; every stage returns what it found and the
edge (command line or MkDocs plugin) decides the exit status.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Literal, TextIO

from site_builder.text.folding import is_invisible

Severity = Literal["error", "warning"]
OutputFormat = Literal["text", "github", "json"]
FORMATS: tuple[OutputFormat, ...] = ("text", "github", "json")


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {shown(self.message)}"


def shown(text: str) -> str:
    """Text as a terminal or a review page may show it: an invisible or direction-changing
    character quoted from the content is spelled out, so it cannot reorder the message."""
    if text.isascii():
        return text
    return "".join(f"<U+{ord(c):04X}>" if is_invisible(c) else c for c in text)


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A " (did you mean 'x'?)" suffix when a known word is close to a misspelt one."""
    close = difflib.get_close_matches(word, sorted(set(candidates)), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Sorted by file and line, each problem once."""
    return sorted(set(diagnostics))


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.severity == "error" for d in diagnostics)


def _github_escape(text: str, *, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def format_diagnostic(diagnostic: Diagnostic, output_format: OutputFormat = "text") -> str:
    if output_format == "github":
        file = _github_escape(diagnostic.path, property_value=True)
        title = _github_escape(f"Content problem in {diagnostic.path}", property_value=True)
        message = _github_escape(shown(diagnostic.message))
        return (
            f"::{diagnostic.severity} file={file},line={diagnostic.line},title={title}::{message}"
        )
    return str(diagnostic)


def print_diagnostics(
    diagnostics: Sequence[Diagnostic], stream: TextIO, output_format: OutputFormat = "text"
) -> None:
    """Print every diagnostic, sorted, in the chosen format, with a closing count in text form."""
    ordered = sort_diagnostics(diagnostics)
    if output_format == "json":
        json.dump([asdict(d) for d in ordered], stream, ensure_ascii=False, indent=2)
        stream.write("\n")
        return
    for diagnostic in ordered:
        stream.write(format_diagnostic(diagnostic, output_format) + "\n")
    if output_format == "text" and ordered:
        errors = sum(d.severity == "error" for d in ordered)
        counts = [plural(errors, "problem")] if errors else []
        if errors < len(ordered):
            counts.append(plural(len(ordered) - errors, "warning"))
        files = len({d.path for d in ordered})
        stream.write(f"{' and '.join(counts)} in {plural(files, 'file')}\n")


def plural(number: int, noun: str) -> str:
    """'1 problem', '2 problems': counts read as a person would write them."""
    return f"{number} {noun}{'s' if number != 1 else ''}"
