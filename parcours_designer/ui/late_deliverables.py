"""« Livrables en retard ou refusés » in the Suivi tab: a thin read-only table over
``model.deliverables.late_or_refused``; a double-click asks to open the phase. A long
comment takes four lines at most, the whole of it in its tooltip."""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QGroupBox, QHeaderView, QLabel, QTableView, QVBoxLayout

from parcours_designer.model.deliverables import DeliverableState
from parcours_designer.model.formatting import count_of, format_date
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.references import display_name
from parcours_designer.ui.capped_rows import TOP_LEFT, TOP_RIGHT, cap_rows
from parcours_designer.ui.tooltips import plain_tooltip

Index = QModelIndex | QPersistentModelIndex
PHASE, TITLE, STATUS, DUE, RECEIVED, DELAY, COMMENT = range(7)
FLAGGED_TEXT = QColor("#9c0000")


class LateDeliverablesModel(QAbstractTableModel):
    """One row per late or refused deliverable."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.headers = [self.tr("Étape"), self.tr("Livrable"), self.tr("Statut"), self.tr("Échéance"),
                        self.tr("Reçu le"), self.tr("Retard"), self.tr("Commentaire")]
        self.rows: list[DeliverableState] = []
        self.names: dict[str, str] = {}

    def set_rows(self, rows: list[DeliverableState], pathway: Pathway) -> None:
        names = {phase.id: display_name(phase) for phase in pathway.phases}
        if (rows, names) != (self.rows, self.names):
            self.beginResetModel()
            self.rows, self.names = rows, names
            self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self.text(row, column))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(TOP_RIGHT if column == DELAY else TOP_LEFT)
        if role == Qt.ItemDataRole.ForegroundRole and (column == DELAY or (column == STATUS and row.refused)):
            return QBrush(FLAGGED_TEXT)
        return None

    def text(self, row: DeliverableState, column: int) -> str:
        """What a cell shows, in French."""
        deliverable = row.deliverable
        values = {
            PHASE: lambda: self.names.get(row.phase_id, row.phase_id),
            TITLE: lambda: deliverable.title,
            STATUS: lambda: deliverable.effective_status.label,
            DUE: lambda: format_date(row.due),
            RECEIVED: lambda: format_date(deliverable.received_on),
            DELAY: lambda: count_of(row.days_late, "jour") if row.days_late is not None else "",
            COMMENT: lambda: deliverable.comment,
        }
        return values[column]()

    def phase_id(self, row: int) -> Optional[str]:
        return self.rows[row].phase_id if 0 <= row < len(self.rows) else None


class LateDeliverablesBox(QGroupBox):
    """The table, or a sentence when nothing is late nor refused."""

    phase_chosen = Signal(str)

    def __init__(self, parent=None):
        super().__init__(self.tr("Livrables en retard ou refusés"), parent)
        self.model = LateDeliverablesModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        cap_rows(self.table)  # names and comments on a few lines at most
        self.table.verticalHeader().setVisible(False)
        self.table.setAccessibleName(self.tr("Livrables en retard ou refusés"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (PHASE, TITLE, COMMENT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._double_clicked)
        self.empty = QLabel(self.tr("Aucun livrable en retard ni refusé."), self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)

    def show_rows(self, rows: list[DeliverableState], pathway: Pathway) -> None:
        self.model.set_rows(rows, pathway)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)

    def _double_clicked(self, index: QModelIndex) -> None:
        phase_id = self.model.phase_id(index.row())
        if phase_id is not None:
            self.phase_chosen.emit(phase_id)
