"""Indexes computed once per check, so every rule stays linear."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Mapping, Optional

from parcours_designer.model.budget import Budget, compute_budget
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.schedule import Schedule, compute_schedule
from parcours_designer.model.workload import Granularity, Workload, workloads


@dataclass
class Context:
    pathway: Pathway

    @classmethod
    def knowing(cls, pathway: Pathway, *, budget: Optional[Budget] = None, schedule: Optional[Schedule] = None,
                workloads: Optional[Mapping[Granularity, Workload]] = None) -> "Context":
        """A context that reuses what the caller already computed for ``pathway`` (the editor's
        derived state computes the budget, the schedule and the workload once per change)."""
        context = cls(pathway)
        for name, value in (("budget", budget), ("schedule", schedule), ("workloads", workloads)):
            if value is not None:
                context.__dict__[name] = value  # where ``cached_property`` keeps its value
        return context

    @cached_property
    def phases_by_id(self) -> dict:
        return {phase.id: phase for phase in self.pathway.phases}

    @cached_property
    def partners_by_id(self) -> dict:
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
    def schedule(self) -> Schedule:
        return compute_schedule(self.pathway)

    @cached_property
    def workloads(self) -> Mapping[Granularity, Workload]:
        return workloads(self.pathway, self.schedule)

    @cached_property
    def phase_dates(self) -> dict[str, tuple[date, date]]:
        """Each placed phase's dates: its own when it has both, else the scheduled ones."""
        dates: dict[str, tuple[date, date]] = {}
        for phase in self.pathway.phases:
            if phase.start is not None and phase.end is not None:
                dates[phase.id] = (phase.start, phase.end)
            elif phase.duration_days is not None:
                timing = self.schedule.get(phase.id)
                if timing is not None:
                    dates[phase.id] = (timing.start, timing.end)
        return dates
