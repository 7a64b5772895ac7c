"""Review of the fixes of issue 16: « Retenir cette offre » on states the fix's tests do not cover."""

from __future__ import annotations

from decimal import Decimal

from parcours_designer.model.budget import cost_amount
from parcours_designer.model.references import remove_references
from tests.model.factories import example_pathway
from tests.model.test_offer_choice import choose


def total(pathway) -> Decimal:
    return sum((cost_amount(c) for c in pathway.costs), Decimal(0))


def on_phase(pathway, phase_id: str) -> list:
    return [c for c in pathway.costs if c.phase_id == phase_id]


def test_choosing_again_after_the_provider_was_deleted_budgets_the_offer_once():
    """Lot 1 chose Lefèvre; Lefèvre withdraws and is deleted from the partners (his lines lose their
    provider); the officer retains Tandem's offer. Lot 1's own lines (tied to it) should become Tandem's;
    lot 2's former Lefèvre line on the shared phase ph12 is not lot 1's."""
    pathway = example_pathway()
    choose(pathway, "cs1", "of2")
    remove_references(pathway, "partners", "p2")
    pathway.partners = [p for p in pathway.partners if p.id != "p2"]
    before = total(pathway)
    lot_2_line = pathway.index("costs")["c9"].model_copy()
    lot_1_budget = sum((cost_amount(c) for c in pathway.costs if c.consultation_id == "cs1"), Decimal(0))
    choose(pathway, "cs1", "of1")
    assert pathway.index("costs")["c9"] == lot_2_line  # lot 2's line untouched
    assert total(pathway) == before - lot_1_budget + Decimal("9450.00")  # today: 2 966,68 € too much
    assert not [c for c in pathway.costs if c.consultation_id == "cs1" and c.partner_id is None]


def test_changing_a_lot_of_a_provider_holding_both_lots_drops_its_line_on_the_shared_phase():
    """A file from before the tie: Tandem holds both lots, with one line per lot on ph12 (c8, c9). Lot 1
    goes to Lefèvre: one of Tandem's two ph12 lines should go (lot 2 keeps the other)."""
    pathway = example_pathway()
    pathway.index("costs")["c9"].partner_id = "p1"
    pathway.consultations[1].selected_offer_id = "of4"  # Tandem for lot 2 as well
    before = total(pathway)
    choose(pathway, "cs1", "of2")
    tandem_ph12 = [c for c in on_phase(pathway, "ph12") if c.partner_id == "p1"]
    assert len(tandem_ph12) == 1  # today both stay
    lot_1_before = Decimal("1750.00") + Decimal("6300.00") + Decimal("1400.00")
    assert total(pathway) == before - lot_1_before + Decimal("8900.00")  # today: 1 400 € too much


def test_the_chosen_provider_replaces_the_former_one_in_the_phases_bought():
    """Lot 1 goes from Tandem to Lefèvre: the workshops it buys are run by Lefèvre now. Today ph4 and ph6
    still name Tandem only (plan, Gantt by partner, Tandem's own calendar), and the check adds
    « partner-not-committed » and « consultant-without-cost » on Tandem."""
    pathway = example_pathway()
    choose(pathway, "cs1", "of2")  # the fix's new edits must be applied by test_offer_choice.apply too
    phases = pathway.index("phases")
    for phase_id in ("ph4", "ph6"):
        assert "p2" in phases[phase_id].partner_ids and "p1" not in phases[phase_id].partner_ids


def test_a_chosen_offer_renegotiated_after_the_choice_is_found():
    """Lefèvre's offer chosen (8 900 €, budgeted in full), then negotiated down to 7 500 €: the budget still
    carries 8 900 € for lot 1, the button is disabled for the chosen offer, and the check is silent."""
    from parcours_designer.model.check import run_check
    from parcours_designer.model.frameworks import load_catalog
    from parcours_designer.paths import framework_folders

    framework = load_catalog(framework_folders()).get("manager-ingenierie-culturelle")
    pathway = example_pathway()
    choose(pathway, "cs1", "of2")
    before = {(f.rule, f.target_id) for f in run_check(pathway, framework).findings}
    pathway.consultations[0].offers[1].amount = Decimal("7500.00")
    tied = sum((cost_amount(c) for c in pathway.costs if c.consultation_id == "cs1"), Decimal(0))
    assert tied == Decimal("8900.00")
    after = {(f.rule, f.target_id) for f in run_check(pathway, framework).findings}
    assert any(target == "cs1" for _rule, target in after - before)


def test_a_partly_spent_line_of_the_former_provider_keeps_only_what_was_spent():
    """Tandem ran 2 of the 6 individual accompaniments of ph6 (2 100 € of 6 300 €) then withdrew; lot 1 goes
    to Lefèvre. The budget should carry the 2 100 € spent plus Lefèvre's 8 900 €, not Tandem's remaining
    4 200 € as well (today the forecast total is 4 200 € too high and the compte rendu shows a -66,7 %
    « écart » on a line nobody will spend any more)."""
    pathway = example_pathway()
    pathway.index("costs")["c4"].actual_amount = Decimal("2100.00")
    before = total(pathway)
    choose(pathway, "cs1", "of2")
    lot_1_before = Decimal("1750.00") + Decimal("6300.00") + Decimal("1400.00")
    assert total(pathway) == before - lot_1_before + Decimal("2100.00") + Decimal("8900.00")
