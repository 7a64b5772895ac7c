"""Run the competence check a moment after the last edit, off the keystroke path."""

from __future__ import annotations

import time
from typing import Optional

from PySide6.QtCore import QObject, QTimer, Signal

from parcours_designer.model.check import CheckResult, run_check
from parcours_designer.model.framework import Framework
from parcours_designer.ui.document import Document

DEBOUNCE_MS = 250


class CheckController(QObject):
    """Keeps :attr:`result` up to date; ``result_ready`` tells the views."""

    result_ready = Signal(object)  # CheckResult

    def __init__(self, document: Document, catalog, parent: Optional[QObject] = None):
        super().__init__(parent)
        self.document = document
        self.catalog = catalog
        self.result: Optional[CheckResult] = None
        self.last_duration = 0.0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_now)
        document.changed.connect(lambda _change: self.timer.start())

    def framework(self) -> Framework:
        """The pathway's framework, or the default one when it is not known here."""
        return self.catalog.get(self.document.pathway.framework) or self.catalog.default()

    def framework_is_known(self) -> bool:
        return self.catalog.get(self.document.pathway.framework) is not None

    def schedule(self) -> None:
        self.timer.start()

    def run_now(self) -> None:
        self.timer.stop()
        started = time.perf_counter()
        self.result = run_check(self.document.pathway, self.framework())
        self.last_duration = time.perf_counter() - started
        self.result_ready.emit(self.result)
