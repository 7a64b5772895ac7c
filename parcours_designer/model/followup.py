"""Follow-up: planned (the saved baseline) against what is happening.

Saving a baseline copies each phase's scheduled dates into
``baseline_start``/``baseline_end`` and each cost line's amount into
``baseline_amount``. A phase is late when it should have started (or ended)
by today and has not, or when it ends later than its baseline; lateness is
judged once a baseline is saved (the follow-up has begun).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Optional

from parcours_designer.model.budget import ZERO, cost_amount
from parcours_designer.model.entities import Phase
from parcours_designer.model.enums import PhaseStatus
from parcours_designer.model.formatting import working_days_text
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.schedule import Schedule, Timing


@dataclass(frozen=True)
class BaselineEdit:
    """One item's fields to set when the baseline is saved."""

    list_name: Optional[str]  # None: the pathway itself
    item_id: Optional[str]
    values: dict[str, Any]


def baseline_edits(pathway: Pathway, schedule: Schedule, today: date) -> list[BaselineEdit]:
    """What saving the baseline today changes (the editor wraps it in one undo step)."""
    edits = [BaselineEdit(None, None, {"baseline_saved_on": today})]
    for phase in pathway.phases:
        timing = schedule.get(phase.id)
        start, end = (timing.start, timing.end) if timing else (None, None)
        if (phase.baseline_start, phase.baseline_end) != (start, end):
            edits.append(BaselineEdit("phases", phase.id, {"baseline_start": start, "baseline_end": end}))
    for cost in pathway.costs:
        if cost.baseline_amount != cost_amount(cost):
            edits.append(BaselineEdit("costs", cost.id, {"baseline_amount": cost_amount(cost)}))
    return edits


@dataclass(frozen=True)
class PhaseFollowUp:
    phase_id: str
    status: PhaseStatus
    baseline_start: Optional[date]
    baseline_end: Optional[date]
    start: Optional[date]  # actual if known, else scheduled
    end: Optional[date]
    end_variance: Optional[int]  # working days later (+) or earlier (−) than the baseline
    baseline_cost: Optional[Decimal]
    cost: Decimal
    late: bool
    reason: str


def late_reason(phase: Phase, timing: Optional[Timing], today: date, variance: Optional[int]) -> str:
    """Why a phase is late, in French (empty when it is not)."""
    if phase.status == PhaseStatus.CANCELLED or timing is None:
        return ""
    if phase.status == PhaseStatus.PLANNED and timing.start < today:
        return "aurait dû commencer"
    if phase.status == PhaseStatus.IN_PROGRESS and timing.end < today:
        return "aurait dû se terminer"
    if variance is not None and variance > 0:
        return f"finit {working_days_text(variance)} après la date de référence"
    return ""


def follow_up(pathway: Pathway, schedule: Schedule, today: date) -> list[PhaseFollowUp]:
    """Each phase: planned against current dates and costs, and whether it is late."""
    calendar = schedule.calendar
    costs: dict[Optional[str], Decimal] = defaultdict(lambda: ZERO)
    planned: dict[Optional[str], Optional[Decimal]] = {}
    for cost in pathway.costs:
        costs[cost.phase_id] += cost_amount(cost)
        if cost.baseline_amount is not None:
            planned[cost.phase_id] = (planned.get(cost.phase_id) or ZERO) + cost.baseline_amount
    following = pathway.baseline_saved_on is not None
    rows = []
    for phase in pathway.phases:
        timing = schedule.get(phase.id)
        start = timing.start if timing else None
        end = timing.end if timing else None
        variance = None
        if end and phase.baseline_end:
            variance = calendar.floor(end) - calendar.floor(phase.baseline_end)
        reason = late_reason(phase, timing, today, variance) if following else ""
        rows.append(PhaseFollowUp(phase.id, phase.status, phase.baseline_start, phase.baseline_end,
                                  start, end, variance, planned.get(phase.id), costs[phase.id],
                                  bool(reason), reason))
    return rows


def late_phases(pathway: Pathway, schedule: Schedule, today: date) -> dict[str, str]:
    """Late phase ids with why."""
    return {row.phase_id: row.reason for row in follow_up(pathway, schedule, today) if row.late}
