"""What a cahier des charges says: the phases a consultation buys and what they serve.

From a consultation and its pathway: the phases bought with their computed
dates, the objectives those phases serve, the needs those objectives answer
and the audiences those needs concern. The PDF (``export/specifications_pdf``)
lays this out for the providers consulted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional

from parcours_designer.model.consultations import Consultation
from parcours_designer.model.entities import Audience, Need, Objective, Phase
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.schedule import Schedule, compute_schedule


@dataclass(frozen=True)
class BoughtPhase:
    """A phase bought, with the dates of the computed schedule (its own dates when unscheduled)."""

    phase: Phase
    start: Optional[date]
    end: Optional[date]


@dataclass(frozen=True)
class Specification:
    consultation: Consultation
    phases: tuple[BoughtPhase, ...]
    objectives: tuple[Objective, ...]
    needs: tuple[Need, ...]
    audiences: tuple[Audience, ...]

    def phases_serving(self, objective_id: str) -> list[Phase]:
        return [bought.phase for bought in self.phases if objective_id in bought.phase.objective_ids]


def chosen_consultations(pathway: Pathway, consultation_id: Optional[str]) -> list[Consultation]:
    """The consultation named, or every consultation of the pathway when none is."""
    return [c for c in pathway.consultations if consultation_id in (None, c.id)]


def specification(pathway: Pathway, consultation: Consultation,
                  schedule: Optional[Schedule] = None) -> Specification:
    schedule = schedule or compute_schedule(pathway)
    phases = pathway.index("phases")
    bought = tuple(_dated(phases[i], schedule) for i in consultation.phase_ids if i in phases)
    served = {i for b in bought for i in b.phase.objective_ids}
    objectives = tuple(o for o in pathway.objectives if o.id in served)
    answered = {i for o in objectives for i in o.need_ids}
    needs = tuple(n for n in pathway.needs if n.id in answered)
    concerned = {i for n in needs for i in n.audience_ids}
    audiences = tuple(a for a in pathway.audiences if a.id in concerned) or tuple(pathway.audiences)
    return Specification(consultation, bought, objectives, needs, audiences)


def _dated(phase: Phase, schedule: Schedule) -> BoughtPhase:
    timing = schedule.get(phase.id)
    if timing is None:
        return BoughtPhase(phase, phase.start, phase.end)
    return BoughtPhase(phase, timing.start, timing.end)
