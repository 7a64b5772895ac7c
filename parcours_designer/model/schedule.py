"""Scheduling in working days: forward pass, rétroplanning, slack, critical path.

A phase keeps its own dates (``start``/``end``, or a ``start`` and a
``duration_days``), or, with only a duration, is placed as early as its
dependencies allow (finish-to-start, plus ``lag_days`` working days). A
dated phase that would start before a dependency ends slides later by as
many working days as needed; a ``pinned`` phase never moves (the conflict
is reported instead). Latest dates are computed backwards from the
pathway's end (or the end of the last phase) and from pinned phases, which
gives each phase its slack; a phase is critical exactly when it has no slack
(zero or negative: any delay pushes the pathway past its end, or it is late
already). A pathway whose end leaves a margin after its last phase therefore
has no critical phase: :meth:`Schedule.least_slack` says how much margin. Dependency cycles are
reported and their links ignored: nothing ever loops.

Everything is computed on working-day numbers of a :class:`WorkCalendar`,
in one topological order: linear in phases and dependencies.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, Mapping, Optional

from parcours_designer.model.calendar import WorkCalendar
from parcours_designer.model.formatting import count_of, working_days_text
from parcours_designer.model.entities import Phase
from parcours_designer.model.enums import PhaseStatus
from parcours_designer.model.graph import strongly_connected
from parcours_designer.model.pathway import Pathway


@dataclass(frozen=True)
class Slot:
    """Where a phase lies: dates (``end`` inclusive) and working-day numbers."""

    start: date
    end: date
    first: int  # first working day on or after start
    last: int  # last working day on or before end


@dataclass(frozen=True)
class Timing:
    """A scheduled phase: its dates, its latest dates, its slack (working days)."""

    phase_id: str
    start: date
    end: date
    latest_start: date
    latest_end: date
    slack: int
    critical: bool
    pushed: int = 0  # working days it slid later than its own dates
    conflicts: tuple[str, ...] = ()  # dependencies a pinned phase starts too early for

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.phase_id,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "latest_start": self.latest_start.isoformat(),
            "latest_end": self.latest_end.isoformat(),
            "slack_days": self.slack,
            "critical": self.critical,
        }


@dataclass
class Schedule:
    """The schedule of every phase that can be placed, in the pathway's order."""

    calendar: WorkCalendar
    timings: dict[str, Timing] = field(default_factory=dict)
    unscheduled: dict[str, str] = field(default_factory=dict)  # phase id → French reason
    cycles: list[list[str]] = field(default_factory=list)
    deadline: Optional[date] = None  # the date latest dates are computed from
    order: list[str] = field(default_factory=list)  # every phase id, pathway order

    @property
    def end(self) -> Optional[date]:
        """The end of the last scheduled phase."""
        return max((t.end for t in self.timings.values()), default=None)

    @property
    def start(self) -> Optional[date]:
        return min((t.start for t in self.timings.values()), default=None)

    def critical_path(self) -> list[str]:
        """The critical phases (no slack), in date order."""
        critical = [t for t in self.timings.values() if t.critical]
        return [t.phase_id for t in sorted(critical, key=lambda t: (t.start, t.end))]

    def least_slack(self) -> Optional[int]:
        """The smallest slack of the scheduled phases (working days), ``None`` if none is scheduled."""
        return min((t.slack for t in self.timings.values()), default=None)

    def critical_summary(self) -> str:
        """« chemin critique : 3 étapes sans marge », or the margin left when no phase is critical (French)."""
        critical = len(self.critical_path())
        if critical:
            return f"chemin critique : {count_of(critical, 'étape')} sans marge"
        least = self.least_slack()
        if least is None:
            return "chemin critique : aucune étape planifiée"
        return f"aucune étape critique (marge minimale : {working_days_text(least)})"

    def get(self, phase_id: str) -> Optional[Timing]:
        return self.timings.get(phase_id)

    def to_json(self) -> dict[str, Any]:
        """The ``schedule --json`` object of the command line contract."""
        phases = []
        for phase_id in self.order:
            timing = self.timings.get(phase_id)
            if timing is not None:
                phases.append(timing.to_json())
            else:
                phases.append({"id": phase_id, "start": None, "end": None, "latest_start": None,
                               "latest_end": None, "slack_days": None, "critical": False})
        end = self.end
        return {"end": end.isoformat() if end else None, "phases": phases}


@dataclass(frozen=True)
class Graph:
    """Dependencies without their cycles, in one topological order."""

    order: tuple[str, ...]
    predecessors: Mapping[str, tuple[str, ...]]
    successors: Mapping[str, tuple[str, ...]]
    cycles: tuple[tuple[str, ...], ...]


def dependency_graph(phases: list[Phase]) -> Graph:
    """Topological order of the phases (file order among equals), cycles cut.

    Remembered for the last few sets of links: re-scheduling after a change of
    dates or durations (the common edit) reuses the order.
    """
    return _graph_of(tuple((phase.id, tuple(phase.depends_on)) for phase in phases))


@lru_cache(maxsize=8)
def _graph_of(links: tuple[tuple[str, tuple[str, ...]], ...]) -> Graph:
    ids = [phase_id for phase_id, _deps in links]
    known = set(ids)
    edges = {phase_id: [d for d in dict.fromkeys(deps) if d in known] for phase_id, deps in links}
    component_of: dict[str, int] = {}
    loops = []
    for number, component in enumerate(strongly_connected(ids, edges)):
        for node in component:
            component_of[node] = number
        if len(component) > 1 or component[0] in edges[component[0]]:
            loops.append(tuple(component))
    looping = {node for loop in loops for node in loop}
    predecessors = {
        node: tuple(d for d in deps if not (node in looping and component_of[d] == component_of[node]))
        for node, deps in edges.items()
    }
    successors: dict[str, list[str]] = {node: [] for node in ids}
    for node in ids:
        for dep in predecessors[node]:
            successors[dep].append(node)
    return Graph(_kahn(ids, predecessors, successors), predecessors,
                 {k: tuple(v) for k, v in successors.items()}, tuple(loops))


def _kahn(ids: list[str], predecessors: Mapping[str, tuple[str, ...]],
          successors: Mapping[str, list[str]]) -> tuple[str, ...]:
    waiting = {node: len(predecessors[node]) for node in ids}
    ready = [node for node in reversed(ids) if waiting[node] == 0]
    position = {node: n for n, node in enumerate(ids)}
    order = []
    while ready:
        node = ready.pop()
        order.append(node)
        freed = [s for s in successors[node] if _release(waiting, s)]
        ready.extend(sorted(freed, key=position.__getitem__, reverse=True))
    return tuple(order)


def _release(waiting: dict[str, int], node: str) -> bool:
    waiting[node] -= 1
    return waiting[node] == 0


# --- a phase's own place ---------------------------------------------------------

@dataclass(frozen=True)
class Floating:
    """A phase known only by its duration: placed after its dependencies."""

    duration: int
    anchor: Optional[int]  # earliest working-day number (the pathway's start)


def slot_of(calendar: WorkCalendar, start: date, end: date) -> Slot:
    return Slot(start, end, calendar.ceil(start), calendar.floor(end))


def slot_at(calendar: WorkCalendar, first: int, duration: int) -> Slot:
    last = first + max(duration, 1) - 1
    return Slot(calendar.day(first), calendar.day(last), first, last)


def own_place(phase: Phase, calendar: WorkCalendar, anchor: Optional[int]) -> Slot | Floating | str:
    """The phase's own dates, a :class:`Floating` duration, or why it has none."""
    if phase.status == PhaseStatus.CANCELLED:
        return "annulée"
    start = phase.actual_start or phase.start
    end = phase.actual_end or phase.end
    duration = phase.duration_days if phase.duration_days is not None else (1 if phase.milestone else None)
    if start and end:
        if end < start:
            return "dates incohérentes (la fin précède le début)"
        return slot_of(calendar, start, start if phase.milestone else end)
    if start:
        if duration is None:
            return slot_of(calendar, start, start)
        return slot_at(calendar, calendar.ceil(start), duration)
    if end:
        last = calendar.floor(end)
        return slot_of(calendar, end, end) if duration is None else slot_at(calendar, last - duration + 1, duration)
    if duration is None:
        return "non datée (ni dates ni durée)"
    return Floating(duration, anchor)


def is_fixed(phase: Phase) -> bool:
    """A phase that never moves: pinned to its dates, or already done."""
    return (phase.pinned and phase.start is not None) or phase.status == PhaseStatus.DONE


# --- the forward pass ------------------------------------------------------------

def _slide(calendar: WorkCalendar, slot: Slot, days: int) -> Slot:
    if days == 0:
        return slot
    return slot_of(calendar, calendar.slide(slot.start, days), calendar.slide(slot.end, days))


def place(calendar: WorkCalendar, base: Slot | Floating, required: Optional[int], delay: int) -> tuple[Optional[Slot], int]:
    """Where a movable phase goes: its base slid by ``delay`` working days, then
    later if it would start before working day ``required``. Returns the slot
    and how many working days it slid."""
    if isinstance(base, Floating):
        earliest = max((n for n in (base.anchor, required) if n is not None), default=None)
        if earliest is None:
            return None, 0
        return slot_at(calendar, earliest + delay, base.duration), 0
    pushed = delay
    first = calendar.floor(base.start) + delay if delay else base.first
    if required is not None and first < required:
        pushed = required - calendar.floor(base.start)
    return _slide(calendar, base, pushed), pushed


@dataclass
class _Forward:
    slots: dict[str, Slot] = field(default_factory=dict)
    pushed: dict[str, int] = field(default_factory=dict)
    conflicts: dict[str, tuple[str, ...]] = field(default_factory=dict)


def forward(
    phases: Mapping[str, Phase],
    graph: Graph,
    bases: Mapping[str, Slot | Floating],
    calendar: WorkCalendar,
    delays: Mapping[str, int],
) -> _Forward:
    """Earliest dates of every phase, in topological order."""
    result = _Forward()
    for phase_id in graph.order:
        base = bases.get(phase_id)
        if base is None:
            continue
        phase = phases[phase_id]
        deps = [d for d in graph.predecessors[phase_id] if d in result.slots]
        required = max((result.slots[d].last + 1 + phase.lag_days for d in deps), default=None)
        if is_fixed(phase) and isinstance(base, Slot):
            result.slots[phase_id] = base
            late = tuple(d for d in deps if base.first < result.slots[d].last + 1 + phase.lag_days)
            if late:
                result.conflicts[phase_id] = late
            continue
        slot, pushed = place(calendar, base, required, delays.get(phase_id, 0))
        if slot is not None:
            result.slots[phase_id] = slot
            result.pushed[phase_id] = pushed
    return result


# --- the backward pass (rétroplanning) --------------------------------------------

def backward(
    phases: Mapping[str, Phase], graph: Graph, slots: Mapping[str, Slot], deadline: int
) -> dict[str, int]:
    """Latest working-day number each phase may end on, in reverse topological order."""
    latest_first: dict[str, int] = {}
    latest_last: dict[str, int] = {}
    for phase_id in reversed(graph.order):
        slot = slots.get(phase_id)
        if slot is None:
            continue
        if is_fixed(phases[phase_id]):
            last = slot.last
        else:
            last = deadline
            for successor in graph.successors[phase_id]:
                if successor in latest_first:
                    last = min(last, latest_first[successor] - 1 - phases[successor].lag_days)
        latest_last[phase_id] = last
        latest_first[phase_id] = slot.first + (last - slot.last)
    return latest_last


# --- the whole schedule -----------------------------------------------------------

def compute_schedule(
    pathway: Pathway,
    calendar: Optional[WorkCalendar] = None,
    *,
    delays: Optional[Mapping[str, int]] = None,
    bases: Optional[Mapping[str, Slot]] = None,
    graph: Optional[Graph] = None,
) -> Schedule:
    """Schedule every phase of ``pathway``.

    ``delays`` slides the named phases by working days (a scenario);
    ``bases`` replaces the phases' own dates (the baseline of a scenario);
    ``graph`` reuses a dependency graph already computed.
    """
    calendar = calendar or WorkCalendar.for_pathway(pathway)
    graph = graph or dependency_graph(pathway.phases)
    phases = {phase.id: phase for phase in pathway.phases}
    schedule = Schedule(calendar, cycles=[list(loop) for loop in graph.cycles],
                        order=[p.id for p in pathway.phases])
    own = _own_places(pathway, calendar, schedule)
    if bases:
        own.update({k: v for k, v in bases.items() if k in own})
    ahead = forward(phases, graph, own, calendar, delays or {})
    for phase_id in schedule.order:
        if phase_id in own and phase_id not in ahead.slots:
            schedule.unscheduled[phase_id] = "non placée (aucune date de départ : fixez le début du parcours)"
    if not ahead.slots:
        return schedule
    end = max(slot.last for slot in ahead.slots.values())
    schedule.deadline = pathway.end or calendar.day(end)
    latest = backward(phases, graph, ahead.slots, calendar.floor(schedule.deadline))
    _fill_timings(schedule, ahead, latest)
    return schedule


def _own_places(pathway: Pathway, calendar: WorkCalendar, schedule: Schedule) -> dict[str, Slot | Floating]:
    anchor = calendar.ceil(pathway.start) if pathway.start else None
    places: dict[str, Slot | Floating] = {}
    for phase in pathway.phases:
        found = own_place(phase, calendar, anchor)
        if isinstance(found, str):
            schedule.unscheduled[phase.id] = found
        else:
            places[phase.id] = found
    return places


def _fill_timings(schedule: Schedule, ahead: _Forward, latest: Mapping[str, int]) -> None:
    calendar = schedule.calendar
    slacks = {pid: latest[pid] - slot.last for pid, slot in ahead.slots.items()}
    for phase_id in schedule.order:
        slot = ahead.slots.get(phase_id)
        if slot is None:
            continue
        slack = slacks[phase_id]
        schedule.timings[phase_id] = Timing(
            phase_id, slot.start, slot.end,
            calendar.slide(slot.start, slack), calendar.slide(slot.end, slack),
            slack, slack <= 0, ahead.pushed.get(phase_id, 0),
            ahead.conflicts.get(phase_id, ()),
        )
