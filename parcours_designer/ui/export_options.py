"""The few settings an export asks for before it is made (tests patch :func:`ask_options`)."""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget


def tr(text: str) -> str:
    return QCoreApplication.translate("export_options", text)


class _OptionsDialog(QDialog):
    """A few settings above « Exporter » and « Annuler »."""

    def __init__(self, title: str, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.layout_ = QVBoxLayout(self)

    def finish(self) -> None:
        layout = self.layout_
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Exporter"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Annuler"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class BudgetOptions(_OptionsDialog):
    """Budget: amounts to the cent, or whole euros as the CERFA form asks."""

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(tr("Options du budget"), parent)
        self.whole_euros = QCheckBox(tr("Montants arrondis à l'euro, comme le demande le formulaire CERFA"), self)
        self.layout_.addWidget(self.whole_euros)
        self.finish()

    def options(self) -> dict:
        return {"whole_euros": True} if self.whole_euros.isChecked() else {}


class EvaluationOptions(_OptionsDialog):
    """Evaluation summary: with or without the points of vigilance found by the check."""

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(tr("Options de la synthèse d'évaluation"), parent)
        self.vigilance_points = QCheckBox(tr("Inclure les points de vigilance relevés par la vérification"), self)
        self.vigilance_points.setChecked(True)
        self.layout_.addWidget(self.vigilance_points)
        self.finish()

    def options(self) -> dict:
        return {} if self.vigilance_points.isChecked() else {"vigilance_points": False}


class GanttOptions(_OptionsDialog):
    """Gantt: the pages of the PDF, A4 or A3, landscape or portrait."""

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(tr("Mise en page du diagramme de Gantt"), parent)
        form = QFormLayout()
        self.paper = QComboBox(self)
        for value in ("A4", "A3"):
            self.paper.addItem(value, value)
        self.orientation = QComboBox(self)
        self.orientation.addItem(tr("Paysage"), "landscape")
        self.orientation.addItem(tr("Portrait"), "portrait")
        form.addRow(tr("Format (PDF)"), self.paper)
        form.addRow(tr("Orientation (PDF)"), self.orientation)
        self.layout_.addLayout(form)
        self.finish()

    def options(self) -> dict:
        return {"paper": self.paper.currentData(), "orientation": self.orientation.currentData()}


DIALOGS = {"budget": BudgetOptions, "evaluation": EvaluationOptions, "gantt": GanttOptions}


def ask_options(parent: QWidget, kind: str) -> Optional[dict]:
    """The options of an export of ``kind`` (``{}`` when it has none; ``None``: cancelled)."""
    dialog_class = DIALOGS.get(kind)
    if dialog_class is None:
        return {}
    dialog = dialog_class(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.options()
