"""Choose a template for « Nouveau à partir d'un modèle », and the new pathway's start date.

The titles are listed; the chosen template's description shows below them.
The start date moves every date of the template by whole weeks, as the
command line's ``new --start`` does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Optional

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from parcours_designer.ui.tooltips import plain_tooltip

if TYPE_CHECKING:
    from parcours_designer.model.templates import TemplateInfo


FRENCH = QLocale(QLocale.Language.French, QLocale.Country.France)  # ui.editors imports the model: not at start


@dataclass(frozen=True)
class TemplateChoice:
    template_id: str
    start: date


def next_monday(today: date) -> date:
    """The first Monday after ``today`` (a week later when today is a Monday)."""
    return today + timedelta(days=7 - today.weekday())


class TemplateDialog(QDialog):
    def __init__(self, templates: "list[TemplateInfo]", parent=None, today: Optional[date] = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nouveau parcours à partir d'un modèle"))
        self.resize(640, 440)
        self.descriptions: dict[str, str] = {info.id: info.description for info in templates}
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Modèles de parcours"))
        bold = QFont(self.list.font())
        bold.setBold(True)
        for info in templates:
            item = QListWidgetItem(info.title)
            item.setFont(bold)
            item.setToolTip(plain_tooltip(info.description))
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            self.list.addItem(item)
        self.description = QLabel(self)
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        self.description.setWordWrap(True)
        self.description.setMinimumHeight(60)
        self.description.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.list.currentItemChanged.connect(self._show_description)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.start = self._start_edit(today or date.today())
        self._lay_out()

    def _start_edit(self, today: date) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setLocale(FRENCH)
        edit.setDisplayFormat("dddd dd/MM/yyyy")
        monday = next_monday(today)
        edit.setDate(QDate(monday.year, monday.month, monday.day))
        edit.setAccessibleName(self.tr("Début du nouveau parcours"))
        return edit

    def _lay_out(self) -> None:
        label = QLabel(self.tr("&Modèle :"), self)
        label.setBuddy(self.list)
        dates = QFormLayout()
        dates.addRow(self.tr("&Début du parcours :"), self.start)
        hint = QLabel(self.tr("Toutes les dates du modèle sont décalées d'autant de semaines : "
                              "chaque étape garde son jour de la semaine."), self)
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.description)
        layout.addLayout(dates)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def _show_description(self, item: Optional[QListWidgetItem], _previous=None) -> None:
        template_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        self.description.setText(self.descriptions.get(template_id, ""))

    def chosen_id(self) -> Optional[str]:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def choice(self) -> Optional[TemplateChoice]:
        template_id = self.chosen_id()
        return TemplateChoice(template_id, self.start.date().toPython()) if template_id else None


def choose_template(parent, templates: "list[TemplateInfo]") -> Optional[TemplateChoice]:
    dialog = TemplateDialog(templates, parent)
    return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
