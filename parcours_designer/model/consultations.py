"""Consulting providers: the cahier des charges, the offers, their ranking.

A consultation buys some phases of the pathway from a provider (consultant,
cabinet, support structure). The officer writes the selection criteria with
their weights, records each provider's offer with a 0–5 score per criterion,
and chooses one. An offer's weighted score is Σ(weight × score) / Σ(weight)
over the criteria it is scored on, out of 5 (the file format's contract).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Annotated, Any, Optional

from pydantic import Field

from parcours_designer.model.entities import Cost, Entity
from parcours_designer.model.types import CENT, Id, IsoDate, Money, Weight

SCORE_MAX = 5
Score = Annotated[int, Field(ge=0, le=SCORE_MAX, strict=True)]
# The account of a provider's fee in the association budget form (honoraires).
FEES_ACCOUNT = "6226"


class Criterion(Entity):
    label: str = ""
    weight: Weight = 1


class Offer(Entity):
    partner_id: Optional[Id] = None
    received_on: Optional[IsoDate] = None
    amount: Optional[Money] = None
    # Criterion id → a score from 0 to 5.
    scores: dict[Id, Score] = Field(default_factory=dict)
    notes: str = ""


class Consultation(Entity):
    title: str = ""
    phase_ids: list[Id] = Field(default_factory=list)
    sent_on: Optional[IsoDate] = None
    deadline: Optional[IsoDate] = None
    # The cahier des charges: what is asked, beyond what the pathway says.
    description: str = ""
    # How and where providers answer (address, documents expected…).
    response_instructions: str = ""
    budget_ceiling: Optional[Money] = None
    show_budget_ceiling: bool = False
    criteria: list[Criterion] = Field(default_factory=list)
    offers: list[Offer] = Field(default_factory=list)
    selected_offer_id: Optional[Id] = None
    # Why the chosen offer is not the best ranked one, when it is not.
    selection_reason: str = ""

    def offer(self, offer_id: Optional[str]) -> Optional[Offer]:
        return next((offer for offer in self.offers if offer.id == offer_id), None)


def criterion_codes(count: int) -> list[str]:
    """The short names of a consultation's criteria, in order: C1, C2… (offers' columns, the check, the PDF)."""
    return [f"C{number}" for number in range(1, count + 1)]


def chosen_provider(consultation: Consultation) -> Optional[str]:
    """The partner id of the offer chosen (None: no choice, or an offer without provider)."""
    offer = consultation.offer(consultation.selected_offer_id)
    return offer.partner_id if offer is not None else None


def weighted_score(consultation: Consultation, offer: Offer) -> Optional[Decimal]:
    """Σ(weight × score) / Σ(weight) over the criteria scored, out of 5; None if none is.

    Rounded half-up to two decimals, as a spreadsheet's ROUND does (the offers grid's formula)."""
    scored = [(c.weight, offer.scores[c.id]) for c in consultation.criteria if c.id in offer.scores]
    total_weight = sum(weight for weight, _ in scored)
    if not total_weight:
        return None
    points = sum(weight * score for weight, score in scored)
    return (Decimal(points) / Decimal(total_weight)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class RankedOffer:
    rank: int
    offer: Offer
    score: Optional[Decimal]
    selected: bool


def ranked_offers(consultation: Consultation) -> list[RankedOffer]:
    """Offers by weighted score, highest first; equal scores by lower amount; unscored last."""

    def order(offer: Offer) -> tuple[Any, ...]:
        score = weighted_score(consultation, offer)
        amount = offer.amount if offer.amount is not None else Decimal("Infinity")
        return (score is None, -(score or 0), amount, consultation.offers.index(offer))

    ordered = sorted(consultation.offers, key=order)
    return [RankedOffer(position, offer, weighted_score(consultation, offer),
                        offer.id == consultation.selected_offer_id)
            for position, offer in enumerate(ordered, start=1)]


def best_offers(consultation: Consultation) -> list[Offer]:
    """The offers sharing the best weighted score (several on a tie), none if none is scored."""
    ranking = ranked_offers(consultation)
    if not ranking or ranking[0].score is None:
        return []
    return [r.offer for r in ranking if r.score == ranking[0].score]


def chosen_without_being_best(consultation: Consultation) -> bool:
    """The chosen offer is scored lower than another one."""
    chosen = consultation.offer(consultation.selected_offer_id)
    best = best_offers(consultation)
    return chosen is not None and bool(best) and chosen not in best


@dataclass(frozen=True)
class ProposedCost:
    """A cost line proposed when an offer is chosen: the fee for one phase."""

    label: str
    phase_id: str
    partner_id: Optional[str]
    amount: Decimal

    def as_cost(self, cost_id: str) -> Cost:
        """The budget line: a flat fee on the honoraires account."""
        return Cost(id=cost_id, label=self.label, account=FEES_ACCOUNT, phase_id=self.phase_id,
                    partner_id=self.partner_id, quantity=Decimal(1), unit="forfait", unit_cost=self.amount)


def proposed_costs(consultation: Consultation, offer: Offer, provider_name: str,
                   phase_titles: dict[str, str]) -> list[ProposedCost]:
    """The offer's amount shared between the phases bought, to the cent (the remainder on the last)."""
    if offer.amount is None or not consultation.phase_ids:
        return []
    phases = [p for p in consultation.phase_ids if p in phase_titles]
    if not phases:
        return []
    share = (offer.amount / len(phases)).quantize(CENT, rounding=ROUND_DOWN)
    amounts = [share] * (len(phases) - 1) + [offer.amount - share * (len(phases) - 1)]
    return [ProposedCost(f"Prestation {provider_name} – {phase_titles[phase_id]}", phase_id,
                         offer.partner_id, amount)
            for phase_id, amount in zip(phases, amounts)]
