"""The planning view of the editor: the scheduled pathway as a Gantt chart you can drag.

``PlanningView(document)`` shows the schedule of the document's derived state
(:mod:`parcours_designer.ui.derived`: working days, holidays, closures,
rétroplanning, critical path), optionally a risk scenario against it, and a
table comparing every scenario. Moving or stretching a bar and drawing a
dependency each push one undoable command
(:class:`~parcours_designer.ui.commands.SetFields`); while shown, the chart
follows each change at once (it asks the derived state to refresh now).
``item_chosen`` and :meth:`select` share the selection with the tables and
the check panel.
"""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from typing import Optional

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from parcours_designer.model.calendar import WorkCalendar
from parcours_designer.model.gantt_layout import GanttLayout, GroupBy
from parcours_designer.model.planning_edits import STARTED, link_problem, moved_fields, stretched_fields
from parcours_designer.model.references import display_name
from parcours_designer.model.scenarios import scenario_risks
from parcours_designer.ui.commands import SetFields, set_link
from parcours_designer.ui.derived import DerivedState, derived_state
from parcours_designer.ui.document import Document
from parcours_designer.ui.planning.canvas import ZOOMS, PlanningCanvas
from parcours_designer.ui.planning.comparison import ComparisonTable
from parcours_designer.ui.planning.scene import day_x
from parcours_designer.ui.planning.state import PlanningState, compute_state, summary_lines

BASELINE = ""
FIT_MARGIN = 8  # pixels kept free at the right of « Tout le parcours »


class PlanningView(QWidget):
    """The planning of ``document``; emits ``item_chosen("phases", id)`` on a click."""

    item_chosen = Signal(object, object)  # list name, item id

    def __init__(self, document: Document, parent=None, today: Optional[date] = None):
        super().__init__(parent)
        self.document = document
        self.derived = derived_state(document)
        if today is not None:  # judged as of that day, by the check too (tests, screenshots)
            self.derived.today = today
        self.state: Optional[PlanningState] = None
        self.gantt: Optional[GanttLayout] = None
        self._drawn: Optional[tuple] = None  # (revision, scenario, today) the chart shows
        self._positioned = False
        self.canvas = PlanningCanvas(self)
        self.canvas.viewport().installEventFilter(self)  # « Tout le parcours » follows the chart's width
        self.comparison = ComparisonTable(self)
        self._build()
        self.canvas.clicked.connect(self._clicked)
        self.canvas.moved.connect(self.move_phase)
        self.canvas.stretched.connect(self.stretch_phase)
        self.canvas.linked.connect(self.link_phases)
        self.derived.updated.connect(self._state_updated)
        document.changed.connect(self._document_changed)
        self.refresh()

    # --- widgets -----------------------------------------------------------------
    def _build(self) -> None:
        self.zoom = QComboBox(self)
        for name, pixels in ZOOMS:
            self.zoom.addItem(self.tr(name), pixels)
        self.zoom.addItem(self.tr("Tout le parcours"), 0.0)
        self.zoom.setCurrentIndex(1)
        self.zoom.setAccessibleName(self.tr("Échelle de temps"))
        self.zoom.currentIndexChanged.connect(self._zoom_chosen)
        self.scenario = QComboBox(self)
        self.scenario.setAccessibleName(self.tr("Scénario affiché"))
        self.scenario.currentIndexChanged.connect(lambda _i: self.refresh())
        self.by_module = QCheckBox(self.tr("Par &module"), self)
        self.by_module.setToolTip(self.tr("Regrouper les étapes par module, niveau ou lot"))
        self.by_module.toggled.connect(lambda _on: self.refresh())
        today = QPushButton(self.tr("Aujourd'hui"), self)
        today.clicked.connect(lambda: self.canvas.show_day(self.today))
        hint = self._plain_label(self.tr("Glisser une barre : la déplacer · son bord droit : l'allonger · "
                                         "Maj + glisser vers une autre barre : créer une dépendance · "
                                         "Ctrl + molette : zoom"))
        hint.setStyleSheet("color: #606060;")
        bar = QHBoxLayout()
        for label, widget in ((self.tr("Échelle :"), self.zoom), (self.tr("Scénario :"), self.scenario)):
            bar.addWidget(self._plain_label(label))
            bar.addWidget(widget)
        bar.addWidget(self.by_module)
        bar.addWidget(today)
        bar.addStretch(1)
        for first, second in ((self.zoom, self.scenario), (self.scenario, today), (today, self.canvas),
                              (self.canvas, self.comparison)):
            QWidget.setTabOrder(first, second)  # Tab as read: the controls, then the chart
        self.summary = self._plain_label("")
        self.summary.setStyleSheet("font-weight: bold;")
        self.summary.setWordWrap(True)
        self.warnings = self._plain_label("")
        self.warnings.setStyleSheet("color: #9c4a00;")
        self.warnings.setWordWrap(True)
        self.message = self._plain_label("")
        self.message.setStyleSheet("color: #9c0000;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        for widget in (hint, self.summary, self.warnings, self.message, self.canvas, self.comparison):
            layout.addWidget(widget)
        layout.setStretchFactor(self.canvas, 1)

    def _plain_label(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)  # a long line must not widen the window
        return label

    # --- refreshing --------------------------------------------------------------
    def _document_changed(self, _change) -> None:
        if self.isVisible():  # a drag shows its result at once, not after the debounce
            self.derived.refresh_now()

    def _state_updated(self, state: DerivedState) -> None:
        if self.isVisible():
            self._show(state)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._show(self.derived.refresh_now())
        if not self._positioned:
            self._positioned = True
            self.zoom.setCurrentIndex(self.zoom.count() - 1)
            if self.zoom.currentData():
                self.canvas.show_from(self.first_day_shown())
            else:
                self._zoom_chosen(self.zoom.currentIndex())

    def _zoom_chosen(self, _index: int) -> None:
        self.canvas.set_zoom(self.zoom.currentData() or self.fitting_pixels())
        if not self.zoom.currentData() and self.gantt is not None and self.gantt.span():
            self.canvas.horizontalScrollBar().setValue(self.canvas.horizontalScrollBar().minimum())

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize and not self.zoom.currentData() and self.gantt is not None:
            self._zoom_chosen(self.zoom.currentIndex())
        return False

    def fitting_pixels(self) -> float:
        """Pixels per day that show the whole pathway across the chart, the titles after the last bars too."""
        span = self.gantt.span() if self.gantt is not None else None
        if span is None:
            return ZOOMS[1][1]
        width = self.canvas.viewport().width() - FIT_MARGIN
        metrics = self.canvas.fontMetrics()
        scene = self.canvas.sceneRect()  # in days: from a little before the first bar (or today)
        fitting = width / max(scene.width(), 1)
        for bar in self.gantt.bars:  # a bar's title is drawn after its end: it must fit too
            days = day_x(bar.end) + 1 - scene.left()
            fitting = min(fitting, (width - metrics.horizontalAdvance(bar.title) - 24) / max(days, 1))
        return max(0.8, min(ZOOMS[0][1], fitting))

    @property
    def today(self) -> date:
        """The day of today's line and of the late marks: the one the derived state judges as of."""
        return self.derived.day()

    def first_day_shown(self) -> date:
        """Where the chart opens: a fortnight before today during the pathway, else its start."""
        span = self.gantt.span() if self.gantt is not None else None
        if self.zoom.currentData() and span is not None and span[0] <= self.today <= span[1]:
            return self.today - timedelta(days=14)
        return span[0] - timedelta(days=7) if span is not None else self.today

    def calendar(self) -> WorkCalendar:
        """The working calendar of the document (kept by its derived state)."""
        return self.derived.calendar()

    def refresh(self) -> None:
        """Draw again from the document's current state (after a refused gesture, a new day…)."""
        self._drawn = None
        self._show(self.derived.refresh_now())

    def _show(self, derived: DerivedState) -> None:
        """Update the chart, the summary and the comparison, unless they already show ``derived``."""
        self._fill_scenarios()
        risk_id = self.scenario.currentData() or None
        if self._drawn == (derived.revision, risk_id, derived.today):
            return
        self._drawn = (derived.revision, risk_id, derived.today)
        pathway = self.document.pathway
        self.state = state = compute_state(pathway, derived, risk_id, derived.today)
        plan = state.plan
        if self.by_module.isChecked():  # the same schedule, its phases grouped under their module
            plan = dataclasses.replace(plan, group_by=GroupBy.MODULE)
        layout = plan.layout
        self.gantt = layout
        self.canvas.calendar = state.baseline.calendar
        self.canvas.today = derived.today
        self.canvas.planning_scene.show_layout(layout, set(state.late), state.overloaded_phases, derived.today)
        self.canvas.viewport().update()
        lines = summary_lines(pathway, state)
        self.summary.setText(lines[0])
        self.warnings.setText("\n".join(lines[1:]))
        self.warnings.setVisible(len(lines) > 1)
        self.comparison.show_results(pathway, state)

    def _fill_scenarios(self) -> None:
        wanted = self.scenario.currentData() if self.scenario.count() else BASELINE
        risks = scenario_risks(self.document.pathway)
        entries = [(self.tr("Planning de référence"), BASELINE)]
        entries += [(self.tr("Si : {0}").format(display_name(r)), r.id) for r in risks]
        current = [(self.scenario.itemText(i), self.scenario.itemData(i)) for i in range(self.scenario.count())]
        if entries == current:
            return
        with QSignalBlocker(self.scenario):
            self.scenario.clear()
            for text, key in entries:
                self.scenario.addItem(text, key)
            found = self.scenario.findData(wanted)
            self.scenario.setCurrentIndex(found if found >= 0 else 0)

    def show_scenario(self, risk_id: Optional[str]) -> None:
        """Show the scenario of ``risk_id`` against the baseline (``None``: the baseline)."""
        index = self.scenario.findData(risk_id or BASELINE)
        self.scenario.setCurrentIndex(max(index, 0))

    def set_zoom_level(self, index: int) -> None:
        self.zoom.setCurrentIndex(index)

    # --- selection ---------------------------------------------------------------
    def _clicked(self, phase_id: Optional[str]) -> None:
        self.message.clear()
        if phase_id is not None:
            self.item_chosen.emit("phases", phase_id)

    def select(self, list_name: str, item_id: Optional[str]) -> None:
        """Select (and scroll to) the bar of a phase chosen elsewhere."""
        if list_name != "phases":
            return
        self.canvas.planning_scene.select_phase(item_id)
        if item_id in self.canvas.planning_scene.bars:
            self.canvas.ensureVisible(self.canvas.planning_scene.bar_rect(item_id), 40, 40)

    # --- gestures → commands -------------------------------------------------------
    def _timing(self, phase_id: str):
        return self.state.baseline.get(phase_id) if self.state else None

    def move_phase(self, phase_id: str, days: int) -> None:
        phase, timing = self.document.item("phases", phase_id), self._timing(phase_id)
        values = moved_fields(phase, timing, days) if phase and timing else None
        if values is None:
            self._refuse(STARTED if phase is not None and (phase.actual_start or phase.actual_end) else "")
            return
        self.document.push(SetFields(self.document, "phases", phase_id, values,
                                     text=self.tr("Déplacer l'étape « {0} »").format(display_name(phase))))

    def stretch_phase(self, phase_id: str, new_end: date) -> None:
        phase, timing = self.document.item("phases", phase_id), self._timing(phase_id)
        values = stretched_fields(phase, timing, new_end, self.calendar()) if phase and timing else None
        if values is None:
            self._refuse(STARTED if phase is not None and (phase.actual_start or phase.actual_end) else "")
            return
        self.document.push(SetFields(self.document, "phases", phase_id, values,
                                     text=self.tr("Changer la durée de l'étape « {0} »").format(display_name(phase))))

    def link_phases(self, source_id: str, target_id: str) -> None:
        problem = link_problem(self.document.pathway, source_id, target_id)
        if problem:
            self._refuse(problem)
            return
        self.document.push(set_link(self.document, "phases", target_id, "depends_on", source_id, True))

    def _refuse(self, message: str) -> None:
        self.message.setText(message)
        self.refresh()
