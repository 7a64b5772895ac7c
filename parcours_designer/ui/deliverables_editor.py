"""The deliverables of the selected phase, under its form: title, status, date received, comment.

A small table (the status a combo box, the date a field that may stay empty)
with « Ajouter un livrable » and « Supprimer le livrable ». Every edit
changes one field of one deliverable — the others stay as the document
holds them, byte for byte — through one
:class:`~parcours_designer.ui.commands.SetFields` named after what changed;
a value left as it was is no edit. What a status or a date means for the
other field is ``model.deliverable_edits``'s (Reçu without date: today;
a date on an awaited deliverable: Reçu). A deliverable only expected stays
a plain title in the file.

« Supprimer le livrable » removes the selected row (the row whose status or
date has the focus is the selected one); without a selected row it is
disabled, and changing phase clears the selection. A long comment takes
four lines at most (the whole of it in its tooltip).
"""

from __future__ import annotations

from datetime import date
from typing import Optional

from PySide6.QtCore import QEvent, QObject, QSignalBlocker
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QTableWidgetItem, QWidget

from parcours_designer.model.deliverable_edits import commented, renamed, with_received_on, with_status
from parcours_designer.model.entities import Deliverable, as_deliverable
from parcours_designer.model.enums import DeliverableStatus
from parcours_designer.ui.capped_rows import TOP_LEFT, cap_rows, natural_height
from parcours_designer.ui.commands import SetFields
from parcours_designer.ui.derived import derived_state
from parcours_designer.ui.document import Change, Document
from parcours_designer.ui.editors import DateField
from parcours_designer.ui.focus_order import DateTab
from parcours_designer.ui.nested import RowsEditor
from parcours_designer.ui.tooltips import plain_tooltip
from parcours_designer.ui.wheel_guard import guard_wheel
from parcours_designer.ui.window_filters import watch_once

TITLE, STATUS, RECEIVED, COMMENT = range(4)


class DeliverablesEditor(RowsEditor):
    """The selected phase's deliverables and their acceptance, each edit one undo step."""

    def __init__(self, document: Document, parent=None, today: Optional[date] = None):
        super().__init__(self.tr("Livrables et leur réception"),
                         [self.tr("Livrable"), self.tr("Statut"), self.tr("Reçu le"), self.tr("Commentaire")],
                         document, parent)
        self.today = today  # None: the day the window judges as of (the check's and the Suivi tab's)
        self.phase_id: Optional[str] = None
        self.table.setAccessibleName(self.tr("Livrables de l'étape"))
        self.table.verticalHeader().setVisible(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move between cells)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        cap_rows(self.table)
        header = self.table.horizontalHeader()
        for column in (STATUS, RECEIVED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)  # sized to their editors
        header.setSectionResizeMode(COMMENT, QHeaderView.ResizeMode.Stretch)
        self.add_button.setText(self.tr("Ajouter un livrable"))
        self.remove_button.setText(self.tr("Supprimer le livrable"))
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self._enable_remove())
        self._enable_remove()
        self.setEnabled(False)

    def set_item(self, item_id: Optional[str]) -> None:
        if item_id != self.phase_id:
            self._forget_selection()  # a row of the former phase is no choice in this one
        self.phase_id = item_id
        self.setEnabled(item_id is not None)
        self.reload()

    def concerns(self, change: Change) -> bool:
        return change.list_name == "phases" and change.item_id == self.phase_id and "deliverables" in change.fields

    def current(self) -> list[Deliverable]:
        """The phase's deliverables as the document holds them (copies)."""
        phase = self.document.item("phases", self.phase_id) if self.phase_id else None
        return [as_deliverable(d).model_copy() for d in phase.deliverables] if phase else []

    def selected_row(self) -> Optional[int]:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if len(rows) == 1 else None

    def _enable_remove(self) -> None:
        self.remove_button.setEnabled(self.selected_row() is not None)

    def _forget_selection(self) -> None:
        """No row selected nor current (Qt would select a neighbour of a current row that goes)."""
        self.table.clearSelection()
        self.table.setCurrentCell(-1, -1)

    # --- showing -------------------------------------------------------------------
    def reload(self) -> None:
        deliverables = self.current()
        made = False
        if self.table.currentRow() >= len(deliverables):
            self._forget_selection()
        with QSignalBlocker(self.table):
            self.table.setRowCount(len(deliverables))
            for row, deliverable in enumerate(deliverables):
                made |= self._ensure_editors(row)
                self._show_row(row, deliverable)
        if made:
            self._order_tabs()
        self._enable_remove()

    def _show_row(self, row: int, deliverable: Deliverable) -> None:
        for column, text in ((TITLE, deliverable.title), (COMMENT, deliverable.comment)):
            if self.table.item(row, column) is None or self.table.item(row, column).text() != text:
                self.set_text(row, column, text)
                self.table.item(row, column).setTextAlignment(TOP_LEFT)
                self.table.item(row, column).setToolTip(plain_tooltip(text))
        combo = self._combo(row)
        with QSignalBlocker(combo):
            combo.setCurrentIndex(combo.findData(deliverable.status))
        field = self._date(row)
        with QSignalBlocker(field.edit):
            field.set_value(deliverable.received_on)

    def _combo(self, row: int) -> QComboBox:
        return self.table.cellWidget(row, STATUS)

    def _date(self, row: int) -> DateField:
        return self.table.cellWidget(row, RECEIVED)

    def _row_of(self, widget: QWidget) -> int:
        """The row whose status or date is ``widget`` (or holds it); -1 if none."""
        for row in range(self.table.rowCount()):
            cells = (self._combo(row), self._date(row))
            if any(cell is not None and (cell is widget or cell.isAncestorOf(widget)) for cell in cells):
                return row
        return -1

    def _ensure_editors(self, row: int) -> bool:
        """Make the row's status and date editors once (the focus stays in them); True if made now."""
        if isinstance(self.table.cellWidget(row, STATUS), QComboBox):
            return False
        combo = QComboBox(self.table)
        for status in DeliverableStatus:
            combo.addItem(status.label, status)
        combo.setAccessibleName(self.tr("Statut du livrable"))
        combo.activated.connect(lambda _index, box=combo: self._status_chosen(box))
        field = DateField(self.table)
        field.setAccessibleName(self.tr("Date de réception du livrable"))
        field.edit.setAccessibleName(self.tr("Date de réception du livrable"))
        field.date_edited.connect(lambda cell=field: self._date_edited(cell))
        self.table.setCellWidget(row, STATUS, combo)
        self.table.setCellWidget(row, RECEIVED, field)
        natural_height(combo, field)
        guard_wheel(combo, field)
        watch_once(field.edit, DateTab, "date-tab")
        for widget in (combo, field.edit, field.clear_button):
            widget.installEventFilter(self)  # the focus in a row's editor selects the row
        header = self.table.horizontalHeader()
        for column, widget in ((STATUS, combo), (RECEIVED, field)):
            header.resizeSection(column, max(header.sectionSize(column), widget.sizeHint().width() + 4))
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QWidget):
            row = self._row_of(watched)
            if row >= 0 and self.selected_row() != row:
                self.table.selectRow(row)
        return False

    def _order_tabs(self) -> None:
        """Table, then each row's status, date and its « × », then the buttons (rows made later came last)."""
        chain: list[QWidget] = [self.table]
        for row in range(self.table.rowCount()):
            chain += [self._combo(row), self._date(row).edit, self._date(row).clear_button]
        chain += [self.add_button, self.remove_button]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    # --- editing: one field of one row, from the document's deliverables -------------
    def item_changed(self, item: QTableWidgetItem) -> None:
        row, column = item.row(), item.column()
        old = self._deliverable(row)
        if old is None:
            return
        if column == TITLE and item.text() != old.title:
            self._replace(row, renamed(old, item.text()), self.tr("Renommer un livrable"))
        elif column == COMMENT and item.text() != old.comment:
            self._replace(row, commented(old, item.text()), self.tr("Commenter un livrable"))

    def _date_edited(self, field: DateField) -> None:
        row = self._row_of(field)
        old = self._deliverable(row)
        if old is not None and field.value() != old.received_on:  # not when the focus only went through
            self._replace(row, with_received_on(old, field.value()),
                          self.tr("Changer la date de réception d'un livrable"))

    def _status_chosen(self, combo: QComboBox) -> None:
        row = self._row_of(combo)
        old = self._deliverable(row)
        if old is not None:
            edited = with_status(old, combo.currentData(), self.today or derived_state(self.document).day())
            self._replace(row, edited, self.tr("Changer le statut d'un livrable"))

    def add_row(self) -> None:
        if self.phase_id is None:
            return
        deliverables = [*self.current(), Deliverable(title=self.tr("Nouveau livrable"))]
        self._push(deliverables, self.tr("Ajouter un livrable"))
        row = len(deliverables) - 1
        self.table.setCurrentCell(row, TITLE)
        self.table.editItem(self.table.item(row, TITLE))

    def remove_row(self) -> None:
        """Remove the selected deliverable, and it only (none selected: nothing)."""
        row, deliverables = self.selected_row(), self.current()
        if row is None or row >= len(deliverables):
            return
        del deliverables[row]
        self._forget_selection()  # the next row is no choice of the officer's
        self._push(deliverables, self.tr("Supprimer un livrable"))

    def _deliverable(self, row: int) -> Optional[Deliverable]:
        deliverables = self.current()
        return deliverables[row] if 0 <= row < len(deliverables) else None

    def _replace(self, row: int, edited: Deliverable, text: str) -> None:
        """The ``row``-th deliverable becomes ``edited``; the others as the document holds them."""
        deliverables = self.current()
        if edited == deliverables[row]:
            with QSignalBlocker(self.table):
                self._show_row(row, edited)  # the document's value again (an emptied title…)
            return
        deliverables[row] = edited
        self._push(deliverables, text)

    def _push(self, deliverables: list[Deliverable], text: str) -> None:
        if self.phase_id is not None:
            self.document.push(SetFields(self.document, "phases", self.phase_id, {"deliverables": deliverables},
                                         text=text))
