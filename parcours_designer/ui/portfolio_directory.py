"""The partner directory tab: find an actor of the territory, see where its contact
disagrees between files, insert a copy of it into the pathway being edited
(one undo step)."""

from __future__ import annotations

from typing import Callable, Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout, QLineEdit, QPlainTextEdit, QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from parcours_designer.model.formatting import format_date
from parcours_designer.model.portfolio import Portfolio
from parcours_designer.model.portfolio_directory import DirectoryEntry, partner_directory
from parcours_designer.ui.portfolio_rows import Column, cap_columns_to_contents, rows_view, selected_rows


SUMMARY_WIDTH = 200  # pixels: the roles and the contact at first sight, whole in their tooltip and the card below


def _contact(entry: DirectoryEntry) -> str:
    card = entry.contact
    return " · ".join(part for part in (card.contact_name, card.email, card.phone) if part)


def directory_columns(widget: QWidget) -> list[Column]:
    tr = widget.tr
    return [
        Column(tr("Nom"), lambda e: e.name),
        Column(tr("Type"), lambda e: e.kind.label),
        Column(tr("Contacts\ndivergents"), lambda e: ", ".join(d.label for d in e.disagreements)),
        Column(tr("Rôle"), lambda e: " ; ".join(e.roles), widest=SUMMARY_WIDTH),
        Column(tr("Contact"), _contact, widest=SUMMARY_WIDTH),
        Column(tr("Parcours"), lambda e: str(len(e.pathways)), sort=lambda e: len(e.pathways), right=True,
               tooltip=lambda e: "\n".join(e.pathways)),
        Column(tr("Éditions"), lambda e: ", ".join(e.editions)),
        Column(tr("Vu pour la\ndernière fois"), lambda e: format_date(e.last_seen), sort=lambda e: e.last_seen),
    ]


class DirectoryTab(QWidget):
    """``current_document()`` is the editor's document (``None`` without an editor)."""

    def __init__(self, portfolio: Portfolio, current_document: Callable[[], object], parent=None):
        super().__init__(parent)
        self.current_document = current_document
        self.entries = partner_directory(portfolio)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Chercher un partenaire (nom, rôle, contact)…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Chercher un partenaire"))
        self.view, self.model, self.proxy = rows_view(directory_columns(self), self,
                                                       self.tr("Annuaire des partenaires"))
        self.model.set_rows(self.entries)
        cap_columns_to_contents(self.view, widest=230)
        self.search.textChanged.connect(self.proxy.set_query)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Fiche du partenaire"))
        self.insert_button = QPushButton(self.tr("&Insérer dans le parcours en cours"), self)
        self.insert_button.setToolTip(self.tr("Ajoute une copie de ce partenaire au parcours ouvert dans "
                                              "l'éditeur (Ctrl+Z l'annule)"))
        self.insert_button.clicked.connect(self.insert_selected)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self._lay_out()
        self._selection_changed()

    def _lay_out(self) -> None:
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.view)
        splitter.addWidget(self.details)
        splitter.setSizes([420, 180])
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.insert_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

    def selected(self) -> Optional[DirectoryEntry]:
        rows = selected_rows(self.view, self.proxy)
        return self.model.row_at(rows[0]) if rows else None

    def select(self, name: str) -> bool:
        """Select the entry called ``name`` (shown spelling), as a person would click it."""
        for row in range(self.proxy.rowCount()):
            if self.model.row_at(self.proxy.mapToSource(self.proxy.index(row, 0)).row()).name == name:
                self.view.selectRow(row)
                return True
        return False

    def _selection_changed(self) -> None:
        entry = self.selected()
        self.insert_button.setEnabled(entry is not None and self.current_document() is not None)
        self.details.setPlainText(self.describe(entry) if entry else "")

    def describe(self, entry: DirectoryEntry) -> str:
        lines = [entry.name, self.tr("Type : {0}").format(entry.kind.label)]
        if entry.roles:
            lines.append(self.tr("Rôles : {0}").format(" ; ".join(entry.roles)))
        lines.append(self.tr("Contact le plus récent : {0}").format(_contact(entry) or self.tr("non renseigné")))
        lines.append(self.tr("Parcours :"))
        lines += [f"  • {a.summary.title} ({a.summary.edition or '—'}) — {a.summary.path}" for a in entry.appearances]
        for disagreement in entry.disagreements:
            lines.append(self.tr("Les fichiers divergent sur le {0} :").format(disagreement.label))
            lines += [f"  • {value} — {', '.join(paths)}" for value, paths in disagreement.values]
        return "\n".join(lines)

    def insert_selected(self) -> bool:
        """Add a copy of the selected partner to the editor's pathway: one undo step."""
        from parcours_designer.model.portfolio_directory import partner_copy
        from parcours_designer.ui.commands import AddItem

        from parcours_designer.model.portfolio_keys import text_key

        entry, document = self.selected(), self.current_document()
        if entry is None or document is None:
            return False
        if any(text_key(p.name) == text_key(entry.name) for p in document.pathway.partners):
            self.window().statusBar().showMessage(
                self.tr("« {0} » est déjà un partenaire du parcours en cours").format(entry.name), 5000)
            return False
        partner = partner_copy(entry, document.new_id("partners"))
        document.push(AddItem(document, "partners", partner,
                              text=self.tr("Ajouter le partenaire « {0} » depuis l'annuaire").format(entry.name)))
        self.window().statusBar().showMessage(
            self.tr("« {0} » ajouté au parcours en cours").format(entry.name), 5000)
        return True
