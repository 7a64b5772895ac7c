"""The pathway's closure periods (« Congés d'été », « Semaine de Noël »…).

A small table: start, end (typed or picked in a French calendar) and a
label. Every change replaces ``pathway.closures`` through one
:class:`~parcours_designer.ui.commands.SetFields` command; the planning view
rebuilds its working calendar when the closures change.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Optional

from PySide6.QtCore import QDate, QSignalBlocker, Qt
from PySide6.QtWidgets import QDateEdit, QHeaderView, QLabel

from parcours_designer.model.entities import Closure
from parcours_designer.ui.commands import SetFields
from parcours_designer.ui.document import Change, Document
from parcours_designer.ui.editors import FRENCH
from parcours_designer.ui.nested import RowsEditor
from parcours_designer.ui.wheel_guard import guard_wheel

START, END, LABEL = 0, 1, 2


class ClosuresEditor(RowsEditor):
    """Periods without work of the pathway, each edit one undo step."""

    def __init__(self, document: Document, parent=None, today: Optional[date] = None):
        super().__init__(self.tr("Périodes de fermeture"),
                         [self.tr("Début"), self.tr("Fin"), self.tr("Libellé")], document, parent)
        self.today = today or date.today()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(START, QHeaderView.ResizeMode.Interactive)  # sized to the date editors
        header.setSectionResizeMode(END, QHeaderView.ResizeMode.Interactive)
        self.table.verticalHeader().setVisible(False)
        self.add_button.setText(self.tr("Ajouter une fermeture"))
        self.remove_button.setText(self.tr("Supprimer la fermeture"))
        self.error = QLabel(self)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        self.layout_.addWidget(self.error)
        self.reload()

    def concerns(self, change: Change) -> bool:
        return change.list_name is None and "closures" in change.fields

    # --- showing -------------------------------------------------------------
    def reload(self) -> None:
        closures = self.document.pathway.closures
        with QSignalBlocker(self.table):
            self.table.setRowCount(len(closures))
            for row, closure in enumerate(closures):
                self._date_edit(row, START).setDate(_qdate(closure.start))
                self._date_edit(row, END).setDate(_qdate(closure.end))
                if self.table.item(row, LABEL) is None or self.text_at(row, LABEL) != closure.label:
                    self.set_text(row, LABEL, closure.label)

    def _date_edit(self, row: int, column: int) -> QDateEdit:
        """The row's date editor, made once and kept (the focus stays in it)."""
        edit = self.table.cellWidget(row, column)
        if isinstance(edit, QDateEdit):
            return edit
        edit = QDateEdit(self.table)
        edit.setCalendarPopup(True)
        edit.setLocale(FRENCH)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setAccessibleName(self.tr("Début de la fermeture") if column == START
                               else self.tr("Fin de la fermeture"))
        edit.editingFinished.connect(self.commit)
        edit.calendarWidget().clicked.connect(lambda _day: self.commit())
        self.table.setCellWidget(row, column, edit)
        guard_wheel(edit)
        header = self.table.horizontalHeader()
        header.resizeSection(column, max(header.sectionSize(column), edit.sizeHint().width() + 8))
        return edit

    def date_at(self, row: int, column: int) -> date:
        return self.table.cellWidget(row, column).date().toPython()

    # --- editing ---------------------------------------------------------------
    def add_row(self) -> None:
        closures = self.document.pathway.closures
        start = self._next_start()
        closures = [*closures, Closure(start=start, end=start + timedelta(days=6))]
        self._push(closures, self.tr("Ajouter une fermeture"))
        row = len(closures) - 1
        self.table.setCurrentCell(row, LABEL)
        self.table.editItem(self.table.item(row, LABEL))

    def _next_start(self) -> date:
        """A Monday after the last closure (or from the pathway's start, or today)."""
        pathway = self.document.pathway
        if pathway.closures:
            day = max(c.end for c in pathway.closures) + timedelta(days=1)
        else:
            day = pathway.start or self.today
        return day + timedelta(days=(7 - day.weekday()) % 7)

    def remove_row(self) -> None:
        row = self.table.currentRow()
        closures = list(self.document.pathway.closures)
        if 0 <= row < len(closures):
            del closures[row]
            self._push(closures, self.tr("Supprimer une fermeture"))

    def commit(self) -> None:
        closures = [
            Closure(start=self.date_at(row, START), end=self.date_at(row, END), label=self.text_at(row, LABEL))
            for row in range(self.table.rowCount())
            if isinstance(self.table.cellWidget(row, START), QDateEdit)
        ]
        wrong = next((c for c in closures if c.end < c.start), None)
        if wrong is not None:
            self._show_error(self.tr("Une fermeture ne peut pas finir avant de commencer "
                                     "(« {0} » : fin avant le début).").format(wrong.label or self.tr("sans libellé")))
            self.reload()
            return
        self._push(closures, self.tr("Modifier les fermetures"))

    def _push(self, closures: list[Closure], text: str) -> None:
        self.error.hide()
        if closures != self.document.pathway.closures:
            self.document.push(SetFields(self.document, None, None, {"closures": closures}, text=text))

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
