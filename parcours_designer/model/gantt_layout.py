"""Where every phase goes on a Gantt chart, computed once, drawn anywhere.

Pure Python: the matplotlib export and the editor's planning view both draw
the same :class:`GanttLayout`. Rows follow the display order of the phases
(optionally grouped in lanes by objective or by partner); a phase without
usable dates gets no bar and is listed in :attr:`GanttLayout.undated` with the
reason, so that every document can say what is missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Optional

from parcours_designer.model.entities import Phase
from parcours_designer.model.enums import PhaseKind
from parcours_designer.model.graph import cycles, phase_edges
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.references import display_name


class GroupBy(str, Enum):
    NONE = "none"
    OBJECTIVE = "objective"
    PARTNER = "partner"

    @property
    def label(self) -> str:
        return {"none": "Sans regroupement", "objective": "Par objectif", "partner": "Par partenaire"}[self.value]


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
        days += [d for d in (self.window_start, self.window_end) if d is not None]
        if not days:
            return None
        return min(days), max(days)

    def missing(self) -> list[str]:
        """French sentences saying what the chart cannot show."""
        notes = [f"« {u.title} » : {u.reason}" for u in self.undated]
        if self.cycles:
            notes.append(f"{len(self.cycles)} cycle(s) de dépendances (flèches en rouge)")
        return notes


def undated_reason(phase: Phase) -> Optional[str]:
    """Why a phase cannot be drawn, or ``None`` when its dates are usable."""
    if phase.start is None and phase.end is None:
        return "non datée"
    if phase.start is None:
        return "non datée (date de début manquante)"
    if phase.end is None:
        return "non datée (date de fin manquante)"
    if phase.end < phase.start:
        return "dates incohérentes (la fin précède le début)"
    return None


def compute_layout(pathway: Pathway, group_by: GroupBy = GroupBy.NONE) -> GanttLayout:
    """The Gantt layout of ``pathway``, optionally grouped in lanes."""
    layout = GanttLayout(group_by, window_start=pathway.start, window_end=pathway.end)
    dated = []
    for phase in pathway.phases:
        reason = undated_reason(phase)
        if reason:
            layout.undated.append(UndatedPhase(phase.id, display_name(phase), reason))
        else:
            dated.append(phase)
    rows_of: dict[str, list[tuple[int, Optional[str]]]] = {}
    row = 0
    for key, title, members in _lanes(pathway, dated, group_by):
        header = None
        if group_by is not GroupBy.NONE:
            header, row = row, row + 1
        layout.lanes.append(GanttLane(key, title, header, row, len(members)))
        for phase in members:
            layout.bars.append(_bar(phase, row))
            rows_of.setdefault(phase.id, []).append((row, key))
            row += 1
    layout.cycles = cycles([p.id for p in pathway.phases], phase_edges(pathway.phases))
    layout.arrows = _arrows(dated, rows_of, layout.cycles)
    return layout


def _bar(phase: Phase, row: int) -> GanttBar:
    end = phase.start if phase.milestone else phase.end
    return GanttBar(phase.id, display_name(phase), phase.kind, phase.start, end, phase.milestone, row)


def _lanes(pathway: Pathway, dated: list[Phase], group_by: GroupBy) -> list[tuple[Optional[str], str, list[Phase]]]:
    if group_by is GroupBy.NONE:
        return [(None, "Étapes", dated)]
    if group_by is GroupBy.OBJECTIVE:
        owners, attribute, orphan = pathway.objectives, "objective_ids", "Sans objectif"
    else:
        owners, attribute, orphan = pathway.partners, "partner_ids", "Sans partenaire"
    lanes = []
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
    dated: list[Phase], rows_of: dict[str, list[tuple[int, Optional[str]]]], loops: list[list[str]]
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
                                         _bar_end(source), target.start, cyclic))
    return arrows


def _row_in_lane(rows: list[tuple[int, Optional[str]]], lane: Optional[str]) -> Optional[int]:
    """The source's row in the same lane (arrows never cross lanes), if any."""
    return next((row for row, key in rows if key == lane), None)


def _bar_end(phase: Phase) -> date:
    return phase.start if phase.milestone else phase.end
