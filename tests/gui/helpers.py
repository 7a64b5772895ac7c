"""Drive the editor the way a person does: clicks, keys, dialogs answered."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QToolButton


def click_action(qtbot, page, key: str) -> None:
    """Click the page's tool button for action ``key`` (add, delete, up…)."""
    action = page.actions_[key]
    button = next(b for b in page.findChildren(QToolButton) if b.defaultAction() is action)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_text(widget, text: str) -> None:
    """Key presses carrying each character (QTest only knows ASCII keys)."""
    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, character))


def type_into(qtbot, widget, text: str, finish: bool = False) -> None:
    widget.setFocus()
    widget.selectAll()
    type_text(widget, text)
    if finish:
        qtbot.keyClick(widget, Qt.Key.Key_Return)


def check_link(qtbot, link_list, name: str) -> None:
    """Find ``name`` in a searchable checkable list and tick it with the space bar."""
    link_list.search.clear()
    type_text(link_list.search, name)
    proxy = link_list.proxy
    assert proxy.rowCount() >= 1, f"« {name} » absent de la liste"
    index = proxy.index(0, 0, QModelIndex())
    link_list.view.setFocus()
    link_list.view.setCurrentIndex(index)
    qtbot.keyClick(link_list.view, Qt.Key.Key_Space)
    link_list.search.clear()


def choose_in_combo(qtbot, combo: QComboBox, text: str) -> None:
    """Move through a combo with the keyboard until it shows ``text``."""
    combo.setFocus()
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text


def deliverables_editor(window, phase_id: str, today):
    """The deliverables table under the Étapes page, showing ``phase_id``, proposing ``today``."""
    from parcours_designer.ui.deliverables_editor import DeliverablesEditor

    page = window.show_page("phases").list_pages["phases"]
    page.select(phase_id)
    editor = next(w for w in page.extra if isinstance(w, DeliverablesEditor))
    editor.today = today
    return editor


def choose_status(editor, row: int, label: str) -> None:
    """Pick ``label`` in the row's status list, as a click in its popup does."""
    from parcours_designer.ui.deliverables_editor import STATUS

    combo = editor.table.cellWidget(row, STATUS)
    index = combo.findText(label)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
