"""Providers' deliverables against the schedule: which are late, which are refused.

A deliverable is due by the end of its phase: once a baseline is saved, the
end the baseline kept (moving a phase later does not forgive its late
deliverable); before that, or for a phase the baseline did not date, the end
as the plan schedules it (never the raw dates typed in the phase). A phase
whose end is not known (a start without end, duration or milestone: the
check says it is undated) owes nothing yet. A deliverable with a date of
reception was received, whatever its status says (``effective_status``). It
is late when it was received after its due date, or when it is still
expected once that date has passed. The second needs
today's date and, like the follow-up of phases (``model.followup``), is judged
once the follow-up has begun: a baseline is saved or the phase is marked in
progress or done — a pathway being designed has nothing overdue. A cancelled
phase owes nothing. The follow-up view, the check and the evaluation summary
all read :func:`deliverable_states`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional

from parcours_designer.model.entities import Deliverable, Phase, as_deliverable
from parcours_designer.model.enums import DeliverableStatus, PhaseStatus
from parcours_designer.model.formatting import count_of, format_date
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.schedule import Schedule

FOLLOWED = {PhaseStatus.IN_PROGRESS, PhaseStatus.DONE}


@dataclass(frozen=True)
class DeliverableState:
    """One deliverable of one phase, with its due date and how late it is."""

    phase_id: str
    deliverable: Deliverable
    due: Optional[date]  # the phase's baseline (else scheduled) end; None when its end is not known
    days_late: Optional[int]  # calendar days after ``due``; None when not late (or not judged)

    @property
    def late(self) -> bool:
        return self.days_late is not None

    @property
    def refused(self) -> bool:
        return self.deliverable.status == DeliverableStatus.REFUSED

    @property
    def still_expected(self) -> bool:
        return self.deliverable.effective_status == DeliverableStatus.EXPECTED

    def delay_text(self) -> str:
        """« reçu 3 jours après la fin de l'étape », « attendu depuis 12 jours » (empty when not late)."""
        if self.days_late is None:
            return ""
        days = count_of(self.days_late, "jour")
        if self.still_expected:
            return f"attendu depuis {days}"
        return f"reçu {days} après la fin de l'étape"


def deliverable_states(pathway: Pathway, schedule: Schedule, today: Optional[date] = None) -> list[DeliverableState]:
    """Every deliverable of every phase, in order; ``today=None`` judges only what the file says
    (received after the end), not what is still awaited."""
    following = pathway.baseline_saved_on is not None
    states = []
    for phase in pathway.phases:
        due = due_date(phase, schedule, following)
        awaited_by = today if following or phase.status in FOLLOWED else None
        states += [DeliverableState(phase.id, d, due, _days_late(phase, d, due, awaited_by))
                   for d in map(as_deliverable, phase.deliverables)]
    return states


def due_date(phase: Phase, schedule: Schedule, following: bool) -> Optional[date]:
    """When the phase's deliverables are due: the baseline's end when ``following`` (a baseline
    is saved) and the phase has one, else the scheduled end; None when the end is not known."""
    if not end_is_known(phase):
        return None
    if following and phase.baseline_end is not None:
        return phase.baseline_end
    timing = schedule.get(phase.id)
    return timing.end if timing else None


def end_is_known(phase: Phase) -> bool:
    """Whether the phase says when it ends: an end, a duration, or a milestone (a start alone
    gives the schedule a one-day slot, not an end)."""
    return bool(phase.end or phase.actual_end or phase.duration_days is not None or phase.milestone)


def late_or_refused(pathway: Pathway, schedule: Schedule, today: Optional[date] = None) -> list[DeliverableState]:
    """The deliverables the officer has to act on or account for: late ones and refused ones."""
    return [s for s in deliverable_states(pathway, schedule, today) if s.late or s.refused]


def _days_late(phase: Phase, deliverable: Deliverable, due: Optional[date], today: Optional[date]) -> Optional[int]:
    """Days after ``due``: received then, or still awaited ``today`` (None: awaiting is not judged)."""
    if due is None or phase.status == PhaseStatus.CANCELLED:
        return None
    if deliverable.effective_status == DeliverableStatus.EXPECTED:
        return (today - due).days if today is not None and today > due else None
    if deliverable.received_on is not None and deliverable.received_on > due:
        return (deliverable.received_on - due).days
    return None
