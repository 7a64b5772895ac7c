"""Everything the planning view shows, computed from the model in one go."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from PySide6.QtCore import QCoreApplication

from parcours_designer.model.followup import late_phases
from parcours_designer.model.formatting import format_date_long
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.planning import Plan
from parcours_designer.model.references import display_name
from parcours_designer.model.scenarios import ScenarioResult, UnknownRisk
from parcours_designer.model.schedule import Schedule
from parcours_designer.model.workload import STAFF, STAFF_NAME, overloaded_phases
from parcours_designer.ui.derived import DerivedState
from parcours_designer.ui.plurals import by_count


def _tr(text: str) -> str:
    return QCoreApplication.translate("planning", text)


@dataclass
class PlanningState:
    plan: Plan
    late: dict[str, str] = field(default_factory=dict)
    overloads: dict[str, list] = field(default_factory=dict)  # phase id → overloaded loads

    @property
    def baseline(self) -> Schedule:
        return self.plan.baseline

    @property
    def scenario(self) -> Optional[ScenarioResult]:
        return self.plan.scenario

    @property
    def shown(self) -> Schedule:
        return self.plan.schedule

    @property
    def overloaded_phases(self) -> set[str]:
        return set(self.overloads)


def compute_state(pathway: Pathway, derived: DerivedState, risk_id: Optional[str], today: date) -> PlanningState:
    """What the chart shows: the document's baseline plan (from its derived state) or a risk's scenario on it."""
    if risk_id:
        try:
            plan = derived.plan.under(risk_id)
            shown = plan.schedule
            return PlanningState(plan, late_phases(pathway, shown, today), overloaded_phases(pathway, shown))
        except UnknownRisk:  # the risk was just deleted: back to the baseline
            pass
    baseline = derived.plan
    return PlanningState(baseline, late_phases(pathway, baseline.schedule, today), dict(derived.overloads))


def summary_lines(pathway: Pathway, state: PlanningState) -> list[str]:
    """A first line with the end and the critical path, then one line per thing to watch."""
    shown = state.shown
    end = format_date_long(shown.end) if shown.end else _tr("non calculable")
    line = _tr("Fin de la dernière étape : {0}").format(end)
    if pathway.end:
        line += _tr(" · fin du parcours : {0}").format(format_date_long(pathway.end))
    line += " · " + shown.critical_summary()
    lines = [line]
    names = {phase.id: display_name(phase) for phase in pathway.phases}
    if state.scenario is not None:
        lines.append(_scenario_line(state.scenario, names))
    for loop in shown.cycles:
        lines.append(_tr("Cycle de dépendances ignoré : {0}").format(" → ".join(f"« {names[i]} »" for i in loop)))
    if shown.unscheduled:
        lines.append(_tr("Non planifiées : {0}").format(
            ", ".join(f"« {names[i]} » ({reason})" for i, reason in shown.unscheduled.items())))
    if state.late:
        lines.append(_tr("En retard : {0}").format(
            ", ".join(f"« {names[i]} » ({reason})" for i, reason in state.late.items())))
    workers = {load.worker for loads in state.overloads.values() for load in loads}
    if workers:
        partners = {p.id: display_name(p) for p in pathway.partners}
        lines.append(_tr("Surcharge de travail : {0}").format(
            ", ".join(f"« {STAFF_NAME if w == STAFF else partners.get(w, w)} »" for w in sorted(workers))))
    return lines


def _scenario_line(result: ScenarioResult, names: dict[str, str]) -> str:
    shift, moved = result.end_shift, len(result.shifts)
    line = _tr("Scénario « {0} » : fin décalée de {1}, {2}").format(
        display_name(result.risk),
        by_count(shift, _tr("{0} jour ouvré"), _tr("{0} jours ouvrés")).format(shift),
        by_count(moved, _tr("{0} étape déplacée"), _tr("{0} étapes déplacées")).format(moved))
    if result.past_end:
        line += _tr(", après la fin du parcours : {0}").format(", ".join(f"« {names[i]} »" for i in result.past_end))
    if result.past_pinned:
        line += _tr(", en conflit avec une date fixée : {0}").format(
            ", ".join(f"« {names[a]} » → « {names[b]} »" for a, b in result.past_pinned))
    return line
