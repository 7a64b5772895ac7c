"""A page for one list: a table, the actions on its items, the selected item's form."""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from parcours_designer.model.kinds import KINDS
from parcours_designer.model.references import display_name, referrers
from parcours_designer.ui import dialogs, specs
from parcours_designer.ui.commands import AddItem, DeleteItem, MoveItem, duplicate_item
from parcours_designer.ui.document import Document
from parcours_designer.ui.form import Form
from parcours_designer.ui.table_fit import action_bar, fit_columns
from parcours_designer.ui.wheel_guard import guard_wheel
from parcours_designer.ui.table_model import EntityTableModel


class ListPage(QWidget):
    """Table + actions + form for ``list_name``; ``extra`` widgets go under the form."""

    def __init__(self, document: Document, list_name: str, parent=None, extra: Optional[list] = None):
        super().__init__(parent)
        self.document = document
        self.list_name = list_name
        self.kind = KINDS[list_name]
        self.model = EntityTableModel(document, list_name, specs.columns(list_name), self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.table = self._make_table()
        self.form = Form(document, list_name, specs.fields(list_name), self)
        self.extra = extra or []
        self._build(self._make_actions())
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.proxy.rowsRemoved.connect(self._after_rows_removed)
        document.changed.connect(lambda _change: self._update_actions())

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTabKeyNavigation(False)  # Tab leaves the table for the form (arrows move between cells)
        table.verticalHeader().setDefaultSectionSize(24)
        fit_columns(table)
        table.setAccessibleName(self.kind.title)
        return table

    def _make_actions(self) -> list[QAction]:
        noun = self.kind.indefinite
        specs_ = [
            ("add", self.tr("&Ajouter"), self.tr("Ajouter {0}").format(noun), QKeySequence("Ctrl+Ins"), self.add),
            ("duplicate", self.tr("&Dupliquer"), self.tr("Dupliquer la ligne"), QKeySequence("Ctrl+D"),
             self.duplicate),
            ("delete", self.tr("&Supprimer"), self.tr("Supprimer la ligne"), QKeySequence("Ctrl+Del"),
             self.delete),
            ("up", self.tr("Monter"), self.tr("Monter la ligne"), QKeySequence("Alt+Up"),
             lambda: self.move_current(-1)),
            ("down", self.tr("Descendre"), self.tr("Descendre la ligne"), QKeySequence("Alt+Down"),
             lambda: self.move_current(1)),
        ]
        self.actions_: dict[str, QAction] = {}
        for key, text, tip, shortcut, slot in specs_:
            action = QAction(text, self)
            action.setToolTip(f"{tip} ({shortcut.toString(QKeySequence.SequenceFormat.NativeText)})")
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            self.actions_[key] = action
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table, self.delete,
                               context=Qt.ShortcutContext.WidgetShortcut)  # Suppr on the table only, not in a field
        delete_key.setObjectName("delete-key")
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addActions(list(self.actions_.values()))  # right click / menu key: the actions and their keys
        return list(self.actions_.values())

    def _build(self, actions: list[QAction]) -> None:
        bar = QHBoxLayout()
        bar.addWidget(action_bar(self, actions), 1)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Filtrer…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Filtrer le tableau"))
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.search.setMaximumWidth(240)
        self.search.setMinimumWidth(90)
        bar.addWidget(self.search)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.table)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        self.form_area = self._form_area()
        splitter.addWidget(self.form_area)
        self.splitter = splitter
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([600, 400])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)
        self._update_actions()

    def _form_area(self) -> QScrollArea:
        holder = QWidget(self)
        layout = QVBoxLayout(holder)
        layout.addWidget(self.form)
        for widget in self.extra:
            layout.addWidget(widget)
        layout.addStretch(1)
        guard_wheel(holder)  # the editors under the form too (questions…): the wheel scrolls the form
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setWidget(holder)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields; the area follows the focus
        # Never narrower than what the form and the editors under it need: no scroll bar sideways, so
        # a narrower area would cut them.
        area.setMinimumWidth(max(320, holder.minimumSizeHint().width() + area.verticalScrollBar().sizeHint().width()
                                 + 2 * area.frameWidth()))
        return area

    def set_form_width(self, width: int) -> None:
        """A narrower form (short forms), the rest to the table."""
        self.form_area.setMinimumWidth(width)
        self.splitter.setSizes([10_000, width])

    # --- selection -------------------------------------------------------
    def current_id(self) -> Optional[str]:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.item_id(self.proxy.mapToSource(index).row())

    def select(self, item_id: Optional[str]) -> None:
        row = self.document.row_of(self.list_name, item_id) if item_id else -1
        if row < 0:
            self.table.clearSelection()
            self.table.setCurrentIndex(self.proxy.index(-1, -1))
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.search.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def _current_changed(self, *_args) -> None:
        item_id = self.current_id()
        self.form.set_item(item_id)
        for widget in self.extra:
            widget.set_item(item_id)
        self._update_actions()

    def _after_rows_removed(self, *_args) -> None:
        if self.current_id() != self.form.item_id:
            self._current_changed()

    def _update_actions(self) -> None:
        row = self.document.row_of(self.list_name, self.current_id()) if self.current_id() else -1
        count = len(self.document.items(self.list_name))
        self.actions_["duplicate"].setEnabled(row >= 0)
        self.actions_["delete"].setEnabled(row >= 0)
        self.actions_["up"].setEnabled(row > 0)
        self.actions_["down"].setEnabled(0 <= row < count - 1)

    # --- actions ---------------------------------------------------------
    def add(self) -> None:
        item = self.kind.entity(id=self.document.new_id(self.list_name))
        current = self.current_id()
        row = self.document.row_of(self.list_name, current) + 1 if current else None
        self.document.push(AddItem(self.document, self.list_name, item, row))
        self.search.clear()
        self.select(item.id)
        self.form.focus_first()

    def duplicate(self) -> None:
        current = self.current_id()
        if current:
            command = duplicate_item(self.document, self.list_name, current)
            self.document.push(command)
            self.select(command.item.id)

    def delete(self) -> None:
        current = self.current_id()
        if not current:
            return
        item = self.document.item(self.list_name, current)
        used_by = [found.describe() for found in referrers(self.document.pathway, self.list_name, current)]
        what = f"{self.kind.definite} « {display_name(item)} »"
        if used_by and not dialogs.confirm_delete(self, what, used_by):
            return
        row = self.document.row_of(self.list_name, current)
        self.document.push(DeleteItem(self.document, self.list_name, current))
        items = self.document.items(self.list_name)
        self.select(items[min(row, len(items) - 1)].id if items else None)

    def move_current(self, step: int) -> None:
        """Move the selected item ``step`` rows down (up when negative), as one undo step."""
        current = self.current_id()
        if not current:
            return
        row = self.document.row_of(self.list_name, current)
        new_row = row + step
        if 0 <= new_row < len(self.document.items(self.list_name)):
            self.document.push(MoveItem(self.document, self.list_name, row, new_row))
            self.select(current)
