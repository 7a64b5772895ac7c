"""Rows of a tree that wrap their text over as many lines as needed (QTreeView does not size them)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTreeView

PADDING = 6


class WrappingDelegate(QStyledItemDelegate):
    def __init__(self, view: QTreeView):
        super().__init__(view)
        self.view = view
        view.setWordWrap(True)
        view.setTextElideMode(Qt.TextElideMode.ElideNone)
        view.viewport().installEventFilter(self)

    def sizeHint(self, option, index) -> QSize:
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        width = self.view.viewport().width() - self.view.indentation() * (depth + 1) - PADDING
        if width <= 40:
            return super().sizeHint(option, index)
        flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
        bounds = options.fontMetrics.boundingRect(QRect(0, 0, width, 100_000), flags, options.text)
        return QSize(width, max(bounds.height(), options.fontMetrics.height()) + PADDING // 2)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.view.doItemsLayout()  # the rows' heights follow the new width
        return False
