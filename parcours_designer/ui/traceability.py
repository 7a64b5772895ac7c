"""The traceability matrix: each need, the objectives answering it, the phases serving them.

A need no objective answers, an objective no phase serves and an objective
answering no need each show as a gap (highlighted cell).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from parcours_designer.model.traceability import TraceRow, trace_rows
from parcours_designer.ui.document import Document
from parcours_designer.ui.tooltips import plain_tooltip

Index = QModelIndex | QPersistentModelIndex
GAP_BRUSH = QBrush(QColor("#fde2e1"))
GAP_TEXT = QBrush(QColor("#8a0010"))


class TraceabilityModel(QAbstractTableModel):
    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.rows: list[TraceRow] = trace_rows(document.pathway)
        self.headers = [self.tr("Besoin"), self.tr("Objectif"), self.tr("Étapes")]

    def refresh(self) -> None:
        rows = trace_rows(self.document.pathway)
        if rows != self.rows:
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def _cell(self, row: TraceRow, column: int) -> tuple[str, bool]:
        if column == 0:
            return (row.need, False) if row.need is not None else (self.tr("— aucun besoin —"), True)
        if column == 1:
            return (row.objective, False) if row.objective is not None else (self.tr("— aucun objectif —"), True)
        if row.objective is None:
            return "", True
        if not row.phases:
            return self.tr("— aucune étape —"), True
        return " · ".join(row.phases), False

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        text, gap = self._cell(self.rows[index.row()], index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(text)
        if role == Qt.ItemDataRole.BackgroundRole and gap:
            return GAP_BRUSH
        if role == Qt.ItemDataRole.ForegroundRole and gap:
            return GAP_TEXT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < 3:
            return self.headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
