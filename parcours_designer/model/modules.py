"""Modules (levels, axes, lots): phases grouped by their ``module``, and what each costs."""

from __future__ import annotations

from decimal import Decimal

from parcours_designer.model.budget import ZERO, cost_amount
from parcours_designer.model.entities import Phase
from parcours_designer.model.pathway import Pathway

NO_MODULE = "Sans module"
OUTSIDE_PHASES = "Hors étape"


def module_names(phases: list[Phase]) -> list[str]:
    """The modules in the order their first phase comes (``""``: phases without one)."""
    return list(dict.fromkeys(phase.module.strip() for phase in phases))


def has_modules(pathway: Pathway) -> bool:
    return any(phase.module.strip() for phase in pathway.phases)


def phases_by_module(phases: list[Phase]) -> list[tuple[str, list[Phase]]]:
    """Each module with its phases in their order; phases without a module last."""
    names = module_names(phases)
    ordered = [name for name in names if name] + ([""] if "" in names else [])
    return [(name, [p for p in phases if p.module.strip() == name]) for name in ordered]


def costs_by_module(pathway: Pathway) -> list[tuple[str, Decimal]]:
    """The charges summed per module of their phase, then those of phases without
    a module, then those attached to no phase (labels in French)."""
    module_of = {phase.id: phase.module.strip() for phase in pathway.phases}
    totals: dict[str, Decimal] = {name: ZERO for name, _ in phases_by_module(pathway.phases)}
    outside = ZERO
    for cost in pathway.costs:
        if cost.phase_id in module_of:
            totals[module_of[cost.phase_id]] += cost_amount(cost)
        else:
            outside += cost_amount(cost)
    rows = [(name or NO_MODULE, amount) for name, amount in totals.items() if name or amount]
    if outside:
        rows.append((OUTSIDE_PHASES, outside))
    return rows
