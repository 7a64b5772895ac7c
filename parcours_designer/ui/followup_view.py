"""The « Suivi » view: planned (the saved baseline) against current dates and costs, and the
deliverables late or refused (``ui.late_deliverables``).

:class:`FollowUpModel` is a thin read-only table over
``model.followup.follow_up``; late phases stand out (colour and the French
reason). :class:`FollowUpView` recomputes a moment after the last edit (like
the check), never on the keystroke path, and only while it is shown.
"""

from __future__ import annotations

import time
from typing import Optional

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from parcours_designer.model.deliverables import late_or_refused
from parcours_designer.model.followup import PhaseFollowUp, follow_up
from parcours_designer.model.formatting import format_date, format_date_long, format_money
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.references import display_name
from parcours_designer.ui.derived import DerivedState, derived_state
from parcours_designer.ui.document import Document
from parcours_designer.ui.late_deliverables import LateDeliverablesBox
from parcours_designer.ui.plurals import by_count
from parcours_designer.ui.table_fit import fit_columns, refit_columns
from parcours_designer.ui.tooltips import plain_tooltip

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
LATE_LISTED = 4
LATE_BACKGROUND = QColor("#fde2e1")
LATE_TEXT = QColor("#9c0000")
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
(TITLE, STATUS, BASE_START, BASE_END, START, END, VARIANCE, BASE_COST, COST, LATE) = range(10)


def _variance(days: Optional[int]) -> str:
    if days is None:
        return ""
    return f"+{days}" if days > 0 else (f"−{-days}" if days < 0 else "0")


class FollowUpModel(QAbstractTableModel):
    """One row per phase: baseline, current (actual or planned), variance, costs, lateness."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.headers = [self.tr("Étape"), self.tr("Avancement"), self.tr("Début\nde référence"),
                        self.tr("Fin\nde référence"), self.tr("Début\nactuel"), self.tr("Fin\nactuelle"),
                        self.tr("Écart\n(j. ouvrés)"), self.tr("Coût\nde référence"), self.tr("Coût\nactuel"),
                        self.tr("Retard")]
        self.rows: list[PhaseFollowUp] = []
        self.names: dict[str, str] = {}
        self.actual: dict[str, tuple[bool, bool]] = {}  # phase id → (actual start known, actual end known)

    def set_rows(self, rows: list[PhaseFollowUp], pathway: Pathway) -> None:
        """Show ``rows``: repaint when the same phases are listed, reset otherwise."""
        names = {phase.id: display_name(phase) for phase in pathway.phases}
        actual = {phase.id: (phase.actual_start is not None, phase.actual_end is not None)
                  for phase in pathway.phases}
        if [r.phase_id for r in rows] != [r.phase_id for r in self.rows]:
            self.beginResetModel()
            self.rows, self.names, self.actual = rows, names, actual
            self.endResetModel()
            return
        if (rows, names, actual) == (self.rows, self.names, self.actual):
            return
        self.rows, self.names, self.actual = rows, names, actual
        if rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(self.headers) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == ID_ROLE:
            return row.phase_id
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= VARIANCE and column != LATE:
            return RIGHT
        if role == Qt.ItemDataRole.BackgroundRole and row.late:
            return QBrush(LATE_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and row.late and column in (TITLE, VARIANCE, LATE):
            return QBrush(LATE_TEXT)
        return None

    def text(self, row: PhaseFollowUp, column: int) -> str:
        """What a cell shows, in French."""
        values = {
            TITLE: lambda: self.names.get(row.phase_id, row.phase_id),
            STATUS: lambda: row.status.label,
            BASE_START: lambda: format_date(row.baseline_start),
            BASE_END: lambda: format_date(row.baseline_end),
            START: lambda: format_date(row.start),
            END: lambda: format_date(row.end),
            VARIANCE: lambda: _variance(row.end_variance),
            BASE_COST: lambda: format_money(row.baseline_cost) if row.baseline_cost is not None else "",
            COST: lambda: format_money(row.cost),
            LATE: lambda: self.tr("En retard : {0}").format(row.reason) if row.late else "",
        }
        return values[column]()

    def _tooltip(self, row: PhaseFollowUp, column: int) -> str:
        if column in (START, END) and (row.start if column == START else row.end) is not None:
            known = self.actual.get(row.phase_id, (False, False))[column - START]
            return self.tr("Date réelle") if known else self.tr("Date planifiée")
        if row.late:
            return plain_tooltip(self.tr("En retard : {0}").format(row.reason))
        return plain_tooltip(self.text(row, column))  # the phase's title is the officer's text

    def phase_id(self, row: int) -> Optional[str]:
        return self.rows[row].phase_id if 0 <= row < len(self.rows) else None

    def late_rows(self) -> list[PhaseFollowUp]:
        return [row for row in self.rows if row.late]


class FollowUpView(QWidget):
    """The follow-up table, the baseline's date and the « Enregistrer la référence » button."""

    item_chosen = Signal(object, object)  # "phases", phase id (double-click)
    save_requested = Signal()

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.derived = derived_state(document)  # its state carries the day lateness is judged as of
        self.last_duration = 0.0
        self._dirty = True
        self.model = FollowUpModel(self)
        self.table = self._make_table()
        self.save_button = QPushButton(self.tr("Enregistrer la &référence"), self)
        self.save_button.setToolTip(self.tr("Garder les dates planifiées et les coûts actuels comme référence "
                                            "pour suivre les écarts"))
        self.save_button.clicked.connect(self.save_requested)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(self.save_button)
        self.warnings = QLabel(self)
        self.warnings.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #9c0000;")
        self.warnings.hide()
        self.deliverables = LateDeliverablesBox(self)
        self.deliverables.phase_chosen.connect(lambda phase_id: self.item_chosen.emit("phases", phase_id))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self._split(), 1)
        self.derived.updated.connect(self._state_updated)

    def _split(self) -> QSplitter:
        """The phases above (with their late ones named under them), the deliverables below."""
        phases = QWidget(self)
        phases_layout = QVBoxLayout(phases)
        phases_layout.setContentsMargins(0, 0, 0, 0)
        phases_layout.addWidget(self.table, 1)
        phases_layout.addWidget(self.warnings)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(phases)
        splitter.addWidget(self.deliverables)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        return splitter

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(24)
        fit_columns(table)  # every figure in sight at 1366×768, the phase's name taking what is left
        table.setAccessibleName(self.tr("Suivi des étapes"))
        table.doubleClicked.connect(self._double_clicked)
        return table

    def _double_clicked(self, index: QModelIndex) -> None:
        phase_id = self.model.phase_id(index.row())
        if phase_id is not None:
            self.item_chosen.emit("phases", phase_id)

    # --- refreshing ------------------------------------------------------------------
    def _state_updated(self, state: DerivedState) -> None:
        if self.isVisible():
            self.show_state(state)
        else:
            self._dirty = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty or self.derived.is_stale():
            self.refresh()

    def refresh(self) -> None:
        """Show the follow-up of every phase as the document is now."""
        self._dirty = True
        state = self.derived.refresh_now()  # publishing a new state may already have shown it
        if self._dirty:
            self.show_state(state)

    def show_state(self, state: DerivedState) -> None:
        started = time.perf_counter()
        self._dirty = False
        pathway = self.document.pathway
        self.model.set_rows(follow_up(pathway, state.schedule, state.today), pathway)
        self.deliverables.show_rows(late_or_refused(pathway, state.schedule, state.today), pathway)
        self.status.setText(self._status_text(pathway))
        self.warnings.setText(self._late_text())
        self.warnings.setVisible(bool(self.warnings.text()))
        refit_columns(self.table)  # a baseline saved fills its columns: sized again, never cut
        self.last_duration = time.perf_counter() - started

    def _status_text(self, pathway: Pathway) -> str:
        if pathway.baseline_saved_on is None:
            return self.tr("Aucune référence enregistrée : enregistrez-la pour suivre les écarts et les retards.")
        text = self.tr("Référence enregistrée le {0}.").format(format_date_long(pathway.baseline_saved_on))
        late = len(self.model.late_rows())
        if not late:
            return text + " " + self.tr("Aucune étape en retard.")
        counted = by_count(late, self.tr("{0} étape en retard."), self.tr("{0} étapes en retard."))
        return text + " " + counted.format(late)

    def _late_text(self) -> str:
        """The late phases and why (the first few; the table has them all)."""
        late = self.model.late_rows()
        shown = [self.tr("« {0} » : {1}").format(self.model.names.get(row.phase_id, row.phase_id), row.reason)
                 for row in late[:LATE_LISTED]]
        if len(late) > LATE_LISTED:
            others = len(late) - LATE_LISTED
            shown.append(by_count(others, self.tr("et {0} autre"), self.tr("et {0} autres")).format(others))
        return self.tr("En retard — {0}").format(" ; ".join(shown)) if shown else ""
