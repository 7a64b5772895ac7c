"""The date of a response, read from the export's date column.

ISO (``2027-06-12 10:04:05``, LimeSurvey, Framaforms), French
(``12/06/2027 10:04:05``, Google Forms and Excel in French) or American
month-first (``6/12/2027 10:04:05``, English Google and Microsoft Forms):
the whole column decides between day-first and month-first.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Iterable, Optional

_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_SLASHED = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})(?!\d)")
ENGLISH_HEADERS = {"timestamp", "start time", "completion time"}


def month_first(cells: Iterable[str], header: str = "") -> bool:
    """Whether slashed dates of this column put the month first."""
    firsts, seconds = [], []
    for cell in cells:
        found = _SLASHED.match(cell.strip())
        if found:
            firsts.append(int(found.group(1)))
            seconds.append(int(found.group(2)))
    if any(value > 12 for value in firsts):
        return False
    if any(value > 12 for value in seconds):
        return True
    return header.strip().casefold() in ENGLISH_HEADERS


def parse_date(cell: str, month_first_order: bool = False) -> Optional[date]:
    """The day written at the start of ``cell`` (time of day ignored), or ``None``."""
    text = cell.strip()
    found = _ISO.match(text)
    try:
        if found:
            return date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
        found = _SLASHED.match(text)
        if found:
            first, second, year = (int(part) for part in found.groups())
            year += 2000 if year < 100 else 0
            month, day = (first, second) if month_first_order else (second, first)
            return date(year, month, day)
    except ValueError:
        return None
    return None
