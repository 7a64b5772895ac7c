"""Risk scenarios as what-ifs: a risk's delay applied to the schedule.

A scenario slides the phases its risk names by ``delay_days`` working days
(start and end), and their dependents as far as needed; pinned and finished
phases never move, so a push into them is reported as a conflict. Every
scenario is compared with the baseline: the new end, the phases moved, those
pushed past the pathway's end or into a pinned date, the extra cost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Optional

from parcours_designer.model.budget import total_charges
from parcours_designer.model.entities import Risk
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.schedule import (
    Graph,
    Schedule,
    Slot,
    compute_schedule,
    dependency_graph,
    slot_of,
)


class UnknownRisk(KeyError):
    """No risk with that id in the pathway."""


@dataclass(frozen=True)
class PhaseShift:
    """A phase the scenario moves: by how many working days, from where to where."""

    phase_id: str
    days: int
    baseline_start: date
    baseline_end: date
    start: date
    end: date


@dataclass
class ScenarioResult:
    """One scenario against the baseline."""

    risk: Risk
    baseline: Schedule
    schedule: Schedule
    shifts: list[PhaseShift] = field(default_factory=list)
    past_end: list[str] = field(default_factory=list)  # phases now ending after the pathway's end
    past_pinned: list[tuple[str, str]] = field(default_factory=list)  # (phase, pinned phase) now clashing
    extra_cost: Decimal = Decimal("0.00")
    total_cost: Decimal = Decimal("0.00")

    @property
    def end(self) -> Optional[date]:
        return self.schedule.end

    @property
    def end_shift(self) -> int:
        """Working days the last phase ends later than in the baseline."""
        if self.schedule.end is None or self.baseline.end is None:
            return 0
        calendar = self.schedule.calendar
        return calendar.floor(self.schedule.end) - calendar.floor(self.baseline.end)

    def shift_of(self, phase_id: str) -> int:
        return next((s.days for s in self.shifts if s.phase_id == phase_id), 0)


def find_risk(pathway: Pathway, risk_id: str) -> Risk:
    for risk in pathway.risks:
        if risk.id == risk_id:
            return risk
    raise UnknownRisk(risk_id)


def risk_delays(risk: Risk) -> dict[str, int]:
    """Working days of delay per phase named by the risk."""
    return {phase_id: risk.delay_days for phase_id in risk.phase_ids}


def baseline_slots(schedule: Schedule) -> dict[str, Slot]:
    calendar = schedule.calendar
    return {pid: slot_of(calendar, t.start, t.end) for pid, t in schedule.timings.items()}


def apply_risk(pathway: Pathway, risk: Risk, baseline: Schedule, *, graph: Optional[Graph] = None) -> ScenarioResult:
    """The schedule if ``risk`` happens, compared with ``baseline`` (see :func:`planning.plan_for`)."""
    graph = graph or dependency_graph(pathway.phases)
    scenario = compute_schedule(pathway, baseline.calendar, delays=risk_delays(risk),
                                bases=baseline_slots(baseline), graph=graph)
    result = ScenarioResult(risk, baseline, scenario, extra_cost=risk.extra_cost,
                            total_cost=total_charges(pathway) + risk.extra_cost)
    result.shifts = _shifts(baseline, scenario)
    result.past_end = _past_end(pathway, baseline, scenario)
    result.past_pinned = _new_conflicts(baseline, scenario)
    return result


def _shifts(baseline: Schedule, scenario: Schedule) -> list[PhaseShift]:
    calendar = scenario.calendar
    shifts = []
    for phase_id, after in scenario.timings.items():
        before = baseline.timings.get(phase_id)
        if before is None or (before.start, before.end) == (after.start, after.end):
            continue
        days = calendar.floor(after.start) - calendar.floor(before.start)
        shifts.append(PhaseShift(phase_id, days, before.start, before.end, after.start, after.end))
    return shifts


def _past_end(pathway: Pathway, baseline: Schedule, scenario: Schedule) -> list[str]:
    if pathway.end is None:
        return []
    was_past = {pid for pid, t in baseline.timings.items() if t.end > pathway.end}
    return [pid for pid, t in scenario.timings.items() if t.end > pathway.end and pid not in was_past]


def _new_conflicts(baseline: Schedule, scenario: Schedule) -> list[tuple[str, str]]:
    before = {(dep, pid) for pid, t in baseline.timings.items() for dep in t.conflicts}
    return [(dep, pid) for pid, t in scenario.timings.items() for dep in t.conflicts
            if (dep, pid) not in before]


def scenario_risks(pathway: Pathway) -> list[Risk]:
    """The risks that change something when they happen: a delay on phases, or a cost."""
    return [r for r in pathway.risks if (r.delay_days and r.phase_ids) or r.extra_cost]


def compare_scenarios(pathway: Pathway, baseline: Schedule) -> list[ScenarioResult]:
    """Every scenario of :func:`scenario_risks`, each against ``baseline``."""
    graph = dependency_graph(pathway.phases)
    return [apply_risk(pathway, risk, baseline, graph=graph) for risk in scenario_risks(pathway)]
