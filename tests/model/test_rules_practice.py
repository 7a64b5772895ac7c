"""Issue 11 rules: the specific fixes and the rules brought in for seed 001 C16, C32, C39,
the officer's peer exchanges, RSE commitments and the approach to each actor."""

from __future__ import annotations

from decimal import Decimal

from parcours_designer.model.check.context import Context
from parcours_designer.model.check.registry import RULES
from parcours_designer.model.entities import (
    Audience,
    Commitment,
    Cost,
    Deliverable,
    Funding,
    Indicator,
    Partner,
    PeerExchange,
    Phase,
    Review,
    Topic,
)
from parcours_designer.model.enums import (
    DeliverableStatus,
    IndicatorKind,
    Modality,
    PartnerKind,
    PhaseStatus,
)
from parcours_designer.model.pathway import Pathway


def found(pathway: Pathway, rule_id: str) -> list:
    return list(RULES[rule_id].check(Context(pathway)))


def targets(pathway: Pathway, rule_id: str) -> list:
    return [(hit.target_type, hit.target_id) for hit in found(pathway, rule_id)]


def test_a_local_authority_that_only_co_funds_need_not_take_part_in_a_phase():
    partners = [Partner(id="dep", kind=PartnerKind.LOCAL_AUTHORITY), Partner(id="mairie", kind=PartnerKind.LOCAL_AUTHORITY)]
    pathway = Pathway(title="T", partners=partners, funding=[Funding(id="f", account="74", partner_id="dep")])
    assert targets(pathway, "partner-not-involved") == [("partner", "mairie")]


def test_a_retroplanning_of_three_phases_needs_more_than_one_dependency():
    phases = [Phase(id="a"), Phase(id="b", depends_on=["a"]), Phase(id="c")]
    pathway = Pathway(title="T", phases=phases)
    assert "une seule étape dépend" in found(pathway, "no-phase-dependencies")[0].message
    phases[2].depends_on = ["b"]
    assert not found(pathway, "no-phase-dependencies")
    assert not found(Pathway(title="T", phases=[Phase(id="a"), Phase(id="b", depends_on=["a"])]),
                     "no-phase-dependencies")


def test_a_topic_without_partner_is_pointed_at_itself():
    review = Review(topics_to_report=[Topic(id="t1", text="Diffusion"), Topic(text="Sans id")])
    assert targets(Pathway(title="T", review=review), "topic-without-partner") == [("topic", "t1"), ("pathway", None)]


def test_a_hybrid_phase_is_partly_onsite():
    pathway = Pathway(title="T", phases=[Phase(id="a", title="Atelier", modality=Modality.HYBRID)])
    assert "a lieu en partie en présentiel" in found(pathway, "phase-without-location")[0].message


def test_budget_followed_against_its_baseline():
    cost = Cost(id="c", label="Consultante", quantity=Decimal("3"), unit_cost=Decimal("400"))
    pathway = Pathway(title="T", costs=[cost], phases=[Phase(id="a", status=PhaseStatus.IN_PROGRESS)])
    assert found(pathway, "no-budget-baseline")
    cost.baseline_amount = Decimal("1000.00")
    assert not found(pathway, "no-budget-baseline")
    message = found(pathway, "cost-over-baseline")[0].message.replace("\u202f", " ").replace("\xa0", " ")
    assert "1 200,00 €" in message and "1 000,00 €" in message and "+20 %" in message
    cost.baseline_amount = Decimal("1200.00")
    assert not found(pathway, "cost-over-baseline")


def test_kpis_have_a_target_and_a_source():
    indicators = [Indicator(id="q", kind=IndicatorKind.QUANTITATIVE, method="Feuilles"),
                  Indicator(id="l", kind=IndicatorKind.QUALITATIVE)]
    pathway = Pathway(title="T", indicators=indicators, partners=[Partner(id="p")])
    assert targets(pathway, "indicator-without-target") == [("indicator", "q")]
    assert targets(pathway, "indicator-without-source") == [("indicator", "l")]
    assert found(pathway, "indicators-not-co-built")
    indicators[1].partner_ids = ["p"]
    assert not found(pathway, "indicators-not-co-built")


def test_deliverables_of_a_finished_phase_are_accepted_or_refused():
    phase = Phase(id="a", title="Étude", status=PhaseStatus.DONE,
                  deliverables=["Rapport", Deliverable(title="Annexe", status=DeliverableStatus.ACCEPTED)])
    pathway = Pathway(title="T", phases=[phase])
    assert "Rapport" in found(pathway, "deliverable-not-checked")[0].message
    phase.deliverables[0] = Deliverable(title="Rapport", status=DeliverableStatus.REFUSED)
    assert not found(pathway, "deliverable-not-checked")
    assert targets(pathway, "deliverable-refused") == [("phase", "a")]
    phase.deliverables[0].comment = "Pas de recommandations"
    assert not found(pathway, "deliverable-refused")


def test_the_officers_peer_exchanges_are_what_counts():
    pathway = Pathway(title="T", phases=[Phase(id="a", kind="peer_exchange")])
    assert found(pathway, "no-officer-peer-exchange")  # a peer-exchange phase is for the beneficiaries
    pathway.peer_exchanges = [PeerExchange(id="pe1", network="Réseau DLA")]
    assert not found(pathway, "no-officer-peer-exchange")
    assert targets(pathway, "peer-exchange-not-applied") == [("peer_exchange", "pe1")]


def test_rse_commitments_are_taken_and_measured():
    pathway = Pathway(title="T")
    assert found(pathway, "no-rse-commitment")
    pathway.commitments = [Commitment(id="rse1", description="Covoiturage")]
    assert targets(pathway, "commitment-without-indicator") == [("commitment", "rse1")]


def test_each_actor_has_a_way_to_be_approached():
    pathway = Pathway(title="T", partners=[Partner(id="p", approach="Rendez-vous")], audiences=[Audience(id="a")])
    assert targets(pathway, "actor-without-approach") == [("audience", "a")]
