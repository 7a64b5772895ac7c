"""The Gantt chart on paper, as GanttProject and ProjectLibre print it, in vector with real text.

Each page holds the task table (n°, phase, start, end, working days) beside
the bars, a two-tier time scale with every tick labelled, the legend and
« Page x / y ». Milestones are diamonds, a one-day phase is never thinner
than a few points, the critical path is outlined in red and the slack drawn
after the bar up to the latest end. A partner's own bars can be highlighted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Optional

from parcours_designer.export import fonts, glyphs
from parcours_designer.export.gantt_draw import (
    ARROW_COLOUR, BASELINE_COLOUR, CRITICAL_COLOUR, CYCLE_COLOUR, KIND_COLOURS, SLACK_COLOUR, WINDOW_COLOUR, LegendItem,
    legend_items,
)
from parcours_designer.export.gantt_tiles import (
    UNIT_LABELS, Tile, choose_unit, points_per_day, ticks, tiles, time_slices, upper_ticks,
)
from parcours_designer.export.pdf_doc import fit_text
from parcours_designer.model.calendar import WorkCalendar
from parcours_designer.model.formatting import format_date
from parcours_designer.model.gantt_layout import GanttBar, GanttLayout
from parcours_designer.model.pathway import Pathway

ROW_H = 12.0
HEAD_H = 26.0  # two tiers of the time scale
CAPTION_H = 13.0
LEGEND_H = 24.0
RESERVED_H = 44.0  # room left for a heading above the first page's chart
COLUMNS = (("N°", 22), ("Étape", 180), ("Début", 46), ("Fin", 46), ("Jours", 28))
TABLE_W = sum(width for _t, width in COLUMNS)
HIGHLIGHT = "#fff2b3"
GRID = "#d5dbe3"
LANE = "#e8edf3"


@dataclass
class ChartPages:
    """Everything a page needs: the layout, its rows' facts, the tiles and the scale."""

    layout: GanttLayout
    unit: str
    points_per_day: float
    tiles: list[Tile]
    days: dict[str, int]  # working days of each phase
    numbers: dict[str, int]  # the phase's number in the plan
    highlighted: set[str] = field(default_factory=set)

    @property
    def count(self) -> int:
        return len(self.tiles)


def chart_pages(pathway: Pathway, layout: GanttLayout, frame: tuple[float, float],
                highlighted: Optional[set[str]] = None) -> ChartPages:
    """Cut the chart into pages of ``frame`` (width, height in points)."""
    width, height = frame
    span = layout.span() or (date.today(), date.today())
    unit = choose_unit(*span)
    scale = ticks(span[0], span[1], unit)
    per_day = points_per_day(scale, width - TABLE_W, unit)
    slices = time_slices(scale, width - TABLE_W, per_day)
    rows = max(3, int((height - RESERVED_H - CAPTION_H - HEAD_H - LEGEND_H) // ROW_H))
    calendar = WorkCalendar.for_pathway(pathway)
    days = {bar.phase_id: max(calendar.count(bar.start, bar.end), 0) for bar in layout.bars}
    numbers = {phase.id: n for n, phase in enumerate(pathway.phases, start=1)}
    return ChartPages(layout, unit, per_day, tiles(layout, rows, slices), days, numbers, highlighted or set())


def page_flowables(pages: ChartPages) -> list:
    """One flowable per page, with page breaks between them."""
    from reportlab.platypus import PageBreak

    flowables: list = []
    for index in range(pages.count):
        if index:
            flowables.append(PageBreak())
        flowables.append(_page_flowable(pages, index))
    return flowables


def _page_flowable(pages: ChartPages, index: int):
    from reportlab.platypus import Flowable

    class GanttPage(Flowable):
        def wrap(self, available_width, available_height):
            self.width = available_width
            rows = pages.tiles[index].last_row - pages.tiles[index].first_row + 1
            self.height = CAPTION_H + HEAD_H + rows * ROW_H + LEGEND_H
            return self.width, self.height

        def draw(self):
            _Painter(self.canv, pages, index, self.width, self.height).paint()

    return GanttPage()


class _Painter:
    """Draws one page: caption, scale, table and bars, legend."""

    def __init__(self, canvas, pages: ChartPages, index: int, width: float, height: float):
        self.c, self.pages, self.tile = canvas, pages, pages.tiles[index]
        self.index, self.width, self.height = index, width, height
        self.top = height - CAPTION_H - HEAD_H  # the top of the first row
        self.bars: dict[int, list[GanttBar]] = {b.row: [] for b in pages.layout.bars}
        for bar in pages.layout.bars:
            self.bars[bar.row].append(bar)

    def x(self, day: date) -> float:
        return TABLE_W + (day - self.tile.start).days * self.pages.points_per_day

    def y(self, row: int) -> float:
        """The bottom of ``row`` on this page."""
        return self.top - (row - self.tile.first_row + 1) * ROW_H

    def paint(self) -> None:
        self.c.saveState()
        self._caption()
        self._rows_background()
        self._scale()
        self._table()
        self._window()
        self._arrows()
        for row in range(self.tile.first_row, self.tile.last_row + 1):
            for bar in self.bars.get(row, ()):
                self._bar(bar)
        self._legend()
        self.c.restoreState()

    def text(self, x: float, y: float, value: str, size: float = 7, bold: bool = False, room: float = 0,
             right: bool = False) -> None:
        face = fonts.BOLD if bold else fonts.REGULAR
        shown = fit_text(value, face, size, room) if room else value
        if right:
            from reportlab.pdfbase.pdfmetrics import stringWidth

            x -= stringWidth(shown, face, size)
        if bold:
            self.c.setFont(face, size)
            self.c.drawString(x, y, shown)
        else:
            glyphs.draw_runs(self.c, x, y, shown, size)

    def _caption(self) -> None:
        tile, layout = self.tile, self.pages.layout
        caption = (f"Page {self.index + 1} / {self.pages.count} — lignes {tile.first_row + 1} à {tile.last_row + 1} "
                   f"sur {layout.row_count}, du {format_date(tile.start)} au {format_date(tile.end)} "
                   f"(échelle : {UNIT_LABELS[self.pages.unit]})")
        self.c.setFillColor("#333333")
        self.text(0, self.height - 9, caption, 8)

    def _rows_background(self) -> None:
        c, right = self.c, self.x(self.tile.end + timedelta(days=1))
        lanes = {lane.header_row for lane in self.pages.layout.lanes if lane.header_row is not None}
        for row in range(self.tile.first_row, self.tile.last_row + 1):
            ids = {b.phase_id for b in self.bars.get(row, ())}
            colour = LANE if row in lanes else HIGHLIGHT if ids & self.pages.highlighted else \
                "#f7f9fb" if row % 2 else "#ffffff"
            c.setFillColor(colour)
            c.rect(0, self.y(row), right, ROW_H, stroke=0, fill=1)

    def _scale(self) -> None:
        c, tile, bottom = self.c, self.tile, self.y(self.tile.last_row)
        lower, upper = ticks(tile.start, tile.end, self.pages.unit), upper_ticks(tile.start, tile.end, self.pages.unit)
        right = self.x(tile.end + timedelta(days=1))
        c.setStrokeColor(GRID)
        c.setLineWidth(0.4)
        for tier, scale, y in ((0, upper, self.top + HEAD_H / 2), (1, lower, self.top)):
            for tick in scale:
                left, end = max(self.x(tick.start), TABLE_W), min(self.x(tick.end + timedelta(days=1)), right)
                if end <= left:
                    continue
                c.line(left, y, left, self.top + (HEAD_H if tier == 0 else HEAD_H / 2))
                if tier == 1:
                    c.line(left, self.top, left, bottom)
                c.setFillColor("#222222")
                self.text(left + 2, y + 4, tick.label, 7, bold=tier == 0, room=end - left - 3)
            c.line(TABLE_W, y, right, y)
        c.line(right, bottom, right, self.top + HEAD_H)

    def _table(self) -> None:
        c, x = self.c, 0.0
        c.setFillColor("#1f4e79")
        c.rect(0, self.top, TABLE_W, HEAD_H, stroke=0, fill=1)
        c.setFillColor("#ffffff")
        for title, width in COLUMNS:
            self.text(x + 2, self.top + 9, title, 7, bold=True)
            x += width
        lanes = {lane.header_row: lane.title for lane in self.pages.layout.lanes if lane.header_row is not None}
        for row in range(self.tile.first_row, self.tile.last_row + 1):
            base = self.y(row) + 3.5
            c.setFillColor("#222222")
            if row in lanes:
                self.text(2, base, lanes[row], 7, bold=True, room=TABLE_W - 4)
                continue
            for bar in self.bars.get(row, ())[:1]:
                self._table_row(bar, base)
        c.setStrokeColor("#9aa7b4")
        c.setLineWidth(0.5)
        c.line(TABLE_W, self.y(self.tile.last_row), TABLE_W, self.top + HEAD_H)

    def _table_row(self, bar: GanttBar, base: float) -> None:
        bold = bar.phase_id in self.pages.highlighted
        values = (str(self.pages.numbers.get(bar.phase_id, "")), bar.title, format_date(bar.start),
                  format_date(bar.end), str(self.pages.days.get(bar.phase_id, "")))
        x = 0.0
        for (title, width), value in zip(COLUMNS, values):
            right = title in ("N°", "Jours")
            self.text(x + width - 3 if right else x + 2, base, value, 7, bold=bold and title == "Étape",
                      room=width - 4, right=right)
            x += width

    def _visible(self, first: date, last: date) -> Optional[tuple[float, float]]:
        if last < self.tile.start or first > self.tile.end:
            return None
        left = self.x(max(first, self.tile.start))
        right = self.x(min(last, self.tile.end) + timedelta(days=1))
        return left, right

    def _bar(self, bar: GanttBar) -> None:
        c, y = self.c, self.y(bar.row)
        if bar.moved and bar.baseline_start and bar.baseline_end:
            span = self._visible(bar.baseline_start, bar.baseline_end)
            if span:
                c.setFillColor(BASELINE_COLOUR)
                c.setStrokeColor("#8c8c8c")
                c.rect(span[0], y + 1.5, span[1] - span[0], 3, stroke=0, fill=1)
        if bar.latest_end and bar.latest_end > bar.end and not bar.milestone:
            span = self._visible(bar.end + timedelta(days=1), bar.latest_end)
            if span:
                c.setStrokeColor(SLACK_COLOUR)
                c.setLineWidth(1.2)
                c.line(span[0], y + ROW_H / 2, span[1], y + ROW_H / 2)
                c.line(span[1], y + ROW_H / 2 - 2.5, span[1], y + ROW_H / 2 + 2.5)
        span = self._visible(bar.start, bar.end)
        if span is None:
            return
        c.setFillColor(KIND_COLOURS[bar.kind])
        c.setStrokeColor(CRITICAL_COLOUR if bar.critical else "#333333")
        c.setLineWidth(1.4 if bar.critical or bar.phase_id in self.pages.highlighted else 0.4)
        if bar.milestone:
            self._diamond((span[0] + min(span[1], span[0] + self.pages.points_per_day)) / 2, y + ROW_H / 2)
        else:
            width = max(span[1] - span[0], 3.0)
            c.rect(span[0], y + 2.5, width, ROW_H - 5, stroke=1, fill=1)

    def _diamond(self, x: float, y: float) -> None:
        path = self.c.beginPath()
        size = 4.5
        path.moveTo(x, y + size)
        path.lineTo(x + size, y)
        path.lineTo(x, y - size)
        path.lineTo(x - size, y)
        path.close()
        self.c.drawPath(path, stroke=1, fill=1)

    def _window(self) -> None:
        """The pathway's first and last days, as dashed lines."""
        layout, c = self.pages.layout, self.c
        c.setStrokeColor(WINDOW_COLOUR)
        c.setLineWidth(0.8)
        c.setDash(3, 2)
        for day in (layout.window_start, layout.window_end + timedelta(days=1) if layout.window_end else None):
            if day is not None and self.tile.start <= day <= self.tile.end + timedelta(days=1):
                c.line(self.x(day), self.y(self.tile.last_row), self.x(day), self.top)
        c.setDash()

    def _arrows(self) -> None:
        c, tile = self.c, self.tile
        c.setLineWidth(0.5)
        for arrow in self.pages.layout.arrows:
            rows_in = tile.first_row <= arrow.source_row <= tile.last_row and \
                tile.first_row <= arrow.target_row <= tile.last_row
            if not rows_in or not (tile.start <= arrow.source_end <= tile.end):
                continue
            x0 = self.x(arrow.source_end + timedelta(days=1))
            x1 = max(self.x(min(max(arrow.target_start, tile.start), tile.end)), x0 + 3)
            y0, y1 = self.y(arrow.source_row) + ROW_H / 2, self.y(arrow.target_row) + ROW_H / 2
            c.setStrokeColor(CYCLE_COLOUR if arrow.in_cycle else ARROW_COLOUR)
            c.setFillColor(CYCLE_COLOUR if arrow.in_cycle else ARROW_COLOUR)
            c.lines([(x0, y0, x0 + 2, y0), (x0 + 2, y0, x0 + 2, y1), (x0 + 2, y1, x1, y1)])
            path = c.beginPath()
            path.moveTo(x1, y1)
            path.lineTo(x1 - 3, y1 + 1.6)
            path.lineTo(x1 - 3, y1 - 1.6)
            path.close()
            c.drawPath(path, stroke=0, fill=1)

    def _symbol(self, item, x: float, y: float) -> None:
        c = self.c
        c.setFillColor(item.colour)
        c.setStrokeColor("#333333" if item.shape in ("bar", "diamond") else item.colour)
        c.setLineWidth(1.2 if item.shape == "outline" else 0.6)
        if item.shape == "diamond":
            self._diamond(x + 4.5, y + 3)
        elif item.shape in ("line", "dotted", "dashed"):
            c.setDash(*((3, 2) if item.shape == "dashed" else (1, 1) if item.shape == "dotted" else ()))
            c.line(x, y + 3, x + 9, y + 3)
            c.setDash()
        else:
            c.rect(x, y, 9, 6, stroke=1, fill=int(item.shape != "outline"))

    def _legend(self) -> None:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        items = legend_items(self.pages.layout)
        if self.pages.highlighted:
            items.append(LegendItem("Étapes du partenaire", HIGHLIGHT, "bar"))
        x, y = 0.0, self.y(self.tile.last_row) - 12
        for item in items:
            self._symbol(item, x, y)
            self.c.setFillColor("#222222")
            self.text(x + 12, y, item.label, 7)
            x += 24 + stringWidth(item.label, fonts.REGULAR, 7)
            if x > self.width - 120:
                x, y = 0.0, y - 10
