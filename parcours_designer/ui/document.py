"""The open document: a pathway, its undo stack, its file and what changed.

The editor never mutates the pathway directly: it pushes commands
(:mod:`parcours_designer.ui.commands`) on :attr:`Document.undo_stack`.
Every command reports what it changed through :meth:`Document.notify`, and
views refresh from that :class:`Change` instead of rebuilding everything.
The document is modified exactly when the undo stack is not clean.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Optional

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from parcours_designer.model.kinds import KINDS

if TYPE_CHECKING:  # The model (pydantic) is imported once the window shows: see ui/app.py.
    from parcours_designer.model.pathway import Pathway

# ``Change.kind`` values.
FIELDS = "fields"
INSERTED = "inserted"
REMOVED = "removed"
MOVED = "moved"
RESET = "reset"


@dataclass(frozen=True)
class Change:
    """What one command did, so that views update only what they show.

    ``list_name`` is an entity list (``"phases"``…), or ``None`` for the
    pathway's own fields (title, dates, review…). ``row`` is the position
    concerned (for ``moved``: the old position; ``new_row`` the new one).
    """

    kind: str
    list_name: Optional[str] = None
    item_id: Optional[str] = None
    row: int = -1
    new_row: int = -1
    fields: tuple[str, ...] = field(default=())


class Document(QObject):
    """A pathway being edited, with its undo stack and its file."""

    about_to_change = Signal(object)  # a Change, before rows are inserted, removed or moved
    changed = Signal(object)  # a Change, once done
    path_changed = Signal()

    def __init__(self, pathway: "Pathway", path: Optional[Path] = None, parent: Optional[QObject] = None):
        super().__init__(parent)
        self.pathway = pathway
        self.path = Path(path) if path is not None else None
        self.undo_stack = QUndoStack(self)
        self.revision = 0  # one more for every change, counted before ``changed`` is emitted

    # --- editing ---------------------------------------------------------
    def push(self, command: QUndoCommand) -> None:
        """Do ``command`` and keep it for undo."""
        self.undo_stack.push(command)

    def notify(self, change: Change) -> None:
        """Called by commands after they changed the pathway."""
        self.revision += 1
        self.changed.emit(change)

    @contextmanager
    def changing(self, change: Change) -> Iterator[None]:
        """Wrap a structural change (rows in, out or moved) so item models can follow."""
        self.about_to_change.emit(change)
        try:
            yield
        finally:
            self.revision += 1
            self.changed.emit(change)

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def mark_unsaved(self) -> None:
        """A restored or new-from-elsewhere pathway: unsaved although nothing was undone."""
        self.undo_stack.resetClean()

    # --- lookups ---------------------------------------------------------
    def items(self, list_name: str) -> list:
        return self.pathway.items(list_name)

    def item(self, list_name: str, item_id: str):
        """The item ``item_id`` of ``list_name`` (``None`` if gone)."""
        return next((i for i in self.items(list_name) if i.id == item_id), None)

    def row_of(self, list_name: str, item_id: str) -> int:
        return next((row for row, i in enumerate(self.items(list_name)) if i.id == item_id), -1)

    def new_id(self, list_name: str) -> str:
        """A fresh id for ``list_name``: its prefix and the next free number."""
        return KINDS[list_name].new_id(item.id for item in self.items(list_name))

    # --- files -----------------------------------------------------------
    def display_name(self) -> str:
        return self.path.name if self.path is not None else ""

    def save_to(self, path: Path) -> None:
        """Write the pathway to ``path`` (atomic, with ``.bak``) and mark it clean.

        A pathway that would not reopen is refused with the model's French
        message (:class:`~parcours_designer.model.errors.PathwayError`).
        """
        from parcours_designer.model.fileformat import save_pathway

        save_pathway(self.pathway, path)
        self.undo_stack.setClean()
        if self.path != Path(path):
            self.path = Path(path)
            self.path_changed.emit()

