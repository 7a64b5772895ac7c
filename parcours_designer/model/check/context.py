"""Indexes computed once per check, so every rule stays linear."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Mapping, Optional

from parcours_designer.model.budget import Budget, compute_budget
from parcours_designer.model.entities import Partner, Phase
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.planning import Plan, plan_for
from parcours_designer.model.schedule import Schedule
from parcours_designer.model.workload import Granularity, Workload, workloads


@dataclass
class Context:
    pathway: Pathway
    # The day the check is made: what is still awaited past its date (deliverables) is judged
    # only when it is given (the editor and the command line give it; a check of the file alone
    # does not, so the same file always gets the same findings).
    today: Optional[date] = None

    @classmethod
    def knowing(cls, pathway: Pathway, *, budget: Optional[Budget] = None, plan: Optional[Plan] = None,
                workloads: Optional[Mapping[Granularity, Workload]] = None,
                today: Optional[date] = None) -> "Context":
        """A context that reuses what the caller already computed for ``pathway`` (the editor's
        derived state computes the budget, the plan and the workload once per change)."""
        context = cls(pathway, today)
        for name, value in (("budget", budget), ("plan", plan), ("workloads", workloads)):
            if value is not None:
                context.__dict__[name] = value  # where ``cached_property`` keeps its value
        return context

    @cached_property
    def phases_by_id(self) -> dict[str, Phase]:
        return {phase.id: phase for phase in self.pathway.phases}

    @cached_property
    def partners_by_id(self) -> dict[str, Partner]:
        return {partner.id: partner for partner in self.pathway.partners}

    @cached_property
    def answered_need_ids(self) -> set[str]:
        return {need_id for o in self.pathway.objectives for need_id in o.need_ids}

    @cached_property
    def served_objective_ids(self) -> set[str]:
        return {oid for phase in self.pathway.phases for oid in phase.objective_ids}

    @cached_property
    def measured_objective_ids(self) -> set[str]:
        return {oid for ind in self.pathway.indicators for oid in ind.objective_ids}

    @cached_property
    def partner_ids_in_phases(self) -> set[str]:
        return {pid for phase in self.pathway.phases for pid in phase.partner_ids}

    @cached_property
    def partner_ids_with_costs(self) -> set[str]:
        return {c.partner_id for c in self.pathway.costs if c.partner_id is not None}

    @cached_property
    def budget(self) -> Budget:
        return compute_budget(self.pathway)

    @cached_property
    def plan(self) -> Plan:
        """The baseline plan, the one every document shows."""
        return plan_for(self.pathway)

    @property
    def schedule(self) -> Schedule:
        return self.plan.schedule

    @cached_property
    def workloads(self) -> Mapping[Granularity, Workload]:
        return workloads(self.pathway, self.schedule)

    @cached_property
    def phase_dates(self) -> dict[str, tuple[date, date]]:
        """Each scheduled phase's dates: those of the plan, the dates every document shows."""
        return {pid: (t.start, t.end) for pid, t in self.schedule.timings.items()}
