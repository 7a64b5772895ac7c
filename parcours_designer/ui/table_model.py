"""A thin table model over one entity list of the document.

Rows are the list's items, columns are :class:`Column` descriptions. The
model follows the document's changes: a field edit repaints one row, an
insert, delete or move is reported as such, never as a reset. Columns that
show other items' names (« Objectifs » of a phase…) repaint when those lists
change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Optional

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from parcours_designer.model.references import display_name
from parcours_designer.ui.document import FIELDS, Change, Document
from parcours_designer.ui.follow import begin_rows, end_rows
from parcours_designer.ui.tooltips import plain_tooltip

ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class Names:
    """Display names of items by id, per list, recomputed after each change."""

    def __init__(self, document: Document):
        self.document = document
        self._cache: dict[str, dict[str, str]] = {}
        document.changed.connect(lambda _change: self._cache.clear())

    def of(self, list_name: str, item_id: Optional[str]) -> str:
        if item_id is None:
            return ""
        names = self._cache.get(list_name)
        if names is None:
            names = {item.id: display_name(item) for item in self.document.items(list_name)}
            self._cache[list_name] = names
        return names.get(item_id, item_id)

    def join(self, list_name: str, ids: Iterable[str]) -> str:
        return ", ".join(self.of(list_name, item_id) for item_id in ids)


@dataclass(frozen=True)
class Column:
    """A column: its French header and how to show an item in it."""

    header: str
    text: Callable[[object, Names], str]
    right: bool = False


class EntityTableModel(QAbstractTableModel):
    def __init__(self, document: Document, list_name: str, columns: list[Column], parent=None):
        super().__init__(parent)
        self.document = document
        self.list_name = list_name
        self.columns = columns
        self.names = Names(document)
        document.about_to_change.connect(self._about_to_change)
        document.changed.connect(self._on_changed)

    def _items(self) -> list:
        return self.document.items(self.list_name)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items())

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self._items()[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(item, self.names)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(column.text(item, self.names))
        if role == ID_ROLE:
            return item.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column.right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header if 0 <= section < len(self.columns) else None
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def item_id(self, row: int) -> Optional[str]:
        items = self._items()
        return items[row].id if 0 <= row < len(items) else None

    def _about_to_change(self, change: Change) -> None:
        if change.list_name == self.list_name:
            begin_rows(self, change)

    def _on_changed(self, change: Change) -> None:
        if change.list_name != self.list_name:
            self._repaint_all()
        elif end_rows(self, change):
            return
        elif change.kind == FIELDS and change.row >= 0:
            last = len(self.columns) - 1
            self.dataChanged.emit(self.index(change.row, 0), self.index(change.row, last))
        else:
            self.beginResetModel()
            self.endResetModel()

    def _repaint_all(self) -> None:
        """Another list changed: names shown here may have too."""
        rows = self.rowCount()
        if rows:
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, len(self.columns) - 1))
