"""Large, valid, realistic-shaped pathways for benchmarks and stress tests."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from parcours_designer.model.entities import (
    Contact, Cost, Funding, Indicator, Need, Objective, Partner, Phase, Questionnaire,
)
from parcours_designer.model.enums import IndicatorKind, NeedSource, PartnerKind, PartnerStatus, PhaseKind
from parcours_designer.model.pathway import Pathway

KINDS = [PhaseKind.WORKSHOP, PhaseKind.INDIVIDUAL_SUPPORT, PhaseKind.PEER_EXCHANGE, PhaseKind.TRAINING,
         PhaseKind.DIAGNOSTIC, PhaseKind.STEERING, PhaseKind.REVIEW, PhaseKind.FOLLOW_UP]


def large_pathway(phases: int = 1000, partners: int = 300, costs: int = 2000) -> Pathway:
    """A pathway of the given size, with dependencies, links and a balanced budget."""
    start = date(2027, 1, 4)
    needs = [Need(id=f"n{i}", title=f"Besoin {i}", sources=[NeedSource.INTERVIEW]) for i in range(40)]
    objectives = [Objective(id=f"o{i}", title=f"Objectif {i}", need_ids=[f"n{i}"]) for i in range(40)]
    partner_list = [
        Partner(id=f"p{i}", name=f"Partenaire {i}", kind=PartnerKind.CONSULTANT if i % 3 else PartnerKind.SUPPORT_STRUCTURE,
                status=PartnerStatus.COMMITTED, contact=Contact(email=f"p{i}@exemple.fr"))
        for i in range(partners)
    ]
    phase_list = [
        Phase(id=f"ph{i}", title=f"Étape {i}", kind=KINDS[i % len(KINDS)],
              start=start + timedelta(days=i // 4), end=start + timedelta(days=i // 4),
              objective_ids=[f"o{i % 40}"], partner_ids=[f"p{i % partners}"],
              depends_on=[f"ph{i - 4}"] if i >= 4 else [])
        for i in range(phases)
    ]
    cost_list = [
        Cost(id=f"c{i}", label=f"Intervention {i}", account="6226", phase_id=f"ph{i % phases}",
             partner_id=f"p{i % partners}", quantity=Decimal("1.5"), unit="jour", unit_cost=Decimal("612.35"))
        for i in range(costs)
    ]
    total = sum((Decimal("1.5") * Decimal("612.35") for _ in range(costs)), Decimal("0"))
    return Pathway(
        title="Parcours de grande taille", start=start, end=start + timedelta(days=phases // 4 + 30),
        needs=needs, objectives=objectives, partners=partner_list, phases=phase_list, costs=cost_list,
        funding=[Funding(id="f1", label="Subvention", account="74", amount=total.quantize(Decimal("0.01")))],
        indicators=[Indicator(id="i1", label="Indicateur", kind=IndicatorKind.QUANTITATIVE,
                              objective_ids=[o.id for o in objectives])],
        questionnaires=[Questionnaire(id="q1")],
    )
