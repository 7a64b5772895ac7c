"""Where every phase goes on a Gantt chart, computed once, drawn anywhere.

Pure Python: the matplotlib export and the editor's planning view both draw
the same :class:`GanttLayout`. Rows follow the display order of the phases
(optionally grouped in lanes by objective or by partner); a phase without
usable dates gets no bar and is listed in :attr:`GanttLayout.undated` with the
reason, so that every document can say what is missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Optional, Sequence

from parcours_designer.model.entities import Objective, Partner, Phase
from parcours_designer.model.enums import LABELS, Labelled, PhaseKind
from parcours_designer.model.formatting import count_of
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.references import display_name
from parcours_designer.model.modules import NO_MODULE, phases_by_module
from parcours_designer.model.schedule import Schedule


class GroupBy(Labelled):
    NONE = "none"
    OBJECTIVE = "objective"
    PARTNER = "partner"
    MODULE = "module"


LABELS[GroupBy] = {"none": "Sans regroupement", "objective": "Par objectif", "partner": "Par partenaire",
                   "module": "Par module"}


def cycles_sentence(count: int) -> str:
    """« 2 cycles de dépendances, tracés en rouge. »"""
    if count > 1:
        return f"{count} cycles de dépendances, tracés en rouge."
    return f"{count} cycle de dépendances, tracé en rouge."


@dataclass(frozen=True)
class GanttLane:
    """A group of consecutive rows (the whole chart when not grouped).

    When grouped, a lane starts with a header row (``header_row``) that holds
    its title; its phases take the ``row_count`` rows from ``first_row``.
    """

    key: Optional[str]
    title: str
    header_row: Optional[int]
    first_row: int
    row_count: int


@dataclass(frozen=True)
class GanttBar:
    """One phase drawn on one row; ``end`` is inclusive."""

    phase_id: str
    title: str
    kind: PhaseKind
    start: date
    end: date
    milestone: bool
    row: int
    # From the schedule.
    latest_end: Optional[date] = None
    slack: Optional[int] = None
    critical: bool = False
    pinned: bool = False
    # Where the baseline had the bar, when a scenario is compared with it.
    baseline_start: Optional[date] = None
    baseline_end: Optional[date] = None

    @property
    def moved(self) -> bool:
        """The scenario moved this bar away from the baseline."""
        return self.baseline_start is not None and (self.baseline_start, self.baseline_end) != (self.start, self.end)


@dataclass(frozen=True)
class GanttArrow:
    """A dependency: from the end of ``source`` to the start of ``target``."""

    source_id: str
    target_id: str
    source_row: int
    target_row: int
    source_end: date
    target_start: date
    in_cycle: bool


@dataclass(frozen=True)
class UndatedPhase:
    phase_id: str
    title: str
    reason: str


@dataclass
class GanttLayout:
    """Rows, lanes, bars, arrows and the time span of a pathway's chart."""

    group_by: GroupBy
    lanes: list[GanttLane] = field(default_factory=list)
    bars: list[GanttBar] = field(default_factory=list)
    arrows: list[GanttArrow] = field(default_factory=list)
    undated: list[UndatedPhase] = field(default_factory=list)
    cycles: list[list[str]] = field(default_factory=list)
    window_start: Optional[date] = None
    window_end: Optional[date] = None
    scenario: Optional[str] = None  # the scenario drawn against the baseline, if any

    @property
    def row_count(self) -> int:
        """Every row: phase rows and lane header rows."""
        return sum(lane.row_count + (lane.header_row is not None) for lane in self.lanes)

    @property
    def is_empty(self) -> bool:
        return not self.bars

    def span(self) -> Optional[tuple[date, date]]:
        """First and last day shown: every bar and the pathway's window."""
        days = [d for bar in self.bars for d in (bar.start, bar.end)]
        days += [d for bar in self.bars for d in (bar.baseline_start, bar.baseline_end, bar.latest_end) if d]
        days += [d for d in (self.window_start, self.window_end) if d is not None]
        if not days:
            return None
        return min(days), max(days)

    def missing(self) -> list[str]:
        """French sentences saying what the chart cannot show."""
        notes = [f"« {u.title} » : {u.reason}" for u in self.undated]
        if self.cycles:
            cycles = count_of(len(self.cycles), "cycle de dépendances", "cycles de dépendances")
            notes.append(f"{cycles} (flèches en rouge)")
        return notes


def compute_layout(pathway: Pathway, group_by: GroupBy, schedule: Schedule,
                   baseline: Optional[Schedule] = None, scenario: Optional[str] = None) -> GanttLayout:
    """The Gantt layout of ``pathway`` drawn from ``schedule``, optionally grouped in lanes.

    The bars take the scheduled dates (phases placed from a duration,
    dependencies pushed) and carry slack, latest end and the critical flag;
    with ``baseline`` (a scenario's schedule against the baseline's), each
    bar also carries where the baseline had it. Called by
    :func:`parcours_designer.model.planning.plan_for`, the one pipeline.
    """
    layout = GanttLayout(group_by, window_start=pathway.start, window_end=pathway.end, scenario=scenario)
    spans = _spans(pathway, schedule, layout)
    dated = [phase for phase in pathway.phases if phase.id in spans]
    rows_of: dict[str, list[tuple[int, Optional[str]]]] = {}
    row = 0
    for key, title, members in _lanes(pathway, dated, group_by):
        header = None
        if group_by is not GroupBy.NONE:
            header, row = row, row + 1
        layout.lanes.append(GanttLane(key, title, header, row, len(members)))
        for phase in members:
            layout.bars.append(_bar(phase, row, spans[phase.id], schedule, baseline))
            rows_of.setdefault(phase.id, []).append((row, key))
            row += 1
    layout.cycles = [list(loop) for loop in schedule.cycles]
    layout.arrows = _arrows(dated, rows_of, layout.cycles, spans)
    return layout


def _spans(pathway: Pathway, schedule: Schedule, layout: GanttLayout) -> dict[str, tuple[date, date]]:
    """First and last day of every scheduled phase; the others go to ``layout.undated``."""
    spans = {}
    for phase in pathway.phases:
        timing = schedule.get(phase.id)
        if timing is None:
            reason = schedule.unscheduled.get(phase.id, "non planifiée")
            layout.undated.append(UndatedPhase(phase.id, display_name(phase), reason))
        else:
            spans[phase.id] = (timing.start, timing.start if phase.milestone else timing.end)
    return spans


def _bar(phase: Phase, row: int, span: tuple[date, date], schedule: Schedule,
         baseline: Optional[Schedule]) -> GanttBar:
    bar = GanttBar(phase.id, display_name(phase), phase.kind, span[0], span[1], phase.milestone, row)
    timing = schedule.get(phase.id)
    if timing is None:
        return bar
    before = baseline.get(phase.id) if baseline is not None else None
    return replace(bar, latest_end=timing.latest_end, slack=timing.slack, critical=timing.critical,
                   pinned=phase.pinned, baseline_start=before.start if before else None,
                   baseline_end=(before.start if phase.milestone else before.end) if before else None)


def _lanes(pathway: Pathway, dated: list[Phase], group_by: GroupBy) -> list[tuple[Optional[str], str, list[Phase]]]:
    if group_by is GroupBy.NONE:
        return [(None, "Étapes", dated)]
    if group_by is GroupBy.MODULE:
        return [(f"module:{name}", name or NO_MODULE, members) for name, members in phases_by_module(dated)]
    owners: Sequence[Objective | Partner]
    if group_by is GroupBy.OBJECTIVE:
        owners, attribute, orphan = pathway.objectives, "objective_ids", "Sans objectif"
    else:
        owners, attribute, orphan = pathway.partners, "partner_ids", "Sans partenaire"
    lanes: list[tuple[Optional[str], str, list[Phase]]] = []
    for owner in owners:
        members = [p for p in dated if owner.id in getattr(p, attribute)]
        if members:
            lanes.append((owner.id, display_name(owner), members))
    known = {owner.id for owner in owners}
    loose = [p for p in dated if not known.intersection(getattr(p, attribute))]
    if loose:
        lanes.append((None, orphan, loose))
    return lanes


def _arrows(
    dated: list[Phase], rows_of: dict[str, list[tuple[int, Optional[str]]]], loops: list[list[str]],
    spans: dict[str, tuple[date, date]],
) -> list[GanttArrow]:
    in_cycle = {phase_id for loop in loops for phase_id in loop}
    by_id = {phase.id: phase for phase in dated}
    arrows = []
    for target in dated:
        for source_id in dict.fromkeys(target.depends_on):
            source = by_id.get(source_id)
            if source is None:
                continue
            for target_row, lane in rows_of[target.id]:
                source_row = _row_in_lane(rows_of[source_id], lane)
                if source_row is None:
                    continue
                cyclic = source_id in in_cycle and target.id in in_cycle
                arrows.append(GanttArrow(source_id, target.id, source_row, target_row,
                                         spans[source_id][1], spans[target.id][0], cyclic))
    return arrows


def _row_in_lane(rows: list[tuple[int, Optional[str]]], lane: Optional[str]) -> Optional[int]:
    """The source's row in the same lane (arrows never cross lanes), if any."""
    return next((row for row, key in rows if key == lane), None)
