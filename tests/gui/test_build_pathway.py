"""Done when: a pathway built through the UI alone, checked, undone, redone, saved, reopened."""

from __future__ import annotations

from decimal import Decimal

import pytest

from parcours_designer.model.fileformat import dump_pathway, load_pathway
from parcours_designer.ui import file_dialogs
from parcours_designer.ui.app import blank_document
from parcours_designer.ui.document import Document
from tests.gui.helpers import check_link, choose_in_combo, click_action, type_into

pytestmark = pytest.mark.gui


@pytest.fixture
def window(blank_window):
    return blank_window


def wait_for_check(qtbot, window) -> None:
    """The check runs a moment after the last edit: wait for it."""
    qtbot.waitUntil(lambda: not window.derived.timer.isActive() and not window.derived.is_stale())


def add_item(qtbot, window, page_key: str, list_name: str):
    page = window.show_page(page_key).list_pages[list_name]
    click_action(qtbot, page, "add")
    return page


def findings_text(window) -> set[str]:
    model = window.check_panel.model
    texts = set()
    for row in range(model.rowCount()):
        parent = model.index(row, 0)
        texts.update(model.index(child, 0, parent).data() for child in range(model.rowCount(parent)))
    return texts


def build_through_ui(qtbot, window) -> None:
    page = add_item(qtbot, window, "needs", "needs")
    type_into(qtbot, page.form.widgets["title"], "Consolider le modèle économique")
    page = add_item(qtbot, window, "objectives", "objectives")
    type_into(qtbot, page.form.widgets["title"], "Diversifier les financements")
    check_link(qtbot, page.form.widgets["need_ids"], "Consolider")
    page = add_item(qtbot, window, "partners", "partners")
    type_into(qtbot, page.form.widgets["name"], "France Active")
    choose_in_combo(qtbot, page.form.widgets["status"], "Engagé")
    page = add_item(qtbot, window, "phases", "phases")
    type_into(qtbot, page.form.widgets["title"], "Atelier modèle économique")
    check_link(qtbot, page.form.widgets["objective_ids"], "Diversifier")
    check_link(qtbot, page.form.widgets["partner_ids"], "France Active")
    page = add_item(qtbot, window, "budget", "costs")
    type_into(qtbot, page.form.widgets["label"], "Animation de l'atelier")
    type_into(qtbot, page.form.widgets["account"], "6226", finish=True)
    type_into(qtbot, page.form.widgets["unit_cost"], "1 234,50", finish=True)
    choose_in_combo(qtbot, page.form.widgets["phase_id"], "Atelier modèle économique")
    choose_in_combo(qtbot, page.form.widgets["partner_id"], "France Active")
    page = add_item(qtbot, window, "budget", "funding")
    type_into(qtbot, page.form.widgets["label"], "Subvention DLA")
    type_into(qtbot, page.form.widgets["account"], "74", finish=True)
    type_into(qtbot, page.form.widgets["amount"], "1234,5", finish=True)


def test_build_check_undo_redo_save_reopen(qtbot, window, tmp_path, monkeypatch):
    empty = dump_pathway(window.document.pathway)
    wait_for_check(qtbot, window)
    before = findings_text(window)
    assert any("Aucun besoin n'est identifié" in text for text in before)

    build_through_ui(qtbot, window)
    pathway = window.document.pathway
    assert [n.title for n in pathway.needs] == ["Consolider le modèle économique"]
    objective, phase, cost, funding = pathway.objectives[0], pathway.phases[0], pathway.costs[0], pathway.funding[0]
    assert objective.need_ids == [pathway.needs[0].id]
    assert phase.objective_ids == [objective.id] and phase.partner_ids == [pathway.partners[0].id]
    assert (cost.unit_cost, cost.account, cost.phase_id, cost.partner_id) == (
        Decimal("1234.50"), "6226", phase.id, pathway.partners[0].id)
    assert (funding.amount, funding.account) == (Decimal("1234.50"), "74")
    assert cost.unit_cost.as_tuple().exponent == -2
    assert window.isWindowModified()

    wait_for_check(qtbot, window)
    after = findings_text(window)
    assert not any("Aucun besoin n'est identifié" in text for text in after)
    built = dump_pathway(window.document.pathway)

    stack = window.document.undo_stack
    while stack.canUndo():
        window.menu_actions.actions["undo"].trigger()
    assert dump_pathway(window.document.pathway) == empty
    assert not window.document.is_modified() and not window.isWindowModified()
    wait_for_check(qtbot, window)
    assert findings_text(window) == before

    while stack.canRedo():
        window.menu_actions.actions["redo"].trigger()
    assert dump_pathway(window.document.pathway) == built

    target = tmp_path / "atelier.parcours"
    monkeypatch.setattr(file_dialogs, "ask_save_file", lambda *a, **k: target)
    window.menu_actions.actions["save"].trigger()
    assert target.exists() and not window.document.is_modified()
    assert window.windowTitle().startswith("atelier.parcours")

    window.set_document(blank_document())
    assert window.files.open_path(target)
    assert dump_pathway(window.document.pathway) == built
    assert dump_pathway(load_pathway(target)) == built


def test_typing_is_one_undo_step_and_title_shows_modified(qtbot, window):
    page = add_item(qtbot, window, "needs", "needs")
    count = window.document.undo_stack.count()
    type_into(qtbot, page.form.widgets["title"], "Isolement")
    assert window.document.undo_stack.count() == count + 1
    assert "[*]" in window.windowTitle() and window.isWindowModified()
    assert page.model.index(0, 0).data() == "Isolement"


def test_invalid_money_is_refused_with_a_french_message(qtbot, window):
    page = add_item(qtbot, window, "budget", "costs")
    count = window.document.undo_stack.count()
    type_into(qtbot, page.form.widgets["unit_cost"], "12,345", finish=True)
    assert window.document.undo_stack.count() == count
    assert "deux décimales" in page.form.error.text()
    assert window.document.pathway.costs[0].unit_cost == Decimal("0.00")


def test_empty_document_is_not_modified(window):
    assert isinstance(window.document, Document)
    assert not window.isWindowModified()
