"""The planning canvas: a QGraphicsView with a French time axis and mouse gestures.

The background shades weekends, public holidays and closures; the header
(months, then weeks or days when zoomed in) stays at the top while
scrolling. Dragging a bar moves it, dragging its right edge stretches it,
dragging from its handle (or with Shift) draws a dependency to another bar;
each gesture is reported once, on release, as a signal: the planning view
turns it into one undoable command.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Optional

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsView

from parcours_designer.model.calendar import WorkCalendar, month_starts
from parcours_designer.model.formatting import MONTHS
from parcours_designer.palette import LATE_COLOUR, WINDOW_COLOUR
from parcours_designer.ui.planning.scene import (
    HEADER_HEIGHT,
    PlanningScene,
    cosmetic,
    day_x,
    x_day,
)

# Pixels per day of each zoom level, with its French name.
ZOOMS: tuple[tuple[str, float], ...] = (
    ("Semaines", 36.0),
    ("Mois", 12.0),
    ("Trimestre", 6.0),
    ("Année", 3.2),
    ("Plusieurs années", 1.0),
)
TODAY_COLOUR = QColor(LATE_COLOUR)
EDGE_PIXELS = 6
WEEKEND_COLOUR = QColor("#f0f0f0")
HOLIDAY_COLOUR = QColor("#fde3c8")
CLOSURE_COLOUR = QColor("#dbe6f4")
MONTH_ABBR = ("janv.", "févr.", "mars", "avr.", "mai", "juin",
              "juil.", "août", "sept.", "oct.", "nov.", "déc.")

MOVE, STRETCH, LINK = "move", "stretch", "link"


class PlanningCanvas(QGraphicsView):
    """The chart itself; ``moved``/``stretched``/``linked`` fire once per gesture."""

    clicked = Signal(object)  # phase id, or None on empty space
    moved = Signal(str, int)  # phase id, calendar days (+ later)
    stretched = Signal(str, object)  # phase id, new last day (date)
    linked = Signal(str, str)  # source phase id, target phase id (target depends on source)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.planning_scene = PlanningScene(self)
        self.setScene(self.planning_scene)
        self.calendar = WorkCalendar()
        self.today: Optional[date] = None
        self.pixels_per_day = ZOOMS[1][1]
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setMouseTracking(True)
        self._gesture: Optional[tuple[str, str, QPointF]] = None
        self._link_line: Optional[QGraphicsLineItem] = None
        self._preview_days = 0
        self.set_zoom(self.pixels_per_day)

    # --- zoom ------------------------------------------------------------------
    def set_zoom(self, pixels_per_day: float, anchor: Optional[date] = None) -> None:
        """Days → pixels; ``anchor`` (default: the centre) stays where it was."""
        centre = self.mapToScene(self.viewport().rect().center())
        if anchor is not None:
            centre.setX(day_x(anchor))
        self.pixels_per_day = pixels_per_day
        self.resetTransform()
        self.scale(pixels_per_day, 1.0)
        self.centerOn(centre)
        self.viewport().update()

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            factor = 1.25 if event.angleDelta().y() > 0 else 0.8
            self.set_zoom(min(60.0, max(0.8, self.pixels_per_day * factor)))
            event.accept()
            return
        super().wheelEvent(event)

    def show_from(self, day: date) -> None:
        """Scroll so that ``day`` stands at the left edge of the chart."""
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        centre = self.mapToScene(self.viewport().rect().center())
        self.centerOn(day_x(day) + visible.width() / 2, centre.y())

    def show_day(self, day: date) -> None:
        centre = self.mapToScene(self.viewport().rect().center())
        self.centerOn(day_x(day), centre.y())

    # --- painting --------------------------------------------------------------
    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, Qt.GlobalColor.white)
        first, last = math.floor(rect.left()), math.ceil(rect.right())
        weekends = self.pixels_per_day >= 5
        for x in range(first, last + 1):
            day = x_day(x)
            if day.weekday() >= 5 and not weekends:
                continue
            reason = self.calendar.reason_off(day)
            if not reason:
                continue
            colour = (WEEKEND_COLOUR if reason == "week-end" else
                      CLOSURE_COLOUR if reason == "fermeture" else HOLIDAY_COLOUR)
            painter.fillRect(QRectF(x, rect.top(), 1, rect.height()), colour)
        painter.setPen(cosmetic("#c8c8c8", 1))
        for month in month_starts(x_day(first), x_day(last)):
            x = day_x(month)
            painter.drawLine(QLineF(x, rect.top(), x, rect.bottom()))

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        painter.save()
        painter.resetTransform()
        width = self.viewport().width()
        painter.fillRect(QRectF(0, 0, width, HEADER_HEIGHT), QColor("#fafafa"))
        painter.setPen(QPen(QColor("#999999")))
        painter.drawLine(QLineF(0, HEADER_HEIGHT, width, HEADER_HEIGHT))
        left = x_day(self.mapToScene(0, 0).x())
        right = x_day(self.mapToScene(width, 0).x()) + timedelta(days=1)
        self._draw_months(painter, left, right)
        self._draw_ticks(painter, left, right)
        if self.today is not None:
            x = self.mapFromScene(QPointF(day_x(self.today) + 0.5, 0)).x()
            painter.setPen(QPen(TODAY_COLOUR, 1.5))
            painter.drawLine(QLineF(x, HEADER_HEIGHT - 8, x, self.viewport().height()))
        painter.restore()

    def _view_x(self, day: date) -> float:
        return self.mapFromScene(QPointF(day_x(day), 0)).x()

    def _draw_months(self, painter: QPainter, left: date, right: date) -> None:
        painter.setPen(QPen(QColor("#303030")))
        form = _month_form(painter, 28 * self.pixels_per_day - 6)  # one form for all: February must fit
        for month in month_starts(left - timedelta(days=31), right):
            x0 = self._view_x(month)
            x1 = self._view_x((month + timedelta(days=32)).replace(day=1))
            text = _month_text(month, form)
            painter.drawLine(QLineF(x0, 0, x0, HEADER_HEIGHT))
            painter.drawText(QRectF(max(x0, 0) + 3, 2, max(x1 - max(x0, 0) - 6, 0), 20),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)

    def _draw_ticks(self, painter: QPainter, left: date, right: date) -> None:
        painter.setPen(QPen(QColor("#606060")))
        if self.pixels_per_day >= 18:
            days, step = [left + timedelta(days=n) for n in range((right - left).days + 1)], 1
        elif self.pixels_per_day >= 3:
            monday = left - timedelta(days=left.weekday())
            days, step = [monday + timedelta(weeks=n) for n in range((right - monday).days // 7 + 1)], 7
        else:
            return
        for day in days:
            x = self._view_x(day)
            painter.drawLine(QLineF(x, 24, x, HEADER_HEIGHT))
            width = self.pixels_per_day * step
            painter.drawText(QRectF(x + 2, 22, width - 2, 20), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             str(day.day))

    # --- gestures --------------------------------------------------------------
    def mousePressEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or event.position().y() < HEADER_HEIGHT:
            super().mousePressEvent(event)
            return
        phase_id = self.planning_scene.phase_at(self.itemAt(event.position().toPoint()))
        self.planning_scene.select_phase(phase_id)
        self.clicked.emit(phase_id)
        if phase_id is None:
            return
        mode = self._mode(phase_id, event)
        self._gesture = (mode, phase_id, event.position())
        self._preview_days = 0
        if mode == LINK:
            self._start_link(phase_id)
        event.accept()

    def _mode(self, phase_id: str, event) -> str:
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            return LINK
        rect = self.planning_scene.bar_rect(phase_id)
        right = self.mapFromScene(QPointF(rect.right(), rect.center().y())).x()
        if self.planning_scene.bars[phase_id].milestone:
            return MOVE
        return STRETCH if abs(event.position().x() - right) <= EDGE_PIXELS else MOVE

    def mouseMoveEvent(self, event) -> None:
        if self._gesture is None:
            self._update_cursor(event)
            super().mouseMoveEvent(event)
            return
        mode, phase_id, origin = self._gesture
        if mode == LINK:
            line = self._link_line.line()
            self._link_line.setLine(QLineF(line.p1(), self.mapToScene(event.position().toPoint())))
            return
        days = round((event.position().x() - origin.x()) / self.pixels_per_day)
        self._preview(mode, phase_id, days)

    def mouseReleaseEvent(self, event) -> None:
        if self._gesture is None:
            super().mouseReleaseEvent(event)
            return
        mode, phase_id, origin = self._gesture
        self._gesture = None
        if mode == LINK:
            self._finish_link(phase_id, event)
            return
        days = round((event.position().x() - origin.x()) / self.pixels_per_day)
        self._preview(mode, phase_id, 0)
        if days == 0:
            return
        if mode == MOVE:
            self.moved.emit(phase_id, days)
        else:
            rect = self.planning_scene.bar_rect(phase_id)
            self.stretched.emit(phase_id, x_day(rect.right() - 1 + days))

    def _preview(self, mode: str, phase_id: str, days: int) -> None:
        """Show the bar where the gesture would put it (the model moves it on release)."""
        shape = self.planning_scene.bars[phase_id].shape
        step = days - self._preview_days
        self._preview_days = days
        if mode == MOVE:
            shape.moveBy(step, 0)
        elif hasattr(shape, "rect"):
            rect = shape.rect()
            rect.setRight(max(rect.left() + 1, rect.right() + step))
            shape.setRect(rect)

    def _start_link(self, phase_id: str) -> None:
        rect = self.planning_scene.bar_rect(phase_id)
        self._link_line = QGraphicsLineItem(QLineF(rect.right(), rect.center().y(), rect.right(), rect.center().y()))
        self._link_line.setPen(cosmetic(WINDOW_COLOUR, 1.5, Qt.PenStyle.DashLine))
        self._link_line.setZValue(10)
        self.planning_scene.addItem(self._link_line)

    def _finish_link(self, source_id: str, event) -> None:
        self.planning_scene.removeItem(self._link_line)
        self._link_line = None
        target = self.planning_scene.phase_at(self.itemAt(event.position().toPoint()))
        if target is not None and target != source_id:
            self.linked.emit(source_id, target)

    def _update_cursor(self, event) -> None:
        phase_id = self.planning_scene.phase_at(self.itemAt(event.position().toPoint()))
        if phase_id is None:
            self.viewport().unsetCursor()
        elif self._mode(phase_id, event) == STRETCH:
            self.viewport().setCursor(Qt.CursorShape.SizeHorCursor)
        else:
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)

    def viewport_point(self, day: date, row_y: float) -> QPointF:
        """Where a day and a scene height are on screen (for tests and tooltips)."""
        return self.mapFromScene(QPointF(day_x(day), row_y))


MONTH_FORMS = ("full year", "short year", "short", "letter")


def _month_text(month: date, form: str) -> str:
    """``month`` written in ``form`` (one of :data:`MONTH_FORMS`, or "" for nothing); in the short
    forms January shows its year instead, so that the years can be told apart."""
    full, short = MONTHS[month.month - 1], MONTH_ABBR[month.month - 1]
    if month.month == 1 and form == "short":
        return str(month.year)
    texts = {"full year": f"{full} {month.year}", "short year": f"{short} {month.year}", "short": short,
             "letter": short[0].upper()}
    return texts.get(form, "")


def _month_form(painter: QPainter, room: float) -> str:
    """The longest form in which every month of a year fits in ``room`` pixels (the same for all)."""
    metrics = painter.fontMetrics()
    months = [date(2027, number, 1) for number in range(1, 13)]
    for form in MONTH_FORMS:
        if all(metrics.horizontalAdvance(_month_text(month, form)) <= room for month in months):
            return form
    return ""
