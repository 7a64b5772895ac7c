"""The few questions the editor asks, in French (tests patch these functions)."""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from parcours_designer.ui.plurals import by_count

SAVE = "save"
DISCARD = "discard"
CANCEL = "cancel"


def tr(text: str) -> str:
    return QCoreApplication.translate("dialogs", text)


def _box(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str, detail: str = "") -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if detail:
        box.setInformativeText(detail)
    return box


def confirm_delete(parent: QWidget, what: str, used_by: list[str]) -> bool:
    """Ask before deleting an item that others refer to."""
    lines = "\n".join(f"• {line}" for line in used_by[:12])
    if len(used_by) > 12:
        others = len(used_by) - 12
        lines += "\n" + by_count(others, tr("… et {0} autre"), tr("… et {0} autres")).format(others)
    box = _box(parent, QMessageBox.Icon.Question, tr("Supprimer"),
               tr("Supprimer {0} ?").format(what),
               tr("Il est cité par :\n{0}\n\nCes références seront retirées. "
                  "Annuler (Ctrl+Z) remet tout en place.").format(lines))
    delete = box.addButton(tr("&Supprimer"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(tr("&Annuler"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is delete


def ask_unsaved(parent: QWidget, name: str) -> str:
    """Enregistrer / Ne pas enregistrer / Annuler: :data:`SAVE`, :data:`DISCARD` or :data:`CANCEL`."""
    box = _box(parent, QMessageBox.Icon.Warning, tr("Modifications non enregistrées"),
               tr("Enregistrer les modifications de « {0} » ?").format(name),
               tr("Si vous ne les enregistrez pas, elles seront perdues."))
    save = box.addButton(tr("&Enregistrer"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(tr("&Ne pas enregistrer"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(tr("Annuler"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return SAVE if clicked is save else DISCARD if clicked is discard else CANCEL


def show_error(parent: QWidget, title: str, message: str) -> None:
    box = _box(parent, QMessageBox.Icon.Critical, title, message)
    box.addButton(tr("OK"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def ask_restore(parent: QWidget, description: str) -> bool:
    """After a crash: restore the unsaved work found?"""
    box = _box(parent, QMessageBox.Icon.Question, tr("Récupération"),
               tr("Parcours Designer ne s'est pas fermé correctement."),
               tr("Des modifications non enregistrées ont été retrouvées :\n{0}\n\n"
                  "Voulez-vous les restaurer ?").format(description))
    restore = box.addButton(tr("&Restaurer"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("&Ignorer"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    return box.clickedButton() is restore


def ask_text(parent: QWidget, title: str, label: str, text: str = "") -> Optional[str]:
    """One line of text (the label of a link…); ``None`` when cancelled."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    value, accepted = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return value.strip() if accepted else None
