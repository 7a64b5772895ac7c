"""« Préférences… »: who designs the pathways, the default framework, autosave, the default folder.

The values live in :mod:`parcours_designer.preferences` (no Qt); this dialog
only shows and edits them, and saves them when the user confirms.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from parcours_designer.preferences import Officer, Preferences, default_folder, load_preferences, save_preferences
from parcours_designer.ui import dialogs

OFFICER_FIELDS = ("name", "organisation", "email", "phone")


class PreferencesDialog(QDialog):
    def __init__(self, preferences: Preferences, frameworks: dict[str, str], parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Préférences"))
        self.setMinimumWidth(560)
        self.officer: dict[str, QLineEdit] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self._officer_box(preferences.officer))
        layout.addWidget(self._work_box(preferences, frameworks))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _officer_box(self, officer: Officer) -> QGroupBox:
        box = QGroupBox(self.tr("Vous (référent·e des nouveaux parcours)"), self)
        form = QFormLayout(box)
        labels = (self.tr("&Nom :"), self.tr("&Structure :"), self.tr("&Courriel :"), self.tr("&Téléphone :"))
        for name, label in zip(OFFICER_FIELDS, labels):
            edit = QLineEdit(getattr(officer, name), box)
            edit.setAccessibleName(label.replace("&", "").rstrip(" :"))
            self.officer[name] = edit
            form.addRow(label, edit)
        return box

    def _work_box(self, preferences: Preferences, frameworks: dict[str, str]) -> QGroupBox:
        box = QGroupBox(self.tr("Travail"), self)
        form = QFormLayout(box)
        self.framework = QComboBox(box)
        self.framework.addItem(self.tr("Celui du programme"), "")
        for framework_id, title in sorted(frameworks.items(), key=lambda item: item[1]):
            self.framework.addItem(title, framework_id)
        self.framework.setCurrentIndex(max(0, self.framework.findData(preferences.default_framework)))
        self.framework.setAccessibleName(self.tr("Référentiel des nouveaux parcours"))
        form.addRow(self.tr("&Référentiel par défaut :"), self.framework)
        self.autosave = QSpinBox(box)
        self.autosave.setRange(1, 600)
        self.autosave.setSuffix(self.tr(" s"))
        self.autosave.setValue(preferences.autosave_seconds)
        self.autosave.setAccessibleName(self.tr("Délai de la copie de secours, en secondes"))
        form.addRow(self.tr("Copie de secours &après :"), self.autosave)
        self.folder = QLineEdit(preferences.default_folder, box)
        self.folder.setPlaceholderText(str(default_folder(Preferences())))
        self.folder.setAccessibleName(self.tr("Dossier par défaut"))
        browse = QPushButton(self.tr("&Parcourir…"), box)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        label = QLabel(self.tr("&Dossier des documents :"), box)
        label.setBuddy(self.folder)
        form.addRow(label, row)
        return box

    def _browse(self) -> None:
        from parcours_designer.ui import file_dialogs

        start = self.folder.text() or self.folder.placeholderText()
        chosen = file_dialogs.ask_folder(self, self.tr("Dossier des documents et des exports"), start)
        if chosen is not None:
            self.folder.setText(str(chosen))

    def preferences(self) -> Preferences:
        officer = Officer(**{name: edit.text() for name, edit in self.officer.items()})
        return Preferences(officer=officer, default_framework=self.framework.currentData() or "",
                           autosave_seconds=self.autosave.value(), default_folder=self.folder.text().strip())


def frameworks_of(window) -> dict[str, str]:
    derived = getattr(window, "derived", None)
    catalog = getattr(window, "catalog", None) or (derived.loaded_catalog() if derived is not None else None)
    if catalog is None:
        from parcours_designer.model.frameworks import load_catalog
        from parcours_designer.paths import framework_folders

        catalog = load_catalog(framework_folders())
    return {framework_id: framework.title for framework_id, framework in catalog.frameworks.items()}


def edit_preferences(window) -> Optional[Preferences]:
    """Show the dialog; save and return the preferences when confirmed (``None`` if cancelled)."""
    dialog = PreferencesDialog(load_preferences(), frameworks_of(window), window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    chosen = dialog.preferences()
    try:
        save_preferences(chosen)
    except OSError as error:
        dialogs.show_error(window, dialog.tr("Préférences non enregistrées"), str(error))
        return None
    apply_preferences(window, chosen)
    return chosen


def apply_preferences(window, preferences: Preferences) -> None:
    """What takes effect at once: the delay of the recovery copy."""
    window.autosaver.timer.setInterval(preferences.autosave_seconds * 1000)
