"""Compare two editions of a pathway: phases added, removed or moved; budget by
group before and after; indicators' targets and results side by side."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget,
)

from parcours_designer.model.formatting import format_date, format_money
from parcours_designer.model.portfolio import Portfolio, edition_groups
from parcours_designer.ui import dialogs
from parcours_designer.ui.plurals import by_count
from parcours_designer.ui.portfolio_rows import Column, cap_columns_to_contents, rows_view


def _shown(value) -> str:
    """A rank, a target or a result: empty when absent."""
    return "" if value is None else str(value)


def _signed_money(value) -> str:
    return ("+" if value > 0 else "−" if value < 0 else "") + format_money(abs(value))


class CompareTab(QWidget):
    def __init__(self, portfolio: Portfolio, folder: Path, parent=None):
        super().__init__(parent)
        self.portfolio, self.folder = portfolio, folder
        self.before_box, self.after_box = QComboBox(self), QComboBox(self)
        for box, name in ((self.before_box, self.tr("Édition de départ")),
                          (self.after_box, self.tr("Édition comparée"))):
            box.setAccessibleName(name)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(50)
            for summary in portfolio.pathways:
                label = f"{summary.title} — {summary.edition or self.tr('sans édition')} ({summary.path})"
                box.addItem(label, summary.path)
        self._preselect()
        self.compare_button = QPushButton(self.tr("&Comparer"), self)
        self.compare_button.clicked.connect(self.compare)
        self.compare_button.setEnabled(bool(portfolio.pathways))
        self.summary_label = QLabel(self)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)  # it cites the pathways' titles
        self.summary_label.setWordWrap(True)
        self.results = QTabWidget(self)
        self._build_tables()
        form = QFormLayout()
        form.addRow(self.tr("Avant :"), self.before_box)
        form.addRow(self.tr("Après :"), self.after_box)
        top = QHBoxLayout()
        top.addLayout(form, 1)
        top.addWidget(self.compare_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.results, 1)

    def _preselect(self) -> None:
        """The two most recent editions of the first pathway that has several."""
        groups = edition_groups(self.portfolio)
        if groups:
            self.choose(groups[0][-2].path, groups[0][-1].path)

    def choose(self, before: str, after: str) -> None:
        self.before_box.setCurrentIndex(self.before_box.findData(before))
        self.after_box.setCurrentIndex(self.after_box.findData(after))

    def _build_tables(self) -> None:
        tr = self.tr
        phases = [Column(tr("Étape"), lambda c: c.title), Column(tr("Changement"), lambda c: c.kind.label),
                  Column(tr("Rang avant"), lambda c: _shown(c.before_rank), sort=lambda c: c.before_rank, right=True),
                  Column(tr("Rang après"), lambda c: _shown(c.after_rank), sort=lambda c: c.after_rank, right=True),
                  Column(tr("Début avant"), lambda c: format_date(c.before_start), sort=lambda c: c.before_start),
                  Column(tr("Début après"), lambda c: format_date(c.after_start), sort=lambda c: c.after_start)]
        budget = [Column(tr("Groupe"), lambda g: g.label),
                  Column(tr("Nature"), lambda g: tr("Charges") if g.charges else tr("Produits")),
                  Column(tr("Avant"), lambda g: format_money(g.before), sort=lambda g: g.before, right=True),
                  Column(tr("Après"), lambda g: format_money(g.after), sort=lambda g: g.after, right=True),
                  Column(tr("Écart"), lambda g: _signed_money(g.difference), sort=lambda g: g.difference,
                         right=True)]
        indicators = [Column(tr("Indicateur"), lambda i: i.label),
                      Column(tr("Cible avant"), lambda i: _shown(i.before_target)),
                      Column(tr("Résultat avant"), lambda i: _shown(i.before_result)),
                      Column(tr("Cible après"), lambda i: _shown(i.after_target)),
                      Column(tr("Résultat après"), lambda i: _shown(i.after_result))]
        self.tables = {}
        for key, columns, title in (("phases", phases, tr("Étapes")), ("budget", budget, tr("Budget par groupe")),
                                    ("indicators", indicators, tr("Indicateurs"))):
            view, model, _proxy = rows_view(columns, self, title)
            self.tables[key] = (view, model)
            self.results.addTab(view, title)

    def _changes_text(self, counts) -> str:
        """« 1 étape ajoutée, 0 retirée, 2 déplacées, 11 inchangées »."""
        from parcours_designer.model.portfolio_compare import PhaseChangeKind

        words = ((PhaseChangeKind.ADDED, self.tr("{0} étape ajoutée"), self.tr("{0} étapes ajoutées")),
                 (PhaseChangeKind.REMOVED, self.tr("{0} retirée"), self.tr("{0} retirées")),
                 (PhaseChangeKind.MOVED, self.tr("{0} déplacée"), self.tr("{0} déplacées")),
                 (PhaseChangeKind.KEPT, self.tr("{0} inchangée"), self.tr("{0} inchangées")))
        return ", ".join(by_count(counts[kind], one, many).format(counts[kind]) for kind, one, many in words)

    def compare(self) -> bool:
        """Read both files as saved and show what changed from one to the other."""
        from parcours_designer.model.errors import PathwayError
        from parcours_designer.model.portfolio_compare import PhaseChangeKind, compare_editions
        from parcours_designer.model.portfolio_scan import load_member

        if self.before_box.currentData() is None or self.after_box.currentData() is None:
            return False  # no pathway in the folder
        try:
            before = load_member(self.folder, self.before_box.currentData())
            after = load_member(self.folder, self.after_box.currentData())
        except PathwayError as error:
            dialogs.show_error(self, self.tr("Comparaison impossible"), str(error))
            return False
        self.comparison = compare_editions(before, after)
        for key, rows in (("phases", self.comparison.phases), ("budget", self.comparison.budget),
                          ("indicators", self.comparison.indicators)):
            view, model = self.tables[key]
            model.set_rows(list(rows))
            cap_columns_to_contents(view, widest=300)
        counts = {kind: self.comparison.count(kind) for kind in PhaseChangeKind}
        self.summary_label.setText(self.tr("De « {0} » à « {1} » : {2}.").format(
            self.comparison.before, self.comparison.after, self._changes_text(counts)))
        return True
