"""Dates in each language's words (CLDR, through Babel), machine-readable dates in ISO."""

from __future__ import annotations

import datetime as dt

import pytest
from babel.dates import format_date, format_skeleton

from site_builder.content.model import PartialDate
from site_builder.render.dates import human_date
from site_builder.render.view import time_tag
from site_builder.text.folding import serbian_to_latin

ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
EVERY_PRECISION = [
    PartialDate(year, month, day)
    for year in (987, 2013, 2024)
    for month in range(13)
    for day in ((0,) if not month else (0, 1, 9, 28))
]


@pytest.mark.parametrize(
    ("code", "day", "month", "year"),
    [
        ("en", "5 January 2024", "March 2024", "2024"),
        ("sq", "5 janar 2024", "mars 2024", "2024"),
        ("sr", "5. јануар 2024.", "март 2024.", "2024."),
        ("sr-latn", "5. januar 2024.", "mart 2024.", "2024."),
    ],
)
def test_a_date_as_each_language_writes_it(code: str, day: str, month: str, year: str) -> None:
    assert human_date(PartialDate(2024, 1, 5), code) == day
    assert human_date(PartialDate(2024, 3), code) == month
    assert human_date(PartialDate(2024), code) == year


def test_english_dates_are_as_they_always_were() -> None:
    """Day, month name, year; the month and year; the year: as the site wrote them by hand."""
    for date in EVERY_PRECISION:
        if not date.month:
            written = str(date.year)
        elif not date.day:
            written = f"{ENGLISH_MONTHS[date.month - 1]} {date.year}"
        else:
            written = f"{date.day} {ENGLISH_MONTHS[date.month - 1]} {date.year}"
        assert human_date(date, "en") == written


def test_month_names_of_albanian_and_serbian() -> None:
    months = [PartialDate(2024, m, 1) for m in range(1, 13)]
    assert [human_date(d, "sq").split()[1] for d in months] == [
        "janar", "shkurt", "mars", "prill", "maj", "qershor",
        "korrik", "gusht", "shtator", "tetor", "nëntor", "dhjetor",
    ]  # fmt: skip
    assert [human_date(d, "sr").split()[1] for d in months] == [
        "јануар", "фебруар", "март", "април", "мај", "јун",
        "јул", "август", "септембар", "октобар", "новембар", "децембар",
    ]  # fmt: skip


def test_serbian_latin_is_the_cyrillic_transliterated_and_cldrs_own() -> None:
    """The Latin site is derived from the Cyrillic; for dates that gives what CLDR has."""
    for date in EVERY_PRECISION:
        latin = human_date(date, "sr-latn")
        assert latin == serbian_to_latin(human_date(date, "sr"))
        day = dt.date(date.year, date.month or 1, date.day or 1)
        if date.day:
            assert latin == format_date(day, "long", locale="sr_Latn")
        else:
            skeleton = "yMMMM" if date.month else "y"
            assert latin == format_skeleton(skeleton, day, locale="sr_Latn")


def test_a_time_element_keeps_the_iso_date() -> None:
    tags = [
        time_tag(PartialDate(2021, 9, 20), "sr"),
        time_tag(dt.date(2025, 6, 2), "sq"),
        time_tag(PartialDate(2021, 9), "en"),
    ]
    assert tags == [
        '<time datetime="2021-09-20">20. септембар 2021.</time>',
        '<time datetime="2025-06-02">2 qershor 2025</time>',
        '<time datetime="2021-09">September 2021</time>',
    ]
