"""Pick other items: a checkable, searchable list and a single-choice combo.

Both sit on :class:`ChoicesModel`, a thin list model over one entity list of
the document that follows its changes row by row.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from parcours_designer.model.references import display_name
from parcours_designer.ui.document import FIELDS, Change, Document
from parcours_designer.ui.follow import begin_rows, end_rows
from parcours_designer.ui.plurals import by_count
from parcours_designer.ui.tooltips import plain_tooltip

ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class ChoicesModel(QAbstractListModel):
    """The items of ``list_name`` as choices; checkable ones emit ``toggled``."""

    toggled = Signal(str, bool)  # target id, checked

    def __init__(self, document: Document, list_name: str, *, checkable: bool = False,
                 with_none: bool = False, parent=None):
        super().__init__(parent)
        self.document = document
        self.list_name = list_name
        self.checkable = checkable
        self.offset = 1 if with_none else 0
        self.checked: set[str] = set()
        self.excluded: Optional[str] = None
        document.about_to_change.connect(self._about_to_change)
        document.changed.connect(self._on_changed)

    def _items(self) -> list:
        return self.document.items(self.list_name)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items()) + self.offset

    def item_at(self, row: int):
        return None if row < self.offset else self._items()[row - self.offset]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.item_at(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self.tr("— aucun —") if item is None else display_name(item)
            return text if role == Qt.ItemDataRole.DisplayRole else plain_tooltip(text)
        if role == ID_ROLE:
            return None if item is None else item.id
        if role == Qt.ItemDataRole.CheckStateRole and self.checkable and item is not None:
            return Qt.CheckState.Checked if item.id in self.checked else Qt.CheckState.Unchecked
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        item = self.item_at(index.row())
        if self.checkable and item is not None and item.id != self.excluded:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        elif item is not None and item.id == self.excluded:
            flags &= ~Qt.ItemFlag.ItemIsEnabled
        return flags

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        item = self.item_at(index.row())
        if item is None or not self.checkable:
            return False
        self.toggled.emit(item.id, Qt.CheckState(value) == Qt.CheckState.Checked)
        return True

    def set_checked(self, ids: list[str], excluded: Optional[str] = None) -> None:
        """Show ``ids`` as checked (and ``excluded``, the item itself, disabled)."""
        new = set(ids)
        if new == self.checked and excluded == self.excluded:
            return
        self.checked, self.excluded = new, excluded
        if self.rowCount():
            self.dataChanged.emit(self.index(0), self.index(self.rowCount() - 1))

    def row_of(self, item_id: Optional[str]) -> int:
        if item_id is None:
            return 0 if self.offset else -1
        row = self.document.row_of(self.list_name, item_id)
        return row + self.offset if row >= 0 else -1

    def _about_to_change(self, change: Change) -> None:
        if change.list_name == self.list_name:
            begin_rows(self, change, self.offset)

    def _on_changed(self, change: Change) -> None:
        if change.list_name != self.list_name or end_rows(self, change):
            return
        if change.kind == FIELDS and change.row >= 0:
            row = change.row + self.offset
            self.dataChanged.emit(self.index(row), self.index(row))
        else:
            self.beginResetModel()
            self.endResetModel()


class LinkList(QWidget):
    """A searchable checkable list of the items of another list."""

    toggled = Signal(str, bool)

    def __init__(self, document: Document, list_name: str, parent=None):
        super().__init__(parent)
        self.model = ChoicesModel(document, list_name, checkable=True, parent=self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Rechercher…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QListView(self)
        self.view.setModel(self.proxy)
        self.view.setUniformItemSizes(True)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setMinimumHeight(90)
        self.view.setMaximumHeight(150)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for widget in (self.search, self.view, self.summary):
            layout.addWidget(widget)
        self.model.toggled.connect(self.toggled)
        self.setFocusProxy(self.view)

    def set_accessible_name(self, name: str) -> None:
        self.view.setAccessibleName(name)
        self.search.setAccessibleName(self.tr("Rechercher dans : {0}").format(name))

    def set_checked(self, ids: list[str], excluded: Optional[str] = None) -> None:
        self.model.set_checked(ids, excluded)
        count = len(ids)
        chosen = by_count(count, self.tr("{0} sélectionné"), self.tr("{0} sélectionnés")).format(count)
        self.summary.setText(chosen if count else self.tr("Aucun lien"))


class RefCombo(QComboBox):
    """One item of another list, or none."""

    def __init__(self, document: Document, list_name: str, parent=None):
        super().__init__(parent)
        self.choices = ChoicesModel(document, list_name, with_none=True, parent=self)
        self.setModel(self.choices)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(20)

    def current_id(self) -> Optional[str]:
        return self.currentData(ID_ROLE)

    def set_current_id(self, item_id: Optional[str]) -> None:
        self.setCurrentIndex(self.choices.row_of(item_id))
