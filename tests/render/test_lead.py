"""Which first block of a body may lead a brief's page, ahead of its key facts."""

from __future__ import annotations

import pytest

from site_builder.render.lead import split_lead


def test_a_plain_first_paragraph_leads() -> None:
    body = "\nFirst line[^a]\nsecond line.\n\n## Background\n\nMore.\n"
    assert split_lead(body) == ("First line[^a]\nsecond line.", "## Background\n\nMore.\n")


def test_a_body_of_one_paragraph_leads_whole() -> None:
    assert split_lead("Only this.[^a]\n") == ("Only this.[^a]\n", "")


@pytest.mark.parametrize(
    "body",
    [
        "## A heading\n\nText.",
        "* a list\n* of items",
        "1. numbered",
        "> a quotation",
        "| a | table |\n|---|---|",
        '!!! note "Naming"\n    Text.',
        "<div>raw</div>",
        "```\ncode\n```",
        "    indented code",
        "Setext heading\n==============",
        "Setext heading\n---",
        "[^a]: a footnote definition",
        "",
    ],
)
def test_anything_but_a_paragraph_keeps_its_place(body: str) -> None:
    assert split_lead(body) == ("", body)
