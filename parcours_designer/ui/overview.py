"""Vue d'ensemble: the pathway's identity, the figures that matter, the traceability matrix."""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QCoreApplication, Qt
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

from parcours_designer.model.formatting import format_money
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.traceability import PathwayFigures, pathway_figures
from parcours_designer.ui import specs
from parcours_designer.ui.derived import DerivedState, derived_state
from parcours_designer.ui.document import Document
from parcours_designer.ui.form import Form
from parcours_designer.ui.traceability import TraceabilityModel


def tr(text: str) -> str:
    return QCoreApplication.translate("overview", text)


def figures(pathway: Pathway, state: Optional[DerivedState]) -> list[tuple[str, str]]:
    """The figures shown at a glance, as (label, value) pairs.

    Before the document's first derived state (just after opening), the figures
    are counted directly and the score shows « … ».
    """
    if state is None:
        return list(zip(_labels(), _values(pathway_figures(pathway), None)))
    return list(zip(_labels(), _values(state.figures, state.check.score)))


def _labels() -> list[str]:
    return [tr("Besoins couverts"), tr("Étapes"), tr("Partenaires engagés"), tr("Total des charges"),
            tr("Total des produits"), tr("Solde (produits − charges)"), tr("Score du référentiel")]


def _values(shown: PathwayFigures, score: Optional[int]) -> list[str]:
    balance = shown.balance
    balance_text = format_money(balance) if balance >= 0 else "−" + format_money(-balance)
    return [
        f"{shown.needs_answered} / {shown.needs}",
        str(shown.phases),
        f"{shown.partners_committed} / {shown.partners}",
        format_money(shown.total_charges),
        format_money(shown.total_products),
        balance_text,
        f"{score} %" if score is not None else "…",
    ]


class OverviewPage(QWidget):
    """The pathway's own fields, and what the derived state says of it."""

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        derived = derived_state(document)
        self.form = Form(self.document, None, specs.OVERVIEW_FIELDS(), self)
        self.trace = TraceabilityModel(self.document, self)
        self.value_labels: list[QLabel] = []
        self._build()
        self.form.reload()
        self.show_state(derived.current)
        derived.updated.connect(self.show_state)

    def _build(self) -> None:
        identity = QGroupBox(self.tr("Le parcours"), self)
        QVBoxLayout(identity).addWidget(self.form)
        numbers = QGroupBox(self.tr("En un coup d'œil"), self)
        grid = QGridLayout(numbers)
        for row, label in enumerate(_labels()):
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

    def show_state(self, state: Optional[DerivedState]) -> None:
        """Show the figures of ``state`` (``None``: not computed yet) and refresh the matrix."""
        for label, (_name, value) in zip(self.value_labels, figures(self.document.pathway, state)):
            label.setText(value)
        self.trace.refresh()
