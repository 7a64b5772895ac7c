"""The « Planning » page: the Gantt view, the follow-up and the closure periods, in tabs.

A click on a bar asks to select that phase elsewhere (``item_chosen``); a
double-click in the follow-up opens it in the Étapes page (the window's ``open_item``).
« Enregistrer la référence » saves the baseline as one undo step.
"""

from __future__ import annotations

from datetime import date
from typing import Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QVBoxLayout, QWidget

from parcours_designer.ui.baseline import save_baseline
from parcours_designer.ui.closures import ClosuresEditor
from parcours_designer.ui.derived import derived_state
from parcours_designer.ui.document import Document
from parcours_designer.ui.followup_view import FollowUpView
from parcours_designer.ui.page import ItemOpener
from parcours_designer.ui.planning import PlanningView

STATUS_MS = 10_000


class PlanningPage(QWidget):
    """Wraps :class:`PlanningView`, :class:`FollowUpView` and :class:`ClosuresEditor`."""

    item_chosen = Signal(object, object)  # list name, item id

    def __init__(self, document: Document, parent=None, today: Optional[date] = None):
        """``today`` judges lateness as of that day (tests, screenshots), for the check too;
        by default the real today of the document's derived state."""
        super().__init__(parent)
        self.document = document
        self.derived = derived_state(document)
        if today is not None:
            self.derived.today = today
        self.view = PlanningView(document, self)
        self.view.item_chosen.connect(self.item_chosen)
        self.follow = FollowUpView(document, self)
        self.follow.save_requested.connect(self.save_baseline)
        self.follow.item_chosen.connect(lambda _list_name, phase_id: self.open_phase(phase_id))
        self.closures = ClosuresEditor(document, self, today=self.today)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.view, self.tr("Dia&gramme"))
        self.tabs.addTab(self.follow, self.tr("S&uivi"))
        self.tabs.addTab(self._closures_tab(), self.tr("Fer&metures"))
        self.tabs.setDocumentMode(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def _closures_tab(self) -> QWidget:
        holder = QWidget(self)
        layout = QVBoxLayout(holder)
        hint = QLabel(self.tr("Les jours de fermeture (congés d'été, semaine de Noël…) s'ajoutent aux week-ends "
                              "et aux jours fériés : aucune étape n'y est planifiée et les durées en jours ouvrés "
                              "les sautent."), holder)
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.closures)
        layout.addStretch(1)
        return holder

    # --- selection -------------------------------------------------------------------
    def select(self, list_name: str, item_id: Optional[str]) -> None:
        if list_name == "phases":
            self.view.select(list_name, item_id)

    def open_phase(self, phase_id: str) -> None:
        """Show the phase in the Étapes page (through the window, as the check panel does)."""
        self.item_chosen.emit("phases", phase_id)
        window = self.window()
        if isinstance(window, ItemOpener):
            window.open_item("phases", phase_id)

    @property
    def today(self) -> date:
        """The day the page (and the check) judges lateness as of: the derived state's."""
        return self.derived.day()

    def set_today(self, day: date) -> None:
        """Judge lateness and draw today's line as of ``day`` (screenshots, demonstrations), in the
        check too: the derived state is computed again for that day."""
        self.derived.today = self.closures.today = day
        self.view.refresh()
        self.follow.refresh()

    def show_follow_up(self) -> None:
        self.tabs.setCurrentWidget(self.follow)

    # --- baseline --------------------------------------------------------------------
    def save_baseline(self) -> str:
        """Save today's planning as the baseline (one undo step); the confirmation is shown."""
        message = save_baseline(self.document, self.today, self.view.calendar())
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(message, STATUS_MS)
        return message
