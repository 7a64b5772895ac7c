"""Review of issue 16's deliverables in the editor (branch review-deliv): each defect found is a
test here (all fixed since), and what held."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt

from parcours_designer.model.deliverables import deliverable_states
from parcours_designer.model.enums import DeliverableStatus, PhaseStatus
from parcours_designer.model.fileformat import dump_pathway
from parcours_designer.model.planning import plan_for
from parcours_designer.ui.commands import SetFields
from parcours_designer.ui.deliverables_editor import COMMENT, RECEIVED, STATUS, TITLE, DeliverablesEditor
from tests.gui.conftest import EXAMPLE, open_window
from tests.gui.helpers import choose_status as _choose, deliverables_editor

pytestmark = pytest.mark.gui

TODAY = date(2027, 6, 21)


def _phases_page(window):
    return window.show_page("phases").list_pages["phases"]


def _editor(window, phase_id: str) -> DeliverablesEditor:
    return deliverables_editor(window, phase_id, TODAY)


def _example_with(tmp_path, phase_id: str, deliverables: list) -> str:
    """The example written to a file, ``phase_id`` holding ``deliverables`` as another tool wrote them."""
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    next(p for p in data["pathway"]["phases"] if p["id"] == phase_id)["deliverables"] = deliverables
    path = tmp_path / "autre-outil.parcours"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


@pytest.fixture
def foreign_window(qtbot, tmp_path):
    """The example as another tool wrote it: ph9's deliverable with a trailing space and a final new line."""
    path = _example_with(tmp_path, "ph9", [{"title": "Rapport ", "status": "received", "received_on": "2027-06-25",
                                            "comment": "Incomplet.\nVoir l'annexe\n"}, "Attestations"])
    yield from open_window(qtbot, path)


# --- defects ------------------------------------------------------------------------------------

def test_leaving_an_untouched_date_field_changes_nothing(foreign_window):
    window = foreign_window
    editor = _editor(window, "ph9")
    before = dump_pathway(window.document.pathway)
    field = editor.table.cellWidget(1, RECEIVED)  # another row's date: Tab went through it
    field.edit.editingFinished.emit()
    assert window.document.undo_stack.count() == 0
    assert not window.isWindowModified()
    assert dump_pathway(window.document.pathway) == before


def test_a_status_change_touches_only_its_row(foreign_window):
    window = foreign_window
    editor = _editor(window, "ph9")
    _choose(editor, 1, "Reçu")
    first = window.document.item("phases", "ph9").deliverables[0]
    assert (first.title, first.comment) == ("Rapport ", "Incomplet.\nVoir l'annexe\n")


def test_remove_after_switching_phase_deletes_nothing_unselected(example_window):
    window = example_window
    editor = _editor(window, "ph9")
    editor.table.selectRow(1)  # « Attestations » of ph9
    _phases_page(window).select("ph6")
    assert editor.table.selectionModel().selectedRows() == []  # nothing is selected in ph6's table…
    editor.remove_button.click()  # …so nothing is removed
    assert [d.title for d in window.document.item("phases", "ph6").deliverables] == [
        "Plan de diffusion sur trois saisons par structure"]
    assert window.document.undo_stack.count() == 0


def test_removing_a_row_keeps_the_others_as_they_are(qtbot, tmp_path):
    path = _example_with(tmp_path, "ph9", ["Support de formation", {"title": "", "status": "received",
                                                                     "received_on": "2027-06-25"}])
    for window in open_window(qtbot, path):
        editor = _editor(window, "ph9")
        editor.table.selectRow(0)
        editor.remove_button.click()
        remaining = window.document.item("phases", "ph9").deliverables
        assert [(d.title, d.status) for d in remaining] == [("", DeliverableStatus.RECEIVED)]


def test_entering_the_date_of_reception_makes_it_no_longer_awaited(example_window):
    window = example_window
    document = window.document
    document.push(SetFields(document, "phases", "ph6", {"status": PhaseStatus.IN_PROGRESS}))
    editor = _editor(window, "ph6")
    document.push(SetFields(document, "phases", "ph6", {"deliverables": ["Plan de diffusion"]}))
    field = editor.table.cellWidget(0, RECEIVED)
    field.edit.setDate(QDate(2027, 6, 10))  # received within the phase (it ends on 11 June)
    field.edit.editingFinished.emit()
    assert document.item("phases", "ph6").deliverables[0].received_on == date(2027, 6, 10)
    pathway = document.pathway
    state = next(s for s in deliverable_states(pathway, plan_for(pathway).schedule, TODAY) if s.phase_id == "ph6")
    assert not state.late, state.delay_text()


def test_a_duplicated_phase_expects_its_deliverables_again(example_window):
    window = example_window
    page = _phases_page(window)
    page.select("ph6")
    page.duplicate()
    twin = window.document.item("phases", page.current_id())
    assert twin.id != "ph6"
    assert all(d.status == DeliverableStatus.EXPECTED and d.received_on is None and not d.comment
               for d in twin.deliverables)


class _Day(date):
    """``date`` whose ``today()`` the test moves (the editor left open overnight)."""

    current = date(2027, 6, 11)

    @classmethod
    def today(cls):
        return cls.current


def test_suivi_and_check_judge_as_of_the_same_day_after_midnight(qtbot, monkeypatch, example_window):
    window = example_window
    monkeypatch.setattr("parcours_designer.ui.planning_page.date", _Day)
    monkeypatch.setattr("parcours_designer.ui.derived.date", _Day)
    window.derived.today = None
    document = window.document
    _Day.current = date(2027, 6, 11)  # ph6 ends today: its deliverable is not late yet
    page = window.show_page("planning")
    page.show_follow_up()
    document.push(SetFields(document, "phases", "ph6", {"status": PhaseStatus.IN_PROGRESS,
                                                        "deliverables": ["Plan de diffusion"]}))
    _Day.current += timedelta(days=1)  # the officer comes back the next morning and edits something
    document.push(SetFields(document, "phases", "ph9", {"location": "Saint-Lô"}))
    qtbot.waitUntil(lambda: not window.derived.timer.isActive() and not window.derived.is_stale())
    qtbot.waitUntil(lambda: not page.follow._dirty)
    in_check = [f for f in window.derived.current.check.findings
                if f.rule == "deliverable-late" and "Plan de diffusion" in f.message]
    in_suivi = [r for r in page.follow.deliverables.model.rows if r.deliverable.title == "Plan de diffusion"]
    assert bool(in_check) == bool(in_suivi)


# --- what held ----------------------------------------------------------------------------------

def test_undo_redo_walk_keeps_modified_equal_to_not_clean(monkeypatch, example_window):
    """Add, rename, status, date cleared, comment, remove, then delete the phase; undo it all and redo it."""
    from parcours_designer.ui import dialogs

    monkeypatch.setattr(dialogs, "confirm_delete", lambda *args: True)
    window = example_window
    document, stack = window.document, window.document.undo_stack
    saved = dump_pathway(document.pathway)
    editor = _editor(window, "ph9")
    editor.add_button.click()
    editor.table.item(2, TITLE).setText("Liste d'émargement")
    _choose(editor, 2, "Refusé")
    editor.table.cellWidget(2, RECEIVED).clear_button.click()
    editor.table.item(2, COMMENT).setText("Signatures manquantes <b>&</b> 🎭")
    editor.table.selectRow(0)
    editor.remove_button.click()
    page = _phases_page(window)
    page.select("ph9")
    page.delete()
    assert document.item("phases", "ph9") is None and editor.phase_id != "ph9"
    after = dump_pathway(document.pathway)
    steps = stack.count()
    assert steps == 7
    for _ in range(steps):
        assert window.isWindowModified() == (not stack.isClean())
        stack.undo()
    assert not window.isWindowModified() and dump_pathway(document.pathway) == saved
    page.select("ph9")
    assert [editor.text_at(r, TITLE) for r in range(editor.table.rowCount())] == ["Support de formation",
                                                                                  "Attestations"]
    for _ in range(steps):
        stack.redo()
        assert window.isWindowModified() == (not stack.isClean())
    assert dump_pathway(document.pathway) == after


def test_a_title_being_typed_goes_to_its_own_phase_when_another_is_clicked(qtbot, example_window):
    window = example_window
    page = _phases_page(window)
    editor = _editor(window, "ph9")
    editor.table.setCurrentCell(0, TITLE)
    editor.table.editItem(editor.table.item(0, TITLE))
    editor.table.indexWidget(editor.table.model().index(0, TITLE)).setText("Support révisé")
    index = page.proxy.mapFromSource(page.model.index(window.document.row_of("phases", "ph6"), 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=page.table.visualRect(index).center())
    assert page.current_id() == "ph6"
    assert str(window.document.item("phases", "ph9").deliverables[0]) == "Support révisé"
    assert [str(d) for d in window.document.item("phases", "ph6").deliverables] == [
        "Plan de diffusion sur trois saisons par structure"]


LONG_COMMENT = "Le prestataire a remis un rapport incomplet, sans la synthèse attendue ni les annexes ; " * 40


def test_a_long_comment_leaves_the_row_readable(qtbot, tmp_path):
    path = _example_with(tmp_path, "ph9", [{"title": "Rapport", "status": "refused", "received_on": "2027-06-25",
                                            "comment": LONG_COMMENT}, "Attestations"])
    for window in open_window(qtbot, path):
        window.resize(1400, 900)
        editor = _editor(window, "ph9")
        qtbot.waitUntil(lambda: editor.table.viewport().height() > 0)
        assert editor.table.rowHeight(0) <= editor.table.viewport().height()


def test_a_long_comment_leaves_the_suivi_row_readable(qtbot, tmp_path):
    path = _example_with(tmp_path, "ph9", [{"title": "Rapport", "status": "refused", "received_on": "2027-06-25",
                                            "comment": LONG_COMMENT}])
    for window in open_window(qtbot, path):
        window.resize(1400, 900)
        page = window.show_page("planning")
        page.show_follow_up()
        model, table = page.follow.deliverables.model, page.follow.deliverables.table
        qtbot.waitUntil(lambda: any(r.deliverable.title == "Rapport" for r in model.rows))
        qtbot.waitUntil(lambda: table.isVisible() and table.viewport().height() > 0)
        row = next(n for n, r in enumerate(model.rows) if r.deliverable.title == "Rapport")
        assert table.rowHeight(row) <= table.viewport().height()
