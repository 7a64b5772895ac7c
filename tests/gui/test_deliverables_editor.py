"""Issue 16: a phase's deliverables are received, accepted or refused in the table under its form,
each edit one undo step; the keyboard goes through the table and leaves it."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox

from parcours_designer.model.entities import Deliverable
from parcours_designer.model.enums import DeliverableStatus
from parcours_designer.model.fileformat import dump_pathway
from parcours_designer.ui.commands import SetFields
from parcours_designer.ui.deliverables_editor import COMMENT, RECEIVED, STATUS, TITLE, DeliverablesEditor
from tests.gui.helpers import choose_status as _choose, deliverables_editor

pytestmark = pytest.mark.gui

TODAY = date(2027, 6, 21)


@pytest.fixture
def window(example_window):
    return example_window


def _editor(window, phase_id: str) -> DeliverablesEditor:
    return deliverables_editor(window, phase_id, TODAY)


def test_the_table_shows_each_deliverable_of_the_selected_phase(window):
    editor = _editor(window, "ph6")
    assert editor.table.rowCount() == 1 and editor.text_at(0, TITLE).startswith("Plan de diffusion")
    assert editor.table.cellWidget(0, STATUS).currentText() == "Accepté"
    assert editor.table.cellWidget(0, RECEIVED).value() == date(2027, 6, 14)
    assert editor.text_at(0, COMMENT).startswith("Remis le lundi")
    page = window.list_page("phases").list_pages["phases"]
    assert "deliverables" not in page.form.widgets  # the one-per-line text field is gone
    page.select("ph9")  # switching phase shows that phase's deliverables
    assert [editor.text_at(r, TITLE) for r in range(editor.table.rowCount())] == ["Support de formation",
                                                                                   "Attestations"]
    assert editor.table.cellWidget(1, STATUS).currentText() == "Attendu"
    assert editor.table.cellWidget(1, RECEIVED).value() is None


def test_refusing_proposes_today_in_one_undo_step_and_undo_gives_back_a_plain_title(window):
    editor = _editor(window, "ph9")
    phase, stack = window.document.item("phases", "ph9"), window.document.undo_stack
    saved, before = dump_pathway(window.document.pathway), stack.count()
    _choose(editor, 1, "Refusé")
    assert phase.deliverables[1] == Deliverable(title="Attestations", status=DeliverableStatus.REFUSED,
                                                received_on=TODAY)
    assert stack.count() == before + 1 and stack.undoText() == "Changer le statut d'un livrable"
    assert editor.table.cellWidget(1, RECEIVED).value() == TODAY
    stack.undo()
    assert phase.deliverables[1] == Deliverable(title="Attestations")
    assert editor.table.cellWidget(1, STATUS).currentText() == "Attendu"
    assert editor.table.cellWidget(1, RECEIVED).value() is None
    assert dump_pathway(window.document.pathway) == saved  # expected again: a plain string in the file
    stack.redo()
    assert phase.deliverables[1].status == DeliverableStatus.REFUSED
    assert editor.table.cellWidget(1, STATUS).currentText() == "Refusé"


def test_a_status_keeps_a_date_already_given_and_expected_again_drops_it(window):
    editor = _editor(window, "ph6")
    phase = window.document.item("phases", "ph6")
    _choose(editor, 0, "Reçu")
    assert phase.deliverables[0].received_on == date(2027, 6, 14)
    _choose(editor, 0, "Attendu")
    assert phase.deliverables[0].received_on is None and phase.deliverables[0].comment.startswith("Remis")


def test_date_and_comment_are_each_one_undo_step(qtbot, window):
    editor = _editor(window, "ph6")
    phase, stack = window.document.item("phases", "ph6"), window.document.undo_stack
    before = stack.count()
    field = editor.table.cellWidget(0, RECEIVED)
    field.edit.setDate(QDate(2027, 6, 18))
    field.edit.editingFinished.emit()
    assert phase.deliverables[0].received_on == date(2027, 6, 18)
    assert stack.count() == before + 1 and stack.undoText() == "Changer la date de réception d'un livrable"
    editor.table.item(0, COMMENT).setText("Conforme à la commande")
    assert phase.deliverables[0].comment == "Conforme à la commande"
    assert stack.count() == before + 2 and stack.undoText() == "Commenter un livrable"
    qtbot.mouseClick(field.clear_button, Qt.MouseButton.LeftButton)
    assert phase.deliverables[0].received_on is None  # a date may be left empty
    stack.undo()
    stack.undo()
    assert phase.deliverables[0].comment.startswith("Remis le lundi")
    assert editor.text_at(0, COMMENT).startswith("Remis le lundi")
    stack.undo()
    assert phase.deliverables[0].received_on == date(2027, 6, 14)
    assert field.value() == date(2027, 6, 14)


def test_adding_renaming_and_removing_a_deliverable(qtbot, window):
    editor = _editor(window, "ph10")
    phase, stack = window.document.item("phases", "ph10"), window.document.undo_stack
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert [d.title for d in phase.deliverables] == ["Compte rendu du comité", "Nouveau livrable"]
    assert stack.undoText() == "Ajouter un livrable"
    editor.table.item(1, TITLE).setText("Relevé de décisions")
    assert phase.deliverables[1] == Deliverable(title="Relevé de décisions")
    assert stack.undoText() == "Renommer un livrable"
    editor.table.item(1, TITLE).setText("")  # an emptied title keeps the old one
    assert phase.deliverables[1].title == "Relevé de décisions" and editor.text_at(1, TITLE) == "Relevé de décisions"
    editor.table.setCurrentCell(0, TITLE)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert [d.title for d in phase.deliverables] == ["Relevé de décisions"]
    assert stack.undoText() == "Supprimer un livrable"
    stack.undo()
    assert [editor.text_at(r, TITLE) for r in range(editor.table.rowCount())] == ["Compte rendu du comité",
                                                                                   "Relevé de décisions"]


def test_tab_goes_through_the_table_its_editors_and_buttons_then_leaves(qtbot, window):
    editor = _editor(window, "ph9")
    window.list_page("phases").list_pages["phases"].select("ph6")  # rows made after the page was shown
    window.list_page("phases").list_pages["phases"].select("ph9")
    editor.table.setFocus()
    seen = []
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    rows = [[editor.table.cellWidget(r, STATUS), editor.table.cellWidget(r, RECEIVED).edit,
             editor.table.cellWidget(r, RECEIVED).clear_button] for r in range(2)]
    assert seen[:8] == [*rows[0], *rows[1], editor.add_button, editor.remove_button]
    assert not editor.isAncestorOf(seen[8])  # out of the editor: no trap


def test_the_wheel_leaves_unfocused_status_and_dates_alone(window):
    editor = _editor(window, "ph9")
    combos = editor.findChildren(QComboBox)
    assert combos and all(c.focusPolicy() == Qt.FocusPolicy.StrongFocus for c in combos)
    window.list_page("phases").list_pages["phases"].table.setFocus()
    count = window.document.undo_stack.count()
    for widget in (combos[0], editor.table.cellWidget(0, RECEIVED).edit):
        event = QWheelEvent(QPointF(5, 5), QPointF(widget.mapToGlobal(QPoint(5, 5))), QPoint(0, 0), QPoint(0, -120),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                            False)
        QApplication.sendEvent(widget, event)
    assert combos[0].currentText() == "Attendu" and editor.table.cellWidget(0, RECEIVED).value() is None
    assert window.document.undo_stack.count() == count


def test_the_whole_page_ring_passes_through_the_deliverables_and_comes_back(qtbot, window):
    editor = _editor(window, "ph7")
    window.navigation.setFocus()
    seen = []
    for _ in range(80):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if QApplication.focusWidget() is window.navigation:
            break
        seen.append(QApplication.focusWidget())
    assert QApplication.focusWidget() is window.navigation and len(seen) == len(set(seen))
    assert editor.table in seen and editor.remove_button in seen
    assert seen.index(editor.table) < seen.index(editor.table.cellWidget(1, STATUS)) < seen.index(editor.add_button)


# --- review of issue 16 (A, B, I, J): one field of one row, a selected row, readable rows ----------

def test_supprimer_needs_a_selected_row_and_the_focus_in_a_row_selects_it(qtbot, window):
    editor = _editor(window, "ph9")
    assert not editor.remove_button.isEnabled()  # nothing selected: nothing to remove
    editor.table.cellWidget(1, RECEIVED).edit.setFocus()
    qtbot.waitUntil(lambda: editor.table.selectionModel().selectedRows() != [])
    assert [index.row() for index in editor.table.selectionModel().selectedRows()] == [1]
    assert editor.remove_button.isEnabled()
    editor.remove_button.click()
    assert [d.title for d in window.document.item("phases", "ph9").deliverables] == ["Support de formation"]
    assert editor.table.selectionModel().selectedRows() == [] and not editor.remove_button.isEnabled()
    editor.add_button.click()  # the new row is selected, to be named…
    assert editor.remove_button.isEnabled()
    window.document.undo_stack.undo()  # …and gone: no other row takes its place in the selection
    assert editor.table.selectionModel().selectedRows() == [] and not editor.remove_button.isEnabled()


def test_a_date_on_an_awaited_deliverable_receives_it_in_one_undo_step(window):
    editor = _editor(window, "ph9")
    phase, stack = window.document.item("phases", "ph9"), window.document.undo_stack
    saved, before = dump_pathway(window.document.pathway), stack.count()
    field = editor.table.cellWidget(1, RECEIVED)
    field.edit.setDate(QDate(2027, 6, 25))
    field.edit.editingFinished.emit()
    assert phase.deliverables[1] == Deliverable(title="Attestations", status=DeliverableStatus.RECEIVED,
                                                received_on=date(2027, 6, 25))
    assert stack.count() == before + 1 and stack.undoText() == "Changer la date de réception d'un livrable"
    assert editor.table.cellWidget(1, STATUS).currentText() == "Reçu"
    field.clear_button.click()  # the date goes, the status stays: the officer says when, later
    assert phase.deliverables[1].status == DeliverableStatus.RECEIVED and phase.deliverables[1].received_on is None
    stack.undo()
    stack.undo()
    assert dump_pathway(window.document.pathway) == saved
    assert editor.table.cellWidget(1, STATUS).currentText() == "Attendu" and field.value() is None


def test_editing_one_row_leaves_the_others_as_the_file_wrote_them(window):
    document = window.document
    document.push(SetFields(document, "phases", "ph9", {"deliverables": [
        "Support ", Deliverable(title="Attestations", status=DeliverableStatus.REFUSED,
                                received_on=date(2027, 6, 25), comment="Manque une page.\n")]}))
    editor = _editor(window, "ph9")
    count = document.undo_stack.count()
    editor.table.item(1, COMMENT).setText("Manque une page.\n")  # the same text: no edit
    editor.table.item(0, TITLE).setText("Support ")
    assert document.undo_stack.count() == count
    editor.table.item(1, TITLE).setText("  Attestations de présence ")
    assert [(d.title, d.comment) for d in document.item("phases", "ph9").deliverables] == [
        ("Support ", ""), ("Attestations de présence", "Manque une page.\n")]
    assert document.undo_stack.count() == count + 1 and document.undo_stack.undoText() == "Renommer un livrable"


def test_a_long_comment_takes_four_lines_its_whole_text_in_a_plain_tooltip(window):
    comment = "Signatures <b>manquantes</b> & pages illisibles ; " * 30
    window.document.push(SetFields(window.document, "phases", "ph9", {"deliverables": [
        Deliverable(title="Rapport", status=DeliverableStatus.REFUSED, received_on=date(2027, 6, 25),
                    comment=comment), "Attestations"]}))
    window.resize(1366, 768)
    editor = _editor(window, "ph9")
    table = editor.table
    line = table.fontMetrics().lineSpacing()
    assert 3 * line < table.rowHeight(0) <= 5 * line + 12  # four lines, not the whole comment
    assert table.rowHeight(1) < 2 * line + 12
    tooltip = table.item(0, COMMENT).toolTip()
    assert "&lt;b&gt;manquantes&lt;/b&gt; &amp;" in tooltip and "<b>manquantes" not in tooltip
    assert tooltip.count("pages illisibles") == 30
    for widget in (table.cellWidget(0, STATUS), table.cellWidget(0, RECEIVED)):  # natural height, at the top
        assert widget.height() == widget.sizeHint().height() and widget.y() == table.rowViewportPosition(0)
