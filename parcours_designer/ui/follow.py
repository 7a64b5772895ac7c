"""Tell a list or table model about rows inserted, removed or moved in the document."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex

from parcours_designer.ui.document import INSERTED, MOVED, REMOVED, Change


def begin_rows(model: QAbstractItemModel, change: Change, offset: int = 0) -> None:
    """Before the change: ``begin…Rows`` (``offset``: rows shown before the list's first)."""
    row = change.row + offset
    if change.kind == INSERTED:
        model.beginInsertRows(QModelIndex(), row, row)
    elif change.kind == REMOVED:
        model.beginRemoveRows(QModelIndex(), row, row)
    elif change.kind == MOVED:
        new_row = change.new_row + offset
        destination = new_row + 1 if new_row > row else new_row
        model.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)


def end_rows(model: QAbstractItemModel, change: Change) -> bool:
    """After the change: ``end…Rows``; ``False`` if it was not a row change."""
    if change.kind == INSERTED:
        model.endInsertRows()
    elif change.kind == REMOVED:
        model.endRemoveRows()
    elif change.kind == MOVED:
        model.endMoveRows()
    else:
        return False
    return True
