"""The menus: Fichier, Édition, Affichage, Aide, with French mnemonics and standard shortcuts."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup, QUndoStack
from PySide6.QtWidgets import QDockWidget, QMenu, QMenuBar, QMessageBox, QWidget

from parcours_designer import __version__
from parcours_designer.ui.files import FileActions
from parcours_designer.ui.navigation import PageInfo


class MenuHost(Protocol):
    """What the menus need from the editor's window (declared here: no import of main_window)."""

    files: FileActions
    page_infos: list[PageInfo]
    check_dock: QDockWidget

    def page(self, key: str) -> QWidget: ...

    def show_page(self, key: str) -> QWidget: ...

    def menuBar(self) -> QMenuBar: ...  # noqa: N802 (Qt's names)

    def tr(self, text: str) -> str: ...

    def close(self) -> bool: ...

    def window(self) -> QWidget: ...  # the parent of the actions and the « À propos » box


class MenuActions(QObject):
    """The window's actions that follow the document (undo, recent files)."""

    def __init__(self, window: MenuHost):
        super().__init__(window.window())
        self.window = window
        self.undo_group = QUndoGroup(self)
        self.actions: dict[str, QAction] = {}

    def add(self, menu: QMenu, key: str, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self.window.window())
        if shortcut is not None:
            shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.triggered.connect(slot)
        menu.addAction(action)
        self.actions[key] = action
        return action

    def bind_undo(self, stack: QUndoStack) -> None:
        if stack not in self.undo_group.stacks():
            self.undo_group.addStack(stack)
        self.undo_group.setActiveStack(stack)

    def fill_recent(self, files: list[Path]) -> None:
        menu = self.recent_menu
        menu.clear()
        for number, path in enumerate(files, start=1):
            action = menu.addAction(f"&{number} {path.name}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.window.files.open_path(p))
        menu.setEnabled(bool(files))


def build_menus(window: MenuHost) -> MenuActions:
    actions = MenuActions(window)
    _file_menu(window, actions)
    _edit_menu(window, actions)
    _view_menu(window, actions)
    help_menu = window.menuBar().addMenu(window.tr("&Aide"))
    actions.add(help_menu, "about", window.tr("À &propos de Parcours Designer"), lambda: _about(window))
    actions.fill_recent(window.files.recent.load())
    return actions


def _file_menu(window: MenuHost, actions: MenuActions) -> None:
    files = window.files
    menu = window.menuBar().addMenu(window.tr("&Fichier"))
    actions.add(menu, "new", window.tr("&Nouveau"), files.new_blank, QKeySequence.StandardKey.New)
    actions.add(menu, "new_template", window.tr("Nouveau à partir d'un &modèle…"), files.new_from_template,
                "Ctrl+Shift+N")
    actions.add(menu, "new_edition", window.tr("Nouvelle é&dition (année suivante)"), files.new_edition)
    actions.add(menu, "open", window.tr("&Ouvrir…"), files.open_dialog, QKeySequence.StandardKey.Open)
    actions.recent_menu = menu.addMenu(window.tr("Fichiers &récents"))
    actions.add(menu, "open_portfolio", window.tr("Ouvrir un &portefeuille…"), lambda: _open_portfolio(window))
    menu.addSeparator()
    actions.add(menu, "save", window.tr("&Enregistrer"), files.save, QKeySequence.StandardKey.Save)
    actions.add(menu, "save_as", window.tr("Enregistrer &sous…"), files.save_as, "Ctrl+Shift+S")
    menu.addSeparator()
    export_menu = menu.addMenu(window.tr("E&xporter"))
    export_menu.aboutToShow.connect(lambda: _export_menu(window, export_menu))
    menu.addSeparator()
    actions.add(menu, "quit", window.tr("&Quitter"), window.close, QKeySequence.StandardKey.Quit)


def _open_portfolio(window: MenuHost) -> None:
    from parcours_designer.ui.portfolio_window import choose_and_open

    choose_and_open(window)


def _export_menu(window: MenuHost, menu: QMenu) -> None:
    """Filled when first opened: the export registry is not needed to start."""
    if menu.actions():
        return
    from parcours_designer.export.registry import EXPORT_KINDS

    for kind in EXPORT_KINDS.values():
        if kind.needs_questionnaire:  # exported from the questionnaire's own page
            continue
        action = menu.addAction(window.tr("{0}…").format(kind.label))
        action.triggered.connect(lambda _checked=False, k=kind: window.files.export(k))


def _edit_menu(window: MenuHost, actions: MenuActions) -> None:
    menu = window.menuBar().addMenu(window.tr("É&dition"))
    undo = actions.undo_group.createUndoAction(window.window(), window.tr("Annuler"))
    undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
    redo = actions.undo_group.createRedoAction(window.window(), window.tr("Rétablir"))
    redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
    menu.addAction(undo)
    menu.addAction(redo)
    actions.actions["undo"] = undo
    actions.actions["redo"] = redo
    if any(info.key == "planning" for info in window.page_infos):
        menu.addSeparator()
        actions.add(menu, "save_baseline", window.tr("Enregistrer la &référence du planning"),
                    lambda: _save_baseline(window))


def _save_baseline(window: MenuHost) -> None:
    from parcours_designer.ui.planning_page import PlanningPage  # the planning is loaded when used

    page = window.page("planning")
    assert isinstance(page, PlanningPage)
    page.save_baseline()


def _view_menu(window: MenuHost, actions: MenuActions) -> None:
    menu = window.menuBar().addMenu(window.tr("&Affichage"))
    for number, info in enumerate(window.page_infos, start=1):
        shortcut = f"Ctrl+{number}" if number <= 9 else None
        actions.add(menu, f"page_{info.key}", info.title,
                    lambda _checked=False, key=info.key: window.show_page(key), shortcut)
    menu.addSeparator()
    toggle = window.check_dock.toggleViewAction()
    toggle.setText(window.tr("Panneau de &vérification"))
    toggle.setShortcut(QKeySequence("F9"))
    menu.addAction(toggle)


def _about(window: MenuHost) -> None:
    QMessageBox.about(window.window(), window.tr("À propos de Parcours Designer"),
                      window.tr("Parcours Designer {0}\nConcevoir, vérifier et documenter des parcours "
                                "d'accompagnement pour les porteurs de projets artistiques et culturels.")
                      .format(__version__))
