"""The working calendar: Monday to Friday, French public holidays, closures.

Working days are numbered: :meth:`WorkCalendar.floor` and
:meth:`WorkCalendar.ceil` give the number of the working day on or before /
on or after a date, :meth:`WorkCalendar.day` the date of a number. Numbers
are consistent for the life of a calendar (negative before its first year),
so the scheduler computes with integers and never walks day by day. Years
are built lazily, once each.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from parcours_designer.model.pathway import Pathway


@lru_cache(maxsize=64)
def french_holidays(year: int) -> dict[date, str]:
    """The French public holidays of ``year`` (metropolitan France), in French."""
    found = _france_calendar()(years=year, language="fr")
    return dict(sorted(found.items()))


@lru_cache(maxsize=1)
def _france_calendar() -> type:
    """The ``France`` class of the ``holidays`` package, loaded alone.

    ``holidays.country_holidays("FR")`` imports the package's ~280 countries
    (a third of a second, the first time a schedule is computed); the French
    module only needs the package's base classes. Should the package change
    its layout, the registry is used.
    """
    import importlib.util

    import holidays

    source = Path(holidays.__file__).parent / "countries" / "france.py"
    spec = importlib.util.spec_from_file_location("holidays.countries.france", source)
    if spec is None or spec.loader is None or not source.is_file():
        return holidays.country_holidays("FR").__class__
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    found: type = module.France
    return found


class WorkCalendar:
    """Working days: not a weekend, not a public holiday, not in a closure."""

    def __init__(self, closures: Iterable[tuple[date, date]] = (), origin_year: int = 2027):
        self.closures: tuple[tuple[date, date], ...] = tuple(
            (start, end) for start, end in closures if start <= end
        )
        self._closed: set[date] = set()
        for start, end in self.closures:
            self._closed.update(start + timedelta(days=n) for n in range((end - start).days + 1))
        # Flat tables from 1 January of the first year built: ``_cumulative[k]`` working
        # days among its first k days; ``_days`` the working days; ``_base`` the number
        # of ``_days[0]`` (the first working day of ``origin_year`` is number 0).
        self._first = self._last = origin_year
        self._ordinal = date(origin_year, 1, 1).toordinal()
        self._cumulative = [0]
        self._days: list[date] = []
        self._base = 0
        self._append_year(origin_year)

    @classmethod
    def for_pathway(cls, pathway: Pathway) -> "WorkCalendar":
        """The calendar of a pathway: its closures, centred on its dates."""
        known = [d for d in (pathway.start, pathway.end) if d is not None]
        known += [p.start for p in pathway.phases if p.start is not None]
        origin = min(known).year if known else 2000
        return cls(((c.start, c.end) for c in pathway.closures), origin)

    # --- what a day is -------------------------------------------------------
    def holiday(self, day: date) -> Optional[str]:
        """The name of the public holiday on ``day``, if any."""
        return french_holidays(day.year).get(day)

    def closure(self, day: date) -> bool:
        return day in self._closed

    def is_working(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self._closed and day not in french_holidays(day.year)

    # --- numbering -----------------------------------------------------------
    def floor(self, day: date) -> int:
        """Number of the last working day on or before ``day``."""
        k = day.toordinal() - self._ordinal
        if k < 0 or k + 1 >= len(self._cumulative):
            self._cover(day.year)
            k = day.toordinal() - self._ordinal
        return self._base + self._cumulative[k + 1] - 1

    def ceil(self, day: date) -> int:
        """Number of the first working day on or after ``day``."""
        k = day.toordinal() - self._ordinal
        if k < 0 or k + 1 >= len(self._cumulative):
            self._cover(day.year)
            k = day.toordinal() - self._ordinal
        return self._base + self._cumulative[k]

    def day(self, number: int) -> date:
        """The working day numbered ``number``."""
        index = number - self._base
        while index < 0:
            self._cover(self._first - 1)
            index = number - self._base
        while index >= len(self._days):
            self._cover(self._last + 1)
        return self._days[index]

    def count(self, start: date, end: date) -> int:
        """Working days from ``start`` to ``end``, both included (0 if none)."""
        return max(0, self.floor(end) - self.ceil(start) + 1)

    def slide(self, day: date, working_days: int) -> date:
        """``day`` moved by ``working_days`` working days (forward or back).

        Sliding by 1 gives the next working day after ``day``; by -1 the
        working day before it; by 0, ``day`` itself.
        """
        if working_days == 0:
            return day
        if working_days > 0:
            return self.day(self.floor(day) + working_days)
        return self.day(self.ceil(day) + working_days)

    def working_days(self, start: date, end: date) -> list[date]:
        """Every working day from ``start`` to ``end``, in order."""
        first, last = self.ceil(start), self.floor(end)
        return [self.day(n) for n in range(first, last + 1)]

    def non_working(self, start: date, end: date) -> list[tuple[date, str]]:
        """Days off from ``start`` to ``end`` with why: « week-end », a holiday, « fermeture »."""
        days = []
        for n in range((end - start).days + 1):
            day = start + timedelta(days=n)
            reason = self.reason_off(day)
            if reason:
                days.append((day, reason))
        return days

    def reason_off(self, day: date) -> str:
        """Why ``day`` is not worked (empty when it is)."""
        holiday = self.holiday(day)
        if holiday:
            return holiday
        if day in self._closed:
            return "fermeture"
        if day.weekday() >= 5:
            return "week-end"
        return ""

    # --- years ---------------------------------------------------------------
    def _cover(self, year: int) -> None:
        """Build the tables up to ``year`` (forward: appended; backward: rebuilt)."""
        while self._last < year:
            self._last += 1
            self._append_year(self._last)
        if self._first > year:
            head_days: list[date] = []
            head_cumulative = [0]
            day, stop = date(year, 1, 1), date(self._first, 1, 1)
            while day < stop:
                if self.is_working(day):
                    head_days.append(day)
                head_cumulative.append(len(head_days))
                day += timedelta(days=1)
            count = len(head_days)
            self._cumulative = head_cumulative + [c + count for c in self._cumulative[1:]]
            self._days = head_days + self._days
            self._base -= count
            self._first = year
            self._ordinal = date(year, 1, 1).toordinal()

    def _append_year(self, year: int) -> None:
        day = date(year, 1, 1)
        count = self._cumulative[-1]
        while day.year == year:
            if self.is_working(day):
                self._days.append(day)
                count += 1
            self._cumulative.append(count)
            day += timedelta(days=1)


def month_starts(start: date, end: date) -> list[date]:
    """The first day of every month from ``start``'s to ``end``'s."""
    months = []
    current = date(start.year, start.month, 1)
    while current <= end:
        months.append(current)
        current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
    return months


def week_starts(start: date, end: date) -> list[date]:
    """The Monday of every week from ``start``'s to ``end``'s."""
    monday = start - timedelta(days=start.weekday())
    return [monday + timedelta(weeks=n) for n in range((end - monday).days // 7 + 1)]
