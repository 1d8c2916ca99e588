"""Dates as each language writes them, from CLDR through Babel: "5 January 2024",
"5 janar 2024", "5. јануар 2024.", and for a date known only to the month or the year
"January 2024", "2024". Machine-readable forms stay ISO (``PartialDate.iso``)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel.dates import format_date, format_skeleton

from site_builder.content.languages import LANGUAGE
from site_builder.content.model import PartialDate


@lru_cache(maxsize=16384)
def human_date(date: PartialDate, code: str) -> str:
    """``date`` in language ``code``, as precise as it is known (kept: timelines repeat dates)."""
    locale = LANGUAGE[code].locale
    day = dt.date(date.year, date.month or 1, date.day or 1)
    if date.day:
        return format_date(day, "long", locale=locale)
    return format_skeleton("yMMMM" if date.month else "y", day, locale=locale)
