"""Issue 5 follow-up in the editor: saving the baseline, the « Suivi » table, late phases."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from parcours_designer.model.entities import Phase
from parcours_designer.model.enums import PhaseStatus
from parcours_designer.model.fileformat import load_pathway, validate_pathway
from parcours_designer.ui.commands import AddItem, DeleteItem, MoveItem, SetFields
from parcours_designer.ui.document import Document
from parcours_designer.ui.followup_view import (
    BASE_COST, BASE_END, BASE_START, END, LATE, LATE_BACKGROUND, STATUS, TITLE, VARIANCE, FollowUpModel,
)
from parcours_designer.ui.planning_page import PlanningPage
from tests.gui.conftest import EXAMPLE

pytestmark = pytest.mark.gui

TODAY = date(2027, 1, 11)  # the pathway's first day: nothing should have started yet


@pytest.fixture
def page(qtbot):
    widget = PlanningPage(Document(load_pathway(EXAMPLE)), today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.show_follow_up()
    return widget


def wait_refreshed(qtbot, page) -> None:
    qtbot.waitUntil(lambda: not page.follow.derived.timer.isActive() and not page.follow._dirty)


def row_of(model: FollowUpModel, phase_id: str) -> int:
    return next(r for r in range(model.rowCount()) if model.phase_id(r) == phase_id)


def cell(model: FollowUpModel, phase_id: str, column: int, role=Qt.ItemDataRole.DisplayRole):
    return model.index(row_of(model, phase_id), column).data(role)


def test_save_baseline_from_the_menu_is_one_undo_step(example_window):
    window = example_window
    document, stack = window.document, window.document.undo_stack
    page = window.page("planning")
    window.menu_actions.actions["save_baseline"].trigger()
    pathway = document.pathway
    assert stack.count() == 1 and stack.undoText() == "Enregistrer la référence du planning"
    assert pathway.baseline_saved_on == page.today and window.isWindowModified()
    ph4 = document.item("phases", "ph4")
    assert (ph4.baseline_start, ph4.baseline_end) == (date(2027, 3, 16), date(2027, 3, 17))
    assert all(p.baseline_start is not None for p in pathway.phases)
    assert document.item("costs", "c1").baseline_amount is not None
    message = window.statusBar().currentMessage()
    assert message.startswith("Référence du planning enregistrée le ") and "13 étapes et 14 charges" in message
    stack.undo()
    assert pathway.baseline_saved_on is None and not window.isWindowModified()
    assert all(p.baseline_start is None and p.baseline_end is None for p in pathway.phases)
    assert all(c.baseline_amount is None for c in pathway.costs)
    stack.redo()
    assert ph4.baseline_end == date(2027, 3, 17)
    window.menu_actions.actions["save_baseline"].trigger()  # nothing changed since
    assert stack.count() == 1
    assert window.statusBar().currentMessage() == "La référence du planning est déjà à jour."


def test_menu_action_has_a_mnemonic(example_window):
    action = example_window.menu_actions.actions["save_baseline"]
    assert action.text() == "Enregistrer la &référence du planning"
    assert action in example_window.menuBar().actions()[1].menu().actions()


def test_a_moved_phase_stands_out_after_the_debounce(qtbot, page):
    document, model = page.document, page.follow.model
    assert "Aucune référence enregistrée" in page.follow.status.text()
    qtbot.mouseClick(page.follow.save_button, Qt.MouseButton.LeftButton)
    assert document.undo_stack.count() == 1
    wait_refreshed(qtbot, page)
    assert cell(model, "ph4", BASE_END) == "17/03/2027" and cell(model, "ph4", VARIANCE) == "0"
    assert page.follow.status.text() == "Référence enregistrée le lundi 11 janvier 2027. Aucune étape en retard."
    table = page.follow.table  # the baseline's columns, empty until now, are sized to their dates
    for column in (STATUS, BASE_START, BASE_END, BASE_COST):
        assert table.isColumnHidden(column) or table.columnWidth(column) >= table.sizeHintForColumn(column)
    page.view.move_phase("ph4", 7)  # one week later
    # Not on the edit's path: the table changes only once the timer fired.
    assert page.follow.derived.timer.isActive() and cell(model, "ph4", END) == "17/03/2027"
    wait_refreshed(qtbot, page)
    assert cell(model, "ph4", END) == "24/03/2027" and cell(model, "ph4", VARIANCE) == "+5"
    assert cell(model, "ph4", LATE) == "En retard : finit 5 jours ouvrés après la date de référence"
    assert cell(model, "ph4", TITLE, Qt.ItemDataRole.BackgroundRole).color() == LATE_BACKGROUND
    assert cell(model, "ph5", TITLE, Qt.ItemDataRole.BackgroundRole) is None
    assert page.follow.warnings.isVisible() and "« Atelier collectif n° 1" in page.follow.warnings.text()
    assert page.follow.status.text().endswith("1 étape en retard.")
    document.undo_stack.undo()
    wait_refreshed(qtbot, page)
    assert cell(model, "ph4", LATE) == "" and not page.follow.warnings.isVisible()


def test_actual_dates_and_costs_are_compared_with_the_baseline(qtbot, page):
    document = page.document
    page.save_baseline()
    document.push(SetFields(document, "phases", "ph2", {"actual_end": date(2027, 2, 23)}))
    document.push(SetFields(document, "costs", "c1", {"unit_cost": Decimal("700.00")}))
    wait_refreshed(qtbot, page)
    model = page.follow.model
    assert cell(model, "ph2", END) == "23/02/2027" and cell(model, "ph2", VARIANCE) == "+2"
    assert cell(model, "ph2", END, Qt.ItemDataRole.ToolTipRole) == "Date réelle"
    assert cell(model, "ph3", END, Qt.ItemDataRole.ToolTipRole) == "Date planifiée"
    phase_of_c1 = document.item("costs", "c1").phase_id
    baseline, current = (cell(model, phase_of_c1, column) for column in (VARIANCE + 1, VARIANCE + 2))
    assert baseline != current and current.endswith("€")


def test_double_click_opens_the_phase_in_the_phases_page(qtbot, example_window):
    window = example_window
    page = window.show_page("planning")
    page.show_follow_up()
    wait_refreshed(qtbot, page)
    table = page.follow.table
    index = page.follow.model.index(row_of(page.follow.model, "ph5"), TITLE)
    table.scrollTo(index)
    centre = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)  # a double-click starts with a click
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    phases = window.page("phases")
    assert window.stack.currentWidget() is phases
    assert phases.list_pages["phases"].current_id() == "ph5"
    assert window.document.undo_stack.count() == 0


def test_follow_up_model(qtmodeltester, qtbot, page):
    document = page.document
    page.save_baseline()
    wait_refreshed(qtbot, page)
    model = page.follow.model
    qtmodeltester.check(model)
    document.push(AddItem(document, "phases", Phase(id="ph99", title="Nouvelle", duration_days=2), 3))
    document.push(MoveItem(document, "phases", 3, 8))
    page.follow.refresh()
    assert model.rowCount() == 14 and model.phase_id(8) == "ph99"
    document.push(DeleteItem(document, "phases", "ph1"))
    page.follow.refresh()
    assert model.rowCount() == 13 and "ph1" not in [model.phase_id(r) for r in range(13)]
    while document.undo_stack.canUndo():
        document.undo_stack.undo()
    page.follow.refresh()
    assert model.rowCount() == 13 and cell(model, "ph4", BASE_END) == ""


def big_pathway(count: int):
    phases = [{"id": f"ph{n}", "title": f"Étape {n}", "duration_days": 1 + n % 5,
               **({"depends_on": [f"ph{n - 1}"]} if n else {})} for n in range(count)]
    return validate_pathway({"title": "Mille étapes", "start": "2027-01-04", "phases": phases})


def test_typing_in_a_big_pathway_does_not_recompute_the_follow_up(qtbot):
    document = Document(big_pathway(1000))
    page = PlanningPage(document, today=TODAY)
    qtbot.addWidget(page)
    page.show()
    page.show_follow_up()
    qtbot.waitExposed(page)
    wait_refreshed(qtbot, page)
    assert page.follow.model.rowCount() == 1000
    calls = []
    page.follow.model.set_rows = lambda rows, pathway: calls.append(len(rows))
    for text in ("É", "Ét", "Éta"):
        document.push(SetFields(document, "phases", "ph500", {"title": text}, merge=True))
    assert calls == [] and document.undo_stack.count() == 1
    wait_refreshed(qtbot, page)
    assert calls == [1000]  # once, after the last key
    print(f"suivi de 1 000 étapes : {page.follow.last_duration * 1000:.0f} ms")


# --- issue 16: deliverables late or refused ----------------------------------------------------

def _deliverable_rows(page) -> list[tuple[str, ...]]:
    model = page.follow.deliverables.model
    return [tuple(model.index(r, c).data() for c in (0, 1, 2, 3, 4, 5))
            for r in range(model.rowCount())]


def test_late_and_refused_deliverables_are_listed_and_follow_the_edits(qtbot, qtmodeltester, page):
    document, box = page.document, page.follow.deliverables
    wait_refreshed(qtbot, page)
    qtmodeltester.check(box.model)
    assert _deliverable_rows(page) == [
        ("Accompagnements individuels : diffusion", "Plan de diffusion sur trois saisons par structure", "Accepté",
         "11/06/2027", "14/06/2027", "3 jours"),
        ("Accompagnements individuels : gouvernance et fonction employeur", "Plan de financement à trois ans",
         "Refusé", "18/06/2027", "16/06/2027", ""),
    ]
    assert box.table.isVisible() and not box.empty.isVisible()
    page.set_today(date(2027, 3, 10))
    page.save_baseline()  # the follow-up has begun: what is still awaited past its phase's end is late
    wait_refreshed(qtbot, page)
    awaited = [row[1] for row in _deliverable_rows(page) if row[2] == "Attendu"]
    assert awaited == ["Charte d'engagement des structures", "Synthèse du diagnostic partagé",
                       "Fiche de besoins par structure", "Plan d'accompagnement validé"]
    titles = [row[1] for row in _deliverable_rows(page)]
    document.push(SetFields(document, "phases", "ph6", {"deliverables": []}))
    wait_refreshed(qtbot, page)
    assert [row[1] for row in _deliverable_rows(page)] == [t for t in titles if not t.startswith("Plan de diffusion")]
    document.undo_stack.undo()
    wait_refreshed(qtbot, page)
    assert [row[1] for row in _deliverable_rows(page)] == titles
    for phase in document.pathway.phases:
        document.push(SetFields(document, "phases", phase.id, {"deliverables": []}))
    wait_refreshed(qtbot, page)
    assert not box.table.isVisible() and box.empty.text() == "Aucun livrable en retard ni refusé."


def test_double_click_on_a_deliverable_opens_its_phase(qtbot, example_window):
    window = example_window
    page = window.show_page("planning")
    page.show_follow_up()
    wait_refreshed(qtbot, page)
    table = page.follow.deliverables.table
    centre = table.visualRect(table.model().index(1, 1)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    phases = window.page("phases")
    assert window.stack.currentWidget() is phases and phases.list_pages["phases"].current_id() == "ph7"


def test_a_long_refusal_comment_takes_four_lines_the_whole_of_it_in_a_plain_tooltip(qtbot, page):
    from parcours_designer.model.entities import Deliverable
    from parcours_designer.model.enums import DeliverableStatus
    from parcours_designer.ui.late_deliverables import COMMENT, DELAY

    document, box = page.document, page.follow.deliverables
    comment = "Annexes <i>absentes</i> & synthèse à refaire ; " * 30
    document.push(SetFields(document, "phases", "ph9", {"deliverables": [Deliverable(
        title="Rapport", status=DeliverableStatus.REFUSED, received_on=date(2027, 6, 25), comment=comment)]}))
    wait_refreshed(qtbot, page)
    row = next(n for n, r in enumerate(box.model.rows) if r.deliverable.title == "Rapport")
    line = box.table.fontMetrics().lineSpacing()
    assert 3 * line < box.table.rowHeight(row) <= 5 * line + 12
    tooltip = box.model.index(row, COMMENT).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;i&gt;absentes&lt;/i&gt; &amp;" in tooltip and tooltip.count("synthèse à refaire") == 30
    top = Qt.AlignmentFlag.AlignTop
    assert all(box.model.index(row, c).data(Qt.ItemDataRole.TextAlignmentRole) & top for c in (COMMENT, DELAY))


def test_set_today_is_the_day_of_the_check_too(qtbot, page):
    """One « today » (review-deliv C): the Suivi tab and the check judge as of the same day."""
    wait_refreshed(qtbot, page)
    assert page.derived.current.today == TODAY
    page.document.push(SetFields(page.document, "phases", "ph1", {"status": PhaseStatus.IN_PROGRESS}))
    page.set_today(date(2027, 3, 10))
    wait_refreshed(qtbot, page)
    state = page.derived.current
    assert state.today == date(2027, 3, 10) and not page.derived.is_stale()
    in_check = {f.message.split("»")[0] for f in state.check.findings if f.rule == "deliverable-late"}
    in_suivi = {f"Le livrable « {r.deliverable.title} " for r in page.follow.deliverables.model.rows if r.late}
    assert in_check and in_check <= in_suivi  # the Suivi tab also lists the delays explained in a comment


def test_a_deliverable_with_a_date_of_reception_reads_received_in_suivi(qtbot, page):
    """A file may date a deliverable and leave its status « attendu »: the date says it was received."""
    from parcours_designer.model.entities import Deliverable
    from parcours_designer.ui.late_deliverables import STATUS as DELIVERABLE_STATUS

    document, box = page.document, page.follow.deliverables
    document.push(SetFields(document, "phases", "ph6", {"deliverables": [Deliverable(
        title="Plan de diffusion", received_on=date(2027, 6, 25))]}))
    wait_refreshed(qtbot, page)
    row = next(n for n, r in enumerate(box.model.rows) if r.deliverable.title == "Plan de diffusion")
    assert box.model.index(row, DELIVERABLE_STATUS).data() == "Reçu"
