"""The Tab order of the window: navigation → the page (filter, table, form…) → the check panel.

Qt follows the order in which widgets were made, and pages are made after the
check panel (on first show): without this, Tab went from the navigation to the
check panel first. A list's filter comes just before its table.

Found by going through every page with the keyboard alone, and fixed here for
all pages at once: Tab never stays inside a table (the arrows move between
cells) nor inside a date (the arrows and the cursor move between day, month
and year); a widget that hands its focus to another (a tab widget to its tab bar, a
list with its search to its list, a table's viewport to the table) is not a
stop of its own: it sent Tab from the check panel back into the page instead
of to the navigation.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QDateTimeEdit, QLineEdit, QScrollArea, QTabBar, QWidget

from parcours_designer.ui.window_filters import watch_once


def focus_chain(root: QWidget) -> list[QWidget]:
    """The widgets under ``root`` that Tab reaches, in their current order.

    Qt's chain is followed only while it stays under ``root`` (the widgets of a page are made
    together, so they follow each other): walking the whole window also wrapped widgets of other
    windows and of pages being deleted, which broke a menu of the editor. Widgets not met that
    way come last, in the order they were made.
    """
    ordered, widget = [], root.nextInFocusChain()
    while widget is not None and widget is not root and root.isAncestorOf(widget) and len(ordered) < 5000:
        ordered.append(widget)
        widget = widget.nextInFocusChain()
    met = set(ordered)
    ordered += [w for w in root.findChildren(QWidget) if w not in met]
    window = root.window()
    return [w for w in dict.fromkeys(ordered)
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.focusProxy() is None
            and w.window() is window]  # not a calendar popup or a menu: windows of their own


def filters_first(widgets: list[QWidget]) -> list[QWidget]:
    """Tab bars first; each list filter (its accessible name starts with « Filtrer ») just before its table."""
    widgets = [w for w in widgets if isinstance(w, QTabBar)] + [w for w in widgets if not isinstance(w, QTabBar)]
    ordered = [w for w in widgets if not _is_filter(w)]
    for search in (w for w in widgets if _is_filter(w)):
        table = next((w for w in ordered if isinstance(w, QAbstractItemView)
                      and search.parentWidget().isAncestorOf(w)), None)
        ordered.insert(ordered.index(table) if table is not None else len(ordered), search)
    return ordered


def _is_filter(widget: QWidget) -> bool:
    return isinstance(widget, QLineEdit) and widget.accessibleName().startswith("Filtrer")


class DateTab(QObject):
    """Tab leaves a date field (instead of going to its month, then its year, or staying in it)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) \
                and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            window = watched.window()
            window.focusNextPrevChild(event.key() == Qt.Key.Key_Tab
                                      and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            return True
        return False


def keyboard_friendly(root: QWidget) -> None:
    """Tables and dates that Tab leaves; containers handing their focus to a child are no stop."""
    for view in root.findChildren(QAbstractItemView):
        view.setTabKeyNavigation(False)
    for area in root.findChildren(QScrollArea):  # a form's frame: Tab goes to its fields, the area follows
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    for widget in root.findChildren(QWidget):
        proxy = widget.focusProxy()
        if proxy is not None and widget.focusPolicy() != Qt.FocusPolicy.NoFocus:  # containers, viewports
            kept = proxy.focusPolicy()
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Qt passes it on to the proxy: given back below
            proxy.setFocusPolicy(kept)
    for edit in root.findChildren(QDateTimeEdit):
        watch_once(edit, DateTab, "date-tab")


class RingClose(QObject):
    """Tab from the last stop goes back to the navigation (Qt's own walk sometimes went back into the page)."""

    def __init__(self, navigation: QWidget):
        super().__init__(navigation)
        self.navigation = navigation
        self.last: list[QWidget] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or event.key() != Qt.Key.Key_Tab \
                or event.modifiers() & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier):
            return False
        if watched is not self.last_stop():
            return False
        self.navigation.setFocus(Qt.FocusReason.TabFocusReason)
        return True

    def last_stop(self) -> QWidget | None:
        """The last stop that Tab can reach now: the panel's last shown one, else the page's."""
        shown = [w for w in self.last if w.isVisible() and w.isEnabled()]
        return shown[-1] if shown else None

    def watch(self, widgets: list[QWidget]) -> None:
        """``widgets``: the page's stops then the panel's, in Tab order."""
        self.last = widgets
        for widget in widgets:
            widget.removeEventFilter(self)
            widget.installEventFilter(self)


def order_page(navigation: QWidget, page: QWidget, panel: QWidget) -> None:
    """Tab from ``navigation`` through ``page`` then into ``panel``, and back to ``navigation``."""
    keyboard_friendly(page)
    keyboard_friendly(panel)
    page_chain, panel_chain = filters_first(focus_chain(page)), focus_chain(panel)
    chain = [navigation, *page_chain, *panel_chain]
    for first, second in zip(chain, chain[1:]):
        QWidget.setTabOrder(first, second)
    closer = navigation.findChild(RingClose) or RingClose(navigation)
    closer.watch(page_chain + panel_chain)
