"""One event filter of a kind per window, installed once on each widget it watches."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

Filter = TypeVar("Filter", bound=QObject)


def window_filter(widget: QWidget, kind: type[Filter], name: str) -> Filter:
    """The ``kind`` filter owned by ``widget``'s window (made the first time)."""
    window = widget.window()
    found = window.findChild(kind, name, Qt.FindChildOption.FindDirectChildrenOnly)
    if found is None:
        found = kind(window)
        found.setObjectName(name)
    return found


def watch_once(widget: QWidget, kind: type[QObject], name: str) -> bool:
    """Install the window's ``kind`` filter on ``widget`` unless done already; True if installed now."""
    marker = f"watched-by-{name}"
    if widget.property(marker):
        return False
    widget.installEventFilter(window_filter(widget, kind, name))
    widget.setProperty(marker, True)
    return True
