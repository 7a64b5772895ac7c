"""Providers' deliverables against the schedule: which are late, which are refused.

A deliverable is due by the end of its phase as the plan schedules it (never
the raw dates typed in the phase). It is late when it was received after that
end, or when it is still expected once that end has passed. The second needs
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
    due: Optional[date]  # the phase's scheduled end; None when the phase is not scheduled
    days_late: Optional[int]  # calendar days after ``due``; None when not late (or not judged)

    @property
    def late(self) -> bool:
        return self.days_late is not None

    @property
    def refused(self) -> bool:
        return self.deliverable.status == DeliverableStatus.REFUSED

    @property
    def still_expected(self) -> bool:
        return self.deliverable.status == DeliverableStatus.EXPECTED

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
        timing = schedule.get(phase.id)
        due = timing.end if timing else None
        awaited_by = today if following or phase.status in FOLLOWED else None
        states += [DeliverableState(phase.id, d, due, _days_late(phase, d, due, awaited_by))
                   for d in map(as_deliverable, phase.deliverables)]
    return states


def late_or_refused(pathway: Pathway, schedule: Schedule, today: Optional[date] = None) -> list[DeliverableState]:
    """The deliverables the officer has to act on or account for: late ones and refused ones."""
    return [s for s in deliverable_states(pathway, schedule, today) if s.late or s.refused]


def _days_late(phase: Phase, deliverable: Deliverable, due: Optional[date], today: Optional[date]) -> Optional[int]:
    """Days after ``due``: received then, or still awaited ``today`` (None: awaiting is not judged)."""
    if due is None or phase.status == PhaseStatus.CANCELLED:
        return None
    if deliverable.status == DeliverableStatus.EXPECTED:
        return (today - due).days if today is not None and today > due else None
    if deliverable.received_on is not None and deliverable.received_on > due:
        return (deliverable.received_on - due).days
    return None
