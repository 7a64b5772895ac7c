"""The items of the planning scene, drawn from the model's :class:`GanttLayout`.

Scene x is in days since ``ORIGIN`` (the view scales it: zooming never moves
an item), scene y in pixels. Texts, milestones and arrow heads ignore the
view's scale; every pen is cosmetic, so lines keep their width at any zoom.
"""

from __future__ import annotations

from datetime import date
from typing import Optional

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen, QPolygonF, QTransform
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsPathItem,
    QGraphicsPolygonItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
)

from parcours_designer.model.gantt_layout import GanttArrow, GanttBar, GanttLayout
from parcours_designer.palette import (
    ARROW_COLOUR,
    BAR_EDGE_COLOUR,
    BASELINE_COLOUR,
    BASELINE_EDGE_COLOUR,
    CRITICAL_COLOUR,
    CYCLE_COLOUR,
    KIND_COLOURS,
    LATE_COLOUR,
    OVERLOAD_COLOUR,
    SLACK_COLOUR,
)

ORIGIN = date(2000, 1, 1).toordinal()
HEADER_HEIGHT = 44.0
ROW_HEIGHT = 28.0
BAR_HEIGHT = 16.0
PHASE_KEY = 0  # item data key holding the phase id


def day_x(day: date) -> float:
    return float(day.toordinal() - ORIGIN)


def x_day(x: float) -> date:
    return date.fromordinal(int(round(x)) + ORIGIN)


def row_centre(row: int) -> float:
    return HEADER_HEIGHT + row * ROW_HEIGHT + ROW_HEIGHT / 2


def cosmetic(colour: str, width: float = 1.0, style=Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(QColor(colour), width, style)
    pen.setCosmetic(True)
    return pen


def _fixed_size(item: QGraphicsItem) -> QGraphicsItem:
    item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
    return item


class BarItems:
    """Every item of one phase: bar (or diamond), baseline ghost, slack line, label."""

    def __init__(self, scene: QGraphicsScene, bar: GanttBar):
        self.phase_id = bar.phase_id
        self.milestone = bar.milestone
        self.ghost = QGraphicsRectItem()
        self.ghost.setBrush(QBrush(QColor(BASELINE_COLOUR)))
        self.ghost.setPen(cosmetic(BASELINE_EDGE_COLOUR, 1, Qt.PenStyle.DashLine))
        self.ghost.setZValue(1)
        self.slack = QGraphicsLineItem()
        self.slack.setPen(cosmetic(SLACK_COLOUR, 1.2, Qt.PenStyle.DotLine))
        self.slack.setZValue(1)
        if bar.milestone:
            diamond = QPolygonF([QPointF(0, -8), QPointF(8, 0), QPointF(0, 8), QPointF(-8, 0)])
            self.shape: QGraphicsItem = _fixed_size(QGraphicsPolygonItem(diamond))
        else:
            self.shape = QGraphicsRectItem()
        self.shape.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.shape.setData(PHASE_KEY, bar.phase_id)
        self.shape.setZValue(3)
        self.label = _fixed_size(QGraphicsSimpleTextItem())
        self.label.setZValue(4)
        self.label.setData(PHASE_KEY, bar.phase_id)
        for item in (self.ghost, self.slack, self.shape, self.label):
            scene.addItem(item)
        self.update(bar, False, False)

    def update(self, bar: GanttBar, late: bool, overloaded: bool) -> None:
        y = row_centre(bar.row)
        x0, x1 = day_x(bar.start), day_x(bar.end) + 1
        self.ghost.setVisible(bar.moved)
        if bar.moved:
            ghost_end = day_x(bar.baseline_end) + 1
            self.ghost.setRect(QRectF(day_x(bar.baseline_start), y - BAR_HEIGHT / 2 - 3,
                                      ghost_end - day_x(bar.baseline_start), BAR_HEIGHT + 6))
        has_slack = bar.latest_end is not None and bool(bar.slack) and bar.slack > 0
        self.slack.setVisible(has_slack)
        if has_slack:
            self.slack.setLine(x1, y, day_x(bar.latest_end) + 1, y)
        self.shape.setBrush(QBrush(QColor(KIND_COLOURS[bar.kind])))
        edge = CRITICAL_COLOUR if bar.critical else (LATE_COLOUR if late else BAR_EDGE_COLOUR)
        self.shape.setPen(cosmetic(edge, 2.2 if bar.critical or late else 0.8,
                                   Qt.PenStyle.DashLine if late and not bar.critical else Qt.PenStyle.SolidLine))
        if bar.milestone:
            self.shape.setPos(x0 + 0.5, y)
        else:
            self.shape.setRect(QRectF(x0, y - BAR_HEIGHT / 2, x1 - x0, BAR_HEIGHT))
        marks = ("⚠ " if overloaded else "") + ("● " if late else "")
        self.label.setText(marks + bar.title)
        self.label.setBrush(QBrush(QColor(OVERLOAD_COLOUR if overloaded else LATE_COLOUR if late else "#202020")))
        self.label.setPos(x1 + (0.5 if bar.milestone else 0), y)
        height = self.label.boundingRect().height()
        self.label.setTransform(QTransform.fromTranslate(10 if bar.milestone else 5, -height / 2))

    def remove(self, scene: QGraphicsScene) -> None:
        for item in (self.ghost, self.slack, self.shape, self.label):
            scene.removeItem(item)


class ArrowItems:
    """A dependency: an elbow line from the end of one bar to the start of another, and its head."""

    HEAD = QPolygonF([QPointF(0, 0), QPointF(-7, -4), QPointF(-7, 4)])

    def __init__(self, scene: QGraphicsScene, arrow: GanttArrow):
        colour = CYCLE_COLOUR if arrow.in_cycle else ARROW_COLOUR
        self.line = QGraphicsPathItem()
        self.line.setPen(cosmetic(colour, 1.0))
        self.line.setZValue(2)
        self.head = _fixed_size(QGraphicsPolygonItem(self.HEAD))
        self.head.setBrush(QBrush(QColor(colour)))
        self.head.setPen(QPen(Qt.PenStyle.NoPen))
        self.head.setZValue(2)
        self.update(arrow)
        scene.addItem(self.line)
        scene.addItem(self.head)

    def update(self, arrow: GanttArrow) -> None:
        xs, xt = day_x(arrow.source_end) + 1, day_x(arrow.target_start)
        ys, yt = row_centre(arrow.source_row), row_centre(arrow.target_row)
        bend = min(xs + 1, xt) if xt > xs else xs + 0.5
        path = QPainterPath(QPointF(xs, ys))
        path.lineTo(bend, ys)
        path.lineTo(bend, yt)
        path.lineTo(xt, yt)
        self.line.setPath(path)
        self.head.setPos(xt, yt)

    def remove(self, scene: QGraphicsScene) -> None:
        scene.removeItem(self.line)
        scene.removeItem(self.head)


class PlanningScene(QGraphicsScene):
    """Bars and arrows of a layout; updated in place when only dates change."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.bars: dict[str, BarItems] = {}
        self.arrows: dict[tuple, tuple[ArrowItems, GanttArrow]] = {}
        self._drawn: dict[str, tuple] = {}  # phase id → what its items show now
        self.layout: Optional[GanttLayout] = None
        self.lane_titles: list[QGraphicsSimpleTextItem] = []

    def show_layout(self, layout: GanttLayout, late: set[str], overloaded: set[str], today: date) -> None:
        """Draw ``layout``, touching only the items whose bar or arrow changed."""
        same_rows = self.layout is not None and _rows(self.layout) == _rows(layout)
        if not same_rows:
            for items in self.bars.values():
                items.remove(self)
            self.bars = {bar.phase_id: BarItems(self, bar) for bar in layout.bars}
            self._drawn = {}
        self._show_lanes(layout)
        for bar in layout.bars:
            shown = (bar, bar.phase_id in late, bar.phase_id in overloaded)
            if self._drawn.get(bar.phase_id) != shown:
                self.bars[bar.phase_id].update(*shown)
                self._drawn[bar.phase_id] = shown
        self._show_arrows(layout.arrows)
        self.layout = layout
        self._fit(layout, today)

    def _show_lanes(self, layout: GanttLayout) -> None:
        """The title of each group (module, objective…) on its header row, from the first day shown."""
        for item in self.lane_titles:
            self.removeItem(item)
        span = layout.span()
        headed = [lane for lane in layout.lanes if lane.header_row is not None]
        self.lane_titles = [self._lane_title(lane.title, lane.header_row, span[0]) for lane in headed] if span else []

    def _lane_title(self, title: str, row: int, first_day: date) -> QGraphicsSimpleTextItem:
        item = _fixed_size(QGraphicsSimpleTextItem(title))
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        item.setBrush(QBrush(QColor("#1f4e79")))
        item.setPos(day_x(first_day), row_centre(row))
        item.setTransform(QTransform.fromTranslate(0, -item.boundingRect().height() / 2))
        item.setZValue(4)
        self.addItem(item)
        return item

    def _show_arrows(self, arrows: list[GanttArrow]) -> None:
        kept: dict[tuple, tuple[ArrowItems, GanttArrow]] = {}
        for arrow in arrows:
            key = (arrow.source_id, arrow.target_id, arrow.source_row, arrow.target_row, arrow.in_cycle)
            found = self.arrows.pop(key, None)
            if found is None:
                kept[key] = (ArrowItems(self, arrow), arrow)
                continue
            if found[1] != arrow:
                found[0].update(arrow)
            kept[key] = (found[0], arrow)
        for items, _arrow in self.arrows.values():
            items.remove(self)
        self.arrows = kept

    def _fit(self, layout: GanttLayout, today: date) -> None:
        span = layout.span() or (today, today)
        first = min(span[0], today) if abs((today - span[0]).days) < 400 else span[0]
        last = max(span[1], today) if abs((today - span[1]).days) < 400 else span[1]
        height = row_centre(max(layout.row_count, 1)) + ROW_HEIGHT
        self.setSceneRect(QRectF(day_x(first) - 21, 0, day_x(last) - day_x(first) + 63, height))

    def phase_at(self, item: Optional[QGraphicsItem]) -> Optional[str]:
        return item.data(PHASE_KEY) if item is not None else None

    def select_phase(self, phase_id: Optional[str]) -> None:
        self.clearSelection()
        items = self.bars.get(phase_id) if phase_id else None
        if items is not None:
            items.shape.setSelected(True)

    def bar_rect(self, phase_id: str) -> QRectF:
        """The bar of ``phase_id`` in scene coordinates (a milestone: its day)."""
        items = self.bars[phase_id]
        if items.milestone:
            centre = items.shape.pos()
            return QRectF(centre.x() - 0.5, centre.y() - BAR_HEIGHT / 2, 1, BAR_HEIGHT)
        return items.shape.rect()


def _rows(layout: GanttLayout) -> list[tuple[str, int, bool]]:
    return [(bar.phase_id, bar.row, bar.milestone) for bar in layout.bars]
