"""The deliverables of the selected phase, under its form: title, status, date received, comment.

A small table (the status a combo box, the date a field that may stay empty)
with « Ajouter un livrable » and « Supprimer le livrable ». Every edit
replaces the phase's ``deliverables`` through one
:class:`~parcours_designer.ui.commands.SetFields` named after what changed.
Choosing Reçu, Accepté or Refusé for a deliverable without date proposes
today's; back to Attendu, the date goes (it was not received). A deliverable
only expected stays a plain title in the file.
"""

from __future__ import annotations

from datetime import date
from typing import Optional

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidgetItem, QWidget

from parcours_designer.model.entities import Deliverable, as_deliverable
from parcours_designer.model.enums import DeliverableStatus
from parcours_designer.ui.commands import SetFields
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
        self.today = today  # None: the real today, when a status is chosen
        self.phase_id: Optional[str] = None
        self.table.setAccessibleName(self.tr("Livrables de l'étape"))
        self.table.verticalHeader().setVisible(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move between cells)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in (STATUS, RECEIVED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)  # sized to their editors
        header.setSectionResizeMode(COMMENT, QHeaderView.ResizeMode.Stretch)
        self.add_button.setText(self.tr("Ajouter un livrable"))
        self.remove_button.setText(self.tr("Supprimer le livrable"))
        self.setEnabled(False)

    def set_item(self, item_id: Optional[str]) -> None:
        self.phase_id = item_id
        self.setEnabled(item_id is not None)
        self.reload()

    def concerns(self, change: Change) -> bool:
        return change.list_name == "phases" and change.item_id == self.phase_id and "deliverables" in change.fields

    def current(self) -> list[Deliverable]:
        """The phase's deliverables as the document holds them (copies)."""
        phase = self.document.item("phases", self.phase_id) if self.phase_id else None
        return [as_deliverable(d).model_copy() for d in phase.deliverables] if phase else []

    # --- showing -------------------------------------------------------------------
    def reload(self) -> None:
        deliverables = self.current()
        made = False
        with QSignalBlocker(self.table):
            self.table.setRowCount(len(deliverables))
            for row, deliverable in enumerate(deliverables):
                made |= self._ensure_editors(row)
                self._show_row(row, deliverable)
        self.table.resizeRowsToContents()
        if made:
            self._order_tabs()

    def _show_row(self, row: int, deliverable: Deliverable) -> None:
        for column, text in ((TITLE, deliverable.title), (COMMENT, deliverable.comment)):
            if self.table.item(row, column) is None or self.table.item(row, column).text() != text:
                self.set_text(row, column, text)
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
        field.date_edited.connect(self.commit)
        self.table.setCellWidget(row, STATUS, combo)
        self.table.setCellWidget(row, RECEIVED, field)
        guard_wheel(combo, field)
        watch_once(field.edit, DateTab, "date-tab")
        header = self.table.horizontalHeader()
        for column, widget in ((STATUS, combo), (RECEIVED, field)):
            header.resizeSection(column, max(header.sectionSize(column), widget.sizeHint().width() + 4))
        return True

    def _order_tabs(self) -> None:
        """Table, then each row's status, date and its « × », then the buttons (rows made later came last)."""
        chain: list[QWidget] = [self.table]
        for row in range(self.table.rowCount()):
            chain += [self._combo(row), self._date(row).edit, self._date(row).clear_button]
        chain += [self.add_button, self.remove_button]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    # --- editing ---------------------------------------------------------------------
    def from_table(self) -> list[Deliverable]:
        """The deliverables as the table shows them (an emptied title keeps the old one)."""
        known = self.current()
        found = []
        for row in range(self.table.rowCount()):
            if not isinstance(self._combo(row), QComboBox):
                continue
            title = self.text_at(row, TITLE) or (known[row].title if row < len(known) else "")
            found.append(Deliverable(title=title, status=self._combo(row).currentData(),
                                     received_on=self._date(row).value(), comment=self.text_at(row, COMMENT)))
        return found

    def commit(self) -> None:
        self._push(self.from_table())

    def _status_chosen(self, combo: QComboBox) -> None:
        deliverables = self.from_table()
        row = next(r for r in range(self.table.rowCount()) if self._combo(r) is combo)
        chosen = deliverables[row]
        if chosen.status == DeliverableStatus.EXPECTED:
            chosen.received_on = None  # not received after all
        elif chosen.received_on is None:
            chosen.received_on = self.today or date.today()
        self._push(deliverables)

    def add_row(self) -> None:
        if self.phase_id is None:
            return
        deliverables = [*self.current(), Deliverable(title=self.tr("Nouveau livrable"))]
        self._push(deliverables)
        row = len(deliverables) - 1
        self.table.setCurrentCell(row, TITLE)
        self.table.editItem(self.table.item(row, TITLE))

    def _push(self, deliverables: list[Deliverable]) -> None:
        current = self.current()
        if self.phase_id is None or deliverables == current:
            self.reload()  # shows the document's values again (an emptied title…)
            return
        self.document.push(SetFields(self.document, "phases", self.phase_id, {"deliverables": deliverables},
                                     text=self._undo_text(current, deliverables)))

    def _undo_text(self, before: list[Deliverable], after: list[Deliverable]) -> str:
        if len(after) != len(before):
            return self.tr("Ajouter un livrable") if len(after) > len(before) else self.tr("Supprimer un livrable")
        old, new = next((o, n) for o, n in zip(before, after) if o != n)
        if old.status != new.status:
            return self.tr("Changer le statut d'un livrable")
        if old.received_on != new.received_on:
            return self.tr("Changer la date de réception d'un livrable")
        if old.comment != new.comment:
            return self.tr("Commenter un livrable")
        return self.tr("Renommer un livrable")
