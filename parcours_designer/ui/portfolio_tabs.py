"""Tabs of the portfolio window: recurring needs, topics per partner (with the
« note de remontée »), funders' totals."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QPushButton, QScrollArea, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
    QWidget,
)

from parcours_designer.model.formatting import format_money
from parcours_designer.model.portfolio import Portfolio
from parcours_designer.ui import dialogs
from parcours_designer.ui.portfolio_chart import BarChart
from parcours_designer.ui.portfolio_rows import Column, cap_columns_to_contents, rows_view
from parcours_designer.ui.tooltips import plain_tooltip


def _titles(portfolio: Portfolio, paths) -> str:
    """The pathways behind a figure, one a line (for tooltips)."""
    lines = []
    for path in paths:
        summary = portfolio.summary(path)
        lines.append(f"{summary.title} ({summary.edition}) — {path}" if summary and summary.edition
                     else f"{summary.title if summary else path} — {path}")
    return "\n".join(lines)


class NeedsTab(QWidget):
    """Need categories met in several pathways: a bar chart and the pathways of each."""

    def __init__(self, portfolio: Portfolio, parent=None):
        super().__init__(parent)
        groups = portfolio.need_categories()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Catégories de besoins, par nombre de parcours qui les citent "
                                        "({0} parcours lus) :").format(len(portfolio.pathways)), self))
        self.chart = BarChart(self)
        self.chart.set_bars([(g.category, len(g.pathways)) for g in groups], self.tr("parcours"))
        scroll = QScrollArea(self)
        scroll.setWidget(self.chart)
        scroll.setWidgetResizable(True)
        scroll.setMaximumHeight(min(self.chart.sizeHint().height() + 8, 320))
        layout.addWidget(scroll)
        columns = [Column(self.tr("Catégorie"), lambda g: g.category),
                   Column(self.tr("Parcours"), lambda g: str(len(g.pathways)), sort=lambda g: len(g.pathways),
                          right=True),
                   Column(self.tr("Fichiers"), lambda g: ", ".join(g.pathways),
                          tooltip=lambda g: _titles(portfolio, g.pathways))]
        self.view, self.model, _proxy = rows_view(columns, self, self.tr("Besoins par catégorie"))
        self.model.set_rows(groups)
        cap_columns_to_contents(self.view)
        layout.addWidget(self.view, 1)


class TopicsTab(QWidget):
    """For each partner, the topics to report to it; its « note de remontée » in PDF or Excel."""

    def __init__(self, portfolio: Portfolio, folder: Path, parent=None):
        super().__init__(parent)
        self.portfolio, self.folder = portfolio, folder
        layout = QVBoxLayout(self)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Partenaire et sujets"), self.tr("Parcours concernés")])
        self.tree.setAccessibleName(self.tr("Sujets à faire remonter par partenaire"))
        for partner in portfolio.topics():
            concerned = {path for topic in partner.topics for path in topic.pathways}
            top = QTreeWidgetItem([partner.partner, str(len(concerned))])
            top.setData(0, Qt.ItemDataRole.UserRole, partner.partner)
            for topic in partner.topics:
                child = QTreeWidgetItem([topic.text, str(len(topic.pathways))])
                child.setToolTip(0, plain_tooltip(_titles(portfolio, topic.pathways)))
                child.setData(0, Qt.ItemDataRole.UserRole, partner.partner)
                top.addChild(child)
            self.tree.addTopLevelItem(top)
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        self.tree.currentItemChanged.connect(lambda *_: self._enable())
        buttons = QHBoxLayout()
        self.note_button = QPushButton(self.tr("&Note de remontée…"), self)
        self.note_button.setToolTip(self.tr("Les sujets de ce partenaire, les parcours d'où ils viennent "
                                            "et ce qu'il a financé (PDF ou Excel)"))
        self.note_button.clicked.connect(self.export_note)
        buttons.addStretch(1)
        buttons.addWidget(self.note_button)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        if self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self._enable()

    def _enable(self) -> None:
        self.note_button.setEnabled(self.current_partner() is not None)

    def current_partner(self):
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def export_note(self) -> None:
        partner = self.current_partner()
        if partner is None:
            return
        from parcours_designer.preferences import default_folder, load_preferences
        from parcours_designer.ui import file_dialogs

        suggested = default_folder(load_preferences()) / self.tr("note-de-remontee-{0}.pdf").format(_file_stem(partner))
        chosen = file_dialogs.ask_save_file(self, self.tr("Note de remontée : {0}").format(partner), suggested,
                                            self.tr("PDF (*.pdf);;Classeur Excel (*.xlsx)"), ".pdf")
        if chosen is not None:
            self.write_note(partner, chosen if chosen.suffix else chosen.with_suffix(".pdf"))

    def write_note(self, partner: str, target: Path) -> bool:
        from parcours_designer.export.partner_note import write_partner_note
        from parcours_designer.model.errors import PathwayError
        from parcours_designer.model.portfolio_note import partner_note

        try:
            write_partner_note(partner_note(self.portfolio, partner), target, self.folder.name)
        except PathwayError as error:
            dialogs.show_error(self, self.tr("Note de remontée impossible"), str(error))
            return False
        self.window().statusBar().showMessage(self.tr("Note écrite : {0}").format(target), 5000)
        return True


def _file_stem(name: str) -> str:
    from parcours_designer.model.portfolio_keys import text_key

    return "-".join("".join(c if c.isalnum() else " " for c in text_key(name)).split())[:60] or "partenaire"


class FundersTab(QWidget):
    """What each funder put into the portfolio's pathways, and how much is granted."""

    def __init__(self, portfolio: Portfolio, parent=None):
        super().__init__(parent)
        funders = portfolio.funders()
        layout = QVBoxLayout(self)
        columns = [Column(self.tr("Financeur"), lambda f: f.partner),
                   Column(self.tr("Montant"), lambda f: format_money(f.amount), sort=lambda f: f.amount, right=True),
                   Column(self.tr("dont accordé"), lambda f: format_money(f.granted), sort=lambda f: f.granted,
                          right=True),
                   Column(self.tr("Parcours"), lambda f: str(len(f.pathways)), sort=lambda f: len(f.pathways),
                          right=True),
                   Column(self.tr("Fichiers"), lambda f: ", ".join(f.pathways),
                          tooltip=lambda f: _titles(portfolio, f.pathways))]
        self.view, self.model, _proxy = rows_view(columns, self, self.tr("Financeurs"))
        self.model.set_rows(funders)
        cap_columns_to_contents(self.view)
        total = sum((f.amount for f in funders), Decimal("0"))
        granted = sum((f.granted for f in funders), Decimal("0"))
        self.total_label = QLabel(self.tr("Total : {0}, dont {1} accordés, sur {2} parcours").format(
            format_money(total), format_money(granted), len(portfolio.pathways)), self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.total_label)
