"""The menus: Fichier, Édition, Affichage, Aide, with French mnemonics and standard shortcuts."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup, QUndoStack
from PySide6.QtWidgets import QDockWidget, QMenu, QMenuBar, QWidget

from parcours_designer.ui.files import FileActions
from parcours_designer.ui.help import build_help_menu
from parcours_designer.ui.navigation import PageInfo
from parcours_designer.ui.tooltips import plain_tooltip


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
            action.setToolTip(plain_tooltip(str(path)))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.window.files.open_path(p))
        menu.setEnabled(bool(files))


def build_menus(window: MenuHost) -> MenuActions:
    actions = MenuActions(window)
    _file_menu(window, actions)
    _edit_menu(window, actions)
    _view_menu(window, actions)
    build_help_menu(window, actions)
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
    actions.add(menu, "quit", window.tr("&Quitter"), window.close, "Ctrl+Q")


def _open_portfolio(window: MenuHost) -> None:
    from parcours_designer.ui.portfolio_window import choose_and_open

    choose_and_open(window)


def _export_menu(window: MenuHost, menu: QMenu) -> None:
    """Filled when first opened: the export registry is not needed to start."""
    if menu.actions():
        return
    from parcours_designer.export.registry import EXPORT_KINDS

    used: set[str] = set()
    for kind in EXPORT_KINDS.values():
        if kind.needs_questionnaire:  # exported from the questionnaire's own page
            continue
        action = menu.addAction(window.tr("{0}…").format(with_mnemonic(kind.label, used)))
        action.triggered.connect(lambda _checked=False, k=kind: window.files.export(k))


def with_mnemonic(label: str, used: set[str]) -> str:
    """``label`` with an ``&`` before a letter no other entry of the menu uses (a word's first, if free)."""
    words = [n for n, c in enumerate(label) if c.isalpha() and (n == 0 or not label[n - 1].isalpha())]
    letters = [n for n, c in enumerate(label) if c.isalpha()]
    for position in words + letters:
        letter = label[position].casefold()
        if letter not in used:
            used.add(letter)
            return label[:position] + "&" + label[position:]
    return label


def undo_text(prefix: str, text: str) -> str:
    """« Annuler : modifier l'étape » (the bare prefix when there is nothing to undo)."""
    if not text:
        return prefix
    if not text[1:2].isupper():  # keep « DLA… », lower « Modifier… »
        text = text[0].lower() + text[1:]
    return QCoreApplication.translate("menus", "{0} : {1}").format(prefix, text)


def _undo_actions(window: MenuHost, actions: MenuActions) -> tuple[QAction, QAction]:
    """Annuler and Rétablir, naming the step they undo or redo."""
    group = actions.undo_group
    undo = group.createUndoAction(window.window(), window.tr("&Annuler"))
    redo = group.createRedoAction(window.window(), window.tr("&Rétablir"))
    for action, prefix, signal in ((undo, window.tr("&Annuler"), group.undoTextChanged),
                                   (redo, window.tr("&Rétablir"), group.redoTextChanged)):
        action.setText(prefix)
        signal.connect(UndoLabel(action, prefix).show)
    return undo, redo


class UndoLabel(QObject):
    """Names the step of an undo or redo action; dies with it (no call on a deleted action)."""

    def __init__(self, action: QAction, prefix: str):
        super().__init__(action)
        self.action = action
        self.prefix = prefix

    def show(self, text: str) -> None:
        if shiboken6.isValid(self.action):  # the group may speak while the window is being destroyed
            self.action.setText(undo_text(self.prefix, text))


def _edit_menu(window: MenuHost, actions: MenuActions) -> None:
    menu = window.menuBar().addMenu(window.tr("É&dition"))
    undo, redo = _undo_actions(window, actions)
    undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
    redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
    menu.addAction(undo)
    menu.addAction(redo)
    actions.actions["undo"] = undo
    actions.actions["redo"] = redo
    if any(info.key == "planning" for info in window.page_infos):
        menu.addSeparator()
        actions.add(menu, "save_baseline", window.tr("Enregistrer la &référence du planning"),
                    lambda: _save_baseline(window))
    menu.addSeparator()
    actions.add(menu, "preferences", window.tr("&Préférences…"), lambda: _preferences(window), "Ctrl+,")


def _preferences(window: MenuHost) -> None:
    from parcours_designer.ui.preferences_dialog import edit_preferences

    edit_preferences(window)


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
