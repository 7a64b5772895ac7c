"""The Gantt chart as PNG or SVG (one image, drawn with matplotlib) or PDF (vector pages, see
:mod:`gantt_paper`). In SVG the text stays text (searchable), in the bundled font's family.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from typing import Optional

from parcours_designer.export import fonts
from parcours_designer.export.gantt_draw import (
    GanttView,
    draw_gantt,
    full_view,
    legend_entries,
    month_starts,
    row_labels,
    shorten,
)
from parcours_designer.export.gantt_raster import png_with_labels
from parcours_designer.model.formatting import count_of
from parcours_designer.model.gantt_layout import GanttLayout, GroupBy, cycles_sentence
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.planning import plan_for

ROW_IN = 0.25
LABEL_IN = 3.5
RIGHT_IN = 0.3
LEGEND_COLUMNS = 5
MAX_NOTES = 6


@dataclass(frozen=True)
class FigureParts:
    title: Optional[str]
    notes: tuple[str, ...]


def render(pathway: Pathway, suffix: str, partner_id: Optional[str] = None,
           group_by: GroupBy = GroupBy.NONE, scenario_id: Optional[str] = None,
           paper: str = "A4", orientation: str = "landscape") -> bytes:
    """The chart (scheduled: critical path and slack); with ``scenario_id`` the schedule under that
    risk, against the baseline. ``paper`` and ``orientation``: the PDF's pages."""
    layout = plan_for(pathway, scenario_id, group_by=GroupBy(group_by)).layout
    if suffix == ".pdf":
        from parcours_designer.export.gantt_pdf import gantt_pdf

        return gantt_pdf(pathway, layout, paper=paper, orientation=orientation)
    title = f"Diagramme de Gantt – {shorten(pathway.title, 90)}"
    if layout.scenario:
        title += f"\nScénario « {shorten(layout.scenario, 80)} » comparé au planning de référence"
    parts = FigureParts(title, tuple(layout_notes(layout)))
    width = LABEL_IN + RIGHT_IN + _body_width(layout)
    view = full_view(layout)
    if suffix == ".svg":
        figure, _ax = gantt_figure(layout, view, width, parts, labels=True)
        return figure_bytes(figure, "svg", 72)
    figure, ax = gantt_figure(layout, view, width, parts, labels=False)
    labels = row_labels(layout, view, 200) if view else {}
    return png_with_labels(figure, ax, labels, _png_dpi(figure.get_figwidth(), figure.get_figheight()))


def layout_notes(layout: GanttLayout) -> list[str]:
    """What the chart cannot show, in a few French lines."""
    notes = []
    if layout.undated:
        names = ", ".join(f"« {shorten(u.title, 40)} » ({u.reason})" for u in layout.undated[:MAX_NOTES])
        more = len(layout.undated) - MAX_NOTES
        tail = f" et {count_of(more, 'autre')}" if more > 0 else ""
        notes.append(f"Étapes non représentées : {names}{tail}.")
    if layout.cycles:
        notes.append(f"Attention : {cycles_sentence(len(layout.cycles))}")
    if not layout.bars and layout.span() is None:
        notes.append("Aucune date : ni les étapes ni la période du parcours ne sont datées.")
    return notes


def _body_width(layout: GanttLayout) -> float:
    span = layout.span()
    months = len(month_starts(*span)) if span else 6
    return min(max(7.5, 0.8 * months), 18.0)


PNG_PIXELS = 20_000_000  # about 9 bytes a pixel at the peak: a 1,000-phase chart stays under 300 MiB


def _png_dpi(width_in: float, height_in: float) -> float:
    """100 dpi, lowered for very large charts: under 20 000 pixels tall and 20 million pixels in all."""
    return max(40.0, min(100.0, 20000 / height_in, (PNG_PIXELS / (width_in * height_in)) ** 0.5))


def gantt_figure(layout: GanttLayout, view: Optional[GanttView], width_in: float, parts: FigureParts,
                 *, labels: bool = True):
    """A ``Figure`` (no pyplot) holding the chart of ``view``, its legend and notes; and its Axes."""
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    with rc_context(fonts.matplotlib_rc()):
        entries = legend_entries(layout)
        rows = (view.last_row - view.first_row + 1) if view else 3
        note_lines = sum(len(_wrap(n, width_in)) for n in parts.notes)
        top = 0.6 + (0.4 + 0.25 * parts.title.count("\n") if parts.title else 0)
        legend_in = 0.26 * math.ceil(len(entries) / LEGEND_COLUMNS)
        bottom = 0.62 + legend_in + 0.19 * note_lines + 0.1
        body = max(rows, 2) * ROW_IN
        height = top + body + bottom
        figure = Figure(figsize=(width_in, height))
        ax = figure.add_axes((LABEL_IN / width_in, bottom / height,
                              (width_in - LABEL_IN - RIGHT_IN) / width_in, body / height))
        draw_gantt(ax, layout, view, labels=labels)
        _decorate(figure, entries, parts, width_in, height, 0.1 + 0.19 * note_lines)
    return figure, ax


def _decorate(figure, entries, parts: FigureParts, width: float, height: float, legend_bottom: float) -> None:
    if parts.title:
        figure.text(0.15 / width, 1 - 0.3 / height, parts.title, fontsize=12, fontweight="bold", va="top")
    if entries:
        figure.legend([e[0] for e in entries], [e[1] for e in entries], loc="lower left",
                      bbox_to_anchor=(0.15 / width, legend_bottom / height), ncol=LEGEND_COLUMNS,
                      fontsize=8, frameon=False, borderaxespad=0, handlelength=1.6, columnspacing=1.2)
    y = 0.08
    for note in reversed(parts.notes):
        for line in reversed(_wrap(note, width)):
            figure.text(0.15 / width, y / height, line, fontsize=8, color="#7a3b00", va="bottom")
            y += 0.19


def _wrap(text: str, width_in: float) -> list[str]:
    import textwrap

    return textwrap.wrap(text, max(40, int(width_in * 15))) or [""]


def figure_bytes(figure, fmt: str, dpi: float) -> bytes:
    """Render a Figure with the SVG (or Agg) canvas into bytes."""
    from matplotlib import rc_context

    buffer = io.BytesIO()
    with rc_context(fonts.matplotlib_rc()):
        if fmt == "svg":
            from matplotlib.backends.backend_svg import FigureCanvasSVG

            FigureCanvasSVG(figure)
        else:
            from matplotlib.backends.backend_agg import FigureCanvasAgg

            FigureCanvasAgg(figure)
        figure.savefig(buffer, format=fmt, dpi=dpi, metadata=_metadata(fmt))
    return buffer.getvalue()


def _metadata(fmt: str) -> Optional[dict]:
    if fmt == "png":
        return {"Software": "Parcours Designer"}
    if fmt == "svg":
        return {"Creator": "Parcours Designer", "Language": "fr-FR"}
    return None
