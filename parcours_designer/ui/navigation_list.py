"""The list of pages in the window's left column.

It is as wide as its longest title in the font it is shown with (« Échanges
entre pairs », « Engagements RSE »…), so that no title is cut and it never
scrolls sideways; it fits again when the font or the style changes, and makes
room for its vertical scroll bar when the window is too short for every title.

The titles' padding is drawn by a delegate, not a style sheet: a widget with a
style sheet no longer follows its window's font.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QListWidget, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

PADDING = QMargins(8, 5, 8, 5)


class PaddedItemDelegate(QStyledItemDelegate):
    """Items drawn as usual (selection, focus) across the whole row, their text inside ``PADDING``."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return super().sizeHint(option, index).grownBy(PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        text, item.text = item.text, ""
        widget = item.widget
        style = widget.style() if widget is not None else None
        if style is None:
            return super().paint(painter, option, index)
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1  # as Qt's own text
        painter.save()
        painter.setFont(item.font)
        style.drawItemText(painter, item.rect.marginsRemoved(PADDING).adjusted(margin, 0, -margin, 0),
                           int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                           item.palette, bool(item.state & QStyle.StateFlag.State_Enabled), text, role)
        painter.restore()


class NavigationList(QListWidget):
    def __init__(self, titles: list[str], parent: QWidget):
        super().__init__(parent)
        self.setItemDelegate(PaddedItemDelegate(self))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.addItems(titles)
        self.fit_width()

    def fit_width(self) -> None:
        """As wide as the longest title, plus the frame and, when the titles overflow, the scroll bar."""
        width = self.sizeHintForColumn(0) + 2 * self.frameWidth()
        rows_height = sum(self.sizeHintForRow(row) for row in range(self.count()))
        if rows_height > self.height() - 2 * self.frameWidth():
            width += self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        if width != self.minimumWidth() or width != self.maximumWidth():
            self.setFixedWidth(width)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit_width()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().height() != event.oldSize().height():
            self.fit_width()
