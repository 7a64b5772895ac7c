"""Modules (levels, axes, lots): phases grouped by their ``module``, and what each costs."""

from __future__ import annotations

from decimal import Decimal

from parcours_designer.model.budget import IN_KIND_CHARGES, ZERO, account_group, cost_amount
from parcours_designer.model.entities import Phase
from parcours_designer.model.pathway import Pathway

NO_MODULE = "Sans module"
OUTSIDE_PHASES = "Hors étape"
IN_KIND = "Contributions volontaires en nature"


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
    """The money spent per module of its phase, then by phases without a module, then
    attached to no phase; the contributions in kind (accounts 86) last, on their own line
    whatever their phase, since no money is spent on them (labels in French)."""
    module_of = {phase.id: phase.module.strip() for phase in pathway.phases}
    totals: dict[str, Decimal] = {name: ZERO for name, _ in phases_by_module(pathway.phases)}
    outside = in_kind = ZERO
    for cost in pathway.costs:
        if account_group(cost.account) == IN_KIND_CHARGES:
            in_kind += cost_amount(cost)
        elif cost.phase_id in module_of:
            totals[module_of[cost.phase_id]] += cost_amount(cost)
        else:
            outside += cost_amount(cost)
    rows = [(name or NO_MODULE, amount) for name, amount in totals.items() if name or amount]
    rows += [(label, amount) for label, amount in ((OUTSIDE_PHASES, outside), (IN_KIND, in_kind)) if amount]
    return rows
