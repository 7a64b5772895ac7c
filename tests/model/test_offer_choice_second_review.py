"""« Retenir cette offre » after the second review (issue 16): deleted provider, untied lots, who intervenes,
an offer renegotiated after the choice, a former provider's partly spent line."""

from __future__ import annotations

from decimal import Decimal

import pytest

from parcours_designer.model.budget import cost_amount
from parcours_designer.model.check import run_check
from parcours_designer.model.enums import PartnerStatus
from parcours_designer.model.frameworks import load_catalog
from parcours_designer.model.offer_choice import lines_of, offer_choice, unbudgeted_offer
from parcours_designer.model.references import remove_references
from parcours_designer.paths import framework_folders
from tests.model.factories import example_pathway
from tests.model.test_offer_choice import choose


@pytest.fixture(scope="module")
def framework():
    return load_catalog(framework_folders()).get("manager-ingenierie-culturelle")


def rule_hits(pathway, framework) -> list:
    return [f for f in run_check(pathway, framework).findings if f.rule == "offer-chosen-not-budgeted"]


def delete_lefevre(pathway) -> None:
    remove_references(pathway, "partners", "p2")
    pathway.partners = [p for p in pathway.partners if p.id != "p2"]


# --- 1. choosing again after the provider was deleted ------------------------------------------------------
def test_an_extra_unnamed_line_of_the_consultation_goes_and_a_spent_one_stays_at_what_was_spent():
    pathway = example_pathway()
    choose(pathway, "cs1", "of2")  # c15, c16, c17: Lefèvre's, tied to lot 1
    extra = pathway.index("costs")["c15"].model_copy(update={"id": "c90"})
    spent = pathway.index("costs")["c16"].model_copy(update={"id": "c91", "actual_amount": Decimal("500.00")})
    pathway.costs += [extra, spent]
    delete_lefevre(pathway)
    edits = offer_choice(pathway, "cs1", "of1")
    assert sorted(edits.updated) == ["c15", "c16", "c17", "c91"]  # lot 1's own lines taken over first
    assert edits.removed == ["c90"]
    assert edits.updated["c91"] == {"quantity": Decimal(1), "unit": "forfait", "unit_cost": Decimal("500.00")}
    assert "c9" not in edits.updated  # lot 2's former line on ph12


# --- 2. a provider holding both lots in a file without ties ------------------------------------------------
def both_lots_to_tandem(pathway) -> None:
    pathway.index("costs")["c9"].partner_id = "p1"
    pathway.consultations[1].selected_offer_id = "of4"


def test_untied_lines_on_a_shared_phase_are_shared_one_per_lot_in_file_order():
    pathway = example_pathway()
    both_lots_to_tandem(pathway)
    assert [c.id for c in lines_of(pathway, pathway.consultations[0], "p1")] == ["c2", "c4", "c8"]
    assert [c.id for c in lines_of(pathway, pathway.consultations[1], "p1")] == ["c9"]


def test_one_untied_line_for_two_lots_stays_nobodys():
    pathway = example_pathway()
    both_lots_to_tandem(pathway)
    pathway.costs = [c for c in pathway.costs if c.id != "c9"]
    assert [c.id for c in lines_of(pathway, pathway.consultations[0], "p1")] == ["c2", "c4"]
    assert [c.id for c in lines_of(pathway, pathway.consultations[1], "p1")] == []


def test_changing_a_lot_of_a_provider_holding_both_keeps_him_committed_for_the_other():
    pathway = example_pathway()
    both_lots_to_tandem(pathway)
    edits = choose(pathway, "cs1", "of2")
    assert sorted(edits.removed) == ["c2", "c4", "c8"]
    assert "p1" not in edits.statuses  # lot 2 is still his, c9 with it
    assert pathway.index("costs")["c9"].partner_id == "p1"


# --- 3. who intervenes in the phases bought ----------------------------------------------------------------
def test_the_former_provider_stays_on_a_phase_another_lot_still_buys_from_him():
    pathway = example_pathway()
    both_lots_to_tandem(pathway)
    edits = choose(pathway, "cs1", "of2")
    assert edits.phases == {"ph4": ["p2", "p7"], "ph6": ["p2"]}  # ph12 already names both
    assert pathway.index("phases")["ph12"].partner_ids == ["p1", "p2"]


def test_a_first_choice_adds_the_provider_to_the_phases_bought():
    pathway = example_pathway()
    pathway.consultations[0].selected_offer_id = None
    pathway.index("phases")["ph4"].partner_ids = ["p7"]
    edits = offer_choice(pathway, "cs1", "of1")
    assert edits.phases == {"ph4": ["p7", "p1"]}


def test_an_offer_without_provider_takes_the_former_one_off_the_phases():
    pathway = example_pathway()
    pathway.consultations[0].offers[1].partner_id = None
    edits = choose(pathway, "cs1", "of2")
    assert edits.phases == {"ph4": ["p7"], "ph6": [], "ph12": ["p2"]}


def test_the_choice_leaves_no_partner_finding_on_the_former_provider(framework):
    """Tandem named only in the phases lot 1 buys (not in the bilan ph11, where the officer would still have
    to decide): once Lefèvre is chosen, nothing names Tandem: neither « not committed » nor « without cost » on him."""
    pathway = example_pathway()
    pathway.index("phases")["ph11"].partner_ids = ["p2", "p3"]
    before = {(f.rule, f.target_id) for f in run_check(pathway, framework).findings}
    choose(pathway, "cs1", "of2")
    after = {(f.rule, f.target_id) for f in run_check(pathway, framework).findings}
    added = {(rule, target) for rule, target in after - before if target in ("p1", "p2")}
    assert added == {("partner-not-involved", "p1")}  # true: Tandem, consulted only, is in no phase now


# --- 4. an offer renegotiated after the choice -------------------------------------------------------------
def test_the_chosen_offer_budgeted_in_full_is_not_found(framework):
    pathway = example_pathway()
    assert unbudgeted_offer(pathway, pathway.consultations[0]) is None
    assert not rule_hits(pathway, framework)
    choose(pathway, "cs1", "of2")
    assert not rule_hits(pathway, framework)


def test_a_renegotiated_offer_is_found_and_choosing_it_again_budgets_it(framework):
    pathway = example_pathway()
    choose(pathway, "cs1", "of2")
    pathway.consultations[0].offers[1].amount = Decimal("7500.00")
    offer, budgeted = unbudgeted_offer(pathway, pathway.consultations[0])
    assert (offer.id, budgeted) == ("of2", Decimal("8900.00"))
    [hit] = rule_hits(pathway, framework)
    assert hit.target_id == "cs1"
    message = hit.message.replace("\u202f", " ").replace("\xa0", " ")
    assert "7 500,00 €" in message and "8 900,00 €" in message
    edits = choose(pathway, "cs1", "of2")
    assert edits.added == [] and edits.removed == [] and edits.statuses == {} and edits.phases == {}
    assert sum(cost_amount(c) for c in pathway.costs if c.consultation_id == "cs1") == Decimal("7500.00")
    assert unbudgeted_offer(pathway, pathway.consultations[0]) is None
    assert not rule_hits(pathway, framework)


def test_no_chosen_offer_or_no_amount_is_not_found(framework):
    pathway = example_pathway()
    pathway.consultations[0].offers[0].amount = None
    pathway.consultations[1].selected_offer_id = None
    assert unbudgeted_offer(pathway, pathway.consultations[0]) is None
    assert unbudgeted_offer(pathway, pathway.consultations[1]) is None
    assert not rule_hits(pathway, framework)


# --- 5. a former provider's partly spent line -------------------------------------------------------------
def test_a_partly_spent_line_keeps_its_rate_for_the_days_done(framework):
    pathway = example_pathway()
    pathway.index("costs")["c4"].actual_amount = Decimal("2100.00")
    edits = choose(pathway, "cs1", "of2")
    c4 = pathway.index("costs")["c4"]
    assert (c4.quantity, c4.unit, c4.unit_cost, cost_amount(c4)) == (3, "jour", Decimal("700.00"), Decimal("2100.00"))
    assert c4.consultation_id == "cs1"  # bought through lot 1: not « paid to another provider than the chosen one »
    assert not [f for f in run_check(pathway, framework).findings if f.rule == "phase-bought-without-consultation"]
    assert not rule_hits(pathway, framework)  # Lefèvre's 8 900 € are budgeted in full beside it
    assert "p1" not in edits.statuses  # paid for what he did
    assert "p1" in pathway.index("phases")["ph6"].partner_ids  # he did intervene there
    assert pathway.index("phases")["ph4"].partner_ids == ["p2", "p7"]


def test_a_partly_spent_line_not_making_whole_units_becomes_a_flat_fee_of_what_was_spent():
    pathway = example_pathway()
    pathway.index("costs")["c4"].actual_amount = Decimal("2000.00")
    choose(pathway, "cs1", "of2")
    c4 = pathway.index("costs")["c4"]
    assert (c4.quantity, c4.unit, c4.unit_cost, c4.label) == (
        1, "forfait", Decimal("2000.00"), "Accompagnements individuels diffusion (6 structures × 1,5 jour)")


def test_a_line_spent_in_full_or_more_keeps_its_forecast():
    pathway = example_pathway()
    pathway.index("costs")["c4"].actual_amount = Decimal("6500.00")
    edits = choose(pathway, "cs1", "of2")
    assert edits.updated["c4"] == {"consultation_id": "cs1"} and "c4" not in edits.removed
    assert cost_amount(pathway.index("costs")["c4"]) == Decimal("6300.00")
    assert pathway.index("partners")["p1"].status == PartnerStatus.COMMITTED
