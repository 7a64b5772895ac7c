"""The one planning pipeline: schedule, scenario and Gantt rows, computed together.

Every consumer of dates goes through :func:`plan_for`: the Planning page,
every export (Gantt, plan, evaluation, calendar, MS Project) and the check.
So a phase known only by a start and a duration has the same dates — and
the same bar — everywhere, and a scenario document is the scenario from its
cover to its last table.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from datetime import date
from decimal import Decimal
from typing import Optional

from parcours_designer.model.calendar import WorkCalendar
from parcours_designer.model.entities import Cost, Risk
from parcours_designer.model.gantt_layout import GanttLayout, GroupBy, compute_layout
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.references import display_name
from parcours_designer.model.scenarios import ScenarioResult, apply_risk, find_risk
from parcours_designer.model.schedule import Schedule, Timing, compute_schedule

NOT_PLANNED = "non planifiée"


@dataclass(frozen=True, eq=False)
class Plan:
    """The computed calendar of a pathway, optionally under one risk's scenario.

    ``schedule`` is what every document shows: the scenario's schedule when a
    scenario is applied, else the baseline. ``layout`` holds the Gantt rows of
    that schedule (bars against the baseline's when a scenario is applied); it
    is laid out on first use (the check and the overview never need it), so
    read it before changing the pathway.
    """

    pathway: Pathway
    baseline: Schedule
    scenario: Optional[ScenarioResult]
    group_by: GroupBy = GroupBy.NONE

    @cached_property
    def layout(self) -> GanttLayout:
        if self.scenario is None:
            return compute_layout(self.pathway, self.group_by, self.baseline)
        return compute_layout(self.pathway, self.group_by, self.scenario.schedule, self.baseline,
                              display_name(self.scenario.risk))

    @property
    def schedule(self) -> Schedule:
        return self.scenario.schedule if self.scenario is not None else self.baseline

    @property
    def risk(self) -> Optional[Risk]:
        return self.scenario.risk if self.scenario is not None else None

    @property
    def cycles(self) -> tuple[tuple[str, ...], ...]:
        """Dependency cycles (their links are ignored by the schedule)."""
        return tuple(tuple(loop) for loop in self.schedule.cycles)

    @property
    def extra_cost(self) -> Decimal:
        """What the scenario's risk adds to the charges (zero without a scenario)."""
        return self.scenario.extra_cost if self.scenario is not None else Decimal("0.00")

    def timing(self, phase_id: str) -> Optional[Timing]:
        return self.schedule.get(phase_id)

    def dates(self, phase_id: str) -> Optional[tuple[date, date]]:
        """First and last day (inclusive) of a scheduled phase, or ``None``."""
        timing = self.schedule.get(phase_id)
        return (timing.start, timing.end) if timing is not None else None

    def reason(self, phase_id: str) -> Optional[str]:
        """Why the phase has no dates (French), or ``None`` when it is scheduled."""
        if phase_id in self.schedule.timings:
            return None
        return self.schedule.unscheduled.get(phase_id, NOT_PLANNED)

    def is_dated(self, phase_id: str) -> bool:
        return phase_id in self.schedule.timings

    def under(self, scenario_id: str) -> Plan:
        """The same baseline under the scenario of the risk ``scenario_id`` (``UnknownRisk`` for a bad id):
        a caller that keeps the baseline plan (the editor, once per change) never schedules it twice."""
        risk = find_risk(self.pathway, scenario_id)
        return Plan(self.pathway, self.baseline, apply_risk(self.pathway, risk, self.baseline), self.group_by)


def plan_for(pathway: Pathway, scenario_id: Optional[str] = None, *, group_by: GroupBy = GroupBy.NONE,
             calendar: Optional[WorkCalendar] = None) -> Plan:
    """The plan of ``pathway``; with ``scenario_id``, under that risk's scenario.

    Raises :class:`~parcours_designer.model.scenarios.UnknownRisk` for an id
    that names no risk of the pathway.
    """
    baseline = Plan(pathway, compute_schedule(pathway, calendar), None, group_by)
    return baseline if scenario_id is None else baseline.under(scenario_id)


SCENARIO_ACCOUNT = "67"  # charges exceptionnelles


def with_scenario_cost(pathway: Pathway, plan: Plan) -> Pathway:
    """The pathway whose budget a scenario document shows: the risk's extra cost
    added as one charge line (the pathway itself is left untouched)."""
    if plan.scenario is None or not plan.extra_cost:
        return pathway
    risk = plan.scenario.risk
    extra = Cost(id=f"{risk.id}-surcout", label=f"Surcoût du scénario « {display_name(risk)} »",
                 account=SCENARIO_ACCOUNT, unit_cost=plan.extra_cost)
    return pathway.model_copy(update={"costs": [*pathway.costs, extra]})
