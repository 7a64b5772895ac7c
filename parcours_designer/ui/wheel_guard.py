"""The mouse wheel scrolls the form, not the value of the field under the cursor.

Spin boxes, date fields and combo boxes change their value on a wheel turn
even without the focus: scrolling a long form (the phase's) would silently
change a date or a number. Guarded, they take the focus only by click or Tab
(``Qt.StrongFocus``) and, without it, hand the wheel to the scroll area
around them. Once focused (clicked, or reached with Tab) the wheel changes
the value as usual.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QWidget

from parcours_designer.ui.window_filters import watch_once

GUARDED = (QAbstractSpinBox, QComboBox)


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget) or watched.hasFocus():
            return False
        area = _scroll_area(watched)
        if area is not None:
            QApplication.sendEvent(area.verticalScrollBar(), event)
        return True  # never the value


def _scroll_area(widget: QWidget):
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and parent.verticalScrollBar().isVisible():
            return parent
        parent = parent.parentWidget()
    return None


def guard_wheel(*widgets: QWidget) -> None:
    """Guard ``widgets`` and every spin box, date and combo box inside them."""
    for root in widgets:
        found = [root] if isinstance(root, GUARDED) else []
        for kind in GUARDED:
            found += root.findChildren(kind)
        for widget in found:
            if watch_once(widget, WheelGuard, "wheel-guard"):
                widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
