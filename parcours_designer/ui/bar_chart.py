"""A horizontal bar chart painted by Qt: one bar per step or choice, its count at the end."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR_HEIGHT = 18
GAP = 5
LABEL_SHARE = 0.42
ACCENT = QColor("#1f4e79")


class BarChart(QWidget):
    def __init__(self, distribution: dict[str, int], parent=None):
        super().__init__(parent)
        self.distribution = dict(distribution)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(self.sizeHint().height())
        self.setAccessibleName(self.tr("Répartition des réponses"))
        self.setAccessibleDescription(", ".join(f"{label} : {count}" for label, count in self.distribution.items()))

    def sizeHint(self) -> QSize:
        return QSize(360, max(1, len(self.distribution)) * (BAR_HEIGHT + GAP) + GAP)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = self.width()
        label_width = width * LABEL_SHARE
        count_width = 40
        bar_room = max(10.0, width - label_width - count_width - 12)
        top = max(self.distribution.values(), default=0) or 1
        metrics = painter.fontMetrics()
        for row, (label, count) in enumerate(self.distribution.items()):
            y = GAP + row * (BAR_HEIGHT + GAP)
            shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(label_width) - 8)
            painter.setPen(self.palette().windowText().color())
            painter.drawText(QRectF(0, y, label_width - 6, BAR_HEIGHT),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), shown)
            length = bar_room * count / top
            painter.fillRect(QRectF(label_width, y + 2, length, BAR_HEIGHT - 4), ACCENT)
            painter.drawText(QRectF(label_width + length + 4, y, count_width, BAR_HEIGHT),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), str(count))
        painter.end()
