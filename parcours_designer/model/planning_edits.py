"""What a gesture on the planning means for a phase's fields.

The planning view lets the officer move a bar, stretch it, or draw a
dependency; these pure functions turn each gesture into the fields to set
(the editor pushes them as one undoable command), so that the rules live
here and not in the widgets.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Optional

from parcours_designer.model.calendar import WorkCalendar
from parcours_designer.model.entities import Phase
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.schedule import Timing

STARTED = "L'étape a des dates réelles : modifiez-les dans le tableau des étapes."


def moved_fields(phase: Phase, timing: Timing, days: int) -> Optional[dict[str, Any]]:
    """The fields of ``phase`` once its bar is moved by ``days`` calendar days.

    A phase with a start and an end keeps its length; one known by its
    duration gets (or changes) its start; one with only an end moves it.
    ``None``: nothing to change (no move, or real dates already recorded).
    """
    if days == 0 or phase.actual_start or phase.actual_end:
        return None
    shift = timedelta(days=days)
    if phase.start is not None and phase.end is not None:
        return {"start": timing.start + shift, "end": timing.end + shift}
    if phase.start is None and phase.end is not None:
        return {"end": timing.end + shift}
    return {"start": timing.start + shift}


def stretched_fields(phase: Phase, timing: Timing, new_end: date,
                     calendar: WorkCalendar) -> Optional[dict[str, Any]]:
    """The fields of ``phase`` once its bar's end is dragged to ``new_end``.

    A phase known by its duration gets a new duration in working days; a
    dated one a new end (never before its start). Milestones do not stretch.
    """
    if phase.milestone or phase.actual_start or phase.actual_end:
        return None
    new_end = max(new_end, timing.start)
    if new_end == timing.end:
        return None
    if phase.duration_days is not None and phase.end is None:
        duration = max(1, calendar.count(timing.start, new_end))
        return None if duration == phase.duration_days else {"duration_days": duration}
    if phase.start is None:
        return {"start": timing.start, "end": new_end}
    return {"end": new_end}


def link_problem(pathway: Pathway, source_id: str, target_id: str) -> Optional[str]:
    """Why ``target`` cannot depend on ``source`` (French), or ``None`` when it can."""
    if source_id == target_id:
        return "Une étape ne peut pas dépendre d'elle-même."
    phases = {phase.id: phase for phase in pathway.phases}
    if source_id not in phases or target_id not in phases:
        return "Étape introuvable."
    if source_id in phases[target_id].depends_on:
        return "Cette dépendance existe déjà."
    if _reaches(phases, source_id, target_id):
        return "Cette dépendance créerait un cycle : l'étape de départ dépend déjà de l'autre."
    return None


def _reaches(phases: dict[str, Phase], start: str, wanted: str) -> bool:
    """Whether ``start`` depends, directly or not, on ``wanted``."""
    seen, stack = set(), [start]
    while stack:
        node = stack.pop()
        if node == wanted:
            return True
        if node in seen or node not in phases:
            continue
        seen.add(node)
        stack.extend(phases[node].depends_on)
    return False
