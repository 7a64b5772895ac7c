"""The scenarios side by side with the baseline: end, shift, phases moved, extra cost."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from parcours_designer.model.budget import total_charges
from parcours_designer.model.formatting import format_date, format_money
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.references import display_name
from parcours_designer.model.scenarios import compare_scenarios
from parcours_designer.ui.tooltips import plain_tooltip


class ComparisonTable(QTableWidget):
    """One row for the baseline, one per risk scenario (read-only)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        headers = [self.tr("Scénario"), self.tr("Fin"), self.tr("Décalage\n(j. ouvrés)"),
                   self.tr("Étapes\ndéplacées"), self.tr("Après la fin\ndu parcours"),
                   self.tr("Conflits avec\nune date fixée"), self.tr("Surcoût"), self.tr("Coût\ntotal")]
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(headers)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.verticalHeader().setVisible(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        # The figures to their contents, the scenario's name takes what is left (elided, whole in its tooltip).
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setMinimumSectionSize(60)
        self.setAccessibleName(self.tr("Comparaison des scénarios"))

    def show_results(self, pathway: Pathway, state) -> None:
        baseline = state.baseline
        results = compare_scenarios(pathway, baseline)
        rows = [[self.tr("Planning de référence"), format_date(baseline.end), "0", "0", "", "", "",
                 format_money(total_charges(pathway))]]
        for result in results:
            rows.append([display_name(result.risk), format_date(result.end), str(result.end_shift),
                         str(len(result.shifts)), str(len(result.past_end)), str(len(result.past_pinned)),
                         format_money(result.extra_cost), format_money(result.total_cost)])
        self.setRowCount(len(rows))
        shown = state.scenario.risk.id if state.scenario else None
        for row, values in enumerate(rows):
            current = (row == 0 and shown is None) or (row > 0 and results[row - 1].risk.id == shown)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if not column:
                    item.setToolTip(plain_tooltip(value))
                else:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                font = item.font()
                font.setBold(current)
                item.setFont(font)
                self.setItem(row, column, item)
        self.resizeRowsToContents()
        height = self.horizontalHeader().height() + sum(self.rowHeight(r) for r in range(self.rowCount()))
        scroll_bar = self.horizontalScrollBar().sizeHint().height()
        self.setFixedHeight(min(height + 2 * self.frameWidth() + scroll_bar + 2, 220))
