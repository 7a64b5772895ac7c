"""The adjustments carried over from the previous edition's bilan, ticked as they are made."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout

from parcours_designer.model.entities import ChecklistItem
from parcours_designer.ui.commands import SetFields
from parcours_designer.ui.document import Change, Document


class ChecklistEditor(QGroupBox):
    def __init__(self, document: Document, parent=None):
        super().__init__(self.tr("Ajustements à mener (repris de l'édition précédente)"), parent)
        self.document = document
        self.origin = QLabel(self)
        self.origin.setTextFormat(Qt.TextFormat.PlainText)
        self.origin.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Ajustements à mener"))
        self.list.setMinimumHeight(90)
        self.list.itemChanged.connect(lambda _item: self.commit())
        add = QPushButton(self.tr("Ajouter"), self)
        add.clicked.connect(self.add)
        remove = QPushButton(self.tr("Supprimer"), self)
        remove.clicked.connect(self.remove)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.origin)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        document.changed.connect(self._on_changed)
        self.reload()

    def reload(self) -> None:
        pathway = self.document.pathway
        link = pathway.previous_edition
        self.origin.setText(self.tr("Issu de l'édition {0} : « {1} »{2}").format(
            link.edition or "?", link.title, f" ({link.file})" if link.file else "") if link else
            self.tr("Les ajustements du bilan y seront repris à la prochaine « Nouvelle édition »."))
        with QSignalBlocker(self.list):
            self.list.clear()
            for entry in pathway.checklist:
                item = QListWidgetItem(entry.text, self.list)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable)
                item.setCheckState(Qt.CheckState.Checked if entry.done else Qt.CheckState.Unchecked)

    def entries(self) -> list[ChecklistItem]:
        return [ChecklistItem(text=self.list.item(row).text().strip(),
                              done=self.list.item(row).checkState() == Qt.CheckState.Checked)
                for row in range(self.list.count())]

    def commit(self) -> None:
        self._push(self.entries(), self.tr("Modifier les ajustements à mener"))

    def add(self) -> None:
        entries = [*self.document.pathway.checklist, ChecklistItem(text=self.tr("Nouvel ajustement"))]
        self._push(entries, self.tr("Ajouter un ajustement à mener"))
        self.list.setCurrentRow(self.list.count() - 1)
        self.list.editItem(self.list.item(self.list.count() - 1))

    def remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            entries = [e for k, e in enumerate(self.document.pathway.checklist) if k != row]
            self._push(entries, self.tr("Supprimer un ajustement à mener"))

    def _push(self, entries: list[ChecklistItem], text: str) -> None:
        if entries != self.document.pathway.checklist:
            self.document.push(SetFields(self.document, None, None, {"checklist": entries}, text=text))

    def _on_changed(self, change: Change) -> None:
        if change.list_name is None and ("checklist" in change.fields or "previous_edition" in change.fields):
            self.reload()
