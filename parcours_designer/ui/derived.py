"""The derived state of a document: check, budget, réalisé, schedule and workload, once per change.

One :class:`DerivedStateService` per document waits until the user pauses
(one debounce timer, :data:`DEBOUNCE_MS`), then calls the model's functions
once and publishes an immutable :class:`DerivedState` with ``updated``. The
pages that show figures (the overview, the budget page, the planning page)
and the check dock subscribe to it; none runs its own timer or computes its
own copy. A view that must follow an edit at once (the planning chart after
a drag) asks :meth:`DerivedStateService.refresh_now`, which computes only if
the published state is older than the document.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Mapping, Optional

from PySide6.QtCore import QObject, QTimer, Signal

from parcours_designer.ui.document import Change, Document

if TYPE_CHECKING:  # the model is imported once the window shows (see ui/app.py)
    from parcours_designer.model.budget import Budget
    from parcours_designer.model.calendar import WorkCalendar
    from parcours_designer.model.check import CheckResult
    from parcours_designer.model.framework import Framework
    from parcours_designer.model.frameworks import FrameworkCatalog
    from parcours_designer.model.planning import Plan
    from parcours_designer.model.realised import Realised
    from parcours_designer.model.schedule import Schedule
    from parcours_designer.model.traceability import PathwayFigures
    from parcours_designer.model.workload import Granularity, Load, Workload

DEBOUNCE_MS = 250


@dataclass(frozen=True)
class DerivedState:
    """Everything computed from one revision of the pathway. Read it, never change it."""

    revision: int  # the document's revision it was computed from
    today: date  # the day it judged what is late (the Suivi tab reads it: one « today » with the check)
    check: "CheckResult"
    budget: "Budget"
    figures: "PathwayFigures"
    plan: "Plan"  # the baseline (no risk scenario): plan.under(risk_id) for a scenario
    workloads: Mapping["Granularity", "Workload"]
    overloads: Mapping[str, list["Load"]]  # phase id → the overloaded loads it falls in
    realised: "Realised"  # forecast against actual, by line and group of accounts

    @property
    def schedule(self) -> "Schedule":
        return self.plan.schedule


class DerivedStateService(QObject):
    """Keeps :attr:`current` up to date with the document; ``updated`` tells the subscribers."""

    updated = Signal(object)  # DerivedState

    def __init__(self, document: Document, catalog: Optional["FrameworkCatalog"] = None,
                 parent: Optional[QObject] = None):
        super().__init__(parent)
        self.document = document
        self._catalog = catalog
        self.current: Optional[DerivedState] = None
        # The day of the check and of the Suivi tab; None: the real today (tests and screenshots set one).
        self.today: Optional[date] = None
        self.computations = 0  # how many states were computed (tests and benchmarks read it)
        self.last_duration = 0.0  # seconds the last computation took
        self._calendar: Optional["WorkCalendar"] = None
        self._calendar_key: Optional[tuple] = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh_now)
        document.changed.connect(self._document_changed)

    # --- the framework the check uses ----------------------------------------------
    @property
    def catalog(self) -> "FrameworkCatalog":
        if self._catalog is None:
            from parcours_designer.model.frameworks import load_catalog
            from parcours_designer.paths import framework_folders

            self._catalog = load_catalog(framework_folders())
        return self._catalog

    def loaded_catalog(self) -> Optional["FrameworkCatalog"]:
        """The catalog if it was loaded already (it is, with the first state), without loading it."""
        return self._catalog

    def framework(self) -> "Framework":
        """The pathway's framework, or the default one when it is not known here."""
        return self.catalog.get(self.document.pathway.framework) or self.catalog.default()

    def framework_is_known(self) -> bool:
        return self.catalog.get(self.document.pathway.framework) is not None

    def calendar(self) -> "WorkCalendar":
        """The working calendar of the pathway, rebuilt only when its closures change."""
        from parcours_designer.model.calendar import WorkCalendar

        pathway = self.document.pathway
        key = tuple((closure.start, closure.end) for closure in pathway.closures)
        if self._calendar is None or key != self._calendar_key:
            self._calendar = WorkCalendar.for_pathway(pathway)
            self._calendar_key = key
        return self._calendar

    # --- refreshing -----------------------------------------------------------------
    def _document_changed(self, _change: Change) -> None:
        self.refresh_later()

    def refresh_later(self) -> None:
        """(Re)start the debounce: compute once the user has paused for :data:`DEBOUNCE_MS`."""
        self.timer.start()

    def day(self) -> date:
        """The day lateness is judged as of: the one set, else the real today (it changes at midnight)."""
        return self.today or date.today()

    def is_stale(self) -> bool:
        """Whether the published state is older than the document, or was judged another day."""
        current = self.current
        return current is None or current.revision != self.document.revision or current.today != self.day()

    def refresh_now(self) -> DerivedState:
        """The state of the document as it is now: computed and published if it was stale."""
        self.timer.stop()
        current = self.current
        if self.is_stale():
            started = time.perf_counter()
            current = self.current = self._compute()
            self.computations += 1
            self.last_duration = time.perf_counter() - started
            self.updated.emit(current)
        return current

    def _compute(self) -> DerivedState:
        from parcours_designer.model.budget import compute_budget
        from parcours_designer.model.check import run_check
        from parcours_designer.model.check.context import Context
        from parcours_designer.model.planning import plan_for
        from parcours_designer.model.realised import compute_realised
        from parcours_designer.model.traceability import pathway_figures
        from parcours_designer.model.workload import overloaded_phases, workloads

        pathway, today = self.document.pathway, self.day()
        budget = compute_budget(pathway)
        plan = plan_for(pathway, calendar=self.calendar())
        schedule = plan.schedule
        loads = workloads(pathway, schedule)
        context = Context.knowing(pathway, budget=budget, plan=plan, workloads=loads,
                                  today=today)
        return DerivedState(
            revision=self.document.revision,
            today=today,
            check=run_check(pathway, self.framework(), context),
            budget=budget,
            figures=pathway_figures(pathway, budget),
            plan=plan,
            workloads=loads,
            overloads=overloaded_phases(pathway, schedule, loads),
            realised=compute_realised(pathway),
        )


def derived_state(document: Document, catalog: Optional["FrameworkCatalog"] = None) -> DerivedStateService:
    """The one derived state of ``document``, made on first request (the window passes its catalog)."""
    found = document.findChild(DerivedStateService)
    if found is None:
        found = DerivedStateService(document, catalog, parent=document)
    return found
