"""The welcome page shown when the editor starts without a file.

It leads somewhere: start from a template (with its start date), start a blank
pathway, open a file or a recent one, open the example, read the guide. It
takes the window's central place until a document is chosen: as soon as the
window shows a page of a document (any of these buttons, or the menus), the
editor comes back.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from parcours_designer import paths
from parcours_designer.ui.tooltips import plain_tooltip

if TYPE_CHECKING:
    from parcours_designer.ui.main_window import MainWindow

PATH_ROLE = Qt.ItemDataRole.UserRole


def example_file() -> Path:
    return paths.resources_dir() / "examples" / "dla-collectif-culture.parcours"


class WelcomePage(QWidget):
    def __init__(self, window: "MainWindow", editor: QWidget):
        super().__init__(window)
        self.window_ = window
        self.editor = editor  # the window's usual central widget, given back by :meth:`leave`
        self.buttons: dict[str, QPushButton] = {}
        title = QLabel(self.tr("Bienvenue dans Parcours Designer"), self)
        title.setStyleSheet("font-size: 20pt; font-weight: bold;")
        intro = QLabel(self.tr("Concevez un parcours d'accompagnement : besoins, objectifs, étapes, planning, "
                               "partenaires, budget et évaluation, vérifiés au regard d'un référentiel de "
                               "compétences. Par où commencer ?"), self)
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 40, 60, 40)
        layout.addWidget(title)
        layout.addWidget(intro)
        columns = QGridLayout()
        columns.addWidget(self._start_box(), 0, 0)
        columns.addWidget(self._recent_box(), 0, 1)
        columns.setColumnStretch(0, 1)
        columns.setColumnStretch(1, 1)
        layout.addLayout(columns)
        layout.addStretch(1)

    def _button(self, key: str, text: str, tip: str, slot: Callable[[], None], parent: QWidget) -> QPushButton:
        button = QPushButton(text, parent)
        button.setToolTip(tip)
        button.setMinimumHeight(34)
        button.setStyleSheet("text-align: left; padding: 4px 12px;")
        button.clicked.connect(slot)
        self.buttons[key] = button
        return button

    def _start_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Commencer"), self)
        layout = QVBoxLayout(box)
        files = self.window_.files
        for key, text, tip, slot in (
            ("template", self.tr("Nouveau parcours à partir d'un &modèle…"),
             self.tr("Un parcours DLA individuel ou collectif, une offre d'ingénierie… daté à partir du jour choisi"),
             files.new_from_template),
            ("blank", self.tr("Nouveau parcours &vierge"), self.tr("Un parcours vide, à remplir"), files.new_blank),
            ("open", self.tr("&Ouvrir un parcours…"), self.tr("Un fichier .parcours de votre ordinateur"),
             files.open_dialog),
            ("example", self.tr("Ouvrir l'&exemple"),
             self.tr("Un accompagnement collectif DLA complet, pour découvrir le programme"), self.open_example),
            ("guide", self.tr("Lire le &guide d'utilisation"), self.tr("Les tâches principales, pas à pas (F1)"),
             self.show_guide),
        ):
            layout.addWidget(self._button(key, text, tip, slot, box))
        layout.addStretch(1)
        return box

    def _recent_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Fichiers récents"), self)
        self.recent = QListWidget(box)
        self.recent.setAccessibleName(self.tr("Fichiers récents"))
        for path in self.window_.files.recent.load():
            item = QListWidgetItem(f"{path.name}\n{path.parent}")
            item.setData(PATH_ROLE, str(path))
            item.setToolTip(plain_tooltip(str(path)))
            self.recent.addItem(item)
        self.recent.setCurrentRow(0)  # Entrée opens the last one at once
        self.recent.itemActivated.connect(lambda item: self.open_recent(item))
        empty = QLabel(self.tr("Aucun fichier récent : les parcours que vous ouvrirez ou enregistrerez "
                               "apparaîtront ici."), box)
        empty.setWordWrap(True)
        empty.setVisible(self.recent.count() == 0)
        self.recent.setVisible(self.recent.count() > 0)
        label = QLabel(self.tr("&Récents (Entrée pour ouvrir) :"), box)
        label.setBuddy(self.recent)
        label.setVisible(self.recent.count() > 0)
        layout = QVBoxLayout(box)
        layout.addWidget(label)
        layout.addWidget(self.recent, 1)
        layout.addWidget(empty)
        return box

    # --- actions ---------------------------------------------------------------------
    def open_example(self) -> None:
        self.window_.files.open_path(example_file())

    def open_recent(self, item: QListWidgetItem) -> None:
        self.window_.files.open_path(Path(item.data(PATH_ROLE)))

    def show_guide(self) -> None:
        from parcours_designer.ui.help import show_guide

        show_guide(self.window_)

    def leave(self, *_args) -> None:
        """Give the window its editor back (a document's page is being shown)."""
        window = self.window_
        if window.centralWidget() is not self:
            return
        window.navigation.currentRowChanged.disconnect(self.leave)
        window.setCentralWidget(self.editor)  # deletes this page
        window.check_dock.show()


def show_welcome(window: "MainWindow") -> WelcomePage:
    """Put the welcome page in the window's centre until a document's page is shown."""
    editor = window.takeCentralWidget()
    page = WelcomePage(window, editor)
    window.setCentralWidget(page)
    window.check_dock.hide()
    window.navigation.currentRowChanged.connect(page.leave)
    first = page.buttons["template"]
    first.setFocus()
    return page
