"""Choose a template for « Nouveau à partir d'un modèle »."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout

if TYPE_CHECKING:
    from parcours_designer.model.templates import TemplateInfo


class TemplateDialog(QDialog):
    def __init__(self, templates: "list[TemplateInfo]", parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nouveau parcours à partir d'un modèle"))
        self.resize(640, 420)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Modèles de parcours"))
        self.list.setWordWrap(True)
        for info in templates:
            item = QListWidgetItem(f"{info.title}\n{info.description}")
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        label = QLabel(self.tr("&Modèle :"), self)
        label.setBuddy(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def chosen_id(self) -> Optional[str]:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None


def choose_template(parent, templates: "list[TemplateInfo]") -> Optional[str]:
    dialog = TemplateDialog(templates, parent)
    return dialog.chosen_id() if dialog.exec() == QDialog.DialogCode.Accepted else None
