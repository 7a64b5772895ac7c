"""Review of issue 16 in the editor: defects found, each a failing test until fixed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from parcours_designer.model.budget import cost_amount
from parcours_designer.model.enums import PartnerStatus
from parcours_designer.ui.offers_editor import RECEIVED
from tests.gui.helpers import type_into

pytestmark = pytest.mark.gui


def choose(window, consultation_id: str, partner_name: str) -> None:
    page = window.show_page("consultations")
    page.list_pages["consultations"].select(consultation_id)
    table = page.offers.table
    row = next(r for r in range(table.rowCount()) if table.cellWidget(r, 0).currentText() == partner_name)
    table.setCurrentCell(row, RECEIVED)
    page.offers.choose_button.click()


def fees(document, phase_ids, partner_id) -> Decimal:
    return sum((cost_amount(c) for c in document.pathway.costs
                if c.phase_id in phase_ids and c.partner_id == partner_id), Decimal(0))


def test_changing_the_chosen_offer_does_not_pay_two_providers_for_the_same_phases(example_window):
    """Lot 1 chose Tandem (p1, lines c2, c4, c8); choosing Lefèvre (p2) instead adds p2's fees for ph4
    and ph6 and leaves p1's: the budget pays both (28 228 € → 34 161,32 €), p1 stays committed."""
    document = example_window.document
    phases = document.item("consultations", "cs1").phase_ids
    choose(example_window, "cs1", "Julien Lefèvre – Conseil ESS")
    assert document.item("consultations", "cs1").selected_offer_id == "of2"
    assert fees(document, phases, "p1") == 0
    assert document.item("partners", "p1").status != PartnerStatus.COMMITTED


def test_the_chosen_offer_is_budgeted_in_full(example_window):
    """Lefèvre (p2) already holds a line on ph12 from lot 2 (c9), so choosing its offer of 8 900 € in lot 1
    adds 2 × 2 966,66 € only: 2 966,68 € of the offer are in no budget line."""
    document = example_window.document
    before = {c.id for c in document.pathway.costs}
    choose(example_window, "cs1", "Julien Lefèvre – Conseil ESS")
    added = [c for c in document.pathway.costs if c.id not in before]
    assert sum(cost_amount(c) for c in added) == Decimal("8900.00")


def test_the_realised_tab_shows_its_headers_whole_at_1366_by_768(qtbot, example_window):
    example_window.resize(1366, 768)
    budget = example_window.show_page("budget")
    budget.list_pages["costs"].select("c4")
    type_into(qtbot, budget.list_pages["costs"].form.widgets["actual_amount"], "9 000", finish=True)
    view = budget.realised
    budget.tabs.setCurrentWidget(view)
    example_window.show()
    qtbot.waitExposed(example_window)
    view.refresh()
    view.grab().save("/tmp/r16/realised-tab.png")
    header = view.table.horizontalHeader()
    metrics = header.fontMetrics()
    for column in range(view.table.columnCount()):
        title = view.table.horizontalHeaderItem(column).text()
        if header.isSectionHidden(column):
            continue
        assert metrics.horizontalAdvance(title) + 8 <= header.sectionSize(column), title
        assert header.sectionViewportPosition(column) >= 0, title
        assert header.sectionViewportPosition(column) + header.sectionSize(column) <= header.viewport().width(), title


def test_choosing_an_offer_does_not_budget_twice_a_phase_budgeted_without_provider(example_window):
    """The usual order: the officer budgets the workshop ph4 (c2, 1 750 €) before the provider is known
    (no partner), then chooses Tandem's offer: a line of 3 150 € is added for ph4 beside c2, which stays."""
    document = example_window.document
    document.item("costs", "c2").partner_id = None
    document.item("consultations", "cs1").selected_offer_id = None
    choose(example_window, "cs1", "Cabinet Tandem Culture")
    fee_lines = [c.id for c in document.pathway.costs if c.phase_id == "ph4" and c.account.startswith("622")]
    assert len(fee_lines) == 1, fee_lines
