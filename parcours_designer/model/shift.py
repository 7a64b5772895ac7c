"""Moving a whole pathway in time (a template reused for another year)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any, Optional

from parcours_designer.model.pathway import Pathway


def reference_start(pathway: Pathway) -> Optional[date]:
    """The pathway's start, or else its earliest phase start."""
    if pathway.start is not None:
        return pathway.start
    starts = [phase.start for phase in pathway.phases if phase.start is not None]
    return min(starts) if starts else None


def shift_to_start(pathway: Pathway, start: date) -> Pathway:
    """A copy whose window starts on ``start``; every other date moves by whole
    weeks (at least as far), so each step keeps its weekday and stays inside."""
    reference = reference_start(pathway)
    if reference is None:
        return pathway.model_copy(update={"start": start}, deep=True)
    weeks = -((reference - start).days // 7)  # ceiling of (start - reference) / 7
    shifted = shift_dates(pathway, timedelta(weeks=weeks))
    shifted.start = start
    if shifted.end is not None and shifted.end < start:
        shifted.end = start
    return shifted


def shift_dates(pathway: Pathway, delta: timedelta) -> Pathway:
    """A copy with every date of the pathway moved by ``delta``."""
    data = pathway.model_dump(mode="python")
    return Pathway.model_validate(_moved(data, delta))


def _moved(value: Any, delta: timedelta) -> Any:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value + delta
    if isinstance(value, dict):
        return {key: _moved(item, delta) for key, item in value.items()}
    if isinstance(value, list):
        return [_moved(item, delta) for item in value]
    return value
