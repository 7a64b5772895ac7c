"""Vue d'ensemble: the pathway's identity, the figures that matter, the traceability matrix."""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from parcours_designer.model.check import CheckResult
from parcours_designer.model.formatting import format_money
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.traceability import pathway_figures
from parcours_designer.ui import specs
from parcours_designer.ui.document import Document
from parcours_designer.ui.form import Form
from parcours_designer.ui.traceability import TraceabilityModel


def tr(text: str) -> str:
    return QCoreApplication.translate("overview", text)


def figures(pathway: Pathway, result: Optional[CheckResult]) -> list[tuple[str, str]]:
    """The figures shown at a glance, as (label, value) pairs."""
    shown = pathway_figures(pathway)
    balance = shown.balance
    balance_text = format_money(balance) if balance >= 0 else "−" + format_money(-balance)
    return [
        (tr("Besoins couverts"), f"{shown.needs_answered} / {shown.needs}"),
        (tr("Étapes"), str(shown.phases)),
        (tr("Partenaires engagés"), f"{shown.partners_committed} / {shown.partners}"),
        (tr("Total des charges"), format_money(shown.total_charges)),
        (tr("Total des produits"), format_money(shown.total_products)),
        (tr("Solde (produits − charges)"), balance_text),
        (tr("Score du référentiel"), f"{result.score} %" if result else "…"),
    ]


class OverviewPage(QWidget):
    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.result: Optional[CheckResult] = None
        self.form = Form(document, None, specs.OVERVIEW_FIELDS(), self)
        self.trace = TraceabilityModel(document, self)
        self.value_labels: list[QLabel] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(150)
        self.timer.timeout.connect(self.refresh)
        self._build()
        self.form.reload()
        self.refresh()
        document.changed.connect(lambda _change: self.timer.start())

    def _build(self) -> None:
        identity = QGroupBox(self.tr("Le parcours"), self)
        QVBoxLayout(identity).addWidget(self.form)
        numbers = QGroupBox(self.tr("En un coup d'œil"), self)
        grid = QGridLayout(numbers)
        for row, (label, _value) in enumerate(figures(self.document.pathway, None)):
            name = QLabel(label, numbers)
            value = QLabel(numbers)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setStyleSheet("font-weight: bold;")
            value.setAccessibleName(label)
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
            self.value_labels.append(value)
        grid.setRowStretch(len(self.value_labels), 1)
        top = QHBoxLayout()
        top.addWidget(identity, 3)
        top.addWidget(numbers, 2)
        matrix = QGroupBox(self.tr("Traçabilité besoins × objectifs × étapes"), self)
        self.table = QTableView(matrix)
        self.table.setModel(self.trace)
        self.table.setAccessibleName(self.tr("Matrice de traçabilité"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setMinimumHeight(160)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(0, 280)
        header.resizeSection(1, 340)
        QVBoxLayout(matrix).addWidget(self.table)
        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.addLayout(top)
        layout.addWidget(matrix, 1)
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setWidget(content)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(area)

    def set_result(self, result: CheckResult) -> None:
        self.result = result
        self.refresh()

    def refresh(self) -> None:
        for label, (_name, value) in zip(self.value_labels, figures(self.document.pathway, self.result)):
            label.setText(value)
        self.trace.refresh()
