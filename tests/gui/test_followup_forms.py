"""Issue 5 in the forms: planning fields of phases, partners' capacity, risks' extra cost, closures."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDateEdit, QDateTimeEdit, QLineEdit

from parcours_designer.model.entities import Closure
from parcours_designer.model.enums import PhaseStatus
from parcours_designer.model.fileformat import validate_pathway
from parcours_designer.ui.closures import END, LABEL, START, ClosuresEditor
from parcours_designer.ui.document import Document
from parcours_designer.ui.planning_page import PlanningPage
from tests.gui.helpers import choose_in_combo, type_into, type_text

pytestmark = pytest.mark.gui


@pytest.fixture
def window(example_window):
    return example_window


def type_date(qtbot, edit: QDateEdit, digits: str) -> None:
    """Type a date as a person does: day, month, year, then Entrée."""
    edit.setFocus()
    edit.setCurrentSection(QDateTimeEdit.Section.DaySection)
    edit.setSelectedSection(QDateTimeEdit.Section.DaySection)
    type_text(edit, digits)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def phases_page(window, phase_id: str):
    page = window.show_page("phases").list_pages["phases"]
    page.select(phase_id)
    return page


def test_phase_planning_fields_are_edited_and_undone(qtbot, window):
    page = phases_page(window, "ph4")
    phase = window.document.item("phases", "ph4")
    stack = window.document.undo_stack
    widgets = page.form.widgets
    type_into(qtbot, widgets["duration_days"], "3")
    assert phase.duration_days == 3
    type_into(qtbot, widgets["lag_days"], "2")
    assert phase.lag_days == 2
    widgets["pinned"].setFocus()
    qtbot.keyClick(widgets["pinned"], Qt.Key.Key_Space)
    assert phase.pinned is True
    choose_in_combo(qtbot, widgets["status"], "En cours")
    assert phase.status == PhaseStatus.IN_PROGRESS
    # « En cours » shows in the Avancement column of the table.
    model = page.model
    column = next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == "Avancement")
    assert model.index(window.document.row_of("phases", "ph4"), column).data() == "En cours"
    assert stack.count() == 4
    while stack.canUndo():
        stack.undo()
    assert (phase.duration_days, phase.lag_days, phase.pinned, phase.status) == (None, 0, False, PhaseStatus.PLANNED)
    assert not window.document.is_modified()


def test_actual_dates_are_typed_and_cleared(qtbot, window):
    page = phases_page(window, "ph2")
    phase = window.document.item("phases", "ph2")
    field = page.form.widgets["actual_start"]
    assert field.value() is None
    qtbot.mouseClick(field.edit, Qt.MouseButton.LeftButton)  # an empty date starts from today
    type_date(qtbot, field.edit, "27012027")
    assert phase.actual_start == date(2027, 1, 27)
    end = page.form.widgets["actual_end"]
    qtbot.mouseClick(end.edit, Qt.MouseButton.LeftButton)
    type_date(qtbot, end.edit, "23022027")
    assert phase.actual_end == date(2027, 2, 23)
    qtbot.mouseClick(end.clear_button, Qt.MouseButton.LeftButton)
    assert phase.actual_end is None
    assert window.document.undo_stack.count() == 3
    window.document.undo_stack.undo()
    assert phase.actual_end == date(2027, 2, 23) and end.value() == date(2027, 2, 23)


def test_partner_capacity_is_an_optional_decimal(qtbot, window):
    page = window.show_page("partners").list_pages["partners"]
    page.select("p2")
    partner = window.document.item("partners", "p2")
    capacity = page.form.widgets["capacity_days_per_month"]
    assert capacity.text() == "" and capacity.placeholderText() == "sans limite"
    type_into(qtbot, capacity, "2,5", finish=True)
    assert partner.capacity_days_per_month == Decimal("2.5")
    assert capacity.text() == "2,5"
    capacity.setFocus()
    capacity.selectAll()
    qtbot.keyClick(capacity, Qt.Key.Key_Delete)
    qtbot.keyClick(capacity, Qt.Key.Key_Return)
    assert partner.capacity_days_per_month is None  # empty: no limit, not zero
    type_into(qtbot, capacity, "-3", finish=True)
    assert partner.capacity_days_per_month is None
    assert "négative" in page.form.error.text()
    assert window.document.undo_stack.count() == 2
    window.document.undo_stack.undo()
    assert partner.capacity_days_per_month == Decimal("2.5")


def test_risk_extra_cost_is_money(qtbot, window):
    page = window.show_page("risks").list_pages["risks"]
    page.select("r1")
    risk = window.document.item("risks", "r1")
    field = page.form.widgets["extra_cost"]
    type_into(qtbot, field, "1 500,5", finish=True)
    assert risk.extra_cost == Decimal("1500.50")
    assert field.text() == "1\u202f500,50\u00a0€"
    row = window.document.row_of("risks", "r1")
    texts = [page.model.index(row, c).data() for c in range(page.model.columnCount())]
    assert field.text() in texts  # the « Surcoût » column
    window.document.undo_stack.undo()
    assert risk.extra_cost == Decimal("0.00")


# --- closures ------------------------------------------------------------------------

SUMMER = dict(title="Parcours d'été", start="2027-07-26",
              phases=[{"id": "A", "title": "Résidence", "duration_days": 10}])


@pytest.fixture
def page(qtbot):
    document = Document(validate_pathway(SUMMER))
    widget = PlanningPage(document, today=date(2027, 7, 1))
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def closures_tab(page) -> ClosuresEditor:
    page.tabs.setCurrentIndex(2)
    return page.closures


def test_closures_are_added_edited_and_reschedule_the_plan(qtbot, page):
    document, stack = page.document, page.document.undo_stack
    assert page.view.state.baseline.get("A").end == date(2027, 8, 6)  # 26–30 July, 2–6 August
    editor = closures_tab(page)
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert document.pathway.closures == [Closure(start=date(2027, 7, 26), end=date(2027, 8, 1))]
    assert stack.undoText() == "Ajouter une fermeture"
    label_editor = QApplication.focusWidget()
    assert isinstance(label_editor, QLineEdit) and label_editor.parent() is editor.table.viewport()
    type_text(label_editor, "Congés d'été")
    qtbot.keyClick(label_editor, Qt.Key.Key_Return)  # the delegate commits on the next event loop turn
    qtbot.waitUntil(lambda: document.pathway.closures[0].label == "Congés d'été")
    type_date(qtbot, editor.table.cellWidget(0, END), "06082027")
    type_date(qtbot, editor.table.cellWidget(0, START), "02082027")
    assert document.pathway.closures == [Closure(start=date(2027, 8, 2), end=date(2027, 8, 6), label="Congés d'été")]
    assert stack.count() == 4 and stack.undoText() == "Modifier les fermetures"
    # The chart shades the week and schedules around it.
    page.tabs.setCurrentIndex(0)
    assert page.view.canvas.calendar.reason_off(date(2027, 8, 4)) == "fermeture"
    assert page.view.state.baseline.get("A").end == date(2027, 8, 13)
    stack.undo()  # closed from 26 July to 6 August: A runs 9–20 August
    assert page.view.state.baseline.get("A").end == date(2027, 8, 20)
    assert closures_tab(page).table.cellWidget(0, START).date().toPython() == date(2027, 7, 26)
    while stack.canUndo():
        stack.undo()
    assert document.pathway.closures == [] and editor.table.rowCount() == 0
    page.tabs.setCurrentIndex(0)
    assert page.view.state.baseline.get("A").end == date(2027, 8, 6)


def test_a_closure_ending_before_it_starts_is_refused(qtbot, page):
    document = page.document
    document.pathway.closures = [Closure(start=date(2027, 8, 2), end=date(2027, 8, 27), label="Août")]
    editor = closures_tab(page)
    editor.reload()
    type_date(qtbot, editor.table.cellWidget(0, END), "30072027")
    assert document.pathway.closures[0].end == date(2027, 8, 27)
    assert document.undo_stack.count() == 0
    assert editor.error.isVisible() and "ne peut pas finir avant de commencer" in editor.error.text()
    assert editor.table.cellWidget(0, END).date().toPython() == date(2027, 8, 27)


def test_removing_a_closure_is_one_undo_step(qtbot, page):
    document = page.document
    document.pathway.closures = [Closure(start=date(2027, 8, 2), end=date(2027, 8, 27), label="Août"),
                                 Closure(start=date(2027, 12, 20), end=date(2027, 12, 24), label="Semaine de Noël")]
    editor = closures_tab(page)
    editor.reload()
    assert [editor.text_at(row, LABEL) for row in range(2)] == ["Août", "Semaine de Noël"]
    editor.table.setCurrentCell(0, LABEL)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert [c.label for c in document.pathway.closures] == ["Semaine de Noël"]
    assert editor.table.rowCount() == 1 and editor.text_at(0, LABEL) == "Semaine de Noël"
    assert editor.table.cellWidget(0, START).date().toPython() == date(2027, 12, 20)
    document.undo_stack.undo()
    assert [c.label for c in document.pathway.closures] == ["Août", "Semaine de Noël"]
    assert editor.table.cellWidget(0, END).date().toPython() == date(2027, 8, 27)
