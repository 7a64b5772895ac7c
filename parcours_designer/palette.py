"""The colours of the Gantt chart, shared by the Planning page (Qt) and the exports (matplotlib).

Plain ``#rrggbb`` strings: both toolkits read them. A colour changed here
changes on screen and on paper alike.
"""

from __future__ import annotations

from parcours_designer.model.enums import PhaseKind

KIND_COLOURS: dict[PhaseKind, str] = {
    PhaseKind.WELCOME: "#4e79a7",
    PhaseKind.DIAGNOSTIC: "#f28e2b",
    PhaseKind.STEERING: "#59a14f",
    PhaseKind.WORKSHOP: "#e15759",
    PhaseKind.INDIVIDUAL_SUPPORT: "#76b7b2",
    PhaseKind.PEER_EXCHANGE: "#edc948",
    PhaseKind.TRAINING: "#b07aa1",
    PhaseKind.FOLLOW_UP: "#ff9da7",
    PhaseKind.REVIEW: "#9c755f",
    PhaseKind.INFORMATION: "#8cd17d",
    PhaseKind.ENGINEERING: "#499894",
    PhaseKind.CONSULTATION: "#d37295",
    PhaseKind.RESTITUTION: "#ffbe7d",
    PhaseKind.OTHER: "#bab0ac",
}
WINDOW_COLOUR = "#1f4e79"  # the pathway's start and end
ARROW_COLOUR = "#555555"  # a dependency
CYCLE_COLOUR = "#c00000"  # a dependency inside a cycle
CRITICAL_COLOUR = "#c00000"  # the outline of a critical phase
BAR_EDGE_COLOUR = "#333333"  # the outline of any other phase
SLACK_COLOUR = "#5b8cc0"  # the slack line after a bar
BASELINE_COLOUR = "#c8c8c8"  # where the baseline had a bar a scenario moved
BASELINE_EDGE_COLOUR = "#8c8c8c"
BAND_COLOUR = "#e8edf3"  # a lane's header row
LATE_COLOUR = "#d62728"  # a phase behind its dates (follow-up)
OVERLOAD_COLOUR = "#ff7f0e"  # a phase where someone is overloaded
