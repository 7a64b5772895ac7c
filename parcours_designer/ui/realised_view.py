"""The « Réalisé » view of the Budget page: forecast, actual and difference by line and group.

The figures come from ``model.realised``; the only thing edited here is the
explanation of each group's difference (``pathway.variance_explanations``),
one undoable command per edit. The figures come with the document's derived
state (``ui/derived.py``), once per change. A group off its forecast by more than 15 %
with no explanation is highlighted, as the check reports it. Below, the
compte rendu financier is exported, whole or headed for one funder.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QCoreApplication, QEvent, QSignalBlocker, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from parcours_designer.model.formatting import format_money, format_percent, format_signed_money
from parcours_designer.model.realised import GroupVariance, Realised, Variance, compute_realised
from parcours_designer.model.references import display_name
from parcours_designer.ui.commands import SetFields
from parcours_designer.ui.document import Document

GROUP_BACKGROUND = QColor("#dce6f1")
UNEXPLAINED_BACKGROUND = QColor("#f8d7da")
READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
LABEL, EXPLANATION = 1, 6
GROUP_ROLE = Qt.ItemDataRole.UserRole + 1
LABEL_WIDTH = 300  # pixels: the label column at most…
LABEL_MIN_WIDTH = 150  # …and at least
EXPLANATION_ROOM = 200  # pixels kept for the explanation (its header whole, room to write)


class RealisedView(QWidget):
    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 7, self)
        self.table.setHorizontalHeaderLabels([self.tr("Compte"), self.tr("Libellé"), self.tr("Prévision"),
                                              self.tr("Réalisé"), self.tr("Écart"), self.tr("Écart (%)"),
                                              self.tr("Explication de l'écart\n(groupes)")])
        self.table.setAccessibleName(self.tr("Prévision et réalisé"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.viewport().installEventFilter(self)
        self.table.itemChanged.connect(self._explained)
        hint = QLabel(self.tr("Saisissez les montants réalisés dans l'onglet « Prévisionnel » (champ « Réalisé »). "
                              "Un groupe qui s'écarte de plus de 15 % de sa prévision sans explication est "
                              "surligné en rouge : le compte rendu financier demande de l'expliquer."), self)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addLayout(self._report_bar())
        document.changed.connect(self._on_changed)

    def _report_bar(self) -> QHBoxLayout:
        """« Compte rendu financier pour : [tous les financeurs | one funder] [Exporter…] »."""
        self.funder = QComboBox(self)
        self.funder.setAccessibleName(self.tr("Financeur destinataire du compte rendu"))
        self.report_button = QPushButton(self.tr("Exporter le compte rendu financier…"), self)
        self.report_button.clicked.connect(self.export_report)
        label = QLabel(self.tr("Compte rendu financier pour :"), self)
        label.setBuddy(self.funder)
        bar = QHBoxLayout()
        bar.addWidget(label)
        bar.addWidget(self.funder, 1)
        bar.addWidget(self.report_button)
        return bar

    def _fill_funders(self) -> None:
        chosen = self.funder.currentData()
        funding = {f.partner_id for f in self.document.pathway.funding}
        with QSignalBlocker(self.funder):
            self.funder.clear()
            self.funder.addItem(self.tr("tous les financeurs (compte rendu d'ensemble)"), None)
            for partner in self.document.pathway.partners:
                if partner.id in funding:
                    self.funder.addItem(display_name(partner), partner.id)
            self.funder.setCurrentIndex(max(0, self.funder.findData(chosen)))

    def export_report(self) -> None:
        from parcours_designer.export.registry import EXPORT_KINDS

        files = getattr(self.window(), "files", None)
        if files is None:
            return
        partner_id = self.funder.currentData()
        options = {"partner_id": partner_id} if partner_id else {}
        files.export(EXPORT_KINDS["financial-report"], **options)

    def _on_changed(self, change) -> None:
        if change.list_name in ("partners", "funding"):
            self._fill_funders()

    def refresh(self) -> None:
        """Show the document as it is now (the page shows each derived state as it comes)."""
        self.show_realised(compute_realised(self.document.pathway))

    def show_realised(self, realised: Realised) -> None:
        self._fill_funders()
        self.summary.setText(self.tr("Charges : prévu {0}, réalisé {1}    Produits : prévu {2}, réalisé {3}").format(
            format_money(realised.total_charges.forecast), _actual(realised.total_charges),
            format_money(realised.total_products.forecast), _actual(realised.total_products)))
        with QSignalBlocker(self.table):
            self.table.setRowCount(0)
            for title, groups in ((self.tr("Charges"), realised.charges), (self.tr("Produits"), realised.products)):
                self._add_title(title)
                for group in groups:
                    self._add_group(group)
        self.fit_label()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_label()
        return False

    def fit_label(self) -> None:
        """The label column to its contents, at most ``LABEL_WIDTH`` and never taking the room the
        explanation needs (``EXPLANATION_ROOM``): the explanation column stretches over the rest."""
        header = self.table.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(EXPLANATION) if c != LABEL)
        room = self.table.viewport().width() - others - EXPLANATION_ROOM
        wanted = min(max(self.table.sizeHintForColumn(LABEL), header.sectionSizeHint(LABEL)), LABEL_WIDTH)
        header.resizeSection(LABEL, max(LABEL_MIN_WIDTH, min(wanted, room)))

    def _add_title(self, title: str) -> None:
        row = self._new_row()
        item = self._put(row, 1, title)
        font = QFont(self.table.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        item.setFont(font)

    def _add_group(self, group: GroupVariance) -> None:
        row = self._new_row()
        self._put(row, 0, group.code)
        self._put(row, 1, group.label)
        self._amounts(row, group.variance)
        explanation = QTableWidgetItem(group.explanation)
        explanation.setData(GROUP_ROLE, group.code)
        explanation.setToolTip(self.tr("Double-cliquez pour expliquer l'écart de ce groupe"))
        self.table.setItem(row, EXPLANATION, explanation)
        background = UNEXPLAINED_BACKGROUND if group.unexplained else GROUP_BACKGROUND
        font = QFont(self.table.font())
        font.setBold(True)
        for column in range(EXPLANATION + 1):
            self.table.item(row, column).setBackground(QBrush(background))
            self.table.item(row, column).setFont(font)
        if group.unexplained:
            tip = self.tr("Écart de plus de 15 % sans explication : écrivez-la dans la dernière colonne")
            if group.partial:
                tip = self.tr("Sur les lignes déjà saisies, écart de {0} ({1}) sans explication : écrivez-la "
                              "dans la dernière colonne").format(format_signed_money(group.judged.difference),
                                                                  format_percent(group.judged.percent))
            for column in range(EXPLANATION + 1):
                self.table.item(row, column).setToolTip(tip)
        for line in group.lines:
            line_row = self._new_row()
            self._put(line_row, 0, line.account)
            self._put(line_row, 1, "    " + (line.label or line.id))
            self._amounts(line_row, line.variance)
            self._put(line_row, EXPLANATION, "")

    def _new_row(self) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        return row

    def _put(self, row: int, column: int, text: str, right: bool = False) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        item.setFlags(READ_ONLY)
        if column == LABEL and text.strip():
            item.setToolTip(text.strip())  # whole, when the column cuts it
        if right:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, column, item)
        return item

    def _amounts(self, row: int, variance: Variance) -> None:
        reported = variance.reported
        self._put(row, 2, format_money(variance.forecast), True)
        self._put(row, 3, format_money(variance.actual) if reported else self.tr("non saisi"), True)
        self._put(row, 4, format_signed_money(variance.difference) if reported else "", True)
        self._put(row, 5, format_percent(variance.percent) if reported else "", True)

    def group_row(self, code: str) -> Optional[int]:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, EXPLANATION)
            if item is not None and item.data(GROUP_ROLE) == code:
                return row
        return None

    def _explained(self, item: QTableWidgetItem) -> None:
        code = item.data(GROUP_ROLE)
        if item.column() != EXPLANATION or code is None:
            return
        explanations = dict(self.document.pathway.variance_explanations)
        text = item.text().strip()
        if text:
            explanations[code] = text
        else:
            explanations.pop(code, None)
        if explanations != self.document.pathway.variance_explanations:
            self.document.push(SetFields(self.document, None, None, {"variance_explanations": explanations},
                                         text=self.tr("Expliquer l'écart du groupe {0}").format(code)))


def _actual(variance: Variance) -> str:
    return format_money(variance.actual) if variance.reported else QCoreApplication.translate("RealisedView",
                                                                                             "non saisi")
