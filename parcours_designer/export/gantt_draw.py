"""Draw a :class:`GanttLayout` on a matplotlib ``Axes`` (never pyplot).

``draw_gantt(ax, layout, view)`` is pure: it reads the layout and draws the
rows and days of ``view`` (all of them by default). Days are ordinals
(``date.toordinal()``): a bar covers ``[start, end + 1)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional

from parcours_designer.export import glyphs
from parcours_designer.export.gantt_tiles import DAY, WEEK, choose_unit, ticks
from parcours_designer.export.safe_text import without_control
from parcours_designer.model.enums import PhaseKind
from parcours_designer.model.gantt_layout import GanttLayout
from parcours_designer.palette import (
    ARROW_COLOUR,
    BAND_COLOUR,
    BAR_EDGE_COLOUR,
    BASELINE_COLOUR,
    BASELINE_EDGE_COLOUR,
    CRITICAL_COLOUR,
    CYCLE_COLOUR,
    KIND_COLOURS,
    SLACK_COLOUR,
    WINDOW_COLOUR,
)

MONTH_ABBR = ("janv.", "févr.", "mars", "avr.", "mai", "juin",
              "juil.", "août", "sept.", "oct.", "nov.", "déc.")


@dataclass(frozen=True)
class GanttView:
    """The rows (``first_row`` to ``last_row`` inclusive) and days one drawing shows."""

    first_row: int
    last_row: int
    start: date
    end: date


def full_view(layout: GanttLayout) -> Optional[GanttView]:
    span = layout.span()
    if span is None:
        return None
    return GanttView(0, max(layout.row_count - 1, 0), span[0], span[1])


def draw_gantt(ax, layout: GanttLayout, view: Optional[GanttView] = None, *, label_chars: int = 48,
               labels: bool = True, axis_below: bool = True) -> None:
    """Bars, milestones, arrows, lanes, window and a French time axis on ``ax``.

    With ``labels=False`` the row titles are left to the caller (the PNG
    export stamps them with Pillow, many times faster for long pathways).
    """
    view = view or full_view(layout)
    if view is None:
        _draw_nothing(ax, "Aucune étape datée : le diagramme ne peut pas être tracé.")
        return
    margin = max(1, (view.end - view.start).days // 80)
    ax.set_xlim(view.start.toordinal() - margin, view.end.toordinal() + 1 + margin)
    ax.set_ylim(view.last_row + 0.6, view.first_row - 0.6)
    _draw_lane_headers(ax, layout, view)
    _draw_bars(ax, layout, view)
    _draw_arrows(ax, layout, view)
    _draw_window(ax, layout)
    _french_time_axis(ax, view, axis_below)
    ax.set_yticks([])
    if labels:
        _tick_labels(ax, row_labels(layout, view, label_chars))
    ax.grid(axis="x", color="#d0d0d0", linewidth=0.5)
    ax.set_axisbelow(True)
    if not layout.bars:
        ax.text(0.5, 0.5, "Aucune étape datée dans la période.", transform=ax.transAxes,
                ha="center", va="center", fontsize=11, color="#7a3b00")


def _draw_nothing(ax, message: str) -> None:
    ax.set_xticks([])
    ax.set_yticks([])
    ax.text(0.5, 0.5, message, transform=ax.transAxes, ha="center", va="center", fontsize=11, color="#7a3b00")


def shorten(text: str, limit: int) -> str:
    text = " ".join(glyphs.drawable(without_control(text)).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _visible(row: int, view: GanttView) -> bool:
    return view.first_row <= row <= view.last_row


def _tick_labels(ax, labels: dict[int, tuple[str, bool]]) -> None:
    rows = sorted(labels)
    ax.set_yticks(rows)
    ax.set_yticklabels([labels[r][0] for r in rows], fontsize=8)
    for tick, row in zip(ax.get_yticklabels(), rows):
        if labels[row][1]:
            tick.set_fontweight("bold")
    ax.tick_params(axis="y", length=0)


def row_labels(layout: GanttLayout, view: GanttView, limit: int) -> dict[int, tuple[str, bool]]:
    labels = {bar.row: (shorten(bar.title, limit), False) for bar in layout.bars if _visible(bar.row, view)}
    for lane in layout.lanes:
        if lane.header_row is not None and _visible(lane.header_row, view):
            labels[lane.header_row] = (shorten(lane.title, limit), True)
    return labels


def _draw_lane_headers(ax, layout: GanttLayout, view: GanttView) -> None:
    for lane in layout.lanes:
        if lane.header_row is not None and _visible(lane.header_row, view):
            ax.axhspan(lane.header_row - 0.5, lane.header_row + 0.5, color=BAND_COLOUR, zorder=0)


def _draw_bars(ax, layout: GanttLayout, view: GanttView) -> None:
    from matplotlib.collections import PolyCollection

    _draw_schedule_marks(ax, layout, view)
    bars = [b for b in layout.bars if _visible(b.row, view) and not b.milestone]
    if bars:
        boxes = [_box(b.start.toordinal(), b.end.toordinal() + 1, b.row) for b in bars]
        ax.add_collection(PolyCollection(boxes, facecolors=[KIND_COLOURS[b.kind] for b in bars],
                                         edgecolors=[_edge(b) for b in bars],
                                         linewidths=[1.3 if b.critical else 0.4 for b in bars], zorder=3))
    milestones = [b for b in layout.bars if _visible(b.row, view) and b.milestone]
    if milestones:
        ax.scatter([b.start.toordinal() + 0.5 for b in milestones], [b.row for b in milestones], marker="D",
                   s=64, c=[KIND_COLOURS[b.kind] for b in milestones], edgecolors=[_edge(b) for b in milestones],
                   linewidths=[1.3 if b.critical else 0.6 for b in milestones], zorder=4)


def _edge(bar) -> str:
    return CRITICAL_COLOUR if bar.critical else BAR_EDGE_COLOUR


def _draw_schedule_marks(ax, layout: GanttLayout, view: GanttView) -> None:
    """Slack (a thin line to the latest end) and, for a scenario, the baseline's bars in grey."""
    from matplotlib.collections import LineCollection, PolyCollection

    shown = [b for b in layout.bars if _visible(b.row, view)]
    slack = [[(b.end.toordinal() + 1, b.row), (b.latest_end.toordinal() + 1, b.row)]
             for b in shown if b.latest_end is not None and b.slack and b.slack > 0]
    if slack:
        ax.add_collection(LineCollection(slack, colors=SLACK_COLOUR, linewidths=0.9, linestyles=":", zorder=1.5))
        ax.scatter([s[1][0] for s in slack], [s[1][1] for s in slack], marker="|", s=30, c=SLACK_COLOUR, zorder=1.5)
    ghosts = [(b, b.baseline_start, b.baseline_end) for b in shown if b.moved]
    if ghosts:
        boxes = [_box(start.toordinal(), end.toordinal() + 1, b.row, 0.42) for b, start, end in ghosts if start and end]
        ax.add_collection(PolyCollection(boxes, facecolors=BASELINE_COLOUR, edgecolors=BASELINE_EDGE_COLOUR,
                                         linewidths=0.5, linestyles="--", zorder=2.5))


def _box(x0: float, x1: float, row: int, half: float = 0.31) -> list[tuple[float, float]]:
    return [(x0, row - half), (x1, row - half), (x1, row + half), (x0, row + half)]


def _draw_arrows(ax, layout: GanttLayout, view: GanttView) -> None:
    from matplotlib.collections import LineCollection

    paths, heads, colours = [], [], []
    for arrow in layout.arrows:
        if not (_visible(arrow.source_row, view) and _visible(arrow.target_row, view)):
            continue
        xs, xt = arrow.source_end.toordinal() + 1, arrow.target_start.toordinal()
        bend = min(xs + 2, xt) if xt > xs else xs + 1
        paths.append([(xs, arrow.source_row), (bend, arrow.source_row), (bend, arrow.target_row),
                      (xt, arrow.target_row)])
        heads.append((xt, arrow.target_row))
        colours.append(CYCLE_COLOUR if arrow.in_cycle else ARROW_COLOUR)
    if not paths:
        return
    ax.add_collection(LineCollection(paths, colors=colours, linewidths=0.7, zorder=2))
    ax.scatter([h[0] - 0.6 for h in heads], [h[1] for h in heads], marker=">", s=14, c=colours, zorder=2,
               linewidths=0)


def _draw_window(ax, layout: GanttLayout) -> None:
    for day, shift in ((layout.window_start, 0), (layout.window_end, 1)):
        if day is not None:
            ax.axvline(day.toordinal() + shift, color=WINDOW_COLOUR, linestyle="--", linewidth=1.1, zorder=1)


def month_starts(start: date, end: date) -> list[date]:
    """The first day of every month from ``start``'s month to the day after ``end``."""
    months, year, month = [], start.year, start.month
    while True:
        first = date(year, month, 1)
        if first > end:
            months.append(first)
            return months
        months.append(first)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def month_label(day: date, with_year: bool) -> str:
    name = MONTH_ABBR[day.month - 1]
    return f"{name}\n{day.year}" if with_year else name


MONTH_STEPS = (1, 3, 6, 12, 24, 60, 120, 240, 600, 1200)
LABEL_WIDTH_IN = 0.45  # « sept. » or « 2090 » at 8 points and a gap: a 13-month page keeps every month


def month_step(month_count: int, width_in: float) -> int:
    """Months between two labels: one a month on a short axis, years apart on a century."""
    fits = max(2, int(width_in / LABEL_WIDTH_IN))
    preferred = 1 if month_count <= 18 else 3 if month_count <= 48 else 12
    return next((step for step in MONTH_STEPS if step >= preferred and month_count / step <= fits),
                MONTH_STEPS[-1])


def _french_time_axis(ax, view: GanttView, below: bool) -> None:
    """Days or weeks on a short span, months (the first one too, even partial) or years on a longer one."""
    unit = choose_unit(view.start, view.end)
    if unit in (DAY, WEEK):
        shown, labels = _short_axis(view, unit)
    else:
        months = [m for m in month_starts(view.start, view.end) if view.start <= m <= view.end]
        width_in = ax.get_position().width * ax.figure.get_figwidth()
        step = month_step(len(months), width_in)
        shown = [m for m in months if (m.year * 12 + m.month - 1) % step == 0] or [view.start]
        if step == 1 and view.start.day < 20 and shown[0] != view.start:  # a partial first month keeps its label
            shown.insert(0, view.start)
        labels = [month_label(m, i == 0 or m.month == 1 or step >= 12) for i, m in enumerate(shown)]
    ax.set_xticks([m.toordinal() for m in shown])
    ax.set_xticklabels(labels, fontsize=8)
    ax.tick_params(axis="x", top=True, labeltop=True, bottom=below, labelbottom=below)


def _short_axis(view: GanttView, unit: str) -> tuple[list[date], list[str]]:
    """Every day (or week) labelled, with the month under the first tick of each month."""
    shown, labels, month = [], [], None
    for tick in ticks(view.start, view.end, unit):
        day = max(tick.start, view.start)
        label = str(day.day) if unit == DAY else tick.label
        if (day.year, day.month) != month:
            month = (day.year, day.month)
            label += f"\n{MONTH_ABBR[day.month - 1]} {day.year}"
        shown.append(day)
        labels.append(label)
    return shown, labels


@dataclass(frozen=True)
class LegendItem:
    """One entry of the legend; ``shape``: bar, diamond, dashed, line, outline, dotted or ghost."""

    label: str
    colour: str
    shape: str


def legend_items(layout: GanttLayout) -> list[LegendItem]:
    """Every kind drawn, then milestones, the window, dependencies and cycles."""
    items = [LegendItem(k.label, KIND_COLOURS[k], "bar") for k in PhaseKind if any(b.kind is k for b in layout.bars)]
    if any(b.milestone for b in layout.bars):
        items.append(LegendItem("Jalon", "#888888", "diamond"))
    if layout.window_start or layout.window_end:
        items.append(LegendItem("Période du parcours", WINDOW_COLOUR, "dashed"))
    if layout.arrows:
        items.append(LegendItem("Dépendance", ARROW_COLOUR, "line"))
    if any(a.in_cycle for a in layout.arrows):
        items.append(LegendItem("Cycle de dépendances", CYCLE_COLOUR, "line"))
    if any(b.critical for b in layout.bars):
        items.append(LegendItem("Chemin critique", CRITICAL_COLOUR, "outline"))
    if any(b.slack for b in layout.bars):
        items.append(LegendItem("Marge", SLACK_COLOUR, "dotted"))
    if any(b.moved for b in layout.bars):
        items.append(LegendItem("Référence", BASELINE_COLOUR, "ghost"))
    return items


def legend_entries(layout: GanttLayout) -> list[tuple[object, str]]:
    """(matplotlib handle, French label) for :func:`legend_items`."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles = {
        "bar": lambda c: Patch(facecolor=c, edgecolor=BAR_EDGE_COLOUR),
        "diamond": lambda c: Line2D([], [], marker="D", linestyle="", color=c, markeredgecolor="#222222"),
        "dashed": lambda c: Line2D([], [], color=c, linestyle="--"),
        "line": lambda c: Line2D([], [], color=c),
        "outline": lambda c: Patch(facecolor="white", edgecolor=c, linewidth=1.3),
        "dotted": lambda c: Line2D([], [], color=c, linestyle=":"),
        "ghost": lambda c: Patch(facecolor=c, edgecolor=BASELINE_EDGE_COLOUR, linestyle="--"),
    }
    return [(handles[item.shape](item.colour), item.label) for item in legend_items(layout)]
