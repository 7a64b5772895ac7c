"""Read-only tables of the portfolio: a thin item model over a list of domain rows,
sorted on real values (money, dates, scores) and filtered without regard to
case or accents."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Optional, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from parcours_designer.model.portfolio_keys import holds_words, text_key
from parcours_designer.ui.tooltips import plain_tooltip


@dataclass(frozen=True)
class Column:
    """One column: its title, the text shown for a row, and the value it sorts on; ``widest``: pixels
    at most when the columns are fitted (its full text is in its tooltip), if narrower than the table's."""

    title: str
    text: Callable[[Any], str]
    sort: Optional[Callable[[Any], Any]] = None
    right: bool = False
    tooltip: Optional[Callable[[Any], str]] = None
    widest: Optional[int] = None


class RowsModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list = []

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int):
        return self.rows[row]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        column, row = self.columns[index.column()], self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(column.tooltip(row) if column.tooltip else column.text(row))
        if role == Qt.ItemDataRole.TextAlignmentRole and column.right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        return None

    def sort_key(self, row: int, column: int):
        """A key that never compares None with a value (empty cells sort first)."""
        spec, item = self.columns[column], self.rows[row]
        value = spec.sort(item) if spec.sort else text_key(spec.text(item))
        return (value is not None, value if value is not None else 0)

    def texts(self, row: int) -> str:
        item = self.rows[row]
        return " | ".join(column.text(item) for column in self.columns)


class RowsFilter(QSortFilterProxyModel):
    """Sorts on :meth:`RowsModel.sort_key`; keeps rows holding every word of the query
    (no case, no accents)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.query = ""

    def set_query(self, text: str) -> None:
        self.query = text_key(text)
        self.setFilterFixedString(self.query)  # filters again, through filterAcceptsRow

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        return holds_words(self.sourceModel().texts(source_row), self.query)

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:
        model = self.sourceModel()
        return model.sort_key(left.row(), left.column()) < model.sort_key(right.row(), right.column())


def rows_view(columns: Sequence[Column], parent: QWidget, name: str) -> tuple[QTableView, RowsModel, RowsFilter]:
    """A sortable, filterable, read-only table over ``columns``."""
    model = RowsModel(columns, parent)
    proxy = RowsFilter(parent)
    proxy.setSourceModel(model)
    view = QTableView(parent)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.setWordWrap(False)
    view.setAccessibleName(name)
    return view, model, proxy


def selected_rows(view: QTableView, proxy: RowsFilter) -> list[int]:
    """The source rows selected in ``view``, in the order shown."""
    rows = sorted({index.row() for index in view.selectionModel().selectedRows()})
    return [proxy.mapToSource(proxy.index(row, 0)).row() for row in rows]


def cap_columns_to_contents(view: QTableView, widest: int = 360) -> None:
    """Each column to its contents and header, at most ``widest`` (or its own ``widest``) pixels."""
    view.resizeColumnsToContents()
    model = view.model()
    source = model.sourceModel() if isinstance(model, QSortFilterProxyModel) else model
    specs = source.columns if isinstance(source, RowsModel) else []
    for column in range(model.columnCount()):
        own = specs[column].widest if column < len(specs) else None
        view.setColumnWidth(column, min(view.columnWidth(column), own or widest))
