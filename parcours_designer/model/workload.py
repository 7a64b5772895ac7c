"""Workload: days of work per partner (and the pathway's own staff) per week or month.

Days come from cost lines counted in days (``jour``, ``journée``,
``demi-journée``…). A line tied to a phase is spread evenly over the working
days of the phase as scheduled; a line tied to no phase over the pathway's
window. Lines of partners that do not work in person (venues, funders,
local authorities) are left out; day lines tied to no partner are the staff
of the structure carrying the pathway (``STAFF``).

A period is overloaded when it holds more days than it has working days, or,
for a month, more than the partner's ``capacity_days_per_month``.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction
from typing import Mapping, Optional

from parcours_designer.model.calendar import WorkCalendar, month_starts, week_starts
from parcours_designer.model.entities import Cost
from parcours_designer.model.enums import LABELS, Labelled, PartnerKind
from parcours_designer.model.formatting import MONTHS, format_date_medium
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.schedule import Schedule

STAFF = ""
STAFF_NAME = "Équipe de la structure porteuse"
DAY_UNITS: dict[str, Fraction] = {
    **{unit: Fraction(1) for unit in (
        "jour", "jours", "j", "journée", "journées", "jour/homme", "jours/homme", "j/h", "jh",
        "homme-jour", "hommes-jours", "jour-homme", "jours-hommes",
    )},
    **{unit: Fraction(1, 2) for unit in ("demi-journée", "demi-journées", "1/2 journée", "½ journée")},
}
NOT_IN_PERSON = {PartnerKind.VENUE, PartnerKind.FUNDER, PartnerKind.LOCAL_AUTHORITY}


class Granularity(Labelled):
    WEEK = "week"
    MONTH = "month"


LABELS[Granularity] = {"week": "Par semaine", "month": "Par mois"}


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive
    working_days: int
    granularity: Granularity

    @property
    def label(self) -> str:
        if self.granularity is Granularity.MONTH:
            return f"{MONTHS[self.start.month - 1]} {self.start.year}"
        return f"semaine du {format_date_medium(self.start)}"


@dataclass(frozen=True)
class Load:
    """The days one worker has in one period, against what the period allows."""

    worker: str  # a partner id, or STAFF
    period: Period
    days: Fraction
    capacity: Optional[Fraction] = None  # the partner's monthly capacity (months only)

    @property
    def limit(self) -> Fraction:
        limit = Fraction(self.period.working_days)
        return min(limit, self.capacity) if self.capacity is not None else limit

    @property
    def overloaded(self) -> bool:
        return self.days > self.limit


@dataclass
class Workload:
    granularity: Granularity
    loads: dict[str, list[Load]] = field(default_factory=dict)  # worker → loads, in time order
    unplaced: list[str] = field(default_factory=list)  # cost ids whose phase has no dates

    def overloads(self) -> list[Load]:
        return [load for loads in self.loads.values() for load in loads if load.overloaded]

    def total(self, worker: str) -> Fraction:
        return sum((load.days for load in self.loads.get(worker, [])), Fraction(0))


def cost_days(cost: Cost) -> Optional[Fraction]:
    """The days of work of a cost line, or ``None`` when its unit is not a day."""
    factor = DAY_UNITS.get(cost.unit.strip().lower())
    if factor is None:
        return None
    return Fraction(cost.quantity) * factor


def _worker(pathway: Pathway, cost: Cost, kinds: dict[str, PartnerKind]) -> Optional[str]:
    if cost.partner_id is None:
        return STAFF
    if kinds.get(cost.partner_id) in NOT_IN_PERSON:
        return None
    return cost.partner_id


def compute_workload(pathway: Pathway, schedule: Schedule,
                     granularity: Granularity = Granularity.MONTH) -> Workload:
    """Days per worker per period, from the day lines of the budget."""
    calendar = schedule.calendar
    kinds = {partner.id: partner.kind for partner in pathway.partners}
    window = _window(pathway, schedule)
    spans = []
    result = Workload(granularity)
    for cost in pathway.costs:
        days, worker = cost_days(cost), _worker(pathway, cost, kinds)
        if not days or worker is None:
            continue
        span = _span(cost, schedule, window)
        if span is None:
            result.unplaced.append(cost.id)
            continue
        spans.append((worker, days, span))
    if not spans:
        return result
    first = min(span[0] for _, _, span in spans)
    last = max(span[1] for _, _, span in spans)
    periods = _periods(calendar, granularity, first, last)
    totals: dict[str, list[Fraction]] = {}
    for worker, days, (start, end) in spans:
        row = totals.setdefault(worker, [Fraction(0)] * len(periods))
        _spread(calendar, periods, row, days, start, end)
    capacities = {p.id: p.capacity_days_per_month for p in pathway.partners}
    for worker, row in totals.items():
        capacity = capacities.get(worker) if granularity is Granularity.MONTH else None
        cap = Fraction(capacity) if capacity is not None else None
        result.loads[worker] = [Load(worker, period, days, cap) for period, days in zip(periods, row) if days]
    return result


def _window(pathway: Pathway, schedule: Schedule) -> Optional[tuple[date, date]]:
    start = pathway.start or schedule.start
    end = pathway.end or schedule.end
    return (start, end) if start and end and start <= end else None


def _span(cost: Cost, schedule: Schedule, window: Optional[tuple[date, date]]) -> Optional[tuple[date, date]]:
    if cost.phase_id is None:
        return window
    timing = schedule.get(cost.phase_id)
    return (timing.start, timing.end) if timing else None


def _periods(calendar: WorkCalendar, granularity: Granularity, first: date, last: date) -> list[Period]:
    if granularity is Granularity.MONTH:
        starts = month_starts(first, last)
        ends = [s - timedelta(days=1) for s in starts[1:]] + [_month_end(starts[-1])]
    else:
        starts = week_starts(first, last)
        ends = [s + timedelta(days=6) for s in starts]
    return [Period(s, e, calendar.count(s, e), granularity) for s, e in zip(starts, ends)]


def _month_end(first: date) -> date:
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return following - timedelta(days=1)


def _spread(calendar: WorkCalendar, periods: list[Period], row: list[Fraction],
            days: Fraction, start: date, end: date) -> None:
    """Add ``days`` to ``row``, pro rata of the working days of [start, end] in each period."""
    first = bisect_right([period.end for period in periods], start - timedelta(days=1))
    total = calendar.count(start, end)
    for index in range(first, len(periods)):
        period = periods[index]
        if period.start > end:
            break
        if total == 0:
            row[index] += days
            return
        if period.start <= start and end <= period.end:
            row[index] += days
            return
        inside = calendar.count(max(start, period.start), min(end, period.end))
        row[index] += days * inside / total


def workloads(pathway: Pathway, schedule: Schedule) -> dict[Granularity, Workload]:
    """The workload at every granularity: what the check and the planning view read."""
    return {granularity: compute_workload(pathway, schedule, granularity) for granularity in Granularity}


def overloaded_phases(pathway: Pathway, schedule: Schedule,
                      computed: Optional[Mapping[Granularity, Workload]] = None) -> dict[str, list[Load]]:
    """Phases of an overloaded worker that fall in one of its overloaded periods, with those loads.

    ``computed`` reuses the :func:`workloads` of ``schedule`` when the caller has them.
    """
    found: dict[str, list[Load]] = {}
    computed = computed if computed is not None else workloads(pathway, schedule)
    loads = [load for granularity in Granularity for load in computed[granularity].overloads()]
    if not loads:
        return found
    worked_on: dict[str, set[str]] = {}
    for phase in pathway.phases:
        for partner_id in phase.partner_ids:
            worked_on.setdefault(partner_id, set()).add(phase.id)
    for cost in pathway.costs:
        if cost.phase_id is not None and cost_days(cost):
            worked_on.setdefault(cost.partner_id or STAFF, set()).add(cost.phase_id)
    for load in loads:
        for phase_id in worked_on.get(load.worker, ()):
            timing = schedule.get(phase_id)
            if timing and timing.start <= load.period.end and timing.end >= load.period.start:
                found.setdefault(phase_id, []).append(load)
    return found
