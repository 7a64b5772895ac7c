"""« Retenir cette offre »: the offer budgeted in full, for its consultation, the former provider paid no more."""

from __future__ import annotations

from decimal import Decimal

import pytest

from parcours_designer.model.budget import cost_amount
from parcours_designer.model.check import run_check
from parcours_designer.model.enums import PartnerStatus
from parcours_designer.model.frameworks import load_catalog
from parcours_designer.model.offer_choice import lines_of, offer_choice
from parcours_designer.paths import framework_folders
from tests.model.factories import example_pathway


def apply(pathway, edits) -> None:
    """What the editor's undo macro does, without Qt."""
    pathway.costs = [c for c in pathway.costs if c.id not in edits.removed]
    for cost in pathway.costs:
        for name, value in edits.updated.get(cost.id, {}).items():
            setattr(cost, name, value)
    pathway.costs += edits.added
    for partner in pathway.partners:
        partner.status = edits.statuses.get(partner.id, partner.status)
    for phase in pathway.phases:
        phase.partner_ids = edits.phases.get(phase.id, phase.partner_ids)


def choose(pathway, consultation_id: str, offer_id: str):
    edits = offer_choice(pathway, consultation_id, offer_id)
    apply(pathway, edits)
    pathway.index("consultations")[consultation_id].selected_offer_id = offer_id
    return edits


def fees(pathway, consultation_id: str) -> dict[str, Decimal]:
    """Partner id → what the budget pays it on the consultation's phases."""
    phases = pathway.index("consultations")[consultation_id].phase_ids
    paid: dict[str, Decimal] = {}
    for cost in pathway.costs:
        if cost.phase_id in phases and cost.partner_id:
            paid[cost.partner_id] = paid.get(cost.partner_id, Decimal(0)) + cost_amount(cost)
    return paid


def test_changing_the_choice_replaces_the_former_providers_lines():
    pathway = example_pathway()
    edits = choose(pathway, "cs1", "of2")  # Lefèvre instead of Tandem
    assert sorted(edits.removed) == ["c2", "c4", "c8"]
    assert [(c.id, c.phase_id, c.unit_cost, c.consultation_id) for c in edits.added] == [
        ("c15", "ph4", Decimal("2966.66"), "cs1"), ("c16", "ph6", Decimal("2966.66"), "cs1"),
        ("c17", "ph12", Decimal("2966.68"), "cs1")]
    assert sum(cost_amount(c) for c in edits.added) == Decimal("8900.00")
    assert "p1" not in fees(pathway, "cs1")
    assert edits.statuses == {"p1": PartnerStatus.CONTACTED}  # Tandem is chosen nowhere else, paid for nothing
    assert edits.budgeted == 3


def test_a_line_tied_to_another_consultation_does_not_stand_for_this_one():
    """Lefèvre holds c9 on ph12 for lot 2; choosing it for lot 1 too budgets lot 1's share of ph12 as well,
    and changing lot 1 again takes back lot 1's line only."""
    pathway = example_pathway()
    choose(pathway, "cs1", "of2")
    ph12 = sorted(c.id for c in pathway.costs if c.phase_id == "ph12" and c.partner_id == "p2")
    assert ph12 == ["c17", "c9"]
    assert [c.id for c in lines_of(pathway, pathway.consultations[1], "p2")] == ["c3", "c5", "c9"]
    edits = choose(pathway, "cs1", "of1")  # back to Tandem
    assert sorted(edits.removed) == ["c15", "c16", "c17"]
    assert "c9" in {c.id for c in pathway.costs}
    assert fees(pathway, "cs1")["p1"] == Decimal("9450.00")
    assert edits.statuses == {"p1": PartnerStatus.COMMITTED}  # p2 stays: chosen for lot 2


def test_a_fee_line_budgeted_without_provider_becomes_the_providers():
    pathway = example_pathway()
    pathway.index("costs")["c2"].partner_id = None
    pathway.consultations[0].selected_offer_id = None
    edits = choose(pathway, "cs1", "of1")
    assert edits.added == [] and edits.removed == []
    c2 = pathway.index("costs")["c2"]
    assert (c2.partner_id, c2.unit, cost_amount(c2), c2.consultation_id, c2.account) == \
           ("p1", "forfait", Decimal("3150.00"), "cs1", "6226")
    assert c2.label == "Prestation Cabinet Tandem Culture – Atelier collectif n° 1 : stratégie de diffusion"
    assert fees(pathway, "cs1")["p1"] == Decimal("9450.00")


def test_lines_already_making_the_offer_keep_their_detail():
    """Tandem's lines for lot 1 (2,5 + 9 + 2 days at 700 €) make its 9 450 € offer: choosing it again
    only ties them to the consultation."""
    pathway = example_pathway()
    edits = offer_choice(pathway, "cs1", "of1")
    assert edits.added == [] and edits.removed == [] and edits.statuses == {}
    assert edits.updated == {cost_id: {"consultation_id": "cs1"} for cost_id in ("c2", "c4", "c8")}
    assert edits.budgeted == 3


def test_money_spent_stays_and_keeps_its_provider_committed():
    pathway = example_pathway()
    pathway.index("costs")["c2"].actual_amount = Decimal("1750.00")  # Tandem already ran the workshop
    edits = choose(pathway, "cs1", "of2")
    assert sorted(edits.removed) == ["c4", "c8"]
    assert "p1" not in edits.statuses


def test_the_former_provider_paid_elsewhere_stays_committed():
    pathway = example_pathway()
    edits = choose(pathway, "cs2", "of4")  # Tandem instead of Lefèvre for lot 2
    assert sorted(edits.removed) == ["c3", "c5", "c9"]
    assert "p2" not in edits.statuses  # Lefèvre still runs the diagnostic (c1)
    assert fees(pathway, "cs2") == {"p1": Decimal("7100.00") + Decimal("1400.00")}  # + Tandem's c8 for lot 1


def test_lines_tied_to_the_consultation_go_when_its_choice_was_cleared():
    """« Nouvelle édition » clears offers and choices: the lines tied to the lot are last year's provider's."""
    pathway = example_pathway()
    choose(pathway, "cs1", "of2")
    consultation = pathway.consultations[0]
    consultation.selected_offer_id = None
    edits = offer_choice(pathway, "cs1", "of1")
    assert sorted(edits.removed) == ["c15", "c16", "c17"]


def test_an_offer_without_amount_adds_nothing_but_still_drops_the_former_lines():
    pathway = example_pathway()
    pathway.consultations[0].offers[1].amount = None
    edits = offer_choice(pathway, "cs1", "of2")
    assert edits.added == [] and sorted(edits.removed) == ["c2", "c4", "c8"] and edits.budgeted == 0


def test_an_unknown_offer_is_refused():
    with pytest.raises(KeyError):
        offer_choice(example_pathway(), "cs1", "of9")


def test_the_tie_to_a_consultation_is_a_reference_of_the_file():
    import json

    from parcours_designer.model import PathwayFileError, parse_pathway
    from parcours_designer.model.fileformat import dump_pathway
    from parcours_designer.model.references import remove_references

    pathway = example_pathway()
    choose(pathway, "cs1", "of2")
    again = parse_pathway(dump_pathway(pathway))
    assert again.index("costs")["c15"].consultation_id == "cs1"
    assert '"consultation_id"' not in json.dumps(json.loads(dump_pathway(example_pathway())))  # default unwritten
    document = json.loads(dump_pathway(pathway))
    document["pathway"]["consultations"] = document["pathway"]["consultations"][1:]
    with pytest.raises(PathwayFileError, match="consultation"):
        parse_pathway(json.dumps(document).encode("utf-8"))
    remove_references(pathway, "consultations", "cs1")  # deleting the consultation unties its lines
    assert all(c.consultation_id is None for c in pathway.costs)


@pytest.fixture(scope="module")
def framework():
    return load_catalog(framework_folders()).get("manager-ingenierie-culturelle")


def findings(pathway, framework, rule: str) -> list:
    return [f for f in run_check(pathway, framework).findings if f.rule == rule]


def test_a_phase_paid_to_another_provider_than_the_chosen_one_is_found(framework):
    pathway = example_pathway()
    assert not findings(pathway, framework, "phase-bought-without-consultation")
    pathway.consultations[0].selected_offer_id = "of2"  # chosen Lefèvre, Tandem's lines left
    hits = findings(pathway, framework, "phase-bought-without-consultation")
    assert {f.target_id for f in hits} == {"ph4", "ph6", "ph12"}  # ph12: both lots chose Lefèvre
    assert "payée à « Cabinet Tandem Culture » alors que la consultation a retenu " \
           "« Julien Lefèvre – Conseil ESS »" in hits[0].message
    pathway.consultations[0].selected_offer_id = "of1"
    choose(pathway, "cs1", "of2")  # as the editor does it: Tandem's lines for lot 1 go
    assert not findings(pathway, framework, "phase-bought-without-consultation")


def test_the_chosen_offers_provider_deleted_is_found(framework):
    pathway = example_pathway()
    assert not findings(pathway, framework, "offer-chosen-without-provider")
    pathway.consultations[0].offers[0].partner_id = None  # what deleting Tandem leaves
    hits = findings(pathway, framework, "offer-chosen-without-provider")
    assert [f.target_id for f in hits] == ["cs1"] and "l'offre retenue n'a pas de prestataire" in hits[0].message


def test_an_offer_not_scored_on_every_criterion_is_found(framework):
    pathway = example_pathway()
    assert not findings(pathway, framework, "offer-partly-scored")
    del pathway.consultations[1].offers[1].scores["k2"]
    hits = findings(pathway, framework, "offer-partly-scored")
    assert [f.target_id for f in hits] == ["cs2"]
    assert "l'offre de « Cabinet Tandem Culture » n'est pas notée sur C2 : son rang n'est pas comparable" \
        in hits[0].message
    assert hits[0].competence_ids == ("c38-prestataires",)
