"""How a Gantt chart is cut into pages: its time scale, its columns of time and its rows.

The scale follows the span: days up to six weeks, weeks up to seven months,
months up to two and a half years, quarters beyond; every tick is labelled,
under a second tier (months over days and weeks, years over months and
quarters). A chart too wide for a page continues on the next pages across
(cut at a tick), a chart too tall on the next pages down; a page whose rows
have nothing in its period is left out, so every phase is printed once per
row slice and no page is blank.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from parcours_designer.model.gantt_layout import GanttBar, GanttLayout

MONTH_ABBR = ("janv.", "févr.", "mars", "avr.", "mai", "juin",
              "juil.", "août", "sept.", "oct.", "nov.", "déc.")
DAY, WEEK, MONTH, QUARTER = "day", "week", "month", "quarter"
# The narrowest a unit may be and keep its label readable (points per day).
POINTS_PER_DAY = {DAY: 14.0, WEEK: 30 / 7, MONTH: 34 / 30.44, QUARTER: 40 / 91.3}
UNIT_LABELS = {DAY: "jours", WEEK: "semaines", MONTH: "mois", QUARTER: "trimestres"}


@dataclass(frozen=True)
class Tick:
    """One unit of the time scale: its first and last day (inclusive) and its label."""

    start: date
    end: date
    label: str


def choose_unit(first: date, last: date) -> str:
    days = (last - first).days + 1
    if days <= 45:
        return DAY
    if days <= 215:
        return WEEK
    if days <= 920:
        return MONTH
    return QUARTER


def _unit_start(day: date, unit: str) -> date:
    if unit == DAY:
        return day
    if unit == WEEK:
        return day - timedelta(days=day.weekday())
    if unit == MONTH:
        return day.replace(day=1)
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def _next_start(start: date, unit: str) -> date:
    if unit == DAY:
        return start + timedelta(days=1)
    if unit == WEEK:
        return start + timedelta(days=7)
    months = 1 if unit == MONTH else 3
    index = start.month - 1 + months
    return date(start.year + index // 12, index % 12 + 1, 1)


def _label(start: date, unit: str) -> str:
    if unit == DAY:
        return str(start.day)
    if unit == WEEK:
        return f"{start.day:02d}/{start.month:02d}"
    if unit == MONTH:
        return MONTH_ABBR[start.month - 1]
    return f"T{(start.month - 1) // 3 + 1}"


def ticks(first: date, last: date, unit: str) -> list[Tick]:
    """The units covering ``first`` to ``last`` (whole units: the first may start before ``first``)."""
    result, start = [], _unit_start(first, unit)
    while start <= last:
        following = _next_start(start, unit)
        result.append(Tick(start, following - timedelta(days=1), _label(start, unit)))
        start = following
    return result


def upper_ticks(first: date, last: date, unit: str) -> list[Tick]:
    """The second tier: months (« mars 2027 ») over days and weeks, years over months and quarters."""
    if unit in (DAY, WEEK):
        result, start = [], first.replace(day=1)
        while start <= last:
            following = _next_start(start, MONTH)
            result.append(Tick(start, following - timedelta(days=1), f"{MONTH_ABBR[start.month - 1]} {start.year}"))
            start = following
        return result
    return [Tick(date(y, 1, 1), date(y, 12, 31), str(y)) for y in range(first.year, last.year + 1)]


@dataclass(frozen=True)
class Tile:
    """One page of the chart: rows ``first_row`` to ``last_row`` over the days ``start`` to ``end``."""

    first_row: int
    last_row: int
    start: date
    end: date


def points_per_day(scale: list[Tick], width: float, unit: str) -> float:
    """The unit's narrowest width, widened so that a chart narrower than a page fills it."""
    days = (scale[-1].end - scale[0].start).days + 1 if scale else 1
    return max(POINTS_PER_DAY[unit], width / days)


def time_slices(scale: list[Tick], width: float, points_per_day: float) -> list[tuple[date, date]]:
    """Periods of whole ticks each fitting ``width`` points (one tick at least)."""
    slices: list[tuple[date, date]] = []
    current: list[Tick] = []
    for tick in scale:
        days = sum((t.end - t.start).days + 1 for t in current) + (tick.end - tick.start).days + 1
        if current and days * points_per_day > width:
            slices.append((current[0].start, current[-1].end))
            current = []
        current.append(tick)
    if current:
        slices.append((current[0].start, current[-1].end))
    return slices


def tiles(layout: GanttLayout, rows_per_page: int, slices: list[tuple[date, date]]) -> list[Tile]:
    """Every page, down then across, without those whose rows have nothing in their period."""
    by_row: dict[int, list[GanttBar]] = {}
    for bar in layout.bars:
        by_row.setdefault(bar.row, []).append(bar)
    total = max(layout.row_count, 1)
    result = []
    for first in range(0, total, rows_per_page):
        last = min(first + rows_per_page, total) - 1
        row_tiles = [Tile(first, last, start, end) for start, end in slices]
        bars = [bar for row in range(first, last + 1) for bar in by_row.get(row, ())]
        kept = [t for t in row_tiles if any(_touches(bar, t) for bar in bars)]
        result += kept or row_tiles[:1]
    return result


def _touches(bar: GanttBar, tile: Tile) -> bool:
    """A bar (or its baseline) falls in the tile's period; a slack alone does not make a page."""
    first = min(d for d in (bar.start, bar.baseline_start) if d)
    last = max(d for d in (bar.end, bar.baseline_end) if d)
    return first <= tile.end and last >= tile.start
