"""The offers of a consultation compared: the grid the PDF and the XLSX print.

Offers by weighted score, highest first, equal scores by lower amount
(``model.consultations.ranked_offers``); the chosen offer marked, and the
reason of the choice when it is not the best ranked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Optional

from parcours_designer.model.consultations import (
    Consultation,
    Criterion,
    chosen_without_being_best,
    ranked_offers,
)
from parcours_designer.model.formatting import format_money
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.references import display_name

TITLE = "Comparaison des offres"
SELECTED_MARK = "Retenue"


@dataclass(frozen=True)
class OfferRow:
    rank: int
    provider: str
    received_on: Optional[date]
    amount: Optional[Decimal]
    scores: tuple[Optional[int], ...]  # one per criterion, in the consultation's order
    score: Optional[Decimal]
    selected: bool
    notes: str


@dataclass(frozen=True)
class OffersGrid:
    consultation: Consultation
    criteria: tuple[Criterion, ...]
    rows: tuple[OfferRow, ...]
    selection: str  # the choice stated plainly


def offers_grid(pathway: Pathway, consultation: Consultation) -> OffersGrid:
    partners = pathway.index("partners")
    rows = tuple(
        OfferRow(ranked.rank, _provider(partners, ranked.offer.partner_id), ranked.offer.received_on,
                 ranked.offer.amount, tuple(ranked.offer.scores.get(c.id) for c in consultation.criteria),
                 ranked.score, ranked.selected, ranked.offer.notes)
        for ranked in ranked_offers(consultation))
    return OffersGrid(consultation, tuple(consultation.criteria), rows, selection_sentence(consultation, rows))


def _provider(partners: dict, partner_id: Optional[str]) -> str:
    if partner_id is None:
        return "Prestataire non précisé"
    partner = partners.get(partner_id)
    return display_name(partner) if partner is not None else partner_id


def selection_sentence(consultation: Consultation, rows: tuple[OfferRow, ...]) -> str:
    chosen = next((row for row in rows if row.selected), None)
    if chosen is None:
        return "Aucune offre n'est encore retenue."
    amount = f" ({format_money(chosen.amount)})" if chosen.amount is not None else ""
    sentence = f"Offre retenue : {chosen.provider}{amount}, classée {_ordinal(chosen.rank)}."
    if not chosen_without_being_best(consultation):
        return sentence
    reason = consultation.selection_reason.strip()
    if reason:
        return f"{sentence} Elle n'est pas la mieux notée ; motif du choix : {reason}"
    return f"{sentence} Elle n'est pas la mieux notée et aucun motif de ce choix n'est écrit."


def _ordinal(rank: int) -> str:
    return "1re" if rank == 1 else f"{rank}e"
