"""Needs → objectives → phases: the traceability matrix and the figures at a glance.

A need no objective answers, an objective no phase serves and an objective
answering no need each show as a gap. Rows hold names, not entities, so two
computations compare equal exactly when what they show is the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Optional

from parcours_designer.model.budget import Budget, compute_budget
from parcours_designer.model.entities import Objective
from parcours_designer.model.enums import PartnerStatus, Priority
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.references import display_name


@dataclass(frozen=True)
class TraceRow:
    need: Optional[str]  # None: the objective answers no need
    objective: Optional[str]  # None: the need has no objective
    phases: tuple[str, ...]
    objective_id: Optional[str] = None
    need_id: Optional[str] = None
    need_priority: Optional[Priority] = None


def trace_rows(pathway: Pathway) -> list[TraceRow]:
    """One row per need and objective answering it; then the objectives with no need."""
    phases_by_objective: dict[str, list[str]] = {}
    for phase in pathway.phases:
        for objective_id in phase.objective_ids:
            phases_by_objective.setdefault(objective_id, []).append(display_name(phase))
    answering: dict[str, list[Objective]] = {}
    for objective in pathway.objectives:
        for need_id in objective.need_ids:
            answering.setdefault(need_id, []).append(objective)
    rows = []
    for need in pathway.needs:
        objectives = answering.get(need.id, [])
        if not objectives:
            rows.append(TraceRow(display_name(need), None, (), None, need.id, need.priority))
        for objective in objectives:
            rows.append(TraceRow(display_name(need), display_name(objective),
                                 tuple(phases_by_objective.get(objective.id, ())), objective.id, need.id,
                                 need.priority))
    for objective in pathway.objectives:
        if not objective.need_ids:
            rows.append(TraceRow(None, display_name(objective),
                                 tuple(phases_by_objective.get(objective.id, ())), objective.id))
    return rows


@dataclass(frozen=True)
class PathwayFigures:
    """What an officer wants to see at a glance."""

    needs_answered: int
    needs: int
    phases: int
    partners_committed: int
    partners: int
    total_charges: Decimal
    total_products: Decimal

    @property
    def balance(self) -> Decimal:
        return self.total_products - self.total_charges


def pathway_figures(pathway: Pathway, budget: Optional[Budget] = None) -> PathwayFigures:
    """The figures of ``pathway`` (``budget``: its budget, when the caller has computed it)."""
    answered = {need_id for objective in pathway.objectives for need_id in objective.need_ids}
    budget = budget if budget is not None else compute_budget(pathway)
    return PathwayFigures(
        needs_answered=sum(1 for need in pathway.needs if need.id in answered),
        needs=len(pathway.needs),
        phases=len(pathway.phases),
        partners_committed=sum(1 for p in pathway.partners if p.status == PartnerStatus.COMMITTED),
        partners=len(pathway.partners),
        total_charges=budget.total_charges,
        total_products=budget.total_products,
    )
