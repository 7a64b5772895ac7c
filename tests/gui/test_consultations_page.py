"""Issue 16 in the editor: the Consultations page, the réalisé of the Budget page, the phase's award reason."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from parcours_designer.model.enums import PartnerStatus
from parcours_designer.ui import dialogs, file_dialogs
from parcours_designer.ui.offers_editor import AMOUNT, FIRST_SCORE, RECEIVED
from tests.export.helpers import flat, pdf_text
from tests.gui.helpers import type_into

pytestmark = pytest.mark.gui


@pytest.fixture
def window(example_window):
    return example_window


def consultations(window, consultation_id="cs1"):
    page = window.show_page("consultations")
    page.list_pages["consultations"].select(consultation_id)
    return page


def edit_cell(table, row: int, column: int, text: str) -> None:
    """What the table does when a person types in a cell and leaves it."""
    table.item(row, column).setText(text)


def test_page_lists_consultations_with_their_offers_ranked(window):
    page = consultations(window)
    assert page.list_pages["consultations"].model.rowCount() == 2
    offers = page.offers
    headers = offers.headers()
    assert headers[:7] == ["Prestataire", "Reçue le", "Montant", "C1", "C2", "C3", "C4"]
    assert offers.table.rowCount() == 2
    score, rank, chosen = (headers.index(h) for h in ("Note /5", "Rang", "Retenue"))
    assert offers.table.item(0, score).text() == "4,30\u00a0/\u00a05"
    assert [offers.table.item(r, rank).text() for r in range(2)] == ["1", "2"]
    assert offers.table.item(0, chosen).text() == "Retenue"
    assert offers.table.cellWidget(0, 0).currentText() == "Cabinet Tandem Culture"
    assert page.criteria.table.rowCount() == 4 and page.criteria.text_at(3, 0) == "Prix"


def test_scores_amounts_and_dates_are_edited_and_undone(window):
    page = consultations(window)
    consultation = window.document.item("consultations", "cs1")
    stack = window.document.undo_stack
    start = stack.count()
    edit_cell(page.offers.table, 1, FIRST_SCORE, "5")
    assert consultation.offers[1].scores["k1"] == 5
    edit_cell(page.offers.table, 1, AMOUNT, "8 700,50 €")
    assert consultation.offers[1].amount == Decimal("8700.50")
    edit_cell(page.offers.table, 1, RECEIVED, "21/02/2027")
    assert consultation.offers[1].received_on.isoformat() == "2027-02-21"
    edit_cell(page.offers.table, 1, FIRST_SCORE + 1, "")
    assert "k2" not in consultation.offers[1].scores  # not scored any more
    assert stack.count() == start + 4
    for _ in range(4):
        stack.undo()
    assert consultation.offers[1].scores == {"k1": 4, "k2": 3, "k3": 3, "k4": 4}
    assert consultation.offers[1].amount == Decimal("8900.00")
    assert not window.document.is_modified()


def test_a_score_outside_zero_to_five_is_refused_in_french(window):
    page = consultations(window)
    stack = window.document.undo_stack
    start = stack.count()
    edit_cell(page.offers.table, 0, FIRST_SCORE, "7")
    assert stack.count() == start
    assert not page.offers.error.isHidden() and "C1" in page.offers.error.text()
    assert page.offers.table.item(0, FIRST_SCORE).text() == "5"  # the table shows the model again
    edit_cell(page.offers.table, 0, RECEIVED, "31/02/2027")
    assert "jj/mm/aaaa" in page.offers.error.text() and stack.count() == start


def test_an_offer_is_added_for_a_provider_and_removed(window):
    page = consultations(window, "cs2")
    consultation = window.document.item("consultations", "cs2")
    page.offers.add_offer()
    assert len(consultation.offers) == 3 and consultation.offers[2].id == "of5"
    box = page.offers.table.cellWidget(2, 0)
    box.setCurrentIndex(box.findData("p3"))
    box.activated.emit(box.currentIndex())
    assert consultation.offers[2].partner_id == "p3"
    page.offers.table.setCurrentCell(2, RECEIVED)
    page.offers.remove_offer()
    assert [o.id for o in consultation.offers] == ["of3", "of4"]
    window.document.undo_stack.undo()
    assert consultation.offers[2].partner_id == "p3"


def test_removing_a_criterion_takes_its_scores_in_one_undo_step(window):
    page = consultations(window)
    consultation = window.document.item("consultations", "cs1")
    page.criteria.table.setCurrentCell(3, 0)
    page.criteria.remove_row()
    assert [c.id for c in consultation.criteria] == ["k1", "k2", "k3"]
    assert all("k4" not in o.scores for o in consultation.offers)
    assert page.offers.headers()[3:6] == ["C1", "C2", "C3"]
    edit_cell(page.criteria.table, 0, 1, "5")
    assert consultation.criteria[0].weight == 5
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    assert [c.weight for c in consultation.criteria] == [3, 3, 2, 2]
    assert consultation.offers[0].scores["k4"] == 3


def test_an_invalid_weight_is_refused_with_a_french_message(window):
    page = consultations(window)
    consultation = window.document.item("consultations", "cs1")
    start = window.document.undo_stack.count()
    for typed, said in (("0", "doit être un nombre entier de 1 à 1 000 000 000 (reçu : 0)"),
                        ("12,5", "une pondération est un nombre entier, 1 au moins (reçu : « 12,5 »)")):
        edit_cell(page.criteria.table, 0, 1, typed)
        assert consultation.criteria[0].weight == 3 and page.criteria.table.item(0, 1).text() == "3"
        assert page.criteria.error.isVisibleTo(page) and page.criteria.error.text() == (
            f"Pondération de « Compréhension des besoins des structures » : {said}")
    assert window.document.undo_stack.count() == start
    edit_cell(page.criteria.table, 0, 1, "150")  # no upper bound but the project's
    assert consultation.criteria[0].weight == 150 and not page.criteria.error.isVisibleTo(page)


def test_choosing_an_offer_is_one_undo_step_that_commits_and_budgets(window):
    document = window.document
    document.item("partners", "p2").status = PartnerStatus.CONTACTED
    page = consultations(window)
    consultation = document.item("consultations", "cs1")
    costs_before = [c.id for c in document.pathway.costs]
    start = document.undo_stack.count()
    page.offers.table.setCurrentCell(1, RECEIVED)
    assert page.offers.choose_button.isEnabled()
    page.offers.choose_button.click()
    assert document.undo_stack.count() == start + 1
    assert consultation.selected_offer_id == "of2"
    assert document.item("partners", "p2").status == PartnerStatus.COMMITTED
    added = [c for c in document.pathway.costs if c.id not in costs_before]
    # the whole offer, on the three phases bought (c9, p2's line on ph12, is lot 2's), tied to the consultation;
    # Tandem's lines for lot 1 (c2, c4, c8) go and Tandem, chosen nowhere else, is back to « contacted »
    assert [(c.phase_id, c.account, c.partner_id, c.unit_cost, c.consultation_id) for c in added] == [
        ("ph4", "6226", "p2", Decimal("2966.66"), "cs1"), ("ph6", "6226", "p2", Decimal("2966.66"), "cs1"),
        ("ph12", "6226", "p2", Decimal("2966.68"), "cs1")]
    assert not {"c2", "c4", "c8"} & {c.id for c in document.pathway.costs}
    assert document.item("partners", "p1").status == PartnerStatus.CONTACTED
    assert window.statusBar().currentMessage() == ("Offre retenue ; 3 lignes d'honoraires au budget. "
                                                   "3 lignes de l'ancien prestataire retirées.")
    document.undo_stack.undo()
    assert consultation.selected_offer_id == "of1"
    assert document.item("partners", "p2").status == PartnerStatus.CONTACTED
    assert document.item("partners", "p1").status == PartnerStatus.COMMITTED
    assert [c.id for c in document.pathway.costs] == costs_before


def test_deleting_a_provider_clears_its_offers_and_undo_restores_them(window, monkeypatch):
    monkeypatch.setattr(dialogs, "confirm_delete", lambda *args: True)
    page = consultations(window)
    partners = window.show_page("partners").list_pages["partners"]
    partners.select("p1")
    partners.delete()
    consultation = window.document.item("consultations", "cs1")
    assert consultation.offers[0].partner_id is None
    assert page.offers.table.cellWidget(0, 0).currentText() == "— aucun —"
    window.document.undo_stack.undo()
    assert consultation.offers[0].partner_id == "p1"


def test_consultation_form_and_documents(window, monkeypatch, tmp_path):
    page = consultations(window, "cs2")
    form = page.list_pages["consultations"].form
    type_into(None, form.widgets["title"], "Lot 2 – Gouvernance")
    assert window.document.item("consultations", "cs2").title == "Lot 2 – Gouvernance"
    target = tmp_path / "cdc.pdf"
    monkeypatch.setattr(file_dialogs, "ask_save_file", lambda *args, **kwargs: target)
    page.documents.specifications.click()
    text = flat(pdf_text(target.read_bytes()))
    assert "Lot 2 – Gouvernance" in text and "Lot 1" not in text


def test_actual_amounts_are_entered_beside_the_forecast_and_undone(qtbot, window):
    budget = window.show_page("budget")
    costs = budget.list_pages["costs"]
    costs.select("c4")
    type_into(qtbot, costs.form.widgets["actual_amount"], "5 600", finish=True)
    cost = window.document.item("costs", "c4")
    assert cost.actual_amount == Decimal("5600.00")
    funding = budget.list_pages["funding"]
    funding.select("f4")
    type_into(qtbot, funding.form.widgets["actual_amount"], "1050", finish=True)
    assert window.document.item("funding", "f4").actual_amount == Decimal("1050.00")
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    assert cost.actual_amount is None


def test_realised_view_highlights_and_explains_significant_differences(qtbot, window):
    document = window.document
    budget = window.show_page("budget")
    view = budget.realised
    funding = budget.list_pages["funding"]
    funding.select("f4")
    type_into(qtbot, funding.form.widgets["actual_amount"], "1050", finish=True)  # -30 % on group 70
    view.refresh()
    row = view.group_row("70")
    assert view.table.item(row, 5).text() == "-30,0\u00a0%"
    assert view.table.item(row, 1).background().color().name() == "#f8d7da"
    assert view.table.item(row, 3).text() == "1\u202f050,00\u00a0€"
    view.table.item(row, 6).setText("Quatre structures ont été exonérées de participation.")
    assert document.pathway.variance_explanations == {"70": "Quatre structures ont été exonérées de participation."}
    view.refresh()
    assert view.table.item(view.group_row("70"), 1).background().color().name() != "#f8d7da"
    document.undo_stack.undo()
    assert document.pathway.variance_explanations == {}
    assert view.table.item(view.group_row("62"), 3).text() == "non saisi"


def test_realised_view_judges_a_group_on_its_lines_entered(qtbot, window):
    budget = window.show_page("budget")
    view, costs = budget.realised, budget.list_pages["costs"]
    costs.select("c2")
    type_into(qtbot, costs.form.widgets["actual_amount"], "1750", finish=True)  # the first invoice, as forecast
    view.refresh()
    row = view.group_row("62")
    assert view.table.item(row, 5).text() == "-92,4\u00a0%"  # against the whole forecast, as the report prints
    assert view.table.item(row, 1).background().color().name() != "#f8d7da"  # but no difference to explain
    costs.select("c4")
    type_into(qtbot, costs.form.widgets["actual_amount"], "8050", finish=True)  # 6 300 € forecast
    view.refresh()
    row = view.group_row("62")
    assert view.table.item(row, 1).background().color().name() == "#f8d7da"
    assert view.table.item(row, 1).toolTip().replace("\u202f", " ").replace("\u00a0", " ") == (
        "Sur les lignes déjà saisies, écart de +1 750,00 € (+21,7 %) sans explication : écrivez-la dans la "
        "dernière colonne")


def test_phase_form_has_the_direct_award_reason(qtbot, window):
    page = window.show_page("phases").list_pages["phases"]
    page.select("ph9")
    type_into(qtbot, page.form.widgets["direct_award_reason"], "Seul organisme agréé sur le territoire")
    assert window.document.item("phases", "ph9").direct_award_reason == "Seul organisme agréé sur le territoire"


def test_a_finding_on_a_consultation_opens_it(window):
    from parcours_designer.model.kinds import kind_of_target

    window.open_item(kind_of_target("consultation").list_name, "cs2")
    page = window.page("consultations")
    assert window.stack.currentWidget() is page
    assert page.list_pages["consultations"].current_id() == "cs2"
    assert page.offers.table.cellWidget(0, 0).currentText() == "Julien Lefèvre – Conseil ESS"


def test_financial_report_is_exported_for_one_funder_from_the_realised_tab(window, monkeypatch, tmp_path):
    view = window.show_page("budget").realised
    funders = [view.funder.itemText(i) for i in range(view.funder.count())]
    assert funders[1:] == ["État – DREETS Normandie (DLA)", "Banque des Territoires",
                           "Conseil départemental de la Manche", "Théâtre de la Halle, Coutances"]
    view.funder.setCurrentIndex(3)
    asked = {}

    def save_as(_parent, _title, suggested, *_rest):
        asked["suggested"] = suggested
        return tmp_path / "crf.pdf"

    monkeypatch.setattr(file_dialogs, "ask_save_file", save_as)
    view.report_button.click()
    assert asked["suggested"].name.endswith("-financial-report-p6.pdf")
    text = flat(pdf_text((tmp_path / "crf.pdf").read_bytes()))
    assert "À l'attention de : Conseil départemental de la Manche" in text


def test_criteria_are_read_whole_at_1366_by_768_and_numbered_as_the_offers_columns(window):
    window.resize(1366, 768)
    page = consultations(window)
    QApplication.processEvents()
    table = page.criteria.table
    assert not table.horizontalScrollBar().isVisible()
    assert [table.verticalHeaderItem(r).text() for r in range(table.rowCount())] == ["C1", "C2", "C3", "C4"]
    offers_headers = [page.offers.table.horizontalHeaderItem(c).text() for c in range(3, 7)]
    assert offers_headers == ["C1", "C2", "C3", "C4"]
    for row in range(table.rowCount()):  # each name wrapped whole in its row, not cut
        needed = table.fontMetrics().boundingRect(0, 0, table.columnWidth(0) - 8, 10_000,
                                                  int(Qt.TextFlag.TextWordWrap), table.item(row, 0).text()).height()
        assert table.rowHeight(row) >= needed
