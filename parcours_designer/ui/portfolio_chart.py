"""A horizontal bar chart drawn with QPainter: how many pathways name each need category."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR_COLOUR = QColor("#1f4e79")
ROW_HEIGHT = 26
LABEL_SHARE = 0.38


class BarChart(QWidget):
    """Bars of whole numbers, one per labelled row, the largest first as given."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.bars: list[tuple[str, int]] = []
        self.unit = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Diagramme des besoins récurrents"))

    def set_bars(self, bars: list[tuple[str, int]], unit: str) -> None:
        self.bars, self.unit = bars, unit
        self.setMinimumHeight(self.sizeHint().height())
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(600, max(1, len(self.bars)) * ROW_HEIGHT + 12)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        if not self.bars:
            painter.setPen(text_colour)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Aucune catégorie de besoin"))
            return
        label_width = self.width() * LABEL_SHARE
        room = self.width() - label_width - 110
        largest = max(value for _label, value in self.bars) or 1
        metrics = painter.fontMetrics()
        for row, (label, value) in enumerate(self.bars):
            top = 6 + row * ROW_HEIGHT
            painter.setPen(text_colour)
            shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(label_width) - 12)
            painter.drawText(QRectF(4, top, label_width - 12, ROW_HEIGHT - 4),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, shown)
            width = max(2.0, room * value / largest)
            painter.fillRect(QRectF(label_width, top + 4, width, ROW_HEIGHT - 12), BAR_COLOUR)
            painter.drawText(QRectF(label_width + width + 6, top, 100, ROW_HEIGHT - 4),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, f"{value} {self.unit}")
        painter.end()
