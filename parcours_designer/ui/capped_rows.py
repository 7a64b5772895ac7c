"""Table rows that wrap their text over a few lines at most.

A long comment no longer makes its row taller than the table (the row's
title, status and date out of sight: a table scrolls row by row). The text
is top-aligned, the last line shown ends with « … », the whole text is in
the cell's tooltip (through :func:`~parcours_designer.ui.tooltips.plain_tooltip`).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

MAX_LINES = 4
TOP_LEFT = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
TOP_RIGHT = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight


class CappedRowsDelegate(QStyledItemDelegate):
    """Asks for the height of the wrapped text, but never more than ``lines`` lines."""

    def __init__(self, view: QTableView, lines: int = MAX_LINES):
        super().__init__(view)
        self.lines = lines

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), min(size.height(), self.height_cap(option, index)))

    def height_cap(self, option: QStyleOptionViewItem, index: QModelIndex) -> int:
        """The height the style gives the cell for exactly ``lines`` lines of its font (no line cut)."""
        probe = QStyleOptionViewItem(option)
        self.initStyleOption(probe, index)
        probe.text = "\u2028".join("M" * self.lines)  # Qt's line separator
        style = probe.widget.style() if probe.widget is not None else QApplication.style()
        return style.sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, probe, QSize(), probe.widget).height()


def cap_rows(view: QTableView, lines: int = MAX_LINES) -> None:
    """Rows of ``view`` as tall as their wrapped text, ``lines`` lines at most, following the columns' widths."""
    view.setWordWrap(True)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setItemDelegate(CappedRowsDelegate(view, lines))
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)


def natural_height(*widgets) -> None:
    """Cell widgets keep their own height in a taller row, at its top (the view would stretch them)."""
    for widget in widgets:
        widget.setMaximumHeight(widget.sizeHint().height())
