"""Rules on buying from providers and accounting for the money (seed 001 C38, C39, C16)."""

from __future__ import annotations

from typing import Iterator

from parcours_designer.model.budget import cost_amount
from parcours_designer.model.check.context import Context
from parcours_designer.model.check.registry import Hit, Severity, hit, rule
from parcours_designer.model.consultations import chosen_without_being_best
from parcours_designer.model.enums import PartnerKind
from parcours_designer.model.formatting import format_percent, format_signed_money
from parcours_designer.model.realised import compute_realised
from parcours_designer.model.references import display_name

# Partners whose work is bought: a consultation is expected before a phase is.
PROVIDER_KINDS = (PartnerKind.CONSULTANT, PartnerKind.SUPPORT_STRUCTURE)


@rule("consultation-few-offers", Severity.WARNING, "Mise en concurrence des prestataires")
def consultation_few_offers(ctx: Context) -> Iterator[Hit]:
    for consultation in ctx.pathway.consultations:
        count = len(consultation.offers)
        if count < 2:
            received = "aucune offre" if count == 0 else "une seule offre"
            yield hit("consultations", consultation, f"La consultation « {display_name(consultation)} » "
                      f"n'a reçu que {received} : deux offres au moins permettent de comparer.")


@rule("offer-choice-unjustified", Severity.WARNING, "Choix motivé du prestataire")
def offer_choice_unjustified(ctx: Context) -> Iterator[Hit]:
    for consultation in ctx.pathway.consultations:
        if chosen_without_being_best(consultation) and not consultation.selection_reason.strip():
            yield hit("consultations", consultation, f"Dans la consultation « {display_name(consultation)} », "
                      "l'offre retenue n'est pas la mieux notée et aucun motif de ce choix n'est écrit.")


@rule("phase-bought-without-consultation", Severity.WARNING, "Achat de prestations")
def phase_bought_without_consultation(ctx: Context) -> Iterator[Hit]:
    consulted = {pid for c in ctx.pathway.consultations for pid in c.phase_ids}
    for phase_id, provider_name in _bought_phases(ctx).items():
        phase = ctx.phases_by_id[phase_id]
        if phase_id not in consulted and not phase.direct_award_reason.strip():
            yield hit("phases", phase, f"L'étape « {display_name(phase)} » est achetée à « {provider_name} » "
                      "sans consultation ni motif écrit (gré à gré).")


def _bought_phases(ctx: Context) -> dict[str, str]:
    """Phase id → the provider paid for it, for phases with a priced provider's line."""
    bought: dict[str, str] = {}
    for cost in ctx.pathway.costs:
        partner = ctx.partners_by_id.get(cost.partner_id) if cost.partner_id else None
        if (partner is not None and partner.kind in PROVIDER_KINDS and cost.phase_id in ctx.phases_by_id
                and cost_amount(cost) > 0):
            bought.setdefault(cost.phase_id, display_name(partner))
    return bought


@rule("variance-unexplained", Severity.WARNING, "Suivi du compte d'exploitation")
def variance_unexplained(ctx: Context) -> Iterator[Hit]:
    realised = compute_realised(ctx.pathway)
    for group in (*realised.charges, *realised.products):
        if group.unexplained:
            percent = group.judged.percent
            gap = format_percent(percent) if percent is not None else "sans prévision"
            scope = " sur les lignes saisies" if group.partial else ""
            yield Hit(f"Le groupe « {group.label} » s'écarte de sa prévision{scope} de "
                      f"{format_signed_money(group.judged.difference)} ({gap}) sans explication : "
                      "le compte rendu financier demande d'expliquer les écarts significatifs.")
