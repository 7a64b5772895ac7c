"""« Retenir cette offre » in the editor after the second review (issue 16): phases, spent lines, re-budgeting,
each one undo step restoring the file byte for byte."""

from __future__ import annotations

from decimal import Decimal

import pytest

from parcours_designer.model.budget import cost_amount
from parcours_designer.model.fileformat import dump_pathway
from parcours_designer.ui.offers_editor import AMOUNT, RECEIVED

pytestmark = pytest.mark.gui


def select_offer(window, consultation_id: str, row: int):
    page = window.show_page("consultations")
    page.list_pages["consultations"].select(consultation_id)
    page.offers.table.setCurrentCell(row, RECEIVED)
    return page.offers


def lot_1_budget(document) -> Decimal:
    return sum((cost_amount(c) for c in document.pathway.costs if c.consultation_id == "cs1"), Decimal(0))


def test_the_choice_sets_who_intervenes_and_keeps_what_was_spent_in_one_undo_step(example_window):
    document = example_window.document
    document.item("costs", "c4").actual_amount = Decimal("2100.00")
    before = dump_pathway(document.pathway)
    start = document.undo_stack.count()
    select_offer(example_window, "cs1", 1).choose_button.click()  # Lefèvre instead of Tandem
    assert document.undo_stack.count() == start + 1
    assert document.item("phases", "ph4").partner_ids == ["p2", "p7"]
    assert document.item("phases", "ph6").partner_ids == ["p1", "p2"]  # Tandem did 3 days of it
    assert document.item("phases", "ph12").partner_ids == ["p2"]
    c4 = document.item("costs", "c4")
    assert (c4.quantity, c4.unit_cost, c4.actual_amount) == (Decimal(3), Decimal("700.00"), Decimal("2100.00"))
    document.undo_stack.undo()
    assert dump_pathway(document.pathway) == before


def test_a_chosen_offer_renegotiated_is_chosen_again_to_budget_it(example_window):
    document = example_window.document
    offers = select_offer(example_window, "cs1", 1)
    offers.choose_button.click()
    assert not offers.choose_button.isEnabled()  # chosen, budgeted in full
    offers.table.item(1, AMOUNT).setText("7 500,00")  # negotiated down after the choice
    assert document.item("consultations", "cs1").offers[1].amount == Decimal("7500.00")
    assert offers.choose_button.isEnabled()
    assert "plus celui de ses lignes" in offers.choose_button.toolTip()
    before = dump_pathway(document.pathway)
    start = document.undo_stack.count()
    offers.choose_button.click()
    assert document.undo_stack.count() == start + 1
    assert lot_1_budget(document) == Decimal("7500.00")
    assert not offers.choose_button.isEnabled()
    document.undo_stack.undo()
    assert dump_pathway(document.pathway) == before
    assert lot_1_budget(document) == Decimal("8900.00")
    assert offers.choose_button.isEnabled()  # the lines changed back: the button follows them
