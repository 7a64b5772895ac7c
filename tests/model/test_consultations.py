"""Consultations of providers: scores, ranking, integrity, proposed costs and check rules."""

from __future__ import annotations

from decimal import Decimal

import pytest

from parcours_designer.model import Cost, PathwayFileError, Phase, parse_pathway
from parcours_designer.model.check import run_check
from parcours_designer.model.consultations import (
    Consultation,
    Criterion,
    Offer,
    best_offers,
    chosen_without_being_best,
    proposed_costs,
    ranked_offers,
    weighted_score,
)
from parcours_designer.model.frameworks import load_catalog
from parcours_designer.model.references import referrers, remove_references
from parcours_designer.paths import framework_folders
from tests.model.factories import example_pathway, minimal_document

CRITERIA = [Criterion(id="k1", label="Méthode", weight=3), Criterion(id="k2", label="Prix", weight=1)]


def consultation(*offers: Offer, selected=None, reason="") -> Consultation:
    return Consultation(id="cs", title="Lot", phase_ids=["ph1"], criteria=CRITERIA, offers=list(offers),
                        selected_offer_id=selected, selection_reason=reason)


def test_weighted_score_is_over_the_criteria_scored_only():
    c = consultation()
    assert weighted_score(c, Offer(id="a", scores={"k1": 4, "k2": 2})) == Decimal("3.50")
    assert weighted_score(c, Offer(id="b", scores={"k2": 5})) == Decimal("5.00")
    assert weighted_score(c, Offer(id="c")) is None


def test_ranking_by_score_then_lower_amount_unscored_last():
    cheap = Offer(id="cheap", amount=Decimal("900"), scores={"k1": 4, "k2": 4})
    dear = Offer(id="dear", amount=Decimal("1200"), scores={"k1": 4, "k2": 4})
    best = Offer(id="best", amount=Decimal("2000"), scores={"k1": 5, "k2": 3})
    blank = Offer(id="blank", amount=Decimal("10"))
    ranking = ranked_offers(consultation(dear, blank, cheap, best, selected="cheap"))
    assert [r.offer.id for r in ranking] == ["best", "cheap", "dear", "blank"]
    assert [r.rank for r in ranking] == [1, 2, 3, 4]
    assert [r.selected for r in ranking] == [False, True, False, False]


def test_choice_not_best_ranked_needs_a_reason():
    good = Offer(id="good", scores={"k1": 5, "k2": 5})
    weak = Offer(id="weak", scores={"k1": 1, "k2": 5})
    assert best_offers(consultation(good, weak)) == [good]
    assert chosen_without_being_best(consultation(good, weak, selected="weak"))
    assert not chosen_without_being_best(consultation(good, weak, selected="good"))
    tie = Offer(id="tie", scores={"k1": 5, "k2": 5})
    assert not chosen_without_being_best(consultation(good, tie, selected="tie"))


def test_proposed_costs_share_the_amount_to_the_cent():
    c = Consultation(id="cs", phase_ids=["a", "b", "c"])
    offer = Offer(id="o", partner_id="p1", amount=Decimal("1000.00"))
    lines = proposed_costs(c, offer, "Cabinet", {"a": "Atelier", "b": "Suivi", "c": "Bilan"})
    assert [line.amount for line in lines] == [Decimal("333.33"), Decimal("333.33"), Decimal("333.34")]
    assert sum(line.amount for line in lines) == Decimal("1000.00")
    assert lines[0].label == "Prestation Cabinet – Atelier" and lines[0].partner_id == "p1"
    tiny = proposed_costs(c, Offer(id="t", amount=Decimal("0.05")), "X", {"a": "A", "b": "B", "c": "C"})
    assert all(line.amount >= 0 for line in tiny) and sum(line.amount for line in tiny) == Decimal("0.05")


def test_file_with_consultations_round_trips_and_checks_its_ids():
    body = {"partners": [{"id": "p1", "name": "Cabinet"}], "phases": [{"id": "ph1", "title": "Atelier"}],
            "consultations": [{"id": "cs1", "title": "Lot", "phase_ids": ["ph1"],
                               "criteria": [{"id": "k1", "label": "Méthode", "weight": 2}],
                               "offers": [{"id": "o1", "partner_id": "p1", "amount": "1200.50",
                                           "received_on": "2027-02-01", "scores": {"k1": 4}}],
                               "selected_offer_id": "o1"}]}
    import json

    pathway = parse_pathway(json.dumps(minimal_document(**body)).encode())
    assert pathway.consultations[0].offers[0].amount == Decimal("1200.50")
    bad_score = json.loads(json.dumps(body))
    bad_score["consultations"][0]["offers"][0]["scores"] = {"k9": 4}
    with pytest.raises(PathwayFileError, match="critère « k9 »"):
        parse_pathway(json.dumps(minimal_document(**bad_score)).encode())
    bad_choice = json.loads(json.dumps(body))
    bad_choice["consultations"][0]["selected_offer_id"] = "o7"
    with pytest.raises(PathwayFileError, match="l'offre « o7 » n'existe pas"):
        parse_pathway(json.dumps(minimal_document(**bad_choice)).encode())
    out_of_range = json.loads(json.dumps(body))
    out_of_range["consultations"][0]["offers"][0]["scores"] = {"k1": 6}
    with pytest.raises(PathwayFileError):
        parse_pathway(json.dumps(minimal_document(**out_of_range)).encode())
    dangling = json.loads(json.dumps(body))
    dangling["consultations"][0]["offers"][0]["partner_id"] = "p9"
    with pytest.raises(PathwayFileError, match="« p9 »"):
        parse_pathway(json.dumps(minimal_document(**dangling)).encode())


def test_deleting_a_provider_removes_it_from_offers():
    pathway = example_pathway()
    found = referrers(pathway, "partners", "p1")
    assert any(r.source == "offers" for r in found)
    remove_references(pathway, "partners", "p1")
    assert all(o.partner_id != "p1" for c in pathway.consultations for o in c.offers)


@pytest.fixture(scope="module")
def manager_framework():
    return load_catalog(framework_folders()).get("manager-ingenierie-culturelle")


def rules_found(pathway, framework):
    return {(f.rule, f.target_id) for f in run_check(pathway, framework).findings}


def test_rules_on_consultations(manager_framework):
    pathway = example_pathway()
    assert not {r for r, _ in rules_found(pathway, manager_framework)} & {
        "consultation-few-offers", "offer-choice-unjustified", "phase-bought-without-consultation"}
    lot = pathway.consultations[0]
    lot.offers = lot.offers[:1]
    lot2 = pathway.consultations[1]
    lot2.selected_offer_id = "of4"  # scored lower than of3
    found = rules_found(pathway, manager_framework)
    assert ("consultation-few-offers", "cs1") in found
    assert ("offer-choice-unjustified", "cs2") in found
    lot2.selection_reason = "Disponibilité immédiate"
    assert ("offer-choice-unjustified", "cs2") not in rules_found(pathway, manager_framework)


def test_phase_bought_without_consultation_or_reason(manager_framework):
    pathway = example_pathway()
    pathway.phases.append(Phase(id="ph99", title="Atelier supplémentaire"))
    pathway.costs.append(Cost(id="c99", label="Animation", account="6226", phase_id="ph99", partner_id="p1",
                              quantity=Decimal("1"), unit_cost=Decimal("700")))
    assert ("phase-bought-without-consultation", "ph99") in rules_found(pathway, manager_framework)
    pathway.phases[-1].direct_award_reason = "Urgence : remplacement au pied levé"
    assert ("phase-bought-without-consultation", "ph99") not in rules_found(pathway, manager_framework)


def test_a_proposed_line_is_a_flat_fee():
    from parcours_designer.model.consultations import FEES_ACCOUNT, ProposedCost

    cost = ProposedCost("Prestation X – Suivi", "b", "p1", Decimal("50.00")).as_cost("c9")
    assert (cost.account, cost.quantity, cost.unit, cost.unit_cost, cost.partner_id) == \
           (FEES_ACCOUNT, Decimal(1), "forfait", Decimal("50.00"), "p1")


def test_weighted_score_rounds_half_up_as_a_spreadsheet_does():
    c = Consultation(id="c", criteria=[Criterion(id="a", weight=3), Criterion(id="b", weight=3),
                                       Criterion(id="d", weight=2)])
    assert weighted_score(c, Offer(id="o", scores={"a": 5, "b": 4, "d": 4})) == Decimal("4.38")  # 35 / 8
