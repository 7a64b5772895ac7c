"""The « Planning » page: the planning engineer's Gantt view, linked to the Étapes page."""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from parcours_designer.ui.document import Document
from parcours_designer.ui.planning import PlanningView


class PlanningPage(QWidget):
    """Wraps :class:`PlanningView`; a click on a bar asks to open that phase."""

    open_item = Signal(str, object)  # list name, item id

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.view = PlanningView(document, self)
        self.view.item_selected.connect(self.open_item)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def select(self, list_name: str, item_id: Optional[str]) -> None:
        if list_name == "phases":
            self.view.select(list_name, item_id)
